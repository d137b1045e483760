// The one JSON shape of an answer, shared by `npm run ask -- --json` and anything else that needs it.
import type { Answer, BreakdownRow, Owner, Suggestion } from './types.ts';

export interface AnswerJson {
  answered: boolean;
  owner: Owner | null;
  topic: string | null;
  title: string | null;
  service: string | null;
  confidence: number;
  rationale: string | null;
  source: string | null;
  suggestions: Suggestion[];
  breakdown: BreakdownRow[];
}

/** Maps an Answer to the documented JSON: depends → answered with owner null and a breakdown. */
export function toAnswerJson(answer: Answer): AnswerJson {
  const confidence = Math.round(answer.confidence * 1000) / 1000;
  if (answer.kind === 'unsure') {
    return {
      answered: false,
      owner: null,
      topic: null,
      title: null,
      service: null,
      confidence,
      rationale: null,
      source: null,
      suggestions: answer.suggestions,
      breakdown: [],
    };
  }
  const { topic } = answer;
  const answered = answer.kind === 'answered';
  return {
    answered: true,
    owner: answered ? answer.owner : null,
    topic: topic.id,
    title: topic.title,
    service: answered ? (answer.service?.short ?? null) : null,
    confidence,
    rationale: answered ? answer.rationale : topic.rationale,
    source: topic.source,
    suggestions: [],
    breakdown: answered ? [] : answer.breakdown,
  };
}
