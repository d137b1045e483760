// Hardening counts: each file tallies what actually ran, checks the zero-counts, and prints its line and the run total.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect } from 'vitest';

export interface Tally {
  fuzzCases: number;
  faultScenarios: number;
  crashes: number;
  unescapedEchoes: number;
  secretsInLogs: number;
  lostAcknowledgedAnswers: number;
}

const zero = (): Tally => ({
  fuzzCases: 0,
  faultScenarios: 0,
  crashes: 0,
  unescapedEchoes: 0,
  secretsInLogs: 0,
  lostAcknowledgedAnswers: 0,
});

/** This file's counts (vitest runs each file in its own worker, so a module-level object is per file). */
export const tally: Tally = zero();

const line = (t: Tally): string =>
  `fuzz cases ${t.fuzzCases} · fault scenarios ${t.faultScenarios} · crashes ${t.crashes} · ` +
  `unescaped echoes ${t.unescapedEchoes} · secrets in logs ${t.secretsInLogs} · ` +
  `lost acknowledged answers ${t.lostAcknowledgedAnswers}`;

const HERE = import.meta.dirname;
// Workers are forked by the one vitest process of this run, so its pid names the run's shared folder.
const RUN_DIR = join(tmpdir(), `srm-hardening-run-${process.ppid}`);

/**
 * Counts uncaught errors in this worker as crashes (vitest fails the run on them too), then, after the file: asserts
 * the zero-counts, prints this file's line, and the total over the files of this run that have finished.
 */
export function reportTally(file: string): void {
  const crashed = () => {
    tally.crashes++;
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);

  afterAll(() => {
    process.off('uncaughtException', crashed);
    process.off('unhandledRejection', crashed);
    const name = basename(file);
    console.log(`[hardening] ${name}: ${line(tally)}`);

    mkdirSync(RUN_DIR, { recursive: true });
    writeFileSync(join(RUN_DIR, `${name}.json`), JSON.stringify(tally));
    const expected = readdirSync(HERE).filter((f) => f.endsWith('.test.ts')).length;
    const done = readdirSync(RUN_DIR).filter((f) => f.endsWith('.json'));
    const total = zero();
    for (const f of done) {
      const t = JSON.parse(readFileSync(join(RUN_DIR, f), 'utf8')) as Tally;
      for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
    }
    const complete = done.length >= expected;
    console.log(
      `[hardening] ${complete ? 'TOTAL' : 'running total'} (${done.length}/${expected} files): ${line(total)}`,
    );
    if (complete) rmSync(RUN_DIR, { recursive: true, force: true });

    expect({
      crashes: tally.crashes,
      unescapedEchoes: tally.unescapedEchoes,
      secretsInLogs: tally.secretsInLogs,
      lostAcknowledgedAnswers: tally.lostAcknowledgedAnswers,
    }).toEqual({ crashes: 0, unescapedEchoes: 0, secretsInLogs: 0, lostAcknowledgedAnswers: 0 });
  });
}

/** Occurrences of any secret in any of the texts (each occurrence counts once). */
export function countSecrets(texts: readonly string[], secrets: readonly string[]): number {
  let n = 0;
  for (const text of texts) for (const secret of secrets) n += text.split(secret).length - 1;
  return n;
}
