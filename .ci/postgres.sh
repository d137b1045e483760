#!/usr/bin/env bash
# CI helper: make a PostgreSQL server answer on 127.0.0.1:5432 (reuse, or install Debian's and start it),
# create a role and a throwaway database, then print `export TEST_DATABASE_URL=…` on stdout.
# Usage: eval "$(.ci/postgres.sh)"   — idempotent, non-interactive, run as root on Debian 12. Logs go to stderr.
set -euo pipefail

HOST=127.0.0.1
PORT=5432
ROLE=${PG_TEST_ROLE:-srm_ci}
PASSWORD=${PG_TEST_PASSWORD:-srm_ci}
DB=${PG_TEST_DB:-srm_test}
ENV_FILE=${PG_ENV_FILE:-/tmp/srm-postgres.env}

log() { echo "postgres.sh: $*" >&2; }
answers() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }
as_postgres() { runuser -u postgres -- "$@"; }

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  # The caller already points at a database: nothing to set up.
  log "TEST_DATABASE_URL already set; reusing it"
  echo "export TEST_DATABASE_URL=${TEST_DATABASE_URL}"
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

if answers; then
  log "a server already answers on $HOST:$PORT; reusing it"
else
  VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
    log "creating cluster $VERSION/main"
    pg_createcluster "$VERSION" main >&2
  fi
  # Loopback only: CI machines must not expose a passwordless-ish test server.
  CONF_DIR=/etc/postgresql/$VERSION/main/conf.d
  mkdir -p "$CONF_DIR"
  printf "listen_addresses = '%s'\nport = %s\n" "$HOST" "$PORT" >"$CONF_DIR/srm-ci.conf"
  chown -R postgres:postgres "$CONF_DIR"
  log "starting cluster $VERSION/main"
  pg_ctlcluster "$VERSION" main start >&2 || pg_ctlcluster "$VERSION" main restart >&2
  for _ in $(seq 1 30); do answers && break; sleep 1; done
  answers || { log "PostgreSQL did not start on $HOST:$PORT"; exit 1; }
fi

# Role and database: created or reset each run, so a previous run's leftovers never leak in.
# PG_ADMIN_URL lets CI reuse a server that is not a local Debian cluster (e.g. a service container).
admin_psql() {
  if [ -n "${PG_ADMIN_URL:-}" ]; then psql "$PG_ADMIN_URL" "$@"; else as_postgres psql -h /var/run/postgresql -p "$PORT" -d postgres "$@"; fi
}
admin_psql -v ON_ERROR_STOP=1 -q -o /dev/null >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
    CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
  ELSE
    ALTER ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
  END IF;
END \$\$;
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${DB}' AND pid <> pg_backend_pid();
DROP DATABASE IF EXISTS ${DB};
CREATE DATABASE ${DB} OWNER ${ROLE};
SQL

URL="postgres://${ROLE}:${PASSWORD}@${HOST}:${PORT}/${DB}"
echo "export TEST_DATABASE_URL=${URL}" >"$ENV_FILE"
log "ready; also written to $ENV_FILE"
echo "export TEST_DATABASE_URL=${URL}"
