#!/usr/bin/env bash
# The dead-letter path end to end on the running stack (SASL Kafka, real services; issue 17, item 3), a step of
# ./lookout test (about 3 minutes):
#
#   ./lookout up && deploy/local/dlq-check.sh      # ports: the usual LOOKOUT_*_PORT variables
#
# 1. files a report through the gateway; a trigger in complaint-service's database makes the history row of one
#    escalation event for this report fail (a handler failure that is not an outage: a bug, as far as the consumer knows);
# 2. sends that event (lookout.escalation.progressed.v1, a new id) on lookout.escalation.v1 as the broker's admin
#    principal; complaint-service tries it lookout.consumer.poison.attempts times (3, about a minute), then parks it on
#    lookout.complaint-service.dlq;
# 3. ./lookout dlq list and show find it (code failed, 3 attempts, no exception text); the trigger goes;
# 4. ./lookout dlq replay: the event applies once; a second replay, then a later event of the same report (same key,
#    same partition, so read after it): that one applies, the replayed event still once.
# Prints a table and exits non-zero when a check fails. It leaves one report and its history behind, nothing else.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
# shellcheck source=deploy/local/common.sh
source "${ROOT}/deploy/local/common.sh"
# shellcheck source=deploy/local/postgres.sh
source "${ROOT}/deploy/local/postgres.sh"
# shellcheck source=deploy/local/kafka.sh
source "${ROOT}/deploy/local/kafka.sh"
# shellcheck source=deploy/local/keycloak.sh
source "${ROOT}/deploy/local/keycloak.sh"
# shellcheck source=deploy/local/services.sh
source "${ROOT}/deploy/local/services.sh"
# shellcheck source=deploy/local/backup.sh
source "${ROOT}/deploy/local/backup.sh"
# shellcheck source=deploy/local/dlq.sh
source "${ROOT}/deploy/local/dlq.sh"

SERVICE=complaint-service
TOPIC=lookout.escalation.v1
CONSUMER=complaint.escalation-facts
# the poison's and the later event's agencies: the history note names the agency, so each row is told apart
POISON_AGENCY=psb-district
LATER_AGENCY=police-dcy
PARK_TIMEOUT="${LOOKOUT_DLQ_CHECK_PARK_TIMEOUT:-300}"
WORK="$(mktemp -d /tmp/lookout-dlq-check.XXXXXX)"
FAILED=0

sql() {
  pg_as_db complaint psql -d complaint -Atq -v ON_ERROR_STOP=1 -c "$1"
}

check() {
  local what="$1" result="$2"
  if [[ "${result}" == ok ]]; then
    printf '  %-66s %s\n' "${what}" ok
  else
    printf '  %-66s FAILED (%s)\n' "${what}" "${result}"
    FAILED=1
  fi
}

wait_for() {
  local seconds="$1" start="${SECONDS}"
  shift
  until "$@"; do
    [[ $((SECONDS - start)) -lt "${seconds}" ]] || return 1
    sleep 2
  done
}

poison_off() {
  sql "set client_min_messages = warning;
       drop trigger if exists lookout_dlq_check_poison on report_history;
       drop function if exists lookout_dlq_check_poison()" >/dev/null
}

# one escalation event for report $1 with id $2 from agency $3, onto its topic as escalation-service's relay sends it
send_event() {
  local report="$1" id="$2" agency="$3" now
  now="$(date -u +%FT%T.%3NZ)"
  local headers="ce_specversion:1.0,ce_id:${id},ce_type:lookout.escalation.progressed.v1"
  headers+=",ce_source:/lookout/escalation-service,ce_subject:${report},ce_time:${now},content-type:application/json"
  local value
  value="$(printf '{"escalationId":"%s","reportId":"%s","itemCode":"corridor-lighting","communityCode":"DCY","streetCode":"DCYJD","confidential":false,"agencyCode":"%s","lead":true,"partStatus":"ACKNOWLEDGED","escalationStatus":"ACKNOWLEDGED","changedAt":"%s"}' \
    "$(cat /proc/sys/kernel/random/uuid)" "${report}" "${agency}" "${now}")"
  printf '%s\t%s\t%s\n' "${headers}" "${report}" "${value}" \
    | kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "${DLQ_BOOTSTRAP}" --topic "${TOPIC}" \
      --producer.config "${DLQ_CLIENT_CONFIG}" --property parse.headers=true --property parse.key=true \
      --property key.separator=$'\t' --property headers.delimiter=$'\t' --property "headers.separator=," \
      --property headers.key.separator=: --producer-property acks=all >/dev/null \
    || die "sending ${id} onto ${TOPIC} failed"
}

# history rows of report $1 written for agency $2's progress
progress_rows() {
  sql "select count(*) from report_history where report_id = '$1' and note like 'progress reported by agency $2%'"
}

# shellcheck disable=SC2317 # called through wait_for
parked() {
  dlq_read "lookout.${SERVICE}.dlq" | grep -a "ce_id:${EVENT}" >"${WORK}/parked.txt"
}

# shellcheck disable=SC2317
rows_are() {
  [[ "$(progress_rows "${REPORT}" "$1")" == "$2" ]]
}

main() {
  find_jdk
  pg_paths
  local part
  for part in kafka keycloak gateway complaint; do
    part_running "${part}" || die "${part} is not running: ./lookout up first"
  done
  dlq_client
  trap poison_off EXIT
  local token code started="${SECONDS}"
  token="$("${ROOT}/lookout" token resident1)"
  info "1/4 a report, and a trigger that fails its history row for ${POISON_AGENCY}'s progress"
  code="$(curl -sS -o "${WORK}/report.json" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer ${token}" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: dlq-check-$(date +%s%N)" \
    --data "$(sed 's/@COMMUNITY@/DCY/' "${ROOT}/complaint-service/bench/report.json")" \
    "$(service_url gateway)/api/complaints")"
  [[ "${code}" == 201 ]] || die "filing a report answered ${code}: $(cat "${WORK}/report.json")"
  REPORT="$(sed -n 's/^{"id":"\([0-9a-f-]*\)".*/\1/p' "${WORK}/report.json")"
  [[ -n "${REPORT}" ]] || REPORT="$(grep -o '"id":"[0-9a-f-]*"' "${WORK}/report.json" | head -n 1 | cut -d'"' -f4)"
  [[ -n "${REPORT}" ]] || die "no report id in $(cat "${WORK}/report.json")"
  sql "create or replace function lookout_dlq_check_poison() returns trigger language plpgsql as \$\$
       begin
         if new.report_id = '${REPORT}' and new.note like 'progress reported by agency ${POISON_AGENCY}%' then
           raise exception 'poisoned by deploy/local/dlq-check.sh';
         end if;
         return new;
       end \$\$;
       create trigger lookout_dlq_check_poison before insert on report_history
         for each row execute function lookout_dlq_check_poison()" >/dev/null
  EVENT="$(cat /proc/sys/kernel/random/uuid)"
  info "2/4 sending ${EVENT} (report ${REPORT}) onto ${TOPIC}: ${SERVICE} tries it, then parks it"
  send_event "${REPORT}" "${EVENT}" "${POISON_AGENCY}"
  wait_for "${PARK_TIMEOUT}" parked || die "${EVENT} was not parked on lookout.${SERVICE}.dlq within ${PARK_TIMEOUT} s"
  local position
  position="$(cut -f2,3 "${WORK}/parked.txt" | head -n 1 | sed 's/Partition:\([0-9]*\)\tOffset:\([0-9]*\)/\1:\2/')"
  ok "parked at ${position} after $((SECONDS - started)) s"
  info "3/4 ./lookout dlq list and show"
  "${ROOT}/lookout" dlq list "${SERVICE}" | tee "${WORK}/list.txt"
  "${ROOT}/lookout" dlq show "${SERVICE}" "${position}" | tee "${WORK}/show.txt"
  local rows_parked
  rows_parked="$(progress_rows "${REPORT}" "${POISON_AGENCY}")"
  poison_off
  info "4/4 ./lookout dlq replay, twice, then a later event of the same report"
  "${ROOT}/lookout" dlq replay "${SERVICE}" "${position}"
  wait_for 180 rows_are "${POISON_AGENCY}" 1 || true
  local rows_replayed
  rows_replayed="$(progress_rows "${REPORT}" "${POISON_AGENCY}")"
  "${ROOT}/lookout" dlq replay "${SERVICE}" "${position}"
  send_event "${REPORT}" "$(cat /proc/sys/kernel/random/uuid)" "${LATER_AGENCY}"
  wait_for 180 rows_are "${LATER_AGENCY}" 1 || true

  printf '\ndead-letter topic lookout.%s.dlq on the stack'"'"'s SASL Kafka: event %s at %s\n' "${SERVICE}" "${EVENT}" \
    "${position}"
  check "parked after the poison policy's tries, nothing applied meanwhile" \
    "$([[ "${rows_parked}" == 0 ]] && echo ok || echo "${rows_parked} history rows")"
  check "list names it: code failed, 3 attempts, original topic" \
    "$(grep -E "^${position} .*${TOPIC} +lookout.escalation.progressed.v1 +failed +3\$" "${WORK}/list.txt" >/dev/null \
      && echo ok || echo "not in the list")"
  check "show: its ce_* and dlq-* headers, key and value; no exception text" \
    "$(grep -q "dlq-code:failed" "${WORK}/show.txt" && grep -q "ce_id:${EVENT}" "${WORK}/show.txt" \
      && grep -q "^key    ${REPORT}\$" "${WORK}/show.txt" && ! grep -qiE 'exception|poisoned|org\.lookout' "${WORK}/show.txt" \
      && echo ok || echo "see ${WORK}/show.txt")"
  check "the first replay applies it once" \
    "$([[ "${rows_replayed}" == 1 ]] && echo ok || echo "${rows_replayed} history rows")"
  check "the second replay changes nothing; the partition goes on after it" \
    "$(rows_are "${LATER_AGENCY}" 1 && rows_are "${POISON_AGENCY}" 1 && echo ok \
      || echo "$(progress_rows "${REPORT}" "${POISON_AGENCY}") and $(progress_rows "${REPORT}" "${LATER_AGENCY}") rows")"
  check "recorded once as processed by ${CONSUMER}" \
    "$([[ "$(sql "select count(*) from processed_event where consumer = '${CONSUMER}' and event_id = '${EVENT}'")" == 1 ]] \
      && echo ok || echo "not once")"
  [[ "${FAILED}" -eq 0 ]] || die "the dead-letter check failed (files in ${WORK})"
  ok "dead-letter check passed in $((SECONDS - started)) s (files in ${WORK})"
}

{ main "$@"; exit; } # one line: bash reads a script as it runs, so an edit meanwhile cannot run stray lines
