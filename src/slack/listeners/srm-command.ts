// /srm: ack at once, then route — a subcommand from the table, a service's layer stack, or a question.
import type {
  AllMiddlewareArgs,
  Logger,
  RespondFn,
  SlackCommandMiddlewareArgs,
  SlashCommand,
} from '@slack/bolt';
import { findService, serviceStack } from '../../core/service-stack.ts';
import { helpMessage, topicsMessage } from '../blocks/help.ts';
import { stackMessage } from '../blocks/stack.ts';
import { SUBCOMMANDS } from '../ids.ts';
import { answerQuestion } from './ask.ts';
import type { ListenerDeps } from './deps.ts';
import { safeRespond } from './send.ts';

export interface SubcommandArgs {
  command: SlashCommand;
  /** The text after the subcommand word. */
  args: string;
  respond: RespondFn;
  client: AllMiddlewareArgs['client'];
  logger: Logger;
}

/** One `/srm <word>` handler; it runs after the ack and replies through respond(). */
export type Subcommand = (args: SubcommandArgs) => Promise<void>;

function builtInSubcommands(deps: ListenerDeps): Record<string, Subcommand> {
  return {
    [SUBCOMMANDS.help]: async ({ respond, logger }) =>
      void (await safeRespond(respond, logger, helpMessage())),
    [SUBCOMMANDS.topics]: async ({ respond, logger }) =>
      void (await safeRespond(respond, logger, topicsMessage(deps.engine.kb.topics))),
  };
}

export const srmCommand = (deps: ListenerDeps) => {
  // The routing table: a feature adds its words through deps.subcommands, one line in listeners/index.ts.
  const routes: Record<string, Subcommand> = { ...builtInSubcommands(deps), ...deps.subcommands };

  return async ({
    command,
    ack,
    respond,
    client,
    logger,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    await ack(); // within Slack's 3 s, before any work; the answer follows through response_url
    const text = command.text.trim();
    const [word = '', ...rest] = text.split(/\s+/);
    const route = text === '' ? routes[SUBCOMMANDS.help] : routes[word.toLowerCase()];
    if (route) return route({ command, args: rest.join(' '), respond, client, logger });

    const service = findService(deps.engine.kb.services, text);
    if (service) {
      await safeRespond(respond, logger, stackMessage(service, serviceStack(service)));
      return;
    }
    // Ephemeral and asked for explicitly: /srm always gets a reply, "slow down" included.
    const msg = await answerQuestion(deps, logger, { text, userId: command.user_id, shareable: true });
    if (msg) await safeRespond(respond, logger, msg);
  };
};
