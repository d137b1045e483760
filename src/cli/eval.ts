// npm run eval -- FILE.jsonl: accuracy, abstention, confident-wrong, a confusion table and the misses.
import { readFileSync } from 'node:fs';
import { createEngine } from '../core/engine.ts';
import { type EvalCase, type EvalReport, evaluate, type Got, percent } from '../core/evaluate.ts';
import { OWNERS } from '../core/types.ts';
import { formatProblems, loadKnowledge } from '../knowledge/load.ts';

/** Parses JSONL; a bad line becomes a message instead of stopping the run. */
export function parseCases(text: string): { cases: EvalCase[]; errors: string[] } {
  const cases: EvalCase[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const v = JSON.parse(line) as Partial<EvalCase>;
      const ownerOk = v.owner === null || v.owner === undefined || OWNERS.includes(v.owner);
      if (typeof v.q !== 'string' || !ownerOk)
        throw new Error('needs "q" and "owner" (AWS|Customer|Shared|null)');
      cases.push({
        id: String(v.id ?? `line${i + 1}`),
        q: v.q,
        owner: v.owner ?? null,
        offtopic: v.offtopic,
        depends: v.depends,
      });
    } catch (err) {
      errors.push(`line ${i + 1}: ${(err as Error).message}`);
    }
  });
  return { cases, errors };
}

/** The printed report; its last line is `accuracy X% abstention Y% confident-wrong N`. */
export function formatReport(r: EvalReport, errors: string[]): string {
  const cols: Got[] = ['AWS', 'Customer', 'Shared', 'depends', 'unsure'];
  const out: string[] = [];
  for (const e of errors) out.push(`malformed ${e}`);
  out.push(`on-topic: ${r.correct}/${r.onTopic} correct (${percent(r.correct, r.onTopic)}%)`);
  out.push(`off-topic: ${r.abstained}/${r.offTopic} declined (${percent(r.abstained, r.offTopic)}%)`);
  out.push(`confident-wrong: ${r.confidentWrong}/${r.total} (${percent(r.confidentWrong, r.total)}%)`);
  out.push(
    '',
    `confusion (expected ↓ × got →)`,
    ['expected'.padEnd(10), ...cols.map((c) => c.padStart(9))].join(''),
  );
  for (const [expected, row] of r.confusion) {
    out.push([expected.padEnd(10), ...cols.map((c) => String(row.get(c) ?? 0).padStart(9))].join(''));
  }
  out.push('', `misses (${r.misses.length}):`);
  for (const m of r.misses)
    out.push(`  ${m.id}  expected ${m.expected}, got ${m.got} [${m.topic ?? '-'}]  ${m.q}`);
  out.push(
    `accuracy ${percent(r.correct, r.onTopic)}% abstention ${percent(r.abstained, r.offTopic)}% confident-wrong ${r.confidentWrong}`,
  );
  return out.join('\n');
}

function main(): number {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl\n');
    return 2;
  }
  const loaded = loadKnowledge();
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    return 1;
  }
  const { cases, errors } = parseCases(readFileSync(file, 'utf8'));
  process.stdout.write(`${formatReport(evaluate(createEngine(loaded.kb), cases), errors)}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
