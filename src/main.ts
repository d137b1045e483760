// Wiring only: config → knowledge → engine → store → Slack app → start; SIGTERM/SIGINT drain and exit 0.
import { loadConfig } from './config.ts';
import { createEngine } from './core/engine.ts';
import { formatProblems, loadKnowledge } from './knowledge/load.ts';
import { createApp } from './slack/app.ts';
import { openStore } from './store/open.ts';

/** Start-up problems are setup problems: one clear message, no stack trace. */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const config = loadConfig();

const knowledge = loadKnowledge();
if (!knowledge.ok)
  fail(`srm-bot cannot start: the knowledge base has problems:\n${formatProblems(knowledge.problems)}`);
const store = await openStore(config.databaseUrl).catch((error: Error) => fail(error.message));
const bot = createApp(config, { engine: createEngine(knowledge.kb), store });

try {
  const { port } = await bot.start();
  bot.logger.info(
    config.appToken ? 'running in Socket Mode' : `listening for Slack on :${port}/slack/events`,
  );
} catch (error) {
  const code = (error as { data?: { error?: string } }).data?.error;
  await store.close();
  fail(
    code === 'invalid_auth' || code === 'not_authed'
      ? `Slack rejected SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from OAuth & Permissions.`
      : `srm-bot could not start: ${(error as Error).message}`,
  );
}

let stopping = false;
const shutdown = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  bot.logger.info(`${signal}: finishing in-flight work`);
  await bot.stop();
  await store.close();
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
