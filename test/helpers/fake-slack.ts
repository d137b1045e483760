// A fake Slack Web API on 127.0.0.1: records every call (and response_url posts), scriptable to answer 429 or 500,
// never answer (client timeout) or drop the connection (reset).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response:<id>` for a response_url post. */
  method: string;
  body: Record<string, unknown>;
  at: number;
}

export type Scripted =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { body: Record<string, unknown> }
  /** Answer normally, but only after this long (an in-flight call at shutdown). */
  | { delayMs: number }
  /** Never answer, so the client's own timeout gives up; the call is not delivered (only in `attempts`). */
  | { hang: true }
  /** Drop the TCP connection without an answer (ECONNRESET / "other side closed" on the client). */
  | { reset: true };

export interface FakeSlack {
  /** The Web API base to pass as SLACK_API_URL. */
  apiUrl: string;
  calls: RecordedCall[];
  /** Every call, including those answered with 429/500 (which `calls` leaves out). */
  attempts: RecordedCall[];
  responseUrl(id: string): string;
  /** The next calls to `method` get these answers, in order, before the default success. */
  script(method: string, ...answers: Scripted[]): void;
  callsTo(method: string): RecordedCall[];
  /** Resolves with the next successful call to `method` (event-driven, for latency measurements). */
  next(method: string): Promise<RecordedCall>;
  /** Polls until `count` successful calls to `method` arrived, or fails at the deadline. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  reset(): void;
  close(): Promise<void>;
}

/** WebClient sends form bodies with nested values (blocks, view) as JSON strings; respond() sends JSON. */
function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.startsWith('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    try {
      out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const attempts: RecordedCall[] = [];
  const scripts = new Map<string, Scripted[]>();
  const waiters: { method: string; resolve: (call: RecordedCall) => void }[] = [];
  const hung = new Set<ServerResponse>();
  let ts = 1_700_000_000;

  const reply = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const success = (method: string, body: Record<string, unknown>): Record<string, unknown> => {
    if (method === 'auth.test')
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Test' };
    if (method === 'views.publish') return { ok: true, view: { id: 'V1', ...(body.view as object) } };
    ts += 1;
    return { ok: true, channel: body.channel ?? 'C1', ts: `${ts}.000100` };
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const method = path.startsWith('/response/')
        ? `response:${path.slice(10)}`
        : path.replace(/^\/api\//, '');
      const call = {
        method,
        body: parseBody(Buffer.concat(chunks).toString(), req.headers['content-type']),
        at: Date.now(),
      };
      attempts.push(call);
      const next = scripts.get(method)?.shift();
      if (next && 'status' in next && next.status === 429) {
        return reply(
          res,
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(next.retryAfter) },
        );
      }
      if (next && 'status' in next) return reply(res, 500, { ok: false, error: 'internal_error' });
      if (next && 'reset' in next) return void req.socket.destroy();
      if (next && 'hang' in next) {
        hung.add(res);
        res.on('close', () => hung.delete(res));
        return;
      }
      const delay = next && 'delayMs' in next ? next.delayMs : 0;
      setTimeout(() => finish(res, call, next), delay);
    });
  });
  const finish = (res: ServerResponse, call: RecordedCall, next: Scripted | undefined) => {
    const method = call.method;
    calls.push(call);
    for (const w of waiters.filter((x) => x.method === method)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(call);
    }
    if (method.startsWith('response:')) return reply(res, 200, { ok: true });
    return reply(res, 200, next && 'body' in next ? next.body : success(method, call.body));
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  return {
    apiUrl: `${base}/api/`,
    calls,
    attempts,
    responseUrl: (id) => `${base}/response/${id}`,
    script: (method, ...answers) => scripts.set(method, [...(scripts.get(method) ?? []), ...answers]),
    callsTo,
    next: (method) => new Promise((resolve) => waiters.push({ method, resolve })),
    async waitFor(method, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (callsTo(method).length < count) {
        if (Date.now() > deadline) {
          const seen = calls.map((c) => c.method).join(', ') || 'nothing';
          throw new Error(`timed out waiting for ${count}× ${method}; saw: ${seen}`);
        }
        await new Promise((r) => setTimeout(r, 10));
      }
      return callsTo(method);
    },
    reset() {
      calls.length = 0;
      attempts.length = 0;
      scripts.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hung) res.socket?.destroy(); // a hung call would otherwise keep close() waiting
        server.close(() => resolve());
      }),
  };
}
