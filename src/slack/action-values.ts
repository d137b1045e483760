// What answer buttons carry in their `value`: a compact, zod-checked reference instead of the whole answer.
import { z } from 'zod';
import { clamp } from './blocks/mrkdwn.ts';

/** Enough to rebuild an answer: topic, service, the logged question id, and the question text for "asked: …". */
export const answerRefSchema = z.object({
  t: z.string().min(1).max(100),
  s: z.string().max(100).nullable().optional(),
  q: z.string().max(100).optional(),
  x: z.string().max(600).optional(),
});
export type AnswerRef = z.infer<typeof answerRefSchema>;

/** The question text is cut so the JSON stays far below the 2000-char button value limit. */
export function encodeAnswerRef(ref: AnswerRef): string {
  return JSON.stringify({ ...ref, ...(ref.x === undefined ? {} : { x: clamp(ref.x, 300) }) });
}

export function decodeAnswerRef(value: string | undefined): AnswerRef | null {
  if (!value) return null;
  try {
    const parsed = answerRefSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Feedback buttons carry only the logged question id. */
export const questionIdSchema = z.string().min(1).max(100);
