# shellcheck shell=bash
# shellcheck disable=SC2153,SC2016 # STATE and MARKER come from common.sh; backquotes are Markdown
# ./lookout chaos: faults under load, and two instances of complaint- and escalation-service behind the gateway.
#
#   ./lookout chaos [short]   one kill -9 of each part under ~50 requests/s, then the checks (a few minutes; CI)
#   ./lookout chaos long      every part killed LOOKOUT_CHAOS_ROUNDS times (3), longer pauses (by hand)
#   ./lookout chaos lag       outbox relay lag (p50/p99 commit → broker ack) with one and with two instances
#   ./lookout chaos scale     on a running broker: 12 partitions read by 1, 2, 3 consumer instances (docs/scaling.md)
#   ./lookout chaos groups    on a running stack: how each consumer group's members share the partitions
#
# It starts its own stack (./lookout down first), with second instances of complaint-service and escalation-service
# (LOOKOUT_COMPLAINT2_PORT, LOOKOUT_ESCALATION2_PORT; default: the first's port + 100) that the gateway balances over,
# and always stops it at the end. The load: deploy/local/chaos/ChaosLoad.java. Results: .lookout/chaos/<run>/, the
# table also in docs/chaos-last-run.md (a long run's: docs/chaos-long-run.md). What it proves and how: docs/chaos.md.

CHAOS_HOME="${STATE}/chaos"
CHAOS_LOAD="${ROOT}/deploy/local/chaos/ChaosLoad.java"
CHAOS_LOAD_PID=""

chaos_second_port() {
  local variable="LOOKOUT_${1^^}2_PORT"
  printf '%s' "${!variable:-$(($(service_port "$1") + 100))}"
}

# Ready: /q/health/ready on the management port (HTTP port + 1000) or, before that interface, on the HTTP port.
chaos_port_ready() {
  http_ok "http://127.0.0.1:$(($1 + 1000))/q/health/ready" || http_ok "http://127.0.0.1:$1/q/health/ready"
}

# psql as the database's own login; prints unaligned rows separated by '|'.
chaos_sql() {
  local db="$1" query="$2"
  PGPASSWORD="${db}" psql -h 127.0.0.1 -p "${PG_PORT}" -U "${db}" -d "${db}" -AtqX -c "${query}"
}

chaos_start_second() {
  local part="$1" port
  port="$(chaos_second_port "${part}")"
  # a second instance: another HTTP and management port (HTTP + 1000), the same database and consumer groups
  start_service "${part}" "${part}-2" "${port}"
}

chaos_part_ready() {
  local part="$1"
  case "${part}" in
    postgres) chaos_sql complaint 'select 1' >/dev/null 2>&1 ;;
    kafka) kafka_broker_ready ;;
    keycloak) keycloak_ready ;;
    *-2) chaos_port_ready "$(chaos_second_port "${part%-2}")" ;;
    *) chaos_port_ready "$(service_port "${part}")" ;;
  esac
}

# kill -9 of the whole part: every process of its group (PostgreSQL: the postmaster and every backend).
chaos_kill() {
  local part="$1" pid
  case "${part}" in
    postgres)
      pid="$(pg_pid)" || die "postgres is not running"
      # the backends first (children of the postmaster), then the postmaster, all at once as in a power cut
      local -a backends
      read -r -a backends <<<"$(ps -o pid= --ppid "${pid}" | tr '\n' ' ')"
      kill -KILL "${backends[@]}" "${pid}" 2>/dev/null || true
      ;;
    *)
      pid="$(part_pgid "${part}")" || die "${part} is not running"
      kill -KILL -- "-${pid}" 2>/dev/null || true
      ;;
  esac
}

chaos_restart() {
  local part="$1"
  case "${part}" in
    postgres) pg_up ;;
    kafka)
      kafka_prepare
      kafka_start
      # the broker's readiness only: topics and ACLs are already there
      await_part kafka "${LOOKOUT_KAFKA_TIMEOUT:-120}" "did not start" kafka_broker_ready
      ;;
    keycloak)
      keycloak_start
      await_part keycloak "${LOOKOUT_KEYCLOAK_TIMEOUT:-300}" "did not come back" keycloak_ready
      ;;
    *-2) chaos_start_second "${part%-2}" ;;
    *) start_service "${part}" ;;
  esac
}

chaos_wait_ready() {
  local part="$1" timeout="${2:-240}" start="${SECONDS}"
  until chaos_part_ready "${part}"; do
    [[ $((SECONDS - start)) -ge "${timeout}" ]] && return 1
    sleep 0.5
  done
}

now_ms() { date +%s%3N; }

# Events not yet relayed, in every service database with an outbox.
chaos_pending() {
  local total=0 db n
  for db in complaint escalation cadre_registry notification; do
    n="$(chaos_sql "${db}" "select count(*) from outbox_event where published_at is null" 2>/dev/null || echo 0)"
    total=$((total + ${n:-0}))
  done
  printf '%s' "${total}"
}

chaos_cleanup() {
  local status=$?
  if [[ -n "${CHAOS_LOAD_PID}" ]] && kill -0 "${CHAOS_LOAD_PID}" 2>/dev/null; then
    # CHAOS_LOAD_PID is the subshell of 'chaos_java ... &': its java child first, or it outlives the run
    pkill -TERM -P "${CHAOS_LOAD_PID}" 2>/dev/null || true
    kill "${CHAOS_LOAD_PID}" 2>/dev/null || true
  fi
  info "chaos: stopping the stack"
  cmd_down || true
  exit "${status}"
}

chaos_up() {
  local part
  [[ "${CHAOS_UP:-0}" -eq 1 ]] && return 0
  for part in "${SERVICES[@]}" kafka keycloak; do
    part_running "${part}" && die "./lookout chaos starts and kills its own stack: stop this one first (./lookout down)"
  done
  require_tool psql postgresql-client
  chaos_compile
  # the gateway spreads complaint and escalation requests over both instances (lookout.gateway.upstreams.*.replicas)
  COMPLAINT_SERVICE_REPLICAS="http://127.0.0.1:$(chaos_second_port complaint)"
  ESCALATION_SERVICE_REPLICAS="http://127.0.0.1:$(chaos_second_port escalation)"
  export COMPLAINT_SERVICE_REPLICAS ESCALATION_SERVICE_REPLICAS
  # one resident and one staff account carry the whole load: their per-client budget is raised for this stack only
  export LOOKOUT_GATEWAY_RATE_LIMITS_DEFAULT_CAPACITY="${LOOKOUT_CHAOS_CLIENT_BUDGET:-60000}"
  trap chaos_cleanup EXIT
  trap 'exit 130' INT TERM
  cmd_up
  chaos_start_second complaint
  chaos_start_second escalation
  chaos_wait_ready complaint-2 180 || die "complaint-2 not ready (log: ${LOGS}/complaint-2.log)"
  chaos_wait_ready escalation-2 180 || die "escalation-2 not ready (log: ${LOGS}/escalation-2.log)"
  CHAOS_UP=1
  ok "second instances: complaint-2 on :$(chaos_second_port complaint), escalation-2 on :$(chaos_second_port escalation)"
}

# The load driver, compiled once per run (a source launch compiles on every start: slow on a busy machine).
chaos_compile() {
  mkdir -p "${CHAOS_HOME}/classes"
  "${JAVA_HOME}/bin/javac" -d "${CHAOS_HOME}/classes" "${CHAOS_LOAD}" || die "could not compile ${CHAOS_LOAD}"
}

chaos_java() {
  "${JAVA_HOME}/bin/java" -Xmx256m -XX:+UseSerialGC "${MARKER}" -cp "${CHAOS_HOME}/classes" ChaosLoad "$@"
}

# Starts the load in the background; fails when no request was recorded within 90 s.
chaos_start_load() {
  local run="$1" rate="$2" marker="$3" waited=0
  rm -f "${run}/stop"
  chaos_java load "$(service_url gateway)" "${REALM_URL}" "${run}" "${rate}" "${run}/stop" "${marker}" \
    >>"${run}/load.log" 2>&1 &
  CHAOS_LOAD_PID=$!
  until [[ -s "${run}/requests.csv" ]]; do
    if ! kill -0 "${CHAOS_LOAD_PID}" 2>/dev/null || [[ "${waited}" -ge 90 ]]; then
      tail -n 20 "${run}/load.log" >&2 || true
      die "the load did not start (${run}/load.log)"
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

chaos_stop_load() {
  local run="$1" waited=0
  touch "${run}/stop"
  while kill -0 "${CHAOS_LOAD_PID}" 2>/dev/null && [[ "${waited}" -lt 420 ]]; do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "${CHAOS_LOAD_PID}" 2>/dev/null; then
    warn "the load did not finish within 420 s; stopping it"
    pkill -TERM -P "${CHAOS_LOAD_PID}" 2>/dev/null || true
    kill "${CHAOS_LOAD_PID}" 2>/dev/null || true
  fi
  wait "${CHAOS_LOAD_PID}" 2>/dev/null || true
  CHAOS_LOAD_PID=""
}

# Records not yet read by the consumer groups that have members (the LAG column), summed: a group nobody reads for any
# more (an agency client's or a system test's, left from earlier runs) would hold the wait to its bound for nothing.
chaos_consumer_lag() {
  kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "127.0.0.1:${KAFKA_BROKER_PORT}" \
    --command-config "${KAFKA_DIR}/admin.properties" --describe --all-groups 2>/dev/null \
    | awk '$2 ~ /^lookout\./ && $6 ~ /^[0-9]+$/ && $7 != "-" { lag += $6 } END { print lag + 0 }'
}

# Until nothing waits in an outbox and every consumer group has read everything (bounded: LOOKOUT_CHAOS_SETTLE_MAX
# seconds, 900), then LOOKOUT_CHAOS_SETTLE (20) more for the last transactions. The first run checked too early:
# notification-service, ~7 events/s on the starved machine, was still 17,000 events behind.
chaos_settle() {
  local start="${SECONDS}" limit="${LOOKOUT_CHAOS_SETTLE_MAX:-900}" pending lag
  while pending="$(chaos_pending)" && [[ "${pending}" -gt 0 && $((SECONDS - start)) -lt "${limit}" ]]; do
    sleep 2
  done
  kafka_classpath
  while lag="$(chaos_consumer_lag)" && [[ "${lag}" -gt 0 && $((SECONDS - start)) -lt "${limit}" ]]; do
    info "chaos: consumers ${lag} records behind"
    sleep 10
  done
  sleep "${LOOKOUT_CHAOS_SETTLE:-20}"
}

# How consumer groups share partitions: members of each group per topic partition.
chaos_groups() {
  kafka_classpath
  kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "127.0.0.1:${KAFKA_BROKER_PORT}" \
    --command-config "${KAFKA_DIR}/admin.properties" --describe --all-groups 2>/dev/null \
    | awk 'NF >= 7 && $2 ~ /^lookout\./ && $7 != "-" { print $1, $2, $7 }' | sort | uniq -c \
    | awk '{ printf "%s on %s: member %s holds %d partitions\n", $2, $3, $4, $1 }'
}

# ------------------------------------------------------------------ the fault run

chaos_run() {
  local form="$1" rounds pause settle rate run marker started part round
  rounds=1 pause=10 settle=15
  if [[ "${form}" == long ]]; then
    rounds="${LOOKOUT_CHAOS_ROUNDS:-3}" pause=30 settle=30
  fi
  rate="${LOOKOUT_CHAOS_RATE:-50}"
  chaos_up
  run="${CHAOS_HOME}/$(date -u +%Y%m%dT%H%M%SZ)"
  marker="CHAOS-$(date -u +%H%M%S)"
  mkdir -p "${run}"
  started="$(date -u '+%F %T%z')"
  printf '%s\n' "$(now_ms)" >"${run}/started.ms"
  chaos_groups >"${run}/groups-before.txt" || true
  info "chaos ${form}: ${rate} requests/s through $(service_url gateway); results in ${run}"
  chaos_start_load "${run}" "${rate}" "${marker}"
  sleep 20
  local -a order=(kafka postgres complaint cadre escalation notification gateway keycloak)
  [[ "${form}" == long ]] && order+=(complaint-2 escalation-2)
  : >"${run}/kills.csv"
  for ((round = 1; round <= rounds; round++)); do
    for part in "${order[@]}"; do
      local killed restarted ready
      info "chaos: kill -9 ${part} (round ${round}), back in ${pause} s"
      killed="$(now_ms)"
      chaos_kill "${part}"
      sleep "${pause}"
      restarted="$(now_ms)"
      chaos_restart "${part}" >>"${run}/restarts.log" 2>&1 || die "${part} did not restart (see ${run}/restarts.log)"
      chaos_wait_ready "${part}" 300 || die "${part} not ready 300 s after its restart"
      ready="$(now_ms)"
      printf '%s,%s,%s,%s,%s\n' "${part}" "${round}" "${killed}" "${restarted}" "${ready}" >>"${run}/kills.csv"
      ok "${part} back: ready $(((ready - restarted) / 1000)) s after its restart"
      sleep "${settle}"
    done
  done
  info "chaos: stopping the load (workflows in flight finish)"
  chaos_stop_load "${run}"
  printf '%s\n' "$(now_ms)" >"${run}/stopped.ms"
  info "chaos: waiting until every outbox is empty and the consumers caught up"
  chaos_settle
  chaos_groups >"${run}/groups-after.txt" || true
  chaos_java verify "$(service_url gateway)" "${REALM_URL}" "${run}"
  chaos_java report "${run}" >/dev/null
  chaos_checks "${run}" "${marker}"
  chaos_table "${run}" "${form}" "${started}" "${rate}" | tee "${run}/table.md"
  # the long run's table has a file of its own (the README shows it): a later short run, CI's, does not replace it
  if [[ "${form}" == long ]]; then
    sed '1s/.*/# Last long chaos run/' "${run}/table.md" >"${ROOT}/docs/chaos-long-run.md"
  elif [[ "${LOOKOUT_CHAOS_DOC:-1}" == 1 ]]; then
    cp "${run}/table.md" "${ROOT}/docs/chaos-last-run.md"
  fi
  if grep -q '| FAIL |' "${run}/table.md"; then
    warn "chaos ${form}: a check failed (${run}/table.md)"
    CHAOS_FAILED=1
  else
    ok "chaos ${form}: every check held"
  fi
}

# Database checks; writes key=value lines to checks.txt.
chaos_checks() {
  local run="$1" marker="$2" since
  since="$(cat "${run}/started.ms")"
  local ts="to_timestamp(${since} / 1000.0)"
  {
    # tracking numbers: per community and year, 1..n without a gap or a duplicate
    chaos_sql complaint "select coalesce(sum(n - distinct_n), 0), coalesce(sum(top - distinct_n), 0) from (
      select count(*) n, count(distinct tracking_number) distinct_n,
             max(split_part(tracking_number, '-', 3)::int) top
        from report group by split_part(tracking_number, '-', 1), split_part(tracking_number, '-', 2)) t" \
      | awk -F'|' '{ print "tracking_duplicates=" $1; print "tracking_gaps=" $2 }'
    printf 'outbox_pending=%s\n' "$(chaos_pending)"
    # one escalation per report whose item escalates at once; one clock of each kind per report
    chaos_sql complaint "select id from report where title like '${marker} %' and item_code = 'food-drug-safety'" \
      | sort >"${run}/escalating.ids"
    chaos_sql complaint "select id from report where title like '${marker} %'" | sort >"${run}/all.ids"
    chaos_sql escalation "select report_id, count(*) from escalation where opened_at >= ${ts} group by report_id, trigger" \
      2>/dev/null | sort >"${run}/escalations.txt" || true
    printf 'escalating_reports=%s\n' "$(wc -l <"${run}/escalating.ids")"
    printf 'escalations_missing=%s\n' "$(cut -d'|' -f1 "${run}/escalations.txt" | sort | comm -23 "${run}/escalating.ids" - | wc -l)"
    printf 'escalations_double=%s\n' "$(awk -F'|' '$2 > 1' "${run}/escalations.txt" | wc -l)"
    chaos_sql escalation "select report_id, kind, count(*) from sla_clock group by report_id, kind" \
      | sort >"${run}/clocks.txt"
    printf 'clocks_missing=%s\n' "$(cut -d'|' -f1 "${run}/clocks.txt" | sort -u | comm -23 "${run}/all.ids" - | wc -l)"
    printf 'clocks_double=%s\n' "$(awk -F'|' '$3 > 1' "${run}/clocks.txt" | wc -l)"
    # notifications: one per recipient, channel and kind of each report
    printf 'notifications=%s\n' "$(chaos_sql notification "select count(*) from notification where created_at >= ${ts}")"
    printf 'notifications_double=%s\n' "$(chaos_sql notification "select count(*) from (select 1 from notification
      where created_at >= ${ts} group by report_id, kind, recipient_ref, channel, reference having count(*) > 1) d")"
    # every event of the run reached each consumer that takes its type, once (processed_event: consumer, event id)
    local db
    : >"${run}/outbox.txt"
    : >"${run}/processed.txt"
    for db in complaint escalation cadre_registry notification; do
      chaos_sql "${db}" "select event_id, event_type from outbox_event where occurred_at >= ${ts}" 2>/dev/null \
        >>"${run}/outbox.txt" || true
      chaos_sql "${db}" "select '${db}/' || consumer, event_id, event_type from processed_event
        where processed_at >= ${ts}" 2>/dev/null >>"${run}/processed.txt" || true
    done
    printf 'events=%s\n' "$(wc -l <"${run}/outbox.txt")"
    awk -F'|' 'FNR == NR { types[$1 "|" $3] = 1; done[$1 "|" $2] = 1; consumers[$1] = 1; next }
      { for (c in consumers) if ((c "|" $2) in types) { expected[c]++; if (!((c "|" $1) in done)) missing[c]++ } }
      END { m = 0; for (c in expected) { printf "consumer %s expected=%d missing=%d\n", c, expected[c], missing[c] + 0;
            m += missing[c] }; printf "events_missing=%d\n", m }' \
      "${run}/processed.txt" "${run}/outbox.txt" | tee "${run}/consumers.txt" | grep '^events_missing='
    printf 'processed_double=%s\n' "$(cut -d'|' -f1,2 "${run}/processed.txt" | sort | uniq -d | wc -l)"
  } >"${run}/checks.txt"
}

chaos_value() {
  sed -n "s/^$2=//p" "$1" | head -n 1
}

chaos_verdict() {
  if [[ "$1" == "$2" ]]; then printf 'ok'; else printf 'FAIL'; fi
}

chaos_table() {
  local run="$1" form="$2" started="$3" rate="$4" checks verify answers
  checks="${run}/checks.txt" verify="${run}/verify.txt" answers="${run}/answers.txt"
  local created missing history state undocumented
  created="$(chaos_value "${verify}" reports_201)"
  missing="$(chaos_value "${verify}" reports_missing)"
  history="$(chaos_value "${verify}" history_wrong)"
  state="$(chaos_value "${verify}" state_wrong)"
  undocumented="$(chaos_value "${answers}" undocumented)"
  printf '# Last chaos run\n\n'
  printf '`./lookout chaos %s`, started %s: %s requests in %s s (%s/s) through the gateway, two instances of\n' \
    "${form}" "${started}" "$(chaos_value "${answers}" requests)" "$(chaos_value "${answers}" seconds)" \
    "$(chaos_value "${answers}" rate)"
  printf 'complaint-service and escalation-service; each part killed with `kill -9` and restarted, %s round(s), %s s down\n' \
    "${rounds:-1}" "${pause:-10}"
  printf 'each. How to read it: [chaos.md](chaos.md).\n\n'
  printf '| check | found | verdict |\n|---|---|---|\n'
  printf '| reports acknowledged (201) and read back | %s, missing %s | %s |\n' "${created}" "${missing}" "$(chaos_verdict "${missing}" 0)"
  printf '| full history, each state once, in order | %s wrong | %s |\n' "${history}" "$(chaos_verdict "${history}" 0)"
  printf '| final state (CLOSED, or ESCALATED) | %s wrong, %s workflows unfinished | %s |\n' "${state}" \
    "$(chaos_value "${verify}" unfinished)" "$(chaos_verdict "${state}" 0)"
  printf '| tracking numbers: gaps / duplicates | %s / %s | %s |\n' "$(chaos_value "${checks}" tracking_gaps)" \
    "$(chaos_value "${checks}" tracking_duplicates)" \
    "$(chaos_verdict "$(chaos_value "${checks}" tracking_gaps)$(chaos_value "${checks}" tracking_duplicates)" 00)"
  printf '| events left in an outbox | %s | %s |\n' "$(chaos_value "${checks}" outbox_pending)" \
    "$(chaos_verdict "$(chaos_value "${checks}" outbox_pending)" 0)"
  printf '| events of the run reaching every consumer of their type | %s events, %s not applied | %s |\n' \
    "$(chaos_value "${checks}" events)" "$(chaos_value "${checks}" events_missing)" \
    "$(chaos_verdict "$(chaos_value "${checks}" events_missing)" 0)"
  printf '| an event applied twice by one consumer | %s | %s |\n' "$(chaos_value "${checks}" processed_double)" \
    "$(chaos_verdict "$(chaos_value "${checks}" processed_double)" 0)"
  printf '| SLA clocks: reports without / a kind twice | %s / %s | %s |\n' "$(chaos_value "${checks}" clocks_missing)" \
    "$(chaos_value "${checks}" clocks_double)" \
    "$(chaos_verdict "$(chaos_value "${checks}" clocks_missing)$(chaos_value "${checks}" clocks_double)" 00)"
  printf '| escalations (food-drug-safety, %s reports): missing / twice | %s / %s | %s |\n' \
    "$(chaos_value "${checks}" escalating_reports)" "$(chaos_value "${checks}" escalations_missing)" \
    "$(chaos_value "${checks}" escalations_double)" \
    "$(chaos_verdict "$(chaos_value "${checks}" escalations_missing)$(chaos_value "${checks}" escalations_double)" 00)"
  printf '| notifications: one per report, kind, recipient, channel | %s, %s twice | %s |\n' \
    "$(chaos_value "${checks}" notifications)" "$(chaos_value "${checks}" notifications_double)" \
    "$(chaos_verdict "$(chaos_value "${checks}" notifications_double)" 0)"
  printf '| answers other than 200/201/409, 4xx and 503/504 problems | %s | %s |\n' "${undocumented}" \
    "$(chaos_verdict "${undocumented}" 0)"
  printf '\n## Answers by operation\n\n'
  cat "${run}/answers.md"
  printf '\n"no answer (refused)": the gateway itself was down (its kill), nothing answered at all.\n'
  printf '\n## Recovery\n\n| part killed | down (s) | ready after restart (s) | failed answers | load whole again after the kill (s) |\n|---|---|---|---|---|\n'
  sort -t, -k1,1n "${run}/requests.csv" >"${run}/requests.sorted"
  local part round killed restarted ready
  while IFS=, read -r part round killed restarted ready; do
    awk -F, -v k="${killed}" -v r="${ready}" -v p="${part}" -v d="$(((restarted - killed) / 1000))" \
      -v up="$(awk -v a="${restarted}" -v b="${ready}" 'BEGIN { printf "%.1f", (b - a) / 1000 }')" '
      $1 >= k { ok = ($3 == 200 || $3 == 201 || $3 == 409);
        if (!ok && $1 <= r + 60000) failed++;
        if (ok) { if (run == 0) first = $1; run++; if (run >= 20 && back == "") back = first } else run = 0 }
      END { printf "| %s | %s | %s | %d | %s |\n", p, d, up, failed, back == "" ? "not within the run" : sprintf("%.1f", (back - k) / 1000) }' \
      "${run}/requests.sorted"
  done <"${run}/kills.csv"
  printf '\n"load whole again": from the kill to the first of 20 answers in a row that are 200/201/409.\n'
  printf '\n## Consumer groups (members per topic, two instances running)\n\n```\n'
  cat "${run}/groups-before.txt"
  printf '```\n'
}

# ------------------------------------------------------------------ relay lag with one and two instances

# p50 and p99 of (broker ack − commit) in ms for the events of one service's outbox since $2 (ms).
chaos_lag_of() {
  local db="$1" since="$2" until="$3"
  chaos_sql "${db}" "select count(*),
      round(1000 * extract(epoch from percentile_cont(0.5) within group (order by published_at - occurred_at))),
      round(1000 * extract(epoch from percentile_cont(0.99) within group (order by published_at - occurred_at)))
    from outbox_event where occurred_at >= to_timestamp(${since} / 1000.0)
      and occurred_at < to_timestamp(${until} / 1000.0) and published_at is not null"
}

# Each window has its own directory (the load's first request is awaited afresh, not found in the last window's file)
# and starts on empty outboxes (the last window's backlog would be charged to it); fresh instances get
# LOOKOUT_CHAOS_LAG_WARMUP seconds of load before the window opens.
chaos_lag() {
  local seconds="${LOOKOUT_CHAOS_LAG_SECONDS:-60}" rate="${LOOKOUT_CHAOS_RATE:-50}" run from to instances window
  local warmup="${LOOKOUT_CHAOS_LAG_WARMUP:-30}"
  chaos_up
  run="${CHAOS_HOME}/lag-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "${run}"
  printf '| instances | service | events | events/s written | p50 ms | p99 ms | load average |\n|---|---|---|---|---|---|---|\n' \
    >"${run}/lag.md"
  for instances in 1 2; do
    if [[ "${instances}" == 1 ]]; then
      stop_group complaint-2 "${SERVICE_STOP_GRACE}"
      stop_group escalation-2 "${SERVICE_STOP_GRACE}"
    else
      chaos_start_second complaint
      chaos_start_second escalation
      chaos_wait_ready complaint-2 180 || die "complaint-2 not ready"
      chaos_wait_ready escalation-2 180 || die "escalation-2 not ready"
    fi
    chaos_lag_drain
    window="${run}/${instances}"
    mkdir -p "${window}"
    info "relay lag with ${instances} instance(s): ${rate} requests/s, ${warmup} s warm-up, then ${seconds} s measured"
    chaos_start_load "${window}" "${rate}" "LAG${instances}-$(date -u +%H%M%S)"
    sleep "${warmup}"
    from="$(now_ms)"
    sleep "${seconds}"
    to="$(now_ms)"
    local load
    load="$(cut -d ' ' -f 1-3 /proc/loadavg)"
    chaos_stop_load "${window}"
    # the window's events are measured once they are all sent
    chaos_lag_drain
    local db
    for db in complaint escalation; do
      chaos_lag_of "${db}" "${from}" "${to}" \
        | awk -F'|' -v i="${instances}" -v s="${db}" -v w="$(((to - from) / 1000))" -v l="${load}" \
          '{ printf "| %s | %s | %s | %.1f | %s | %s | %s |\n", i, s, $1, $1 / w, $2, $3, l }' >>"${run}/lag.md"
    done
  done
  cat "${run}/lag.md"
  printf '\n(commit → broker acknowledgement: outbox_event.published_at − occurred_at of the events written in each %s s window)\n' \
    "${seconds}"
}

# Until no outbox holds an unsent row, at most LOOKOUT_CHAOS_SETTLE_MAX seconds (900).
chaos_lag_drain() {
  local start="${SECONDS}" pending
  while pending="$(chaos_pending)" && [[ "${pending}" -gt 0 ]]; do
    if [[ $((SECONDS - start)) -ge "${LOOKOUT_CHAOS_SETTLE_MAX:-900}" ]]; then
      warn "relay lag: ${pending} events still unsent after ${LOOKOUT_CHAOS_SETTLE_MAX:-900} s"
      return 0
    fi
    sleep 2
  done
  info "relay lag: every outbox empty ($((SECONDS - start)) s)"
}

# ------------------------------------------------------------------ the intake → consumer path at scale (docs/scaling.md)

chaos_scale() {
  part_running kafka || die "./lookout chaos scale needs a running broker: ./lookout up infra (or ./lookout up) first"
  kafka_classpath
  info "12 partitions, consumer groups of 1, 2 and 3 instances (deploy/local/chaos/ScaleSim.java)"
  "${JAVA_HOME}/bin/java" -Xmx256m -XX:+UseSerialGC -Dlog4j2.level=WARN \
    -Dlog4j2.configurationFile="${ROOT}/deploy/local/kafka/log4j2.properties" -cp "$(cat "${KAFKA_CLASSPATH_FILE}")" \
    "${ROOT}/deploy/local/chaos/ScaleSim.java" "${KAFKA_DIR}/admin.properties" "${LOOKOUT_SCALE_PARTITIONS:-12}" \
    "${LOOKOUT_SCALE_REPORTS:-2000}" "${LOOKOUT_SCALE_EVENTS:-6}" "${LOOKOUT_SCALE_WORK_MS:-2}" \
    "${LOOKOUT_SCALE_INSTANCES:-1,2,3}"
}

# Several forms in one call share one stack: ./lookout chaos short lag scale
cmd_chaos() {
  local form
  CHAOS_FAILED=0
  find_jdk
  [[ $# -gt 0 ]] || set -- short
  for form in "$@"; do
    case "${form}" in
      short | long | lag | groups | scale) ;;
      *) die "usage: ./lookout chaos [short|long|lag|scale|groups]..." ;;
    esac
  done
  for form in "$@"; do
    case "${form}" in
      short | long) chaos_run "${form}" ;;
      lag) chaos_lag ;;
      groups) chaos_groups ;;
      scale)
        # alone it runs on a stack that is up; after another form, on the chaos stack
        chaos_scale | tee "${CHAOS_HOME}/scale-$(date -u +%Y%m%dT%H%M%SZ).md"
        ;;
    esac
  done
  [[ "${CHAOS_FAILED}" -eq 0 ]] || die "chaos: a check failed (see the table above)"
}
