#!/usr/bin/env bash
# Intake throughput of complaint-service against the raw rate of the same writes in PostgreSQL.
#
#   1. POST /api/complaints through the real service (its jar, a PostgreSQL of its own), with wrk: 32 connections
#      for a fixed duration after a warm-up, residents of the six demo communities taking turns;
#   2. pgbench on the same database, 32 clients, same duration: one transaction per intake with the writes intake
#      makes (tracking counter bump, report row, its first history row, one outbox row);
#   3. both rates and their ratio (goal: the service reaches at least 60 % of the raw rate).
#
# Not a test: run by hand on a quiet machine. It needs nothing running: PostgreSQL comes the way ./lookout finds it
# (deploy/local/postgres.sh: the system's binaries, else the embedded ones), in a throw-away cluster on its own port,
# so the stack's data is never touched; tokens are signed locally with a key made for the run (the service verifies
# them with quarkus.oidc.public-key, no Keycloak). Kafka is not started: the outbox relay is idled for the run, so
# events wait in the outbox exactly as during a broker outage — intake is what is measured, on both sides.
# Every process it starts is stopped on exit, also on failure or Ctrl-C; BENCH_KEEP=1 keeps the logs.
# Needs wrk, pgbench and openssl.
#
#   complaint-service/bench/intake.sh            # 2 wrk threads, 32 connections, 60 s warm-up, 20 s measured
#   CONNECTIONS=32 DURATION=30s WARMUP=90s complaint-service/bench/intake.sh
# The warm-up is long on purpose: on a busy 2-core machine the JIT needs about a minute of load before intake reaches
# its steady rate (after 10 s it ran at a sixth of it). SERVICE_OPTS adds JVM options or -D settings to the service,
# to measure a candidate, e.g. SERVICE_OPTS=-Dquarkus.datasource.reactive.max-size=32.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-60s}"
BENCH_PG_PORT="${BENCH_PG_PORT:-18932}"
BENCH_HTTP_PORT="${BENCH_HTTP_PORT:-18981}"
COMMUNITIES=(DCY DCN XHY JXY HPL QNJ)
WORK="$(mktemp -d /tmp/lookout-intake-bench.XXXXXX)"
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

[[ "$DURATION" =~ ^[0-9]+s$ ]] || die "DURATION is whole seconds, e.g. 20s (pgbench runs as long): $DURATION"
for tool in wrk openssl curl; do
  require_tool "$tool" "$tool"
done

# ------------------------------------------------------------------ the service's jar and a JDK
JAR="$ROOT/complaint-service/target/quarkus-app/quarkus-run.jar"
find_jdk
if [[ ! -f "$JAR" ]]; then
  info "building complaint-service (package, no tests)"
  (cd "$ROOT" && ./mvnw -B -q -pl complaint-service -am package -DskipTests)
fi

# ------------------------------------------------------------------ PostgreSQL: a throw-away cluster
LOGS="$WORK/logs"
PG_HOME="$WORK/pg"
PG_DATA="$PG_HOME/data"
# shellcheck disable=SC2034 # read by the functions of deploy/local/postgres.sh
PG_SOCKETS="$PG_HOME/run"
PG_LOG="$LOGS/postgres.log"
# shellcheck disable=SC2034
PG_DATABASES=(complaint)
mkdir -p "$LOGS" "$PG_HOME"
touch "$PG_LOG"
pg_ensure_os_user
if [[ "$(id -u)" -eq 0 ]]; then
  chown "$PG_OS_USER:" "$PG_HOME" "$PG_LOG"
fi
pg_find_bin
PGBENCH="$PG_BIN/pgbench"
[[ -x "$PGBENCH" ]] || PGBENCH="$(command -v pgbench || true)"
[[ -n "$PGBENCH" ]] || die "pgbench is missing: apt-get install -y postgresql-contrib (or set LOOKOUT_PG_BIN)"
pg_initdb >/dev/null
pg_create_databases >/dev/null
require_port_free "$BENCH_PG_PORT" "bench postgres" BENCH_PG_PORT
as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s \
  -o "-p $BENCH_PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=120" || die "PostgreSQL did not start"
PG_STARTED=1
info "PostgreSQL $(pg_major_of_binaries) ($PG_BIN) on 127.0.0.1:$BENCH_PG_PORT"

# ------------------------------------------------------------------ tokens, signed in advance
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
PUBLIC_KEY="$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER 2>/dev/null | openssl base64 -A)"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
sign() {
  local header payload signature
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
  payload="$(printf '%s' "$1" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
now="$(date +%s)"
: >"$WORK/tokens"
for community in "${COMMUNITIES[@]}"; do
  for n in 1 2 3 4; do
    claims="{\"iss\":\"lookout-bench\",\"sub\":\"bench-$community-$n\",\"aud\":\"lookout-api\",\"iat\":$now,"
    claims+="\"exp\":$((now + 7200)),\"realm_access\":{\"roles\":[\"resident\"]},\"groups\":[\"resident\"],"
    claims+="\"community\":\"$community\"}"
    printf '%s %s\n' "$community" "$(sign "$claims")" >>"$WORK/tokens"
  done
done

# ------------------------------------------------------------------ the service
# shellcheck disable=SC2086 # SERVICE_OPTS may hold several options: split on purpose
QUARKUS_HTTP_PORT="$BENCH_HTTP_PORT" DB_HOST=127.0.0.1 DB_PORT="$BENCH_PG_PORT" DB_NAME=complaint \
  DB_USER=complaint DB_PASSWORD=complaint KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
  LOOKOUT_IDENTITY_KEY="$(openssl rand -base64 32)" LOOKOUT_PSEUDONYM_KEY="$(openssl rand -base64 32)" \
  LOOKOUT_DELIVERY_KEY="$(openssl rand -base64 32)" \
  "$JAVA_HOME/bin/java" -Xmx512m \
  -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$PUBLIC_KEY" \
  -Dlookout.outbox.poll-interval=1h \
  -Dquarkus.log.level=WARN ${SERVICE_OPTS:-} \
  -jar "$JAR" >"$LOGS/complaint-service.log" 2>&1 &
SERVICE_PID=$!
BASE="http://127.0.0.1:$BENCH_HTTP_PORT"
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$BASE/api/taxonomy" && break
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
    tail -n 40 "$LOGS/complaint-service.log" >&2
    die "complaint-service stopped"
  fi
  sleep 0.5
done
curl -fs -o /dev/null "$BASE/api/taxonomy" || die "complaint-service does not answer on $BASE"
first_token="$(head -n 1 "$WORK/tokens" | cut -d ' ' -f 2)"
status="$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H "Authorization: Bearer $first_token" \
  -H 'Content-Type: application/json' -d "$(sed "s/@COMMUNITY@/DCY/" "$HERE/report.json")" "$BASE/api/complaints")"
[[ "$status" == 201 ]] || die "a first intake answered $status: $(cat "$WORK/first.json")"

# ------------------------------------------------------------------ 1. intake through the service
wrk_run() {
  BENCH_TOKENS="$WORK/tokens" BENCH_BODY="$HERE/report.json" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 10s --latency -s "$HERE/intake.lua" \
    "$BASE/api/complaints" >"$WORK/wrk.out"
  cp "$WORK/wrk.out" "$LOGS/wrk-$1.out"
  if grep -q "Non-2xx" "$WORK/wrk.out"; then
    cat "$WORK/wrk.out" >&2
    die "some intakes were refused"
  fi
}
info "warm-up $WARMUP, then $DURATION of POST /api/complaints with $CONNECTIONS connections"
wrk_run "$WARMUP"
wrk_run "$DURATION"
service_rate="$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
service_p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")"
service_errors="$(grep 'Socket errors' "$WORK/wrk.out" || true)"
kill "$SERVICE_PID"
wait "$SERVICE_PID" 2>/dev/null || true
SERVICE_PID=""

# ------------------------------------------------------------------ 2. the same writes, raw
seconds="${DURATION%s}"
info "pgbench: $CONNECTIONS clients, ${seconds}s of the intake transaction"
PGPASSWORD=complaint "$PGBENCH" -h 127.0.0.1 -p "$BENCH_PG_PORT" -U complaint -n -M prepared \
  -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" -f "$HERE/intake.sql" complaint >"$WORK/pgbench.out" 2>&1 \
  || { cat "$WORK/pgbench.out" >&2; die "pgbench failed"; }
cp "$WORK/pgbench.out" "$LOGS/pgbench.out"
raw_rate="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | head -n 1)"
failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")"
[[ -n "$raw_rate" && "${failed:-0}" == 0 ]] || { cat "$WORK/pgbench.out" >&2; die "pgbench gave no rate"; }

echo
echo "cores: $(nproc), load before: $LOAD_BEFORE, $CONNECTIONS connections, $DURATION each"
printf '%-28s %10s %10s\n' target 'per s' p99
printf '%-28s %10s %10s\n' 'POST /api/complaints' "$service_rate" "$service_p99"
printf '%-28s %10s %10s\n' 'pgbench, same writes' "$raw_rate" -
[[ -z "$service_errors" ]] || echo "wrk:$service_errors"
awk -v s="$service_rate" -v r="$raw_rate" \
  'BEGIN { printf "service/raw %.2f (goal >= 0.60): %s\n", s / r, (s / r >= 0.6 ? "met" : "NOT met") }'
