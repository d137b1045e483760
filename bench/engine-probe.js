// Engine measurement in plain node on the compiled build (dist/), as `npm start` runs it; prints one JSON line.
// Plain JavaScript on purpose: a TypeScript loader would add its own ~38 MB to the RSS being measured.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../dist/core/engine.js';
import { formatProblems, loadKnowledge } from '../dist/knowledge/load.js';

const REPETITIONS = 20;

/** Variants a real channel produces: shouting, typos, Slack markup, filler, long pastes. */
function variants(q) {
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

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

const rssBeforeMb = maxRssMb();
const t0 = performance.now();
const loaded = loadKnowledge();
const t1 = performance.now();
if (!loaded.ok) throw new Error(formatProblems(loaded.problems));
const engine = createEngine(loaded.kb);
const t2 = performance.now();

const questions = readFileSync(new URL('../test/fixtures/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l).q)
  .flatMap(variants);
for (const q of questions) engine.ask(q); // warm-up: JIT and the speller cache, as in a running bot

const times = [];
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

process.stdout.write(
  `${JSON.stringify({
    topics: loaded.kb.topics.length,
    services: loaded.kb.services.length,
    loadMs: t1 - t0,
    indexMs: t2 - t1,
    timed: times.length,
    p50Ms: pct(times, 0.5),
    p99Ms: pct(times, 0.99),
    maxMs: times.at(-1) ?? 0,
    qps: questions.length / (batchMs / 1000),
    rssMb: maxRssMb(),
    rssBeforeMb,
    heapMb: process.memoryUsage().heapUsed / 1024 / 1024,
  })}\n`,
);
