// Engine benchmark: knowledge load + validate + index time, per-question latency, batch throughput, peak RSS.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPath } from '../src/project-root.ts';

/** What bench/engine-probe.js prints. */
interface ProbeResult {
  topics: number;
  services: number;
  loadMs: number;
  indexMs: number;
  timed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  qps: number;
  rssMb: number;
  rssBeforeMb: number;
  heapMb: number;
}

const line = (label: string, value: string, target = ''): string =>
  `${label.padEnd(28)}${value.padStart(12)}${target ? `   (target ${target})` : ''}\n`;

/**
 * Measures in a child running plain node on dist/, with the flags `npm start` uses: this process runs
 * under tsx, whose loader alone would add ~38 MB to the peak RSS that production never pays.
 */
export async function run(): Promise<void> {
  if (!existsSync(projectPath('dist/main.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const child = spawnSync(process.execPath, ['--enable-source-maps', projectPath('bench/engine-probe.js')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`engine probe exited with ${child.status ?? child.signal}`);
  const r = JSON.parse(child.stdout) as ProbeResult;

  let out = line('topics / services', `${r.topics} / ${r.services}`);
  out += line('load + validate', `${r.loadMs.toFixed(1)} ms`);
  out += line('index build', `${r.indexMs.toFixed(1)} ms`);
  out += line('load + validate + index', `${(r.loadMs + r.indexMs).toFixed(1)} ms`, '< 300 ms');
  out += line('questions timed', String(r.timed));
  out += line('latency p50', `${r.p50Ms.toFixed(3)} ms`);
  out += line('latency p99', `${r.p99Ms.toFixed(3)} ms`, '< 2 ms');
  out += line('latency max', `${r.maxMs.toFixed(3)} ms`);
  out += line('batch throughput', `${Math.round(r.qps)} q/s`);
  out += line('peak RSS (node, dist/)', `${r.rssMb.toFixed(1)} MB`, '< 120 MB');
  // node with the compiled modules loaded, before the knowledge base is read; the rest is the engine's own.
  out += line('peak RSS before engine', `${r.rssBeforeMb.toFixed(1)} MB`);
  out += line('heap used after run', `${r.heapMb.toFixed(1)} MB`);
  process.stdout.write(out);
}
