// Quiz blocks: buttons carry `<quizId>:<choice>`, the public question never gives the answer away, every payload fits.
import { describe, expect, it } from 'vitest';
import type { LeaderboardRow } from '../../../src/core/quiz-scoring.ts';
import type { Topic } from '../../../src/core/types.ts';
import {
  alreadyAnsweredMessage,
  quizFeedbackMessage,
  quizQuestionMessage,
  quizRevealMessage,
  quizView,
} from '../../../src/slack/blocks/quiz.ts';
import {
  leaderboardMessage,
  notAdminMessage,
  notInChannelMessage,
  quizSettingsMessage,
  statsMessage,
} from '../../../src/slack/blocks/quiz-scores.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { miniKb } from '../../fixtures/kb-mini/kb.ts';
import { checkBlockKitLimits } from '../../helpers/block-kit-limits.ts';

const daily = {
  id: '42',
  topicId: 'guest-os-patching',
  serviceId: 'rds',
  owner: 'AWS' as const,
  practice: false,
};
const view = quizView(miniKb, daily);
const json = (x: unknown) => JSON.stringify(x);
const fits = (payload: object) => expect(checkBlockKitLimits(payload as Record<string, unknown>)).toEqual([]);

describe('quizQuestionMessage', () => {
  it('asks about the topic on the service, with three buttons valued <quizId>:<choice>', () => {
    const msg = quizQuestionMessage(view, 0);
    fits(msg);
    expect(msg.text).toContain('Who is responsible for guest OS patching on RDS?');
    const buttons = msg.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as {
      value?: string;
      action_id?: string;
    }[];
    expect(buttons.map((b) => b.value)).toEqual(['42:AWS', '42:Customer', '42:Shared']);
    expect(buttons.every((b) => b.action_id?.startsWith(`${ACTIONS.quizAnswer}:`))).toBe(true);
  });

  it('shows how many answered, never the answer or the rationale', () => {
    const msg = quizQuestionMessage(view, 7);
    expect(json(msg)).toContain('7 people have answered');
    expect(json(msg)).not.toContain(miniKb.topics.find((t) => t.id === 'guest-os-patching')?.rationale);
    expect(json(msg)).not.toMatch(/answer is|:white_check_mark:/);
  });

  it('labels practice questions and shows no counter on them', () => {
    const msg = quizQuestionMessage(quizView(miniKb, { ...daily, practice: true }), 3);
    expect(json(msg)).toContain('Practice question');
    expect(json(msg)).not.toContain('answered');
  });

  it('stays within limits for a topic with an absurdly long title and rationale', () => {
    const long: Topic = {
      ...(miniKb.topics[0] as Topic),
      id: 'long',
      title: 'x'.repeat(5_000),
      rationale: 'y'.repeat(5_000),
    };
    const kb = { ...miniKb, topics: [...miniKb.topics, long] };
    const longView = quizView(kb, { ...daily, topicId: 'long', serviceId: null });
    for (const msg of [
      quizQuestionMessage(longView, 1),
      quizFeedbackMessage(longView, 'AWS'),
      quizRevealMessage(longView, { AWS: 1, Customer: 0, Shared: 0 }),
    ]) {
      fits(msg);
    }
  });
});

describe('feedback', () => {
  it('right: says so, with the rationale, the source and a /srm pointer', () => {
    const msg = quizFeedbackMessage(view, 'AWS');
    fits(msg);
    expect(msg.text).toBe('Right! It is AWS.');
    const body = json(msg);
    expect(body).toContain('managed services patch it for you');
    expect(body).toContain('AWS source');
    expect(body).toContain('/srm guest os patching on RDS');
  });

  it('wrong: names the correct owner and what was picked', () => {
    const msg = quizFeedbackMessage(view, 'Customer');
    expect(msg.text).toBe('Not quite: it is AWS, not Customer.');
    expect(json(msg)).toContain('You picked Customer');
  });

  it('a second click is told the first choice', () => {
    const msg = alreadyAnsweredMessage(view, 'Shared');
    fits(msg);
    expect(msg.text).toContain('You already answered Shared');
  });
});

describe('quizRevealMessage', () => {
  it('shows the answer, the share per option and the rationale', () => {
    const msg = quizRevealMessage(view, { AWS: 2, Customer: 1, Shared: 1 });
    fits(msg);
    const body = json(msg);
    expect(body).toContain('50% AWS :white_check_mark:');
    expect(body).toContain('25% Customer');
    expect(body).toContain('managed services patch it for you');
    expect(body).not.toContain('Most of us got this one wrong');
  });

  it('names the misconception when most got it wrong', () => {
    const body = json(quizRevealMessage(view, { AWS: 1, Customer: 3, Shared: 0 }));
    expect(body).toContain('Most of us got this one wrong: 75% picked Customer, but the answer is AWS.');
  });

  it('handles nobody answering', () => {
    const msg = quizRevealMessage(view, { AWS: 0, Customer: 0, Shared: 0 });
    fits(msg);
    expect(json(msg)).toContain('Nobody answered');
  });
});

describe('scores and settings', () => {
  const row = (userId: string, points: number, streak = 0): LeaderboardRow => ({
    userId,
    points,
    streak,
    answered: points,
    reachedAt: null,
  });

  it('leaderboard: three windows, top 10 each, medals for the first three', () => {
    const many = Array.from({ length: 15 }, (_, i) => row(`U${i}`, 15 - i, i % 4));
    const msg = leaderboardMessage({ week: many, month: many.slice(0, 2), all: [] }, 'CQUIZ');
    fits(msg);
    const body = json(msg);
    expect(body).toContain('This week');
    expect(body).toContain(':first_place_medal: <@U0>');
    expect(body).toContain('10. <@U9>');
    expect(body).not.toContain('<@U10>');
    expect(body).toContain('No points yet');
  });

  it('stats: points, streak, best and accuracy', () => {
    const msg = statsMessage({ points: 3, answered: 4, accuracy: 0.75, current: 2, best: 3 });
    fits(msg);
    expect(json(msg)).toContain('*3* points · streak *2* (best 3) · accuracy *75%* over 4 answers');
  });

  it('settings show the channel, schedule and next run in the quiz time zone', () => {
    const msg = quizSettingsMessage(
      { channel: 'CQUIZ', cron: '0 9 * * 1-5', tz: 'Europe/Berlin', enabled: true },
      new Date('2026-03-30T07:00:00Z'),
    );
    fits(msg);
    expect(json(msg)).toContain('<#CQUIZ>');
    expect(json(msg)).toContain('30 Mar 2026, 09:00 (Europe/Berlin)');
  });

  it('refusal and not-in-channel replies are polite and say how to fix it', () => {
    expect(notAdminMessage().text).toMatch(/^Sorry/);
    expect(json(notInChannelMessage('CQUIZ'))).toContain('/invite @srm-bot');
  });
});
