import { configDefaults, defineConfig } from 'vitest/config';

// test/replicas stops and starts the PostgreSQL server that test/store/postgres.test.ts also uses, so it runs
// in a group of its own after every other file has finished (groups run in groupOrder); all other files still
// run in parallel with each other.
const REPLICAS = 'test/replicas/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, REPLICAS],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'replicas', include: [REPLICAS], sequence: { groupOrder: 1 } } },
    ],
  },
});
