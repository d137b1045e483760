// Answer button listeners with buildArgs fakes: Share, Did-you-mean, 👍, 👎 and its reason; bad values are ignored.
import { describe, expect, it, vi } from 'vitest';
import { encodeAnswerRef } from '../../../src/slack/action-values.ts';
import { section } from '../../../src/slack/blocks/mrkdwn.ts';
import { ACTIONS, actionId } from '../../../src/slack/ids.ts';
import { feedbackReason, feedbackVote, share, suggest } from '../../../src/slack/listeners/answer-actions.ts';
import { appHome } from '../../../src/slack/listeners/app-home.ts';
import { buildArgs, firstArg, testDeps } from '../../helpers/build-args.ts';

type ButtonArgs = Parameters<ReturnType<typeof share>>[0];
type HomeArgs = Parameters<ReturnType<typeof appHome>>[0];

const click = (action_id: string, value: string, body: Record<string, unknown> = {}) =>
  buildArgs({
    action: { type: 'button', action_id, value },
    body: { user: { id: 'UALICE' }, channel: { id: 'C1' }, container: { is_ephemeral: true }, ...body },
  });

describe('share', () => {
  it('posts the answer in the channel as "<@user> asked", then deletes the private copy', async () => {
    const args = click(
      ACTIONS.share,
      encodeAnswerRef({ t: 'hypervisor', s: null, q: '1', x: 'who secures <!here> the hypervisor' }),
    );
    await share(testDeps())(args as unknown as ButtonArgs);
    expect(args.ack).toHaveBeenCalledOnce();
    const [posted, removed] = args.respond.mock.calls.map((c) => c[0] as Record<string, unknown>);
    expect(posted).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
      unfurl_links: false,
    });
    expect(JSON.stringify(posted?.blocks)).toContain(
      '<@UALICE> asked: who secures &lt;!here&gt; the hypervisor',
    );
    expect(removed).toMatchObject({ delete_original: true });
  });

  it('ignores a tampered value, with a log line', async () => {
    const args = click(ACTIONS.share, '{"t": 42}');
    await share(testDeps())(args as unknown as ButtonArgs);
    expect(args.ack).toHaveBeenCalledOnce();
    expect(args.respond).not.toHaveBeenCalled();
    expect(args.logger.lines).toContain('warn share: unreadable button value');
  });
});

describe('suggest', () => {
  it('replaces the "not sure" message with the picked topic, remembering it for the thread', async () => {
    const deps = testDeps();
    const args = click(
      actionId(ACTIONS.suggest, 0),
      encodeAnswerRef({ t: 'security-groups', q: '2', x: 'sg?' }),
      {
        container: { is_ephemeral: false },
        message: { ts: '5.5', thread_ts: '5.0' },
      },
    );
    await suggest(deps)(args as unknown as ButtonArgs);
    const reply = firstArg(args.respond);
    expect(reply).toMatchObject({ replace_original: true });
    expect(String(reply.text)).toMatch(/^Customer: Security groups/);
    expect(JSON.stringify(reply.blocks)).not.toContain('Share in channel'); // public thread reply: already shared
    expect(deps.threads.get('C1:5.0')).toBe('security-groups');
  });
});

describe('feedback', () => {
  it('👍 records an up vote and thanks privately', async () => {
    const deps = testDeps();
    const record = vi.spyOn(deps.store, 'recordFeedback');
    const args = click(ACTIONS.feedbackUp, '12');
    await feedbackVote(deps, 'up')(args as unknown as ButtonArgs);
    expect(firstArg(record)).toMatchObject({ questionId: '12', userId: 'UALICE', vote: 'up' });
    expect(firstArg(args.respond)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('👎 records a down vote and asks why with three reasons', async () => {
    const deps = testDeps();
    const record = vi.spyOn(deps.store, 'recordFeedback');
    const args = click(ACTIONS.feedbackDown, '12');
    await feedbackVote(deps, 'down')(args as unknown as ButtonArgs);
    expect(firstArg(record)).toMatchObject({ vote: 'down' });
    const ids = JSON.stringify(firstArg(args.respond).blocks);
    for (const r of ['wrong-owner', 'bad-source', 'not-what-i-asked'])
      expect(ids).toContain(actionId(ACTIONS.feedbackReason, r));
  });

  it('the reason updates the vote and replaces the question', async () => {
    const deps = testDeps();
    const record = vi.spyOn(deps.store, 'recordFeedback');
    const args = click(actionId(ACTIONS.feedbackReason, 'bad-source'), '12');
    await feedbackReason(deps)(args as unknown as ButtonArgs);
    expect(firstArg(record)).toMatchObject({ questionId: '12', vote: 'down', reason: 'bad-source' });
    expect(firstArg(args.respond)).toMatchObject({ replace_original: true });
  });

  it('an unknown reason is ignored', async () => {
    const deps = testDeps();
    const record = vi.spyOn(deps.store, 'recordFeedback');
    await feedbackReason(deps)(
      click(actionId(ACTIONS.feedbackReason, 'because'), '12') as unknown as ButtonArgs,
    );
    expect(record).not.toHaveBeenCalled();
  });
});

describe('appHome', () => {
  it('publishes the home view with sections from deps.homeSections', async () => {
    const homeSections = vi.fn(async (user: string) => [section(`*Leaderboard* for <@${user}>`)]);
    const args = buildArgs({
      event: { type: 'app_home_opened', user: 'UALICE', tab: 'home', channel: 'D1' },
    });
    await appHome(testDeps({ homeSections }))(args as unknown as HomeArgs);
    const publish = firstArg(args.client.views.publish);
    expect(publish.user_id).toBe('UALICE');
    expect(JSON.stringify(publish.view)).toContain('*Leaderboard* for <@UALICE>');
  });

  it('does nothing for the Messages tab', async () => {
    const args = buildArgs({
      event: { type: 'app_home_opened', user: 'UALICE', tab: 'messages', channel: 'D1' },
    });
    await appHome(testDeps())(args as unknown as HomeArgs);
    expect(args.client.views.publish).not.toHaveBeenCalled();
  });
});
