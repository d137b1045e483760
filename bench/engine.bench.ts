// Engine benchmark: knowledge load + validate + index time, per-question latency, batch throughput, peak RSS.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../src/core/engine.ts';
import { formatProblems, loadKnowledge } from '../src/knowledge/load.ts';

const DEV = fileURLToPath(new URL('../test/fixtures/dev.jsonl', import.meta.url));
const REPETITIONS = 20;

/** Variants a real channel produces: shouting, typos, Slack markup, filler, long pastes. */
function variants(q: string): string[] {
  const swapped = q.replace(/(\w)(\w)(\w*)$/, '$2$1$3');
  return [
    q,
    q.toUpperCase(),
    swapped,
    `<@U01ABC> ${q} &amp; thanks!! 🙏`,
    `hey team, quick one: ${q}`,
    q.repeat(20),
  ];
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const line = (label: string, value: string, target = ''): string =>
  `${label.padEnd(28)}${value.padStart(12)}${target ? `   (target ${target})` : ''}\n`;

export async function run(): Promise<void> {
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const loaded = loadKnowledge();
  const t1 = performance.now();
  if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
  const engine = createEngine(loaded.kb);
  const t2 = performance.now();

  const questions = readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { q: string }).q)
    .flatMap(variants);
  for (const q of questions) engine.ask(q); // warm-up: JIT and the speller cache, as in a running bot

  const times: number[] = [];
  for (let r = 0; r < REPETITIONS; r++) {
    for (const q of questions) {
      const s = performance.now();
      engine.ask(q);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const batchStart = performance.now();
  for (const q of questions) engine.ask(q);
  const batchMs = performance.now() - batchStart;
  const rssMb = process.resourceUsage().maxRSS / 1024;

  let out = line('topics / services', `${loaded.kb.topics.length} / ${loaded.kb.services.length}`);
  out += line('load + validate', `${(t1 - t0).toFixed(1)} ms`);
  out += line('index build', `${(t2 - t1).toFixed(1)} ms`);
  out += line('load + validate + index', `${(t2 - t0).toFixed(1)} ms`, '< 300 ms');
  out += line('questions timed', String(times.length));
  out += line('latency p50', `${pct(times, 0.5).toFixed(3)} ms`);
  out += line('latency p99', `${pct(times, 0.99).toFixed(3)} ms`, '< 2 ms');
  out += line('latency max', `${(times.at(-1) ?? 0).toFixed(3)} ms`);
  out += line('batch throughput', `${Math.round(questions.length / (batchMs / 1000))} q/s`);
  out += line('peak RSS', `${rssMb.toFixed(1)} MB`, '< 120 MB');
  // The tsx/esbuild runtime alone is ~75 MB of that; the heap figure is what the engine itself holds.
  out += line('peak RSS before engine', `${rssBefore.toFixed(1)} MB`);
  out += line('heap used after run', `${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`);
  process.stdout.write(out);
}
