#!/usr/bin/env bash
# The SLA board on 100,000 reports: GET /api/escalations/board through the real service, one call per board, timed.
#
#   1. a throw-away PostgreSQL cluster on its own port, the service's jar migrating it (Flyway, V43 included);
#   2. board-seed.sql loads the data set (REPORTS reports, two streets of six communities);
#   3. each board — a supervisor's street, a staff member's community, the administrator's street — is called WARMUP
#      times, then RUNS times timed by curl (time_total: request to last byte, on this machine); the plans of the
#      board's queries are kept (EXPLAIN ANALYZE) in the logs with BENCH_KEEP=1;
#   4. min, median, 95th percentile and max per board; the goal is under 100 ms.
#
# Not a test: run by hand on a quiet machine. It needs nothing running: PostgreSQL comes the way ./lookout finds it
# (deploy/local/postgres.sh), Kafka is not started (the outbox relay idles, the consumers wait; the board reads neither),
# tokens are signed locally with a key made for the run (quarkus.oidc.public-key, no Keycloak). Every process it starts
# is stopped on exit, also on failure or Ctrl-C. Needs curl, openssl and psql.
#
#   escalation-service/bench/board.sh                 # 100,000 reports, 20 warm-up calls, 50 timed calls per board
#   REPORTS=200000 RUNS=100 escalation-service/bench/board.sh
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REPORTS="${REPORTS:-100000}"
RUNS="${RUNS:-50}"
WARMUP="${WARMUP:-20}"
BENCH_PG_PORT="${BENCH_PG_PORT:-18933}"
BENCH_HTTP_PORT="${BENCH_HTTP_PORT:-18983}"
WORK="$(mktemp -d /tmp/lookout-board-bench.XXXXXX)"
chmod 755 "$WORK"
SERVICE_PID=""
PG_STARTED=""
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"

# shellcheck source-path=SCRIPTDIR/../..
# shellcheck source=deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"
# shellcheck source=deploy/local/postgres.sh
source "$ROOT/deploy/local/postgres.sh"

stop_all() {
  local status=$?
  if [[ -n "$SERVICE_PID" ]]; then
    kill "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  if [[ -n "$PG_STARTED" ]]; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m immediate -w -t 30 -s >/dev/null 2>&1 || true
  fi
  if [[ ( $status -ne 0 || -n "${BENCH_KEEP:-}" ) && -d "$WORK/logs" ]]; then
    echo "---- logs kept in $WORK/logs" >&2
  else
    rm -rf "$WORK"
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for tool in curl openssl psql; do
  require_tool "$tool" "$tool"
done

# ------------------------------------------------------------------ the service's jar and a JDK
JAR="$ROOT/escalation-service/target/quarkus-app/quarkus-run.jar"
find_jdk
if [[ ! -f "$JAR" ]]; then
  info "building escalation-service (package, no tests)"
  (cd "$ROOT" && ./mvnw -B -q -pl escalation-service -am package -DskipTests)
fi

# ------------------------------------------------------------------ PostgreSQL: a throw-away cluster
LOGS="$WORK/logs"
PG_HOME="$WORK/pg"
PG_DATA="$PG_HOME/data"
# shellcheck disable=SC2034 # read by the functions of deploy/local/postgres.sh
PG_SOCKETS="$PG_HOME/run"
PG_LOG="$LOGS/postgres.log"
# shellcheck disable=SC2034
PG_DATABASES=(escalation)
mkdir -p "$LOGS" "$PG_HOME"
touch "$PG_LOG"
pg_ensure_os_user
if [[ "$(id -u)" -eq 0 ]]; then
  chown "$PG_OS_USER:" "$PG_HOME" "$PG_LOG"
fi
pg_find_bin
pg_initdb >/dev/null
pg_create_databases >/dev/null
require_port_free "$BENCH_PG_PORT" "bench postgres" BENCH_PG_PORT
as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s \
  -o "-p $BENCH_PG_PORT -c listen_addresses=127.0.0.1" || die "PostgreSQL did not start"
PG_STARTED=1
info "PostgreSQL $(pg_major_of_binaries) ($PG_BIN) on 127.0.0.1:$BENCH_PG_PORT"
sql() {
  PGPASSWORD=escalation psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U escalation -d escalation "$@"
}

# ------------------------------------------------------------------ tokens, signed in advance
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY="$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER 2>/dev/null | openssl base64 -A)"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
sign() {
  local header payload signature now
  now="$(date +%s)"
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
  payload="$(printf '{"iss":"lookout-bench","aud":"lookout-api","iat":%s,"exp":%s,%s}' "$now" "$((now + 7200))" "$1" \
    | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
SUPERVISOR="$(sign '"sub":"bench-supervisor","realm_access":{"roles":["supervisor"]},"groups":["supervisor"],"street":"DCYJD"')"
STAFF="$(sign '"sub":"bench-staff","realm_access":{"roles":["staff"]},"groups":["staff"],"community":"DCY"')"
ADMIN="$(sign '"sub":"bench-admin","realm_access":{"roles":["admin"]},"groups":["admin"]')"

# ------------------------------------------------------------------ the service (migrates the database)
# shellcheck disable=SC2086 # SERVICE_OPTS may hold several options: split on purpose
QUARKUS_HTTP_PORT="$BENCH_HTTP_PORT" DB_HOST=127.0.0.1 DB_PORT="$BENCH_PG_PORT" DB_NAME=escalation \
  DB_USER=escalation DB_PASSWORD=escalation KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  "$JAVA_HOME/bin/java" -Xmx256m -XX:+UseSerialGC \
  -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$PUBLIC_KEY" \
  -Dlookout.outbox.poll-interval=1h -Dlookout.escalation.sweep-interval=off \
  -Dlookout.escalation.overdue-sweep-interval=off -Dlookout.escalation.calendar-refresh-interval=off \
  -Dquarkus.log.level=WARN ${SERVICE_OPTS:-} \
  -jar "$JAR" >"$LOGS/escalation-service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$BENCH_HTTP_PORT"
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$BASE/api/calendar/deadline?from=2026-03-02T02:00:00Z&workingDays=1" && break
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    tail -n 40 "$LOGS/escalation-service.log" >&2
    die "escalation-service stopped"
  fi
  sleep 0.5
done
curl -fs -o /dev/null "$BASE/api/calendar/deadline?from=2026-03-02T02:00:00Z&workingDays=1" \
  || die "escalation-service does not answer on $BASE"

# ------------------------------------------------------------------ the data set
info "seeding $REPORTS reports (board-seed.sql)"
seed_started="$(date +%s)"
sql -v reports="$REPORTS" -f "$HERE/board-seed.sql" >"$LOGS/seed.log" 2>&1 || { cat "$LOGS/seed.log" >&2; die "seeding failed"; }
seeded="$(sql -At -c "select (select count(distinct report_id) from sla_clock) || ' reports with clocks, '
  || (select count(*) from sla_clock) || ' clocks, ' || (select count(*) from escalation) || ' escalations; open: '
  || (select count(*) from sla_clock where not confidential and (state in ('RUNNING', 'PAUSED')
        or (state = 'BREACHED' and stopped_at is null))) || ' clocks, '
  || (select count(*) from escalation where not confidential and status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE'))
  || ' escalations'")"
info "seeded in $(($(date +%s) - seed_started)) s: $seeded"

# ------------------------------------------------------------------ the boards, timed
boards=("supervisor street=DCYJD|$SUPERVISOR|street=DCYJD"
  "staff community=DCY|$STAFF|community=DCY"
  "admin street=BSJD|$ADMIN|street=BSJD")
for board in "${boards[@]}"; do
  IFS='|' read -r name token query <<<"$board"
  status="$(curl -s -o "$WORK/board.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$BASE/api/escalations/board?$query")"
  [[ "$status" == 200 ]] || die "$name answered $status: $(head -c 400 "$WORK/board.json")"
  cp "$WORK/board.json" "$LOGS/board-${name// /-}.json"
done
summary() {
  sort -n | awk '{ t[NR] = $1 * 1000 } END {
    p95 = int(NR * 0.95 + 0.999); if (p95 > NR) p95 = NR
    printf "%8.1f %8.1f %8.1f %8.1f\n", t[1], (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[p95], t[NR] }'
}
echo
echo "cores: $(nproc), load before: $LOAD_BEFORE, $REPORTS reports ($seeded), $WARMUP warm-up + $RUNS timed calls each"
printf '%-24s %8s %8s %8s %8s  %s\n' 'board (ms)' min median p95 max totals
for board in "${boards[@]}"; do
  IFS='|' read -r name token query <<<"$board"
  url="$BASE/api/escalations/board?$query"
  for _ in $(seq 1 "$WARMUP"); do
    curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url"
  done
  for _ in $(seq 1 "$RUNS"); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$url"
  done >"$WORK/times"
  totals="$(sed -n 's/.*"totals":\({[^}]*}\).*/\1/p' "$LOGS/board-${name// /-}.json")"
  printf '%-24s %s  %s\n' "$name" "$(summary <"$WORK/times")" "$totals"
done

# ------------------------------------------------------------------ the plans, for the logs
communities="{DCY,DCN,XHY,JXY,HPL,QNJ}"
{
  echo "-- open clocks of street DCYJD (the covering partial index sla_clock_board_open_covering)"
  sql -c "explain (analyze, buffers) select c.report_id from sla_clock c where c.community_code = any('$communities')
    and not c.confidential and (c.state in ('RUNNING', 'PAUSED') or (c.state = 'BREACHED' and c.stopped_at is null))"
  echo "-- waiting escalations of street DCYJD (the partial index escalation_board_waiting)"
  sql -c "explain (analyze, buffers) select e.id from escalation e where e.community_code = any('$communities')
    and not e.confidential and e.status in ('OPEN', 'ACKNOWLEDGED', 'OVERDUE')"
} >"$LOGS/plans.txt" 2>&1
grep -E 'Index|Seq Scan|Execution Time' "$LOGS/plans.txt" | sed 's/^/  /'
