// Fuzzing: the engine never throws and answers fast; every Block Kit payload stays valid, within limits, with fallback.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/core/engine.ts';
import type { LeaderboardRow, UserStats } from '../../src/core/quiz-scoring.ts';
import { serviceStack } from '../../src/core/service-stack.ts';
import { type Answer, OWNERS, type Service, type Topic } from '../../src/core/types.ts';
import { answerMessage } from '../../src/slack/blocks/answer.ts';
import {
  errorMessage,
  REASONS,
  reasonNotedMessage,
  slowDownMessage,
  thanksMessage,
  whyMessage,
} from '../../src/slack/blocks/feedback.ts';
import { helpMessage, topicsMessage } from '../../src/slack/blocks/help.ts';
import { homeView } from '../../src/slack/blocks/home.ts';
import { divider, escapeText, type SlackMessage } from '../../src/slack/blocks/mrkdwn.ts';
import {
  alreadyAnsweredMessage,
  quizClosedMessage,
  quizFeedbackMessage,
  quizGoneMessage,
  quizQuestionMessage,
  quizRevealMessage,
  quizView,
  quizWrongChannelMessage,
} from '../../src/slack/blocks/quiz.ts';
import {
  leaderboardBlocks,
  leaderboardMessage,
  notAdminMessage,
  noteMessage,
  notInChannelMessage,
  quizSettingsMessage,
  statsBlocks,
  statsMessage,
} from '../../src/slack/blocks/quiz-scores.ts';
import { stackMessage } from '../../src/slack/blocks/stack.ts';
import { pictureColumns } from '../../src/slack/listeners/app-home.ts';
import type { DownvoteReason } from '../../src/store/store.ts';
import { checkBlockKitLimits } from '../helpers/block-kit-limits.ts';
import { loadRealEngine } from '../helpers/bot-harness.ts';
import { answersOfEveryKind } from './answers.ts';
import { BIDI, CONTROL, chatText, EMOJI, SLACK_MARKUP, userText, ZERO_WIDTH } from './arbitraries.ts';
import { reportTally, tally } from './tally.ts';

reportTally(import.meta.filename);

const engine = loadRealEngine();
const kb = engine.kb;
const shapes = [...answersOfEveryKind(engine).values()];
/** Generous per-call bound: answers take ~1-10 ms; 200 ms only catches a pathological (e.g. regex) blow-up. */
const MAX_ASK_MS = 200;

/**
 * CPU milliseconds one call costs. CPU time, not wall time: CI machines run other test files in parallel, and a
 * descheduled worker is not a slow engine (measured this way the bound still caught a 2 s typo-correction case).
 */
function cpuMs(call: () => void): number {
  const before = process.cpuUsage();
  call();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Runs one fuzz case: counts it, and counts a throw as a crash before letting fast-check report it. */
function fuzzCase<A extends unknown[]>(body: (...input: A) => void): (...input: A) => void {
  return (...input) => {
    tally.fuzzCases++;
    try {
      body(...input);
    } catch (error) {
      if (!(error instanceof Error && error.name === 'AssertionError')) tally.crashes++;
      throw error;
    }
  };
}

/** A valid Slack payload: within every Block Kit limit, with a non-empty fallback, and serialisable. */
function expectValid(payload: SlackMessage | { view: unknown }, what: string): void {
  const body = payload as unknown as Record<string, unknown>;
  expect(checkBlockKitLimits(body), what).toEqual([]);
  if (!('view' in payload)) expect(payload.text.trim().length, `${what}: fallback text`).toBeGreaterThan(0);
  expect(() => JSON.parse(JSON.stringify(body)), what).not.toThrow();
}

describe('answer engine under arbitrary input', () => {
  it('warms up: the first exotic question costs JIT and Unicode-table set-up once, still well under a second', () => {
    // Measured: ~300 ms for the first question with rare scripts in a fresh process, then ~1 ms for the same one.
    const samples = [
      ...SLACK_MARKUP,
      ...EMOJI,
      ...BIDI,
      ...ZERO_WIDTH,
      ...CONTROL,
      '𒒱ﵠ包⮈ 𝁦⳻ꙑ𘤈🗼ऍ𝑼𑻫 𖩗𐼼𝛈ჽСȘ➌',
    ];
    for (const sample of samples) {
      const took = cpuMs(() => engine.ask(`who patches ${sample} on EC2?`, { topicId: kb.topics[0]?.id }));
      expect(took).toBeLessThan(1_000);
      tally.fuzzCases++;
    }
  });

  it('never throws, answers each question in bounded time, and every answer renders valid Block Kit', () => {
    const kinds = new Set<string>();
    let slowest = 0;
    const topicIds = kb.topics.map((t) => t.id);
    fc.assert(
      fc.property(
        userText,
        fc.option(fc.constantFrom(...topicIds), { nil: undefined }),
        fc.boolean(),
        fc.option(fc.stringMatching(/^U[A-Z0-9]{2,10}$/), { nil: undefined }),
        fuzzCase((question, topicId, shareable, askedBy) => {
          let answer = undefined as unknown as Answer;
          const took = cpuMs(() => {
            answer = engine.ask(question, topicId ? { topicId } : undefined);
          });
          slowest = Math.max(slowest, took);
          expect(took, `ask(${JSON.stringify(question.slice(0, 80))})`).toBeLessThan(MAX_ASK_MS);
          kinds.add(answer.kind === 'unsure' ? `unsure:${answer.reason}` : answer.kind);
          const msg = answerMessage({ answer, question, questionId: '42', shareable, askedBy });
          expectValid(msg, `answer (${answer.kind})`);
          // The same text against every shape the builder draws, whatever the engine made of this question.
          for (const shape of shapes)
            expectValid(answerMessage({ answer: shape, question, shareable, askedBy }), 'shape');
        }),
      ),
      { numRuns: 2_000 },
    );
    // Arbitrary text reaches the engine's main outcomes, not just its input guards.
    expect([...kinds]).toEqual(expect.arrayContaining(['answered', 'unsure:empty', 'unsure:too-long']));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect(slowest).toBeLessThan(MAX_ASK_MS);
  });

  it('a question of 80 unknown words, each spell-checked against the vocabulary, stays within the bound', () => {
    // The worst case the fuzzer found: every word is new to the typo cache (~2 s before the speller's pre-filter).
    for (const length of [4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 30]) {
      const words = fc.sample(fc.stringMatching(new RegExp(`^[a-z]{${length}}$`)), {
        numRuns: 80,
        seed: length,
      });
      const took = cpuMs(() => engine.ask(words.join(' ').slice(0, MAX_QUESTION_CHARS)));
      expect(took, `80 random ${length}-letter words`).toBeLessThan(MAX_ASK_MS);
      tally.fuzzCases++;
    }
  });

  it('rejects a 4 MB question (Bolt’s body limit) at once, and answers a direct topic for any ids', () => {
    const huge = '👨‍👩‍👧‍👦<!channel>'.repeat(200_000);
    let answer = undefined as unknown as Answer;
    const took = cpuMs(() => {
      answer = engine.ask(huge);
    });
    expect(took).toBeLessThan(MAX_ASK_MS);
    expect(answer).toMatchObject({ kind: 'unsure', reason: 'too-long' });
    expectValid(answerMessage({ answer, question: huge, questionId: '1', shareable: true }), 'huge');
    tally.fuzzCases++;

    // answerTopic takes ids from button values: forged ones must not throw either.
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...kb.topics.map((t) => t.id)), fc.string({ maxLength: 120 })),
        fc.oneof(fc.constant(null), fc.constantFrom(...kb.services.map((s) => s.id)), fc.string()),
        chatText,
        fuzzCase((topicId, serviceId, question) => {
          const answer: Answer = engine.answerTopic(topicId, serviceId);
          expectValid(answerMessage({ answer, question, shareable: true }), 'direct topic');
        }),
      ),
      { numRuns: 400 },
    );
  });
});

const ownerArb = fc.constantFrom(...OWNERS);
const countsArb = fc.record({ AWS: fc.nat(), Customer: fc.nat(), Shared: fc.nat() });
const quizArb = fc.record({
  id: fc.oneof(fc.nat().map(String), fc.stringMatching(/^[A-Za-z0-9-]{1,64}$/)),
  topicId: fc.oneof(fc.constantFrom(...kb.topics.map((t) => t.id)), fc.string({ maxLength: 40 })),
  serviceId: fc.oneof(fc.constant(null), fc.constantFrom(...kb.services.map((s) => s.id)), fc.string()),
  owner: ownerArb,
  practice: fc.boolean(),
});

describe('quiz payloads', () => {
  it('question, feedback, already-answered, closed, gone and reveal stay valid for any quiz and counts', () => {
    fc.assert(
      fc.property(
        quizArb,
        countsArb,
        fc.nat(),
        ownerArb,
        fuzzCase((quiz, counts, answered, choice) => {
          const view = quizView(kb, quiz);
          expectValid(quizQuestionMessage(view, answered), 'question');
          expectValid(quizFeedbackMessage(view, choice), 'feedback');
          expectValid(alreadyAnsweredMessage(view, choice), 'already answered');
          expectValid(quizClosedMessage(view), 'closed');
          expectValid(quizGoneMessage(), 'gone');
          expectValid(quizWrongChannelMessage(), 'wrong channel');
          expectValid(quizRevealMessage(view, counts), 'reveal');
        }),
      ),
      { numRuns: 600 },
    );
  });
});

/** Knowledge-base text is trusted, but the limits must hold for any size of it (a long title, a huge area). */
const mutatedTopic = fc
  .tuple(fc.constantFrom(...kb.topics), fc.option(userText), fc.option(userText))
  .map(
    ([topic, title, area]): Topic => ({ ...topic, title: title || topic.title, area: area || topic.area }),
  );
const mutatedService = fc
  .tuple(fc.constantFrom(...kb.services), fc.option(chatText), fc.option(chatText))
  .map(([s, name, short]): Service => ({ ...s, name: name || s.name, short: short || s.short }));

const rowArb: fc.Arbitrary<LeaderboardRow> = fc.record({
  userId: fc.stringMatching(/^[UW][A-Z0-9]{2,20}$/),
  points: fc.nat(),
  streak: fc.nat(),
  answered: fc.nat(),
  reachedAt: fc.constant(null),
});
const boardsArb = fc.option(
  fc.record({
    week: fc.array(rowArb, { maxLength: 30 }),
    month: fc.array(rowArb, { maxLength: 30 }),
    all: fc.array(rowArb, { maxLength: 30 }),
  }),
);
const statsArb: fc.Arbitrary<UserStats | null> = fc.option(
  fc.record({
    points: fc.nat(),
    answered: fc.nat(),
    accuracy: fc.double({ min: 0, max: 1, noNaN: true }),
    current: fc.nat(),
    best: fc.nat(),
  }),
);
const channelArb = fc.option(fc.stringMatching(/^[CG][A-Z0-9]{2,12}$/));

describe('help, topics, service stack, scores, settings, feedback and the Home tab', () => {
  it('help and feedback notes are valid as built', () => {
    for (const msg of [helpMessage(), thanksMessage(), errorMessage(true), errorMessage(false)])
      expectValid(msg, msg.text);
    for (const reason of Object.keys(REASONS) as DownvoteReason[])
      expectValid(reasonNotedMessage(reason), reason);
    expectValid(notAdminMessage(), 'not admin');
    fc.assert(
      fc.property(
        userText,
        fc.stringMatching(/^[CG][A-Z0-9]{2,12}$/),
        fuzzCase((text, channel) => {
          // Notes carry caller-escaped text of any length (Slack error details, quoted settings).
          expectValid(noteMessage(':warning:', escapeText(text)), 'note');
          expectValid(notInChannelMessage(channel), 'not in channel');
        }),
      ),
      { numRuns: 200 },
    );
  });

  it('topics and every service stack stay valid for the real knowledge base and any mutation of it', () => {
    expectValid(topicsMessage(kb.topics), 'topics');
    for (const service of kb.services) expectValid(stackMessage(service, serviceStack(service)), service.id);
    fc.assert(
      fc.property(
        fc.array(mutatedTopic, { maxLength: 300 }),
        mutatedService,
        fuzzCase((topics, service) => {
          expectValid(topicsMessage(topics), 'topics');
          expectValid(stackMessage(service, serviceStack(service)), 'stack');
        }),
      ),
      { numRuns: 150 },
    );
  });

  it('leaderboard, stats, settings, feedback prompts and the Home tab stay valid for any scores', () => {
    const columns = pictureColumns(kb.services);
    fc.assert(
      fc.property(
        boardsArb,
        statsArb,
        channelArb,
        fc.record({
          cron: fc.string({ maxLength: 300 }),
          tz: fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Chatham'),
          enabled: fc.boolean(),
        }),
        fc.option(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true })),
        fc.tuple(fc.string({ minLength: 1, maxLength: 100 }), fc.nat(), fc.nat()),
        fuzzCase((boards, stats, channel, schedule, nextRun, [questionId, limit, wait]) => {
          expectValid(leaderboardMessage(boards, channel), 'leaderboard');
          expectValid(statsMessage(stats), 'stats');
          expectValid(quizSettingsMessage({ ...schedule, channel }, nextRun), 'settings');
          expectValid(whyMessage(questionId), 'why');
          expectValid(slowDownMessage(limit, wait), 'slow down');
          const extra = [...statsBlocks(stats), divider(), ...leaderboardBlocks(boards, channel)];
          expectValid({ view: homeView(columns, extra) }, 'home');
        }),
      ),
      { numRuns: 400 },
    );
  });
});
