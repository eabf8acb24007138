#!/usr/bin/env bash
# Intake throughput of complaint-service against the raw rate of the same writes in PostgreSQL.
#
#   1. POST /api/complaints through the real service (its jar, a PostgreSQL of its own), with wrk: 32 connections
#      for a fixed duration after a warm-up, residents of the six demo communities taking turns;
#   2. the same through the gateway (its jar, routing to that service, tokens verified with the same key);
#   3. crash check: a burst through the service, the service killed with kill -9 in the middle of it, then per
#      community and year the committed tracking numbers are 1..n with no gap and no duplicate and the counter is n;
#   pgbench on the same database right after 1. and after 2., 32 clients, same duration, in two forms of the writes
#      intake makes (tracking counter bump, report row, its first history row, one outbox row): intake.sql, one
#      transaction of four statements (the counter row locked across round trips), and intake-one.sql, the single
#      statement the service sends (IntakeRepository: numbering last, committed by itself); intake-one.sql also right
#      before 1. and 2. (after their warm-up): its rate is the mean of before and after, as the minutes around a
#      measurement on a shared machine moved it by up to ±25 % when it ran after alone;
#   the rates and their ratios, each against the faster pgbench form around it (goal: service and gateway each
#      reach at least 60 % of the raw rate), and the CPU each intake cost the JVMs (user + system time over the
#      measured run per committed report: the service's, via the gateway both), which the machine's load bends less;
#   the CPU budget: the whole machine's and PostgreSQL's CPU per intake and per pgbench transaction, and from them the
#      ratio the CPU alone allows on these shared cores and the JVM's CPU per intake that 0.60 would need. With
#      BENCH_KEEP=1 the logs keep, per run, PostgreSQL's calls, planning and execution ms per statement.
#
# Not a test: run by hand on a quiet machine. It needs nothing running: PostgreSQL comes the way ./lookout finds it
# (deploy/local/postgres.sh: the system's binaries, else the embedded ones), in a throw-away cluster on its own port,
# so the stack's data is never touched; tokens are signed locally with a key made for the run (the service verifies
# them with quarkus.oidc.public-key, no Keycloak). Kafka is not started: the outbox relay is idled for the run, so
# events wait in the outbox exactly as during a broker outage — intake is what is measured, on both sides.
# Every process it starts is stopped on exit, also on failure or Ctrl-C; BENCH_KEEP=1 keeps the logs.
# Needs wrk, pgbench and openssl. The service and the gateway run as a development stack (LOOKOUT_DEVELOPMENT_STACK:
# the realm's committed client secrets are accepted; no Keycloak is involved).
#
# Its ports are its own (BENCH_PG_PORT, BENCH_HTTP_PORT, BENCH_GATEWAY_PORT, each HTTP port's management interface
# at + 1000), never the ./lookout stack's.
#   complaint-service/bench/intake.sh            # 2 wrk threads, 32 connections, 180 s warm-up, 20 s measured
#   GATEWAY=0 CRASH=0 complaint-service/bench/intake.sh   # the service and pgbench only
#   CONNECTIONS=32 DURATION=30s WARMUP=240s complaint-service/bench/intake.sh
# The warm-ups are long on purpose: on a busy 2-core machine the JIT compiles for minutes before a JVM reaches its
# steady rate (after 10 s of load intake ran at a sixth of it; after 60 s the compiler threads still took 31-36 % of
# the service's CPU, after 180 s 11 %). The table says how much of each JVM's CPU its JIT took over the measured run. SERVICE_OPTS adds JVM options or -D settings to the service,
# to measure a candidate, e.g. SERVICE_OPTS=-Dquarkus.datasource.reactive.max-size=32.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-180s}"
BENCH_PG_PORT="${BENCH_PG_PORT:-18932}"
BENCH_HTTP_PORT="${BENCH_HTTP_PORT:-18981}"
BENCH_GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18980}"
GATEWAY="${GATEWAY:-1}"
GATEWAY_WARMUP="${GATEWAY_WARMUP:-180s}"
START_TIMEOUT="${START_TIMEOUT:-300}" # seconds the service and the gateway may take to answer (a busy machine)
CRASH="${CRASH:-1}"
COMMUNITIES=(DCY DCN XHY JXY HPL QNJ)
WORK="$(mktemp -d /tmp/lookout-intake-bench.XXXXXX)"
chmod 755 "$WORK"
SERVICE_PID=""
GATEWAY_PID=""
PG_STARTED=""
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"

# shellcheck source-path=SCRIPTDIR/../..
# shellcheck source=deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"
# shellcheck source=deploy/local/postgres.sh
source "$ROOT/deploy/local/postgres.sh"

stop_all() {
  local status=$?
  if [[ -n "$GATEWAY_PID" ]]; then
    kill "$GATEWAY_PID" 2>/dev/null || true
    wait "$GATEWAY_PID" 2>/dev/null || true
  fi
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
JAR="${SERVICE_JAR:-$ROOT/complaint-service/target/quarkus-app/quarkus-run.jar}"
GATEWAY_JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
find_jdk
if [[ ! -f "$JAR" ]]; then
  info "building complaint-service (package, no tests)"
  (cd "$ROOT" && ./mvnw -B -q -pl complaint-service -am package -DskipTests)
fi
if [[ "$GATEWAY" == 1 && ! -f "$GATEWAY_JAR" ]]; then
  info "building gateway (package, no tests)"
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am package -DskipTests)
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
require_port_free "$BENCH_HTTP_PORT" "bench complaint-service" BENCH_HTTP_PORT
require_port_free "$((BENCH_HTTP_PORT + 1000))" "bench complaint-service management" BENCH_HTTP_PORT
as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s \
  -o "-p $BENCH_PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=120 \
      -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on" || die "PostgreSQL did not start"
PG_STARTED=1
# as the superuser over the socket: statement counts (pg_stat_statements) and lock waits, which the load does not bend
psql_super() {
  as_pg "$PG_BIN/psql" -h "$PG_SOCKETS" -p "$BENCH_PG_PORT" -U postgres -d complaint -X -q -At "$@"
}
psql_super -c 'create extension if not exists pg_stat_statements' >/dev/null
info "PostgreSQL $(pg_major_of_binaries) ($PG_BIN) on 127.0.0.1:$BENCH_PG_PORT"

# ------------------------------------------------------------------ tokens, signed in advance
PUBLIC_KEY="$(bench_signing_key "$WORK/key.pem")"
now="$(date +%s)"
: >"$WORK/tokens"
for community in "${COMMUNITIES[@]}"; do
  for n in 1 2 3 4; do
    claims="{\"iss\":\"lookout-bench\",\"sub\":\"bench-$community-$n\",\"aud\":\"lookout-api\",\"iat\":$now,"
    claims+="\"exp\":$((now + 7200)),\"realm_access\":{\"roles\":[\"resident\"]},\"groups\":[\"resident\"],"
    claims+="\"community\":\"$community\"}"
    printf '%s %s\n' "$community" "$(bench_sign "$WORK/key.pem" "$claims")" >>"$WORK/tokens"
  done
done

# ------------------------------------------------------------------ the service
IDENTITY_KEY="$(openssl rand -base64 32)"
PSEUDONYM_KEY="$(openssl rand -base64 32)"
DELIVERY_KEY="$(openssl rand -base64 32)"
CHALLENGE_KEY="$(openssl rand -base64 48)"
BASE="http://127.0.0.1:$BENCH_HTTP_PORT"
start_service() {
  # shellcheck disable=SC2086 # SERVICE_OPTS may hold several options: split on purpose
  QUARKUS_HTTP_PORT="$BENCH_HTTP_PORT" DB_HOST=127.0.0.1 DB_PORT="$BENCH_PG_PORT" DB_NAME=complaint \
    DB_USER=complaint DB_PASSWORD=complaint KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
    LOOKOUT_IDENTITY_KEY="$IDENTITY_KEY" LOOKOUT_PSEUDONYM_KEY="$PSEUDONYM_KEY" LOOKOUT_DELIVERY_KEY="$DELIVERY_KEY" \
    LOOKOUT_CHALLENGE_KEY="$CHALLENGE_KEY" LOOKOUT_DEVELOPMENT_STACK=true \
    "$JAVA_HOME/bin/java" -Xmx512m \
    -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$PUBLIC_KEY" \
    -Dlookout.outbox.poll-interval=1h -Dquarkus.management.port="$((BENCH_HTTP_PORT + 1000))" \
    -Dquarkus.log.level=WARN ${SERVICE_OPTS:-} \
    -jar "$JAR" >>"$LOGS/complaint-service.log" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 "$((START_TIMEOUT * 2))"); do
    curl -fs -o /dev/null "$BASE/api/taxonomy" && break
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      tail -n 40 "$LOGS/complaint-service.log" >&2
      die "complaint-service stopped"
    fi
    sleep 0.5
  done
  curl -fs -o /dev/null "$BASE/api/taxonomy" || die "complaint-service does not answer on $BASE"
}
start_service
first_token="$(head -n 1 "$WORK/tokens" | cut -d ' ' -f 2)"
status="$(curl -s -o "$WORK/first.json" -w '%{http_code}' -H "Authorization: Bearer $first_token" \
  -H 'Content-Type: application/json' -d "$(sed "s/@COMMUNITY@/DCY/" "$HERE/report.json")" "$BASE/api/complaints")"
[[ "$status" == 201 ]] || die "a first intake answered $status: $(cat "$WORK/first.json")"

# ------------------------------------------------------------------ the same writes, raw
# run right after each measurement through the service, so that each ratio compares rates of the same minute of a
# machine that others share
seconds="${DURATION%s}"
pgbench_run() { # name, script (intake.sql: a transaction of four statements; intake-one.sql: the service's one
  # statement); prints the rate
  info "pgbench: $CONNECTIONS clients, ${seconds}s of $2" >&2
  psql_super -c 'select pg_stat_statements_reset()' >/dev/null
  PGPASSWORD=complaint "$PGBENCH" -h 127.0.0.1 -p "$BENCH_PG_PORT" -U complaint -n -M prepared \
    -c "$CONNECTIONS" -j "$THREADS" -T "$seconds" -f "$HERE/$2" complaint >"$WORK/pgbench.out" 2>&1 &
  local load=$!
  local cpu_before
  cpu_before="$(cpu_sample)"
  observe "$load" >"$WORK/pgbench-waiters"
  wait "$load" || { cat "$WORK/pgbench.out" >&2; die "pgbench failed"; }
  cp "$WORK/pgbench.out" "$LOGS/pgbench-$1-${2%.sql}.out"
  statements_log "pgbench-$1-${2%.sql}"
  local rate failed transactions
  rate="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.out" | head -n 1)"
  failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")"
  transactions="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.out")"
  [[ -n "$rate" && "${failed:-0}" == 0 ]] || { cat "$WORK/pgbench.out" >&2; die "pgbench gave no rate"; }
  cpu_per "$cpu_before" "$(cpu_sample)" "${transactions:-0}" >"$WORK/pgbench-cpu"
  echo "$rate"
}

# ------------------------------------------------------------------ 1. intake through the service
wrk_run() { # duration, url, name
  BENCH_TOKENS="$WORK/tokens" BENCH_BODY="$HERE/report.json" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout 10s --latency -s "$HERE/intake.lua" \
    "$2/api/complaints" >"$WORK/wrk.out"
  cp "$WORK/wrk.out" "$LOGS/wrk-$3-$1.out"
  if grep -q "Non-2xx" "$WORK/wrk.out"; then
    cat "$WORK/wrk.out" >&2
    die "some intakes were refused"
  fi
}
# "<machine busy ticks> <PostgreSQL's ticks>" now; PostgreSQL's are the postmaster's and its processes' (backends,
# WAL writer, checkpointer)
cpu_sample() {
  printf '%s %s' "$(machine_busy_ticks)" "$(cpu_ticks "$(head -n 1 "$PG_DATA/postmaster.pid")" reaped)"
}
# "<machine µs> <PostgreSQL µs>" per operation between two samples
cpu_per() { # sample before, sample after, operations
  local machine_before pg_before machine_after pg_after
  read -r machine_before pg_before <<<"$1"
  read -r machine_after pg_after <<<"$2"
  awk -v m="$((machine_after - machine_before))" -v p="$((pg_after - pg_before))" -v hz="$(getconf CLK_TCK)" -v n="$3" \
    'BEGIN { if (n) printf "%.0f %.0f", m / hz * 1e6 / n, p / hz * 1e6 / n; else printf "0 0" }'
}
# what PostgreSQL spent on which statement since the last pg_stat_statements_reset(): calls, planning and execution ms
statements_log() { # name
  psql_super -c "select calls, round(total_plan_time::numeric), round(total_exec_time::numeric),
      left(regexp_replace(query, '\s+', ' ', 'g'), 90) from pg_stat_statements s
      join pg_database d on d.oid = s.dbid where d.datname = 'complaint'
      and s.userid = (select oid from pg_roles where rolname = 'complaint') order by total_exec_time desc limit 12" \
    >"$LOGS/statements-$1.txt"
}
# statements per intake and how many sessions wait for a lock (sampled 4 times a second) while $1 runs in background
observe() { # pid of the load
  local samples=0 waiting=0 now
  while kill -0 "$1" 2>/dev/null; do
    now="$(psql_super -c "select count(*) from pg_locks where not granted")" || break
    samples=$((samples + 1))
    waiting=$((waiting + now))
    sleep 0.25
  done
  awk -v w="$waiting" -v n="$samples" 'BEGIN { printf "%.1f", (n ? w / n : 0) }'
}
measure() { # url, name, pids: the measured run, with the statements and lock waits it caused and the CPU the JVMs took
  local reports_before pid ticks_before=0 ticks_after=0 jit_before=0 jit_after=0
  reports_before="$(psql_super -c 'select count(*) from report')"
  psql_super -c 'select pg_stat_statements_reset()' >/dev/null
  for pid in "${@:3}"; do
    ticks_before=$((ticks_before + $(cpu_ticks "$pid")))
    jit_before=$((jit_before + $(jit_ticks "$pid")))
  done
  local cpu_before
  cpu_before="$(cpu_sample)"
  wrk_run "$DURATION" "$1" "$2" &
  local load=$!
  lock_waiters="$(observe "$load")"
  wait "$load"
  local cpu_after
  cpu_after="$(cpu_sample)"
  for pid in "${@:3}"; do
    ticks_after=$((ticks_after + $(cpu_ticks "$pid")))
    jit_after=$((jit_after + $(jit_ticks "$pid")))
  done
  jit_share="$(awk -v j="$((jit_after - jit_before))" -v t="$((ticks_after - ticks_before))" \
    'BEGIN { printf "%.0f", (t ? 100 * j / t : 0) }')"
  local intakes statements
  intakes=$(($(psql_super -c 'select count(*) from report') - reports_before))
  machine_and_pg_per_intake="$(cpu_per "$cpu_before" "$cpu_after" "$intakes")"
  # CPU per intake of the service (and of the gateway in front of it): what intake costs on the JVM side whatever else
  # runs on the machine; req/s on two shared cores also measures PostgreSQL, wrk and the neighbours
  cpu_per_intake="$(awk -v t="$((ticks_after - ticks_before))" -v hz="$(getconf CLK_TCK)" -v n="$intakes" \
    'BEGIN { printf "%.0f", (n ? t / hz * 1e6 / n : 0) }')"
  statements="$(psql_super -c "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d
      on d.oid = s.dbid where d.datname = 'complaint' and s.userid = (select oid from pg_roles where rolname = 'complaint')")"
  statements_log "$2"
  per_intake="$(awk -v s="$statements" -v n="$intakes" 'BEGIN { printf "%.1f", (n ? s / n : 0) }')"
}
info "warm-up $WARMUP, then $DURATION of POST /api/complaints with $CONNECTIONS connections"
wrk_run "$WARMUP" "$BASE" service
raw_one_before="$(pgbench_run service-before intake-one.sql)"
raw_one_before_machine_pg="$(cat "$WORK/pgbench-cpu")"
measure "$BASE" service "$SERVICE_PID"
service_statements="$per_intake"
service_cpu="$cpu_per_intake"
service_jit="$jit_share"
service_machine_pg="$machine_and_pg_per_intake"
service_waiters="$lock_waiters"
service_rate="$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
service_p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")"
service_errors="$(grep 'Socket errors' "$WORK/wrk.out" || true)"
raw_rate="$(pgbench_run service intake.sql)"
raw_waiters="$(cat "$WORK/pgbench-waiters")"
raw_machine_pg="$(cat "$WORK/pgbench-cpu")"
raw_one_rate="$(pgbench_run service intake-one.sql)"
raw_one_waiters="$(cat "$WORK/pgbench-waiters")"
raw_one_machine_pg="$(cat "$WORK/pgbench-cpu")"

# ------------------------------------------------------------------ 2. through the gateway
gateway_rate=""
if [[ "$GATEWAY" == 1 ]]; then
  require_port_free "$BENCH_GATEWAY_PORT" "bench gateway" BENCH_GATEWAY_PORT
  require_port_free "$((BENCH_GATEWAY_PORT + 1000))" "bench gateway management" BENCH_GATEWAY_PORT
  # shellcheck disable=SC2086 # GATEWAY_OPTS may hold several options: split on purpose
  LOOKOUT_DEVELOPMENT_STACK=true "$JAVA_HOME/bin/java" -Xmx256m \
    -Dquarkus.http.port="$BENCH_GATEWAY_PORT" -Dquarkus.log.level=WARN \
    -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.dashboard.tenant-enabled=false -Dquarkus.oidc.public-key="$PUBLIC_KEY" \
    -Dlookout.gateway.upstreams.complaint-service.url="$BASE" \
    -Dquarkus.management.port="$((BENCH_GATEWAY_PORT + 1000))" \
    -Dlookout.gateway.upstreams.complaint-service.management-url="http://127.0.0.1:$((BENCH_HTTP_PORT + 1000))" \
    -Dlookout.gateway.rate-limits.default.capacity=1000000000 -Dlookout.gateway.connect-timeout=10s \
    ${GATEWAY_OPTS:-} \
    -jar "$GATEWAY_JAR" >"$LOGS/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  GATEWAY_BASE="http://127.0.0.1:$BENCH_GATEWAY_PORT"
  for _ in $(seq 1 "$((START_TIMEOUT * 2))"); do
    curl -fs -o /dev/null "$GATEWAY_BASE/api/taxonomy" && break
    kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -n 40 "$LOGS/gateway.log" >&2; die "the gateway stopped"; }
    sleep 0.5
  done
  curl -fs -o /dev/null "$GATEWAY_BASE/api/taxonomy" || die "the gateway does not answer on $GATEWAY_BASE"
  info "through the gateway: warm-up $GATEWAY_WARMUP, then $DURATION"
  wrk_run "$GATEWAY_WARMUP" "$GATEWAY_BASE" gateway
  raw_one_before_gateway="$(pgbench_run gateway-before intake-one.sql)"
  raw_one_before_machine_pg_gateway="$(cat "$WORK/pgbench-cpu")"
  measure "$GATEWAY_BASE" gateway "$SERVICE_PID" "$GATEWAY_PID"
  gateway_cpu="$cpu_per_intake"
  gateway_jit="$jit_share"
  gateway_machine_pg="$machine_and_pg_per_intake"
  gateway_rate="$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
  gateway_p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")"
  gateway_errors="$(grep 'Socket errors' "$WORK/wrk.out" || true)"
  kill "$GATEWAY_PID"
  wait "$GATEWAY_PID" 2>/dev/null || true
  GATEWAY_PID=""
  raw_rate_gateway="$(pgbench_run gateway intake.sql)"
  raw_waiters_gateway="$(cat "$WORK/pgbench-waiters")"
  raw_machine_pg_gateway="$(cat "$WORK/pgbench-cpu")"
  raw_one_rate_gateway="$(pgbench_run gateway intake-one.sql)"
  raw_one_waiters_gateway="$(cat "$WORK/pgbench-waiters")"
  raw_one_machine_pg_gateway="$(cat "$WORK/pgbench-cpu")"
fi

# ------------------------------------------------------------------ 3. kill -9 in the middle of a burst
psql_bench() {
  PGPASSWORD=complaint "$PG_BIN/psql" -h 127.0.0.1 -p "$BENCH_PG_PORT" -U complaint -d complaint -X -q -At "$@"
}
crash_verdict=""
if [[ "$CRASH" == 1 ]]; then
  info "crash check: a burst, the service killed with kill -9 after 3 s"
  before="$(psql_bench -c 'select count(*) from report')"
  BENCH_TOKENS="$WORK/tokens" BENCH_BODY="$HERE/report.json" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d6s --timeout 10s -s "$HERE/intake.lua" "$BASE/api/complaints" \
    >"$LOGS/wrk-crash.out" 2>&1 &
  crash_wrk=$!
  sleep 3
  kill -9 "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
  wait "$crash_wrk" 2>/dev/null || true
  # the killed service's sessions end (their open transactions roll back) once PostgreSQL sees the sockets close
  for _ in $(seq 1 60); do
    [[ "$(psql_bench -c "select count(*) from pg_stat_activity where usename = 'complaint' and pid <> pg_backend_pid()")" == 0 ]] && break
    sleep 0.5
  done
  # one more intake per community after the restart: numbering goes on from the last committed number
  start_service
  for community in "${COMMUNITIES[@]}"; do
    token="$(grep "^$community " "$WORK/tokens" | head -n 1 | cut -d ' ' -f 2)"
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "$(sed "s/@COMMUNITY@/$community/" "$HERE/report.json")" "$BASE/api/complaints")"
    [[ "$status" == 201 ]] || die "an intake after the restart answered $status"
  done
  after="$(psql_bench -c 'select count(*) from report')"
  broken="$(psql_bench -c "
    select r.community_code || '-' || r.year || ': ' || count(*) || ' reports, ' || count(distinct r.n)
           || ' distinct numbers, highest ' || max(r.n) || ', counter ' || max(c.last_value)
      from (select community_code, split_part(tracking_number, '-', 2)::int as year,
                   split_part(tracking_number, '-', 3)::int as n from report) r
      join tracking_counter c on c.community_code = r.community_code and c.year = r.year
     group by r.community_code, r.year
    having count(*) <> count(distinct r.n) or count(*) <> max(r.n) or count(*) <> max(c.last_value)")"
  [[ -z "$broken" ]] || die "tracking numbers with a gap or a duplicate after kill -9: $broken"
  crash_verdict="kill -9 mid-burst: $((after - before)) reports committed around the kill, numbers per community gap-free and unique"
  kill "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
else
  kill "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
fi

echo
echo "cores: $(nproc), load before: $LOAD_BEFORE, after: $(cut -d ' ' -f 1-3 /proc/loadavg), $CONNECTIONS connections, $DURATION each"
printf '%-34s %10s %10s %12s %14s %13s\n' target 'per s' p99 'statements' 'lock waiters' 'CPU µs/intake'
printf '%-34s %10s %10s %12s %14s %13s\n' 'POST /api/complaints' "$service_rate" "$service_p99" "$service_statements" \
  "$service_waiters" "$service_cpu"
printf '%-34s %10s %10s %12s %14s %13s\n' 'pgbench, one statement, right before' "$raw_one_before" - 1 - -
printf '%-34s %10s %10s %12s %14s %13s\n' 'pgbench, same writes, right after' "$raw_rate" - 6 "$raw_waiters" -
printf '%-34s %10s %10s %12s %14s %13s\n' 'pgbench, one statement, then' "$raw_one_rate" - 1 "$raw_one_waiters" -
if [[ -n "$gateway_rate" ]]; then
  printf '%-34s %10s %10s %12s %14s %13s\n' 'the same via the gateway' "$gateway_rate" "$gateway_p99" "$per_intake" \
    "$lock_waiters" "$gateway_cpu"
  printf '%-34s %10s %10s %12s %14s %13s\n' 'pgbench, one statement, right before' "$raw_one_before_gateway" - 1 - -
  printf '%-34s %10s %10s %12s %14s %13s\n' 'pgbench, same writes, right after' "$raw_rate_gateway" - 6 \
    "$raw_waiters_gateway" -
  printf '%-34s %10s %10s %12s %14s %13s\n' 'pgbench, one statement, then' "$raw_one_rate_gateway" - 1 \
    "$raw_one_waiters_gateway" -
fi
echo "(statements: per intake, as pg_stat_statements counts them, BEGIN and COMMIT included; lock waiters: sessions"
echo " waiting for a lock, the tracking counter rows, on average over the run; CPU µs/intake: user and system time of"
echo " the service's JVM, and via the gateway of both JVMs, over the measured run; the statements of each run, with"
echo " their planning and execution time, are in the logs, kept with BENCH_KEEP=1)"
jit_line="JIT compilers' share of the JVMs' CPU over the measured run: service $service_jit %"
[[ -z "$gateway_rate" ]] || jit_line+=", via the gateway $gateway_jit % (both JVMs)"
echo "$jit_line (a JVM at its steady state: a few %; well above, it was still compiling: raise WARMUP)"
[[ -z "$service_errors" ]] || echo "wrk (service):$service_errors"
[[ -z "${gateway_errors:-}" ]] || echo "wrk (gateway):$gateway_errors"
# The goal is measured against the faster of the two raw forms: what PostgreSQL itself can do with these writes; the
# one-statement form's rate and CPU are the means of its runs right before and right after the measurement.
mean_of() { # "a1 a2 ..." "b1 b2 ..." -> their means, field by field
  awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x, " "); split(b, y, " ")
    for (i = 1; i <= n; i++) printf "%s%.1f", (i > 1 ? " " : ""), (x[i] + y[i]) / 2; print "" }'
}
faster_raw() { # transaction form's rate and "machine pg", one statement's rate and "machine pg" -> the faster's three
  if awk -v a="$1" -v b="$3" 'BEGIN { exit !(a > b) }'; then echo "$1 $2"; else echo "$3 $4"; fi
}
ratio() { # name, rate, the transaction form's rate, the faster form's rate, the one statement's rate right after
  awk -v n="$1" -v s="$2" -v a="$3" -v r="$4" -v o="$5" 'BEGIN {
    printf "%s/raw %.2f (against the faster raw form, %.0f/s; goal >= 0.60): %s; against the transaction form %.2f,",
      n, s / r, r, (s / r >= 0.6 ? "met" : "NOT met"), s / a
    printf " against the one statement right after alone %.2f\n", s / o }'
}
# Where the ratio's ceiling is: on two cores that PostgreSQL, the JVM and the load generator share, a run that keeps
# the machine busy reaches cores / (machine CPU per operation). The service's ratio can then be at most the raw form's
# machine CPU per transaction over the service's per intake, whatever the service does with its round trips.
budget() { # name, "machine pg" µs per intake, JVM µs per intake, "machine pg" µs per transaction of the faster raw form
  local machine pg raw_machine raw_pg
  read -r machine pg <<<"$2"
  read -r raw_machine raw_pg <<<"$4"
  awk -v n="$1" -v m="$machine" -v p="$pg" -v j="$3" -v rm="$raw_machine" -v rp="$raw_pg" 'BEGIN {
    if (!m || !rm) exit
    printf "%s CPU per intake, whole machine %.0f µs: PostgreSQL %.0f, JVM %.0f, the rest (wrk, kernel, neighbours) %.0f;\n",
      n, m, p, j, m - p - j
    printf "  raw: whole machine %.0f µs per transaction, PostgreSQL %.0f; ceiling of %s/raw at this CPU: %.2f;",
      rm, rp, n, rm / m
    printf " 0.60 needs at most %.0f µs per intake, i.e. the JVM at %.0f µs\n", rm / 0.6, rm / 0.6 - (m - j) }'
}
report() { # name, rate, "machine pg" per intake, JVM µs per intake, transaction rate and "machine pg", one statement's
  # right after, and right before
  local fast_rate fast_machine fast_pg one_rate one_machine one_pg
  read -r one_rate one_machine one_pg <<<"$(mean_of "$7 $8" "$9 ${10}")"
  read -r fast_rate fast_machine fast_pg < <(faster_raw "$5" "$6" "$one_rate" "$one_machine $one_pg")
  ratio "$1" "$2" "$5" "$fast_rate" "$7"
  budget "$1" "$3" "$4" "$fast_machine $fast_pg"
}
report service "$service_rate" "$service_machine_pg" "$service_cpu" \
  "$raw_rate" "$raw_machine_pg" "$raw_one_rate" "$raw_one_machine_pg" "$raw_one_before" "$raw_one_before_machine_pg"
[[ -z "$gateway_rate" ]] || report gateway "$gateway_rate" "$gateway_machine_pg" "$gateway_cpu" \
  "$raw_rate_gateway" "$raw_machine_pg_gateway" "$raw_one_rate_gateway" "$raw_one_machine_pg_gateway" \
  "$raw_one_before_gateway" "$raw_one_before_machine_pg_gateway"
[[ -z "$crash_verdict" ]] || echo "$crash_verdict"
