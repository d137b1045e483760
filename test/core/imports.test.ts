// Dependencies point inward: src/core imports only fuse.js and other core files, and never reads the clock.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/core/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/core purity', () => {
  it.each(files)('%s imports only fuse.js and ./ core files', (file) => {
    const source = readFileSync(`${dir}${file}`, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]/g)].map(
      (m) => m[1],
    );
    const dynamic = [...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
    for (const spec of [...specifiers, ...dynamic]) {
      expect(spec === 'fuse.js' || /^\.\/[a-z0-9-]+\.ts$/.test(spec ?? ''), `${file}: ${spec}`).toBe(true);
    }
    expect(source).not.toMatch(/\bprocess\.|Date\.now|new Date\(\s*\)|@slack\/|node:/);
  });
});
