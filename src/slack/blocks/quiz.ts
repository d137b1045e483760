// Quiz → Block Kit: the question with AWS / Customer / Shared buttons, private feedback, and the reveal.
import { resolveOwner } from '../../core/owner.ts';
import { questionText } from '../../core/quiz-picker.ts';
import { misconceptionText, revealStats } from '../../core/quiz-reveal.ts';
import { type KnowledgeBase, OWNERS, type Owner, type Service, type Topic } from '../../core/types.ts';
import type { AnswerCounts, Quiz } from '../../store/store.ts';
import { ACTIONS, actionId, BLOCKS, COMMAND } from '../ids.ts';
import {
  actions,
  type Block,
  button,
  context,
  escapeText,
  message,
  type SlackMessage,
  safeUrl,
  section,
} from './mrkdwn.ts';
import { BADGES, badge } from './owner-badge.ts';

/** A quiz with what the blocks show about it, resolved from the knowledge base. */
export interface QuizView {
  quiz: Pick<Quiz, 'id' | 'topicId' | 'serviceId' | 'owner' | 'practice'>;
  topic: Topic | null;
  service: Service | null;
  question: string;
  rationale: string;
}

export function quizView(kb: KnowledgeBase, quiz: QuizView['quiz']): QuizView {
  const topic = kb.topics.find((t) => t.id === quiz.topicId) ?? null;
  const service = kb.services.find((s) => s.id === quiz.serviceId) ?? null;
  if (!topic) {
    // A topic removed from knowledge/ after it was asked: the stored owner still grades answers.
    return { quiz, topic, service, question: 'Who is responsible for this control?', rationale: '' };
  }
  const rationale = resolveOwner(topic, service)?.rationale ?? topic.rationale;
  return { quiz, topic, service, question: questionText(topic, service), rationale };
}

/** The button value carries `<quizId>:<choice>`, nothing else; the listener checks it with zod. */
export const answerValue = (quizId: string, choice: Owner): string => `${quizId}:${choice}`;

const LABELS: Record<Owner, string> = { AWS: 'AWS', Customer: 'Customer', Shared: 'Shared' };

function answerButtons(quizId: string): Block {
  return actions(
    BLOCKS.quizAnswers,
    OWNERS.map((owner) =>
      button(LABELS[owner], actionId(ACTIONS.quizAnswer, owner), answerValue(quizId, owner)),
    ),
  );
}

export const answeredLine = (count: number): string =>
  count === 0
    ? 'No answers yet — be the first. Your answer stays private.'
    : `${count} ${count === 1 ? 'person has' : 'people have'} answered. Answers stay private until the reveal.`;

/** The public daily question (or a private practice one): never shows who answered what, nor the answer. */
export function quizQuestionMessage(view: QuizView, answered = 0): SlackMessage {
  const title = view.quiz.practice ? ':dart: *Practice question*' : ':brain: *Daily SRM quiz*';
  const blocks: Block[] = [section(`${title}\n*${escapeText(view.question)}*`), answerButtons(view.quiz.id)];
  if (!view.quiz.practice) blocks.push(context(answeredLine(answered)));
  else blocks.push(context('Practice answers never change the leaderboard.'));
  return message(`Quiz: ${view.question}`, blocks);
}

const sourceLink = (topic: Topic | null): string | null => {
  const url = topic && safeUrl(topic.source);
  return url ? `:books: <${url}|AWS source>` : null;
};

/** `/srm <topic>` to read more: the title is what the engine matches best. */
const readMore = (view: QuizView): string | null =>
  view.topic
    ? `Read more: \`${COMMAND} ${escapeText(view.topic.title.toLowerCase())}${view.service ? ` on ${escapeText(view.service.short)}` : ''}\``
    : null;

function explanation(view: QuizView): Block[] {
  const blocks: Block[] = [];
  if (view.rationale) blocks.push(section(escapeText(view.rationale)));
  const footer = [sourceLink(view.topic), readMore(view)].filter((s): s is string => s !== null);
  if (footer.length > 0) blocks.push(context(...footer));
  return blocks;
}

/** Private feedback right after a click: right or wrong, the owner, why, the source, where to read more. */
export function quizFeedbackMessage(view: QuizView, choice: Owner): SlackMessage {
  const correct = choice === view.quiz.owner;
  const owner = BADGES[view.quiz.owner];
  const head = correct
    ? `:white_check_mark: *Right!* It is ${badge(owner)}.`
    : `:x: *Not quite.* You picked ${LABELS[choice]}; it is ${badge(owner)}.`;
  const text = correct
    ? `Right! It is ${view.quiz.owner}.`
    : `Not quite: it is ${view.quiz.owner}, not ${choice}.`;
  const blocks = [section(`${head}\n_${escapeText(view.question)}_`), ...explanation(view)];
  if (!view.quiz.practice)
    blocks.push(context(`${COMMAND} stats for your streak · ${COMMAND} leaderboard for the team`));
  return message(text, blocks);
}

/** A second click: the first answer counts, and the person is told which one that was. */
export function alreadyAnsweredMessage(view: QuizView, choice: Owner): SlackMessage {
  const correct = choice === view.quiz.owner;
  const text = `You already answered ${LABELS[choice]} — only your first answer counts.`;
  const verdict = correct ? 'That was right.' : `The answer is ${view.quiz.owner}.`;
  return message(text, [
    section(`:repeat: You already chose *${LABELS[choice]}*; only the first answer counts. ${verdict}`),
  ]);
}

export function quizClosedMessage(view: QuizView): SlackMessage {
  const text = `This question is closed: the answer was ${view.quiz.owner}.`;
  return message(text, [section(`:lock: ${text}`), ...explanation(view)]);
}

export function quizGoneMessage(): SlackMessage {
  const text = 'That quiz question no longer exists. A new one comes with the next quiz.';
  return message(text, [section(`:ghost: ${text}`)]);
}

/** A daily quiz answered from anywhere but its own channel's message: a forged or misrouted click. */
export function quizWrongChannelMessage(): SlackMessage {
  const text = "That button does not belong to this channel's quiz, so it was not counted.";
  return message(text, [section(`:no_entry_sign: ${text}`)]);
}

const bar = (percent: number): string => '█'.repeat(Math.round(percent / 10)) || '▏';

/** The reveal replaces the question: correct answer, share per option, rationale, and the misconception. */
export function quizRevealMessage(view: QuizView, counts: AnswerCounts): SlackMessage {
  const stats = revealStats(counts, view.quiz.owner);
  const rows = OWNERS.map((o) => {
    const mark = o === view.quiz.owner ? ' :white_check_mark:' : '';
    return `\`${bar(stats.percent[o]).padEnd(10, ' ')}\` ${stats.percent[o]}% ${LABELS[o]}${mark}`;
  });
  const who = stats.total === 0 ? 'Nobody answered this one.' : `${stats.total} answered.`;
  const blocks: Block[] = [
    section(`:brain: *Daily SRM quiz — the answer*\n*${escapeText(view.question)}*`),
    section(`${badge(BADGES[view.quiz.owner])}\n${rows.join('\n')}`),
  ];
  const misconception = misconceptionText(stats, view.quiz.owner);
  if (misconception) blocks.push(section(`:bulb: ${misconception}`));
  blocks.push(...explanation(view), context(who));
  return message(`Quiz answer: ${view.quiz.owner}. ${view.question}`, blocks);
}
