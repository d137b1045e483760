// npm run bench: runs every bench/*.bench.ts module's exported run(), each in its own process, in name order.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));

/** Child mode: run one section. A process per section keeps peak RSS and JIT state from leaking across sections. */
async function runSection(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(`${dir}${file}`).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') throw new Error(`${file} exports no run(): Promise<void>`);
  await mod.run();
}

const only = process.argv[2];
if (only) {
  await runSection(only);
} else {
  // The engine section measures the compiled build that `npm start` runs, so build it first.
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) throw new Error(`npm run build exited with ${build.status ?? build.signal}`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  let failed = 0;
  for (const file of files) {
    process.stdout.write(`\n== ${file.replace(/\.bench\.ts$/, '')} ==\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), file], {
      stdio: 'inherit',
    });
    if (child.status !== 0) {
      failed++;
      process.stdout.write(`FAILED: ${file} exited with ${child.status ?? child.signal}\n`);
    }
  }
  process.exitCode = failed > 0 ? 1 : 0;
}
