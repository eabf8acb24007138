#!/usr/bin/env bash
# A city's volume (issue 16 item 3): ten years of a large street, 1,000,000 reports, loaded and then measured.
#
#   1. a throw-away PostgreSQL on a free port (harness.sh), complaint-service's and escalation-service's jars migrating
#      their databases (Flyway), then stopped;
#   2. the load, timed: volume-seed.sql (REPORTS reports with histories, ratings, follow-ups; goal under 10 minutes)
#      and escalation-service's board-seed.sql (ESCALATION_REPORTS reports' clocks and escalations);
#   3. each worklist query of complaint-service (worklists.sh) and each board, overdue-list and sweep query of
#      escalation-service (board-queries.sql) under EXPLAIN (ANALYZE, BUFFERS): median of five (goal under 50 ms);
#      the ledger's page statement before and after V66 walking every page of a community-year (ledger-pages.sql);
#   4. both services started again on the data: GET /api/statistics for the street and a year, every grouping,
#      RUNS calls each after WARMUP (goal under 1 s), and the board over HTTP;
#   5. the ledger CSV of the largest community for a year and for a month: rows, seconds, rows/s (goal ≥ 20,000), and
#      the service's heap after each collection while it streams (-Xlog:gc, the stack's -Xmx256m -XX:+UseSerialGC):
#      constant memory when the year's stream keeps no more than the month's.
# The service runs with auto_explain on (statements over 100 ms): their plans are kept in the logs (BENCH_KEEP=1).
#
# Not a test: run by hand. It never touches a running stack: its own cluster and ports, Kafka nowhere (relays idle,
# consumers wait, sweeps and jobs off), tokens signed locally. About 2 GB of disk in /tmp while it runs.
#
#   complaint-service/bench/volume.sh                     # 1,000,000 reports
#   REPORTS=100000 complaint-service/bench/volume.sh      # a quick look
#   complaint-service/bench/volume.sh --plans             # every plan printed as well
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
REPORTS="${REPORTS:-1000000}"
ESCALATION_REPORTS="${ESCALATION_REPORTS:-$REPORTS}"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-3}"
YEAR="${YEAR:-$(($(date +%Y) - 1))}"
PLANS=()
for argument in "$@"; do
  case "$argument" in
    --plans) PLANS=(--plans) ;;
    *) echo "unknown argument $argument" >&2; exit 2 ;;
  esac
done
LOAD_BEFORE="$(cut -d ' ' -f 1-3 /proc/loadavg)"

# shellcheck source=complaint-service/bench/harness.sh
source "$HERE/harness.sh"
bench_init volume
export TMPDIR="$WORK"

# a load without fsync and WAL (a throw-away cluster); the measured reads do not depend on either
BENCH_PG_OPTS="-c shared_buffers=256MB -c max_connections=60 -c fsync=off -c synchronous_commit=off"
BENCH_PG_OPTS+=" -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=8GB"
BENCH_PG_OPTS+=" -c checkpoint_timeout=1h -c autovacuum=off"
bench_pg_start complaint escalation

COMPLAINT_OPTS=(-XX:+UseSerialGC -Dlookout.complaint.auto-close-interval=off -Dlookout.complaint.roster.sync-interval=off
  -Dlookout.complaint.public-intake.purge-interval=off -Dlookout.complaint.open311.listing-interval=off)
ESCALATION_OPTS=(-XX:+UseSerialGC -Dlookout.escalation.sweep-interval=off -Dlookout.escalation.overdue-sweep-interval=off
  -Dlookout.escalation.calendar-refresh-interval=off)
ESCALATION_READY="/api/calendar/deadline?from=2026-03-02T02:00:00Z&workingDays=1"
stop_service() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# ------------------------------------------------------------------ 1. the schemas, migrated by the services
if [[ -z "${BENCH_PG_DATA:-}" ]]; then
  bench_service_start complaint-service 256m /api/taxonomy "${COMPLAINT_OPTS[@]}"
  bench_service_start escalation-service 256m "$ESCALATION_READY" "${ESCALATION_OPTS[@]}"
  stop_service "$BENCH_COMPLAINT_PID"
  stop_service "$BENCH_ESCALATION_PID"
fi
info "migrated: complaint $(bench_psql complaint -At -c 'select version from flyway_schema_history order by installed_rank desc limit 1'
), escalation $(bench_psql escalation -At -c 'select version from flyway_schema_history order by installed_rank desc limit 1')"

# ------------------------------------------------------------------ 2. the load
if [[ -n "${BENCH_PG_DATA:-}" ]]; then
  info "reusing the data in $BENCH_PG_DATA"
else
info "loading $REPORTS reports into complaint (volume-seed.sql)"
started="$(date +%s.%N)"
bench_psql_admin complaint -v reports="$REPORTS" -f "$HERE/volume-seed.sql" >"$LOGS/seed-complaint.log" 2>&1 \
  || { tail -n 30 "$LOGS/seed-complaint.log" >&2; die "loading complaint failed"; }
complaint_seconds="$(echo "$(date +%s.%N) - $started" | bc)"
info "loading $ESCALATION_REPORTS reports' clocks and escalations into escalation (board-seed.sql)"
started="$(date +%s.%N)"
bench_psql escalation -v reports="$ESCALATION_REPORTS" -f "$ROOT/escalation-service/bench/board-seed.sql" \
  >"$LOGS/seed-escalation.log" 2>&1 || { tail -n 30 "$LOGS/seed-escalation.log" >&2; die "loading escalation failed"; }
bench_psql_admin escalation -c 'vacuum (analyze)' >>"$LOGS/seed-escalation.log" 2>&1
escalation_seconds="$(echo "$(date +%s.%N) - $started" | bc)"
complaint_rows="$(bench_psql complaint -At -c "select (select count(*) from report) || ' reports, '
  || (select count(*) from report_history) || ' history rows, ' || (select count(*) from report where satisfied is not null)
  || ' ratings, ' || (select count(*) from report_follow_up) || ' follow-ups; open: '
  || (select count(*) from report where due_at is not null) || '; '
  || pg_size_pretty(pg_database_size('complaint'))")"
escalation_rows="$(bench_psql escalation -At -c "select (select count(*) from sla_clock) || ' clocks, '
  || (select count(*) from escalation) || ' escalations; ' || pg_size_pretty(pg_database_size('escalation'))")"

echo
echo "== load (cores: $(nproc), load before: $LOAD_BEFORE)"
printf 'complaint   %8.1f s  %s\n' "$complaint_seconds" "$complaint_rows"
printf 'escalation  %8.1f s  %s\n' "$escalation_seconds" "$escalation_rows"
awk -v c="$complaint_seconds" -v e="$escalation_seconds" \
  'BEGIN { printf "total       %8.1f s  (goal under 600 s: %s)\n", c + e, (c + e < 600 ? "met" : "NOT met") }'
fi

# ------------------------------------------------------------------ 3. the work loop's queries (SKIP_QUERIES=1: not)
# from here on, the plan of every statement over 100 ms goes to the log (new sessions)
bench_psql_admin postgres -c "load 'auto_explain'" -c "alter system set session_preload_libraries = 'auto_explain'" \
  -c "alter system set auto_explain.log_min_duration = 100" -c "alter system set auto_explain.log_analyze = on" \
  -c "alter system set auto_explain.log_buffers = on" -c "select pg_reload_conf()" >/dev/null
# the machine's pace at the time: a fixed query whose time depends on the CPU alone (the figures below scale with it)
yardstick() {
  for _ in 1 2 3 4 5; do
    bench_psql complaint -At -c 'explain analyze select sum(g) from generate_series(1, 1000000) g' \
      | sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p'
  done | sort -n | sed -n 3p
}
echo
echo "== yardstick: summing a million integers takes $(yardstick) ms now (load $(cut -d ' ' -f 1 /proc/loadavg))"
if [[ -z "${SKIP_QUERIES:-}" ]]; then
echo
echo "== complaint-service worklists (goal: each under 50 ms)"
PGHOST=127.0.0.1 PGPORT="$BENCH_PG_PORT" PGUSER=complaint PGPASSWORD=complaint PGDATABASE=complaint \
  "$HERE/worklists.sh" "${PLANS[@]}"
echo
echo "== the ledger's page statement before and after V66, every page of DCY's $YEAR (load $(cut -d ' ' -f 1 /proc/loadavg))"
bench_psql complaint -v community=DCY -v from="$YEAR-01-01" -v to="$((YEAR + 1))-01-01" -f "$HERE/ledger-pages.sql"
echo
echo "== escalation-service board, overdue lists, sweeps (goal: each under 50 ms)"
PGHOST=127.0.0.1 PGPORT="$BENCH_PG_PORT" PGUSER=escalation PGPASSWORD=escalation PGDATABASE=escalation \
  "$HERE/explain-each.sh" "$ROOT/escalation-service/bench/board-queries.sql" "${PLANS[@]}"
fi

# ------------------------------------------------------------------ 4. statistics and the board through the services
# (SKIP_STATISTICS=1: only the ledger below)
GC_LOG="$LOGS/complaint-gc.log"
bench_service_start complaint-service 256m /api/taxonomy "${COMPLAINT_OPTS[@]}" "-Xlog:gc:file=$GC_LOG:uptime"
bench_service_start escalation-service 256m "$ESCALATION_READY" "${ESCALATION_OPTS[@]}"
SUPERVISOR="$(bench_sign '"sub":"bench-supervisor","realm_access":{"roles":["supervisor"]},"groups":["supervisor"],"street":"DCYJD"')"
STAFF="$(bench_sign '"sub":"bench-staff","realm_access":{"roles":["staff"]},"groups":["staff"],"community":"DCY"')"
summary() {
  sort -n | awk '{ t[NR] = $1 * 1000 } END {
    printf "%8.1f %8.1f %8.1f", t[1], (NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2), t[NR] }'
}
timed() {
  local token="$1" url="$2" status
  status="$(curl -s -o "$WORK/answer" -w '%{http_code}' -H "Authorization: Bearer $token" "$url")"
  [[ "$status" == 200 ]] || die "$url answered $status: $(head -c 400 "$WORK/answer")"
  for _ in $(seq 1 "$WARMUP"); do
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")"
    [[ "$status" == 200 ]] || die "$url answered $status"
  done
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$url"
  done >"$WORK/times"
  if grep -qv '^200 ' "$WORK/times"; then
    die "$url answered $(grep -v '^200 ' "$WORK/times" | head -n 1)"
  fi
  cut -d ' ' -f 2 "$WORK/times" | summary
}
echo
echo "== yardstick: $(yardstick) ms (load $(cut -d ' ' -f 1 /proc/loadavg))"
if [[ -z "${SKIP_STATISTICS:-}" ]]; then
echo
echo "== GET /api/statistics, street DCYJD, $YEAR ($WARMUP warm-up + $RUNS timed calls; goal under 1000 ms)"
printf '%-34s %8s %8s %8s  %s\n' 'call (ms)' min median max reports
for group in category item status month community; do
  url="$BENCH_COMPLAINT_URL/api/statistics?scope=DCYJD&from=$YEAR-01-01&to=$YEAR-12-31&groupBy=$group"
  figures="$(timed "$SUPERVISOR" "$url")"
  total="$(grep -o '"total":{"count":[0-9]*' "$WORK/answer" | cut -d : -f 3 || true)"
  printf '%-34s %s  %s\n' "groupBy=$group" "$figures" "$total"
done
echo
echo "== GET /api/escalations/board ($WARMUP warm-up + $RUNS timed calls)"
printf '%-34s %8s %8s %8s\n' 'board (ms)' min median max
printf '%-34s %s\n' 'supervisor street=DCYJD' "$(timed "$SUPERVISOR" "$BENCH_ESCALATION_URL/api/escalations/board?street=DCYJD")"
printf '%-34s %s\n' 'staff community=DCY' "$(timed "$STAFF" "$BENCH_ESCALATION_URL/api/escalations/board?community=DCY")"
fi

# ------------------------------------------------------------------ 5. the ledger CSV, streamed
# the heap after a full collection, in KB (jcmd's GC.heap_info after GC.run)
live_heap_kb() {
  "$JAVA_HOME/bin/jcmd" "$BENCH_COMPLAINT_PID" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$BENCH_COMPLAINT_PID" GC.heap_info | awk '/total/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i + 1)); s += $(i + 1) } } END { print s }'
}
# the largest heap after a collection logged after uptime $1 (seconds), in MB
max_after_gc_mb() {
  awk -v from="$1" '{ t = $1; gsub(/[\[\]s]/, "", t) } t + 0 >= from && /Pause/ {
      for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+M->[0-9]+M\([0-9]+M\)$/) { split($i, a, /->|M/); if (a[3] + 0 > m) m = a[3] + 0; n++ } }
    END { printf "%d %d\n", m, n }' "$GC_LOG"
}
uptime_s() { "$JAVA_HOME/bin/jcmd" "$BENCH_COMPLAINT_PID" VM.uptime | awk 'NR == 2 { print $1 }'; }
ledger() {
  local label="$1" from="$2" to="$3" before after since rows seconds gcs
  url="$BENCH_COMPLAINT_URL/api/ledger?community=DCY&from=$from&to=$to"
  curl -fs -o /dev/null -H "Authorization: Bearer $STAFF" -H 'Accept: text/csv' "$url"   # warm-up
  before="$(live_heap_kb)"
  since="$(uptime_s)"
  seconds="$(curl -fs -o "$WORK/ledger.csv" -w '%{time_total}' -H "Authorization: Bearer $STAFF" -H 'Accept: text/csv' "$url")"
  rows="$(($(wc -l <"$WORK/ledger.csv") - 1))"
  read -r gcmax gcs < <(max_after_gc_mb "$since")
  after="$(live_heap_kb)"
  awk -v l="$label" -v r="$rows" -v s="$seconds" -v b="$before" -v a="$after" -v m="$gcmax" -v n="$gcs" -v sz="$(stat -c %s "$WORK/ledger.csv")" \
    'BEGIN { printf "%-26s %8d %7.2f %9.0f %8.1f %9.1f %11s %9.1f\n", l, r, s, r / s, sz / 1048576, b / 1024,
             (n > 0 ? sprintf("%d (%d GCs)", m, n) : "- (0 GCs)"), a / 1024 }'
}
echo
echo "== GET /api/ledger (text/csv), community DCY (goal: >= 20,000 rows/s, heap the same for a year as for a month)"
printf '%-26s %8s %7s %9s %8s %9s %11s %9s\n' 'period' rows s 'rows/s' 'CSV MB' 'live MB' 'max GC MB' 'live MB'
printf '%-26s %8s %7s %9s %8s %9s %11s %9s\n' '' '' '' '' '' 'before' 'streaming' 'after'
ledger "month $YEAR-11" "$YEAR-11-01" "$YEAR-11-30"
ledger "year $YEAR" "$YEAR-01-01" "$YEAR-12-31"
ledger "year $YEAR, again" "$YEAR-01-01" "$YEAR-12-31"

# ------------------------------------------------------------------ the slow statements' plans, for the logs
if grep -q 'duration:' "$LOGS/postgres.log" 2>/dev/null; then
  echo
  echo "== statements over 100 ms (auto_explain; their plans in $LOGS/postgres.log with BENCH_KEEP=1)"
  grep 'duration: [0-9.]* ms  plan:' "$LOGS/postgres.log" | cut -c1-160 | tail -n 20
fi
