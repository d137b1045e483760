// npm run ask -- [--json] "question": the answer engine from the terminal, no Slack (stdin batch with --json).
import { createInterface } from 'node:readline';
import { toAnswerJson } from '../core/answer-json.ts';
import { createEngine } from '../core/engine.ts';
import type { Answer, Engine } from '../core/types.ts';
import { formatProblems, loadKnowledge } from '../knowledge/load.ts';

const USAGE = `usage: npm run ask -- "question"
       npm run --silent ask -- --json "question"
       npm run --silent ask -- --json < questions.txt   (one question per line, one JSON line each)`;

/** Human-readable rendering of one answer. */
export function formatAnswer(answer: Answer): string {
  const pct = `${Math.round(answer.confidence * 100)}%`;
  if (answer.kind === 'unsure') {
    const why =
      answer.reason === 'empty'
        ? 'That looks empty — ask me who owns something on AWS, e.g. "who patches the guest OS on EC2?"'
        : answer.reason === 'too-long'
          ? 'That is too long for me to read as one question — ask it in a sentence or two.'
          : answer.reason === 'off-topic'
            ? "I don't know that one — I only answer who owns what under the AWS Shared Responsibility Model."
            : "I don't know that one.";
    const lines = [why];
    if (answer.suggestions.length > 0) {
      lines.push('Closest topics I do know:');
      for (const s of answer.suggestions) lines.push(`  • ${s.title} (${s.topic})`);
    }
    return lines.join('\n');
  }
  const { topic } = answer;
  const lines: string[] = [];
  if (answer.kind === 'depends') {
    lines.push(`Owner: it depends on the service (${topic.title}, ${topic.id})`);
    for (const row of answer.breakdown) lines.push(`  • ${row.service}: ${row.owner}`);
    lines.push(topic.rationale);
  } else {
    lines.push(`Owner: ${answer.owner}`);
    lines.push(
      `Topic: ${topic.title} (${topic.id})${answer.service ? ` — applied to ${answer.service.short}` : ''}`,
    );
    lines.push(answer.rationale);
  }
  if (topic.split) {
    lines.push(`  AWS: ${topic.split.aws}`);
    lines.push(`  You: ${topic.split.customer}`);
  }
  lines.push(`Source: ${topic.source} (reviewed ${topic.reviewed}) · confidence ${pct}`);
  return lines.join('\n');
}

function parseArgs(argv: string[]): { json: boolean; question: string | null } | null {
  let json = false;
  const words: string[] = [];
  let rest = false;
  for (const arg of argv) {
    if (rest || !arg.startsWith('-') || arg === '-') words.push(arg);
    else if (arg === '--') rest = true;
    else if (arg === '--json') json = true;
    else return null;
  }
  return { json, question: words.length > 0 ? words.join(' ') : null };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args || (!args.json && args.question === null)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const loaded = loadKnowledge();
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    return 1;
  }
  const engine: Engine = createEngine(loaded.kb);
  if (args.question !== null) {
    const answer = engine.ask(args.question);
    process.stdout.write(`${args.json ? JSON.stringify(toAnswerJson(answer)) : formatAnswer(answer)}\n`);
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) process.stdout.write(`${JSON.stringify(toAnswerJson(engine.ask(line)))}\n`);
  return 0;
}

process.exitCode = await main();
