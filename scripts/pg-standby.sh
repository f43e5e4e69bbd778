#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL 15 cluster "main" (port 5432): Debian cluster "15 standby" on port
# ${KANGFU_STANDBY_PORT:-5433}, filled by pg_basebackup -R (standby.signal + primary_conninfo), hot standby on.
# Used by the read-replica test (tests/Kangfu.IntegrationTests/Platform/ReadReplicaTests.cs) and started by
# scripts/test.sh. Idempotent; recreates the standby when it exists but does not stream. Run as root.
# The primary needs wal_level=replica and max_wal_senders > 0 (PostgreSQL 15's defaults) and Debian's default
# "local replication all peer" line in pg_hba.conf (pg_basebackup runs as the postgres user over the socket).
set -euo pipefail
port=${KANGFU_STANDBY_PORT:-5433}
data=/var/lib/postgresql/15/standby

as_postgres() { su postgres -c "$1"; }
streaming() {
  [ "$(as_postgres "psql -p $port -qtAc 'SELECT pg_is_in_recovery()'" 2>/dev/null)" = t ] &&
    as_postgres "psql -p 5432 -qtAc \"SELECT count(*) FROM pg_stat_replication WHERE application_name = '15/standby' AND state = 'streaming'\"" | grep -qv '^0$'
}
wait_streaming() {
  for _ in $(seq 1 40); do streaming && return 0; sleep 0.5; done
  return 1
}

[ "$(as_postgres "psql -p 5432 -qtAc 'SHOW wal_level'")" != minimal ] || { echo "pg-standby: wal_level=minimal on the primary" >&2; exit 1; }
if pg_lsclusters -h | grep -q '^15 standby '; then
  pg_ctlcluster 15 standby start >/dev/null 2>&1 || true
  if ! wait_streaming; then
    echo "pg-standby: existing standby does not stream; recreating it" >&2
    pg_dropcluster --stop 15 standby
  fi
fi
if ! pg_lsclusters -h | grep -q '^15 standby '; then
  pg_createcluster 15 standby -p "$port" >/dev/null
  rm -rf "$data"
  as_postgres "pg_basebackup -p 5432 -D $data -R -X stream -c fast -d 'application_name=15/standby'"
  pg_ctlcluster 15 standby start
  wait_streaming || { echo "pg-standby: the standby on port $port does not stream" >&2; exit 1; }
fi
# The test pauses replay to show that reads are served by the standby (catalog change on the primary: replicated).
as_postgres "psql -p 5432 -qc 'GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume() TO kangfu'" 2>/dev/null ||
  echo "pg-standby: role kangfu missing; replay pause not granted" >&2
# A test stopped between pause and resume would leave replay paused and every later read stale.
as_postgres "psql -p $port -qtAc 'SELECT pg_wal_replay_resume()'" >/dev/null 2>&1 || true
echo "pg-standby: streaming standby on port $port"
