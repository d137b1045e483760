// Takes the test's PostgreSQL away and brings it back: a real stop/start of the local cluster where allowed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);

export interface PgOutage {
  /** `restart`: the server itself is stopped and started; `terminate`: only the replicas' connections are cut. */
  kind: 'restart' | 'terminate';
  /** Which cluster is restarted, or why only connections can be cut. */
  description: string;
  begin(): Promise<void>;
  /** Idempotent (safe in afterAll after a failure); resolves once the server accepts connections again. */
  end(): Promise<void>;
}

interface Cluster {
  version: number;
  cluster: string;
  port: string | number;
  running: number;
  owneruid: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The Debian cluster serving `url` on this machine, if this process may stop and start it. */
async function localCluster(url: URL): Promise<Cluster | string> {
  if (!LOOPBACK.has(url.hostname)) return `${url.hostname} is not this machine`;
  let clusters: Cluster[];
  try {
    clusters = JSON.parse((await exec('pg_lsclusters', ['--json'])).stdout) as Cluster[];
  } catch {
    return 'pg_lsclusters is not available (no Debian PostgreSQL cluster here)';
  }
  const port = url.port || '5432';
  const cluster = clusters.find((c) => String(c.port) === port && c.running);
  if (!cluster) return `no running Debian cluster listens on port ${port}`;
  const uid = process.getuid?.();
  if (uid !== 0 && uid !== cluster.owneruid) return 'pg_ctlcluster needs root or the cluster owner';
  return cluster;
}

async function waitForServer(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not come back: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * A real restart (`pg_ctlcluster <version> <cluster> stop`, later `start`) when the server is a local Debian
 * cluster this process may control, as in CI; otherwise every connection named `applicationName` is
 * terminated every 20 ms between begin() and end(), the nearest an unprivileged client gets to an outage.
 */
export async function pgOutage(baseUrl: string, applicationName: string): Promise<PgOutage> {
  const found = await localCluster(new URL(baseUrl));
  if (typeof found !== 'string') {
    const target = [String(found.version), found.cluster];
    let down = false;
    return {
      kind: 'restart',
      description: `pg_ctlcluster ${target.join(' ')} stop … start (port ${found.port})`,
      async begin() {
        down = true;
        await exec('pg_ctlcluster', [...target, 'stop']);
      },
      async end() {
        if (!down) return;
        // Exit code 2 means "already running": fine when end() runs twice or after a failed begin().
        await exec('pg_ctlcluster', [...target, 'start']).catch((error: { code?: number }) => {
          if (error.code !== 2) throw error;
        });
        down = false;
        await waitForServer(baseUrl);
      },
    };
  }
  let timer: NodeJS.Timeout | undefined;
  let admin: pg.Client | undefined;
  let busy: Promise<unknown> = Promise.resolve();
  return {
    kind: 'terminate',
    description: `cannot restart the server (${found}); terminating the replicas' connections instead`,
    async begin() {
      admin = new pg.Client({ connectionString: baseUrl });
      admin.on('error', () => {}); // a lost admin connection only ends the outage early
      await admin.connect();
      const kill = (client: pg.Client) =>
        client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
          applicationName,
        ]);
      timer = setInterval(() => {
        if (admin) busy = busy.then(() => kill(admin as pg.Client)).catch(() => {});
      }, 20);
    },
    async end() {
      clearInterval(timer);
      await busy;
      await admin?.end().catch(() => {});
      admin = undefined;
    },
  };
}
