// Answer → Block Kit: owner badge first, topic and service, rationale, split or breakdown, source, buttons.
import type { Answer, Topic } from '../../core/types.ts';
import { encodeAnswerRef } from '../action-values.ts';
import { ACTIONS, actionId, BLOCKS } from '../ids.ts';
import { offScopeText } from './help.ts';
import {
  actions,
  type Block,
  type Button,
  button,
  clamp,
  context,
  defuse,
  escapeText,
  LIMITS,
  message,
  type SlackMessage,
  safeUrl,
  section,
} from './mrkdwn.ts';
import { BADGES, badge, DEPENDS_BADGE } from './owner-badge.ts';

export interface AnswerView {
  answer: Answer;
  /** What the person asked, echoed (defused) and carried on buttons. */
  question: string;
  /** The logged question's id: feedback buttons appear only with it. */
  questionId?: string;
  /** Ephemeral /srm answers get "Share in channel". */
  shareable?: boolean;
  /** Set when the answer is posted for everyone: "<@U…> asked: …". */
  askedBy?: string;
}

const sourceLine = (topic: Topic): string => {
  const url = safeUrl(topic.source);
  const link = url ? `<${url}|AWS source>` : 'AWS source';
  return `:books: ${link} · reviewed ${escapeText(topic.reviewed)}`;
};

const askedLine = (view: AnswerView): Block | null => {
  if (!view.question.trim()) return null;
  const who = view.askedBy ? `<@${view.askedBy}> asked` : 'You asked';
  return context(`${who}: ${defuse(view.question, 300)}`);
};

function answerButtons(view: AnswerView, topicId: string, serviceId: string | null): Block | null {
  const buttons: Button[] = [];
  if (view.questionId) {
    buttons.push(button('👍 Helpful', ACTIONS.feedbackUp, view.questionId));
    buttons.push(button('👎 Not right', ACTIONS.feedbackDown, view.questionId));
  }
  if (view.shareable) {
    const ref = encodeAnswerRef({ t: topicId, s: serviceId, q: view.questionId, x: view.question });
    buttons.push(button('Share in channel', ACTIONS.share, ref, 'primary'));
  }
  return buttons.length > 0 ? actions(BLOCKS.answerActions, buttons) : null;
}

function suggestionButtons(view: AnswerView, suggestions: { topic: string; title: string }[]): Block | null {
  if (suggestions.length === 0) return null;
  const buttons = suggestions
    .slice(0, 3)
    .map((s, i) =>
      button(
        s.title,
        actionId(ACTIONS.suggest, i),
        encodeAnswerRef({ t: s.topic, q: view.questionId, x: view.question }),
      ),
    );
  return actions(BLOCKS.suggestions, buttons);
}

const compact = (blocks: (Block | null)[]): Block[] => blocks.filter((b): b is Block => b !== null);

export function answerMessage(view: AnswerView): SlackMessage {
  const { answer } = view;
  const asked = askedLine(view);

  if (answer.kind === 'answered') {
    const b = BADGES[answer.owner];
    const on = answer.service ? ` on *${escapeText(answer.service.short)}*` : '';
    const split = answer.owner === 'Shared' && answer.topic.split ? answer.topic.split : null;
    const blocks = compact([
      asked,
      section(`${badge(b)}\n*${escapeText(answer.topic.title)}*${on}`),
      section(answer.rationale),
      split
        ? {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: clamp(`*AWS does*\n${split.aws}`, LIMITS.field) },
              { type: 'mrkdwn', text: clamp(`*You do*\n${split.customer}`, LIMITS.field) },
            ],
          }
        : null,
      context(sourceLine(answer.topic)),
      answerButtons(view, answer.topic.id, answer.service?.id ?? null),
    ]);
    const service = answer.service ? ` on ${answer.service.short}` : '';
    return message(`${answer.owner}: ${answer.topic.title}${service}. ${answer.rationale}`, blocks);
  }

  if (answer.kind === 'depends') {
    const rows = answer.breakdown.map(
      (r) => `${BADGES[r.owner].emoji} *${escapeText(r.service)}*: ${r.owner}`,
    );
    const blocks = compact([
      asked,
      section(`${badge(DEPENDS_BADGE)}\n*${escapeText(answer.topic.title)}*`),
      section(answer.topic.rationale),
      rows.length > 0 ? section(rows.join('\n')) : null,
      context(`Name a service for a straight answer, e.g. _“${escapeText(answer.topic.title)} on RDS?”_`),
      context(sourceLine(answer.topic)),
      answerButtons(view, answer.topic.id, null),
    ]);
    const summary = answer.breakdown.map((r) => `${r.service}: ${r.owner}`).join('; ');
    return message(`It depends on the service: ${answer.topic.title}. ${summary}`, blocks);
  }

  if (answer.reason === 'off-topic' || answer.reason === 'empty') {
    const blocks = compact([asked, section(offScopeText()), suggestionButtons(view, answer.suggestions)]);
    return message(offScopeText(), blocks);
  }
  const intro =
    answer.reason === 'too-long'
      ? 'That is a long one. Ask me one short question about who owns a control, e.g. _“who patches the guest OS on EC2?”_'
      : answer.suggestions.length > 0
        ? "I'm not sure which control you mean. Did you mean one of these?"
        : `I don't know that one yet. ${offScopeText()}`;
  const blocks = compact([
    asked,
    section(`:thinking_face: ${intro}`),
    suggestionButtons(view, answer.suggestions),
  ]);
  const titles = answer.suggestions.map((s) => s.title).join(', ');
  return message(titles ? `Not sure. Did you mean: ${titles}?` : intro, blocks);
}
