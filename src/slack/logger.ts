// A Bolt-compatible logger that redacts Slack tokens and the signing secret from every line it prints.
import { type Logger, LogLevel } from '@slack/bolt';

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];
/** Any Slack token shape, even one we were never given (a pasted token in an error message). */
const TOKEN = /\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]+/g;

/** `xoxb-…` → `xoxb-[redacted]`: for log lines, and for user text that is echoed or stored. */
export const redactTokens = (text: string): string =>
  text.replace(TOKEN, (_m, kind: string) => `${kind}-[redacted]`);

export type LogSink = (level: LogLevel, line: string) => void;

const defaultSink: LogSink = (level, line) => {
  const stream = level === LogLevel.ERROR || level === LogLevel.WARN ? process.stderr : process.stdout;
  stream.write(`${line}\n`);
};

const render = (part: unknown): string => {
  if (part instanceof Error) return `${part.name}: ${part.message}`; // no stack: errors here are expected faults
  if (typeof part === 'string') return part;
  try {
    return JSON.stringify(part);
  } catch {
    return String(part);
  }
};

export function createLogger(
  level: LogLevel,
  secrets: readonly (string | undefined)[],
  sink = defaultSink,
): Logger {
  let current = level;
  let name = 'srm-bot';
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  const redact = (text: string): string => {
    let out = redactTokens(text);
    for (const secret of known) out = out.split(secret).join('[redacted]');
    return out;
  };
  const write =
    (at: LogLevel) =>
    (...parts: unknown[]): void => {
      if (ORDER.indexOf(at) < ORDER.indexOf(current)) return;
      sink(at, redact(`[${at.toUpperCase()}] ${name} ${parts.map(render).join(' ')}`));
    };
  return {
    debug: write(LogLevel.DEBUG),
    info: write(LogLevel.INFO),
    warn: write(LogLevel.WARN),
    error: write(LogLevel.ERROR),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
