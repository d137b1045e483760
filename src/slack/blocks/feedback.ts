// Replies to 👍 / 👎: thanks, the three "why" buttons after a 👎, and the rate-limit and error notes.
import type { DownvoteReason } from '../../store/store.ts';
import { ACTIONS, actionId, BLOCKS } from '../ids.ts';
import { actions, button, message, type SlackMessage, section } from './mrkdwn.ts';

export const REASONS: Record<DownvoteReason, string> = {
  'wrong-owner': 'Wrong owner',
  'bad-source': 'Missing or bad source',
  'not-what-i-asked': 'Not what I asked',
};

export function thanksMessage(): SlackMessage {
  return message('Thanks for the feedback!', [section(':pray: Thanks — glad it helped.')]);
}

export function whyMessage(questionId: string): SlackMessage {
  const buttons = (Object.keys(REASONS) as DownvoteReason[]).map((reason) =>
    button(REASONS[reason], actionId(ACTIONS.feedbackReason, reason), questionId),
  );
  return message('Sorry about that. What was wrong?', [
    section(':thinking_face: Sorry about that. What was wrong with the answer?'),
    actions(BLOCKS.feedbackReasons, buttons),
  ]);
}

export function reasonNotedMessage(reason: DownvoteReason): SlackMessage {
  const text = `Noted: “${REASONS[reason]}”. Thanks — this goes straight into the list of answers to fix.`;
  return message(text, [section(`:memo: ${text}`)]);
}

export function slowDownMessage(limit: number, retryInSeconds: number): SlackMessage {
  const text =
    `Slow down a little — I answer up to ${limit} questions a minute per person. ` +
    `Try again in about ${retryInSeconds} s.`;
  return message(text, [section(`:hourglass_flowing_sand: ${text}`)]);
}

export function errorMessage(unavailable = false): SlackMessage {
  const text = unavailable
    ? 'My storage is unavailable right now; try again in a minute.'
    : 'Sorry, something went wrong on my side. Try again in a moment.';
  return message(text, [section(`:warning: ${text}`)]);
}
