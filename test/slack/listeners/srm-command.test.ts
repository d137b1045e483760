// /srm routing: ack first, help/topics/service/question, and the one-line seam for more subcommands.
import { describe, expect, it, vi } from 'vitest';
import type { Subcommand } from '../../../src/slack/listeners/srm-command.ts';
import { srmCommand } from '../../../src/slack/listeners/srm-command.ts';
import { buildArgs, firstArg, testDeps } from '../../helpers/build-args.ts';

type CommandArgs = Parameters<ReturnType<typeof srmCommand>>[0];
const command = (text: string) => ({
  command: '/srm',
  text,
  user_id: 'UALICE',
  channel_id: 'C1',
  response_url: 'x',
});

async function run(text: string, deps = testDeps()) {
  const args = buildArgs({ command: command(text) });
  await srmCommand(deps)(args as unknown as CommandArgs);
  return args;
}

describe('/srm', () => {
  it('acks before replying', async () => {
    const args = await run('who secures the hypervisor?');
    const ackOrder = args.ack.mock.invocationCallOrder[0] ?? 0;
    expect(ackOrder).toBeLessThan(args.respond.mock.invocationCallOrder[0] ?? 0);
  });

  it.each([
    ['', 'Ask me who owns a control'],
    ['help', 'Ask me who owns a control'],
    ['topics', 'I know '],
    ['rds', 'RDS responsibility stack'],
    ['Amazon EC2', 'EC2 responsibility stack'],
    ['who configures security groups?', 'Customer: Security groups'],
  ])('routes %j', async (text, expected) => {
    const reply = firstArg((await run(text)).respond);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(String(reply.text)).toContain(expected);
  });

  it('makes a question answer shareable', async () => {
    const reply = firstArg((await run('who configures security groups?')).respond);
    expect(JSON.stringify(reply.blocks)).toContain('Share in channel');
  });

  it('takes extra subcommands from deps (how the quiz plugs in), case-insensitively, with the rest as args', async () => {
    const quiz = vi.fn<Subcommand>(async ({ respond }) => void (await respond('quiz settings')));
    const args = await run('Quiz schedule "0 9 * * 1-5" UTC', testDeps({ subcommands: { quiz } }));
    expect(quiz).toHaveBeenCalledOnce();
    expect(firstArg(quiz).args).toBe('schedule "0 9 * * 1-5" UTC');
    expect(args.respond).toHaveBeenCalledWith('quiz settings');
  });

  it('logs a failing respond() instead of throwing', async () => {
    const args = buildArgs({ command: command('help') });
    args.respond.mockRejectedValueOnce(Object.assign(new Error('used up'), { statusCode: 404 }));
    await expect(srmCommand(testDeps())(args as unknown as CommandArgs)).resolves.toBeUndefined();
    expect(args.logger.lines).toContain('warn respond() failed with HTTP 404: used up');
  });
});
