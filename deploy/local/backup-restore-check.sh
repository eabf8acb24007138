#!/usr/bin/env bash
# Backup and restore, end to end, against this checkout's stack (issue 17, item 6). A step of ./lookout test (after the
# system tests); about 11 minutes on a loaded 2-core machine, nearly all of it Keycloak and the fresh stack's start:
#
#   ./lookout up && deploy/local/backup-restore-check.sh      # ports: the usual LOOKOUT_*_PORT variables
#
# 1. files reports through the gateway; waits until escalation-service holds a clock for each (their events were sent);
# 2. stops Kafka and files more reports: their events wait in the outbox, unsent;
# 3. ./lookout backup, ./lookout reset (everything gone), ./lookout restore;
# 4. checks: every report is back with its whole history; the sent outbox rows kept their published_at (not sent
#    again); the unsent ones are sent now; each report it filed has exactly one SLA clock; the restored realm still
#    logs in; the calendar override set before the backup is in calendar-overrides.csv and back in the database.
# Prints a table and exits non-zero on the first difference. It WIPES the stack's data (reset): never on one you need.
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

SENT_REPORTS="${SENT_REPORTS:-3}"
PENDING_REPORTS="${PENDING_REPORTS:-2}"
WORK="$(mktemp -d /tmp/lookout-backup-check.XXXXXX)"
BACKUP="${WORK}/backup"
FAILED=0

sql() {
  pg_as_db "$1" psql -d "$1" -Atq -v ON_ERROR_STOP=1 -c "$2"
}

file_report() {
  local token="$1" code
  code="$(curl -sS -o "${WORK}/last.json" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer ${token}" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: backup-check-$(date +%s%N)" \
    --data "$(sed 's/@COMMUNITY@/DCY/' "${ROOT}/complaint-service/bench/report.json")" \
    "$(service_url gateway)/api/complaints")"
  [[ "${code}" == 201 ]] || die "filing a report answered ${code}: $(cat "${WORK}/last.json")"
  grep -o '"id":"[0-9a-f-]*"' "${WORK}/last.json" | head -n 1 | cut -d '"' -f 4 >>"${WORK}/ids"
}

# The reports this check filed, as an SQL list: the stack may hold others (./lookout test runs it after the system
# tests), whose clocks are not this check's business.
own_reports() {
  sed "s/.*/'&'/" "${WORK}/ids" | paste -sd,
}

# The state the restore must bring back: reports with their history, the outbox, the clocks.
snapshot() {
  sql complaint "select r.id || ' ' || count(h.*) from report r left join report_history h on h.report_id = r.id
                 group by r.id order by r.id" >"$1.history"
  sql complaint "select event_id || ' ' || coalesce(published_at::text, 'PENDING') from outbox_event order by position" \
    >"$1.outbox"
  sql escalation "select report_id || ' ' || count(*) from sla_clock where report_id in ($(own_reports))
                   group by report_id order by 1" >"$1.clocks"
}

check() {
  local what="$1" result="$2"
  if [[ "${result}" == ok ]]; then
    printf '  %-62s %s\n' "${what}" ok
  else
    printf '  %-62s FAILED (%s)\n' "${what}" "${result}"
    FAILED=1
  fi
}

wait_for() {
  local seconds="$1" start="${SECONDS}"
  shift
  until "$@"; do
    [[ $((SECONDS - start)) -lt "${seconds}" ]] || return 1
    sleep 1
  done
}

# shellcheck disable=SC2317 # called through wait_for
clocks_for_every_report() {
  [[ "$(sql escalation "select count(distinct report_id) from sla_clock where report_id in ($(own_reports))")" \
    == "$(wc -l <"${WORK}/ids")" ]]
}

# shellcheck disable=SC2317 # called through wait_for
no_pending_outbox() {
  [[ "$(sql complaint 'select count(*) from outbox_event where published_at is null')" == 0 ]]
}

main() {
  STARTED="${SECONDS}"
  find_jdk
  pg_paths
  for part in "${SERVICES[@]}" kafka keycloak; do
    part_running "${part}" || die "${part} is not running: ./lookout up first"
  done
  local token
  token="$("${ROOT}/lookout" token resident1)"
  info "1/4 filing ${SENT_REPORTS} reports; their events reach escalation-service"
  for _ in $(seq 1 "${SENT_REPORTS}"); do file_report "${token}"; done
  # an administrator's calendar override: the backup's calendar-overrides.csv must name it
  local code
  code="$(curl -sS -o "${WORK}/day.json" -w '%{http_code}' --max-time 30 -X PUT \
    -H "Authorization: Bearer $("${ROOT}/lookout" token admin1)" -H 'Content-Type: application/json' \
    --data '{"kind":"HOLIDAY","name":"backup check","reason":"backup-restore-check.sh"}' \
    "$(service_url gateway)/api/calendar/days/2031-07-15")"
  [[ "${code}" == 200 ]] || die "setting a calendar override answered ${code}: $(cat "${WORK}/day.json")"
  wait_for 120 clocks_for_every_report || die "escalation-service did not start a clock for every report within 120 s"
  wait_for 60 no_pending_outbox || die "the outbox did not drain within 60 s"
  info "2/4 Kafka down, ${PENDING_REPORTS} more reports: their events stay in the outbox"
  kafka_down
  for _ in $(seq 1 "${PENDING_REPORTS}"); do file_report "${token}"; done
  snapshot "${WORK}/before"
  [[ "$(grep -c PENDING "${WORK}/before.outbox")" -gt 0 ]] || die "no unsent outbox row to carry over"
  info "3/4 backup, reset, restore"
  local step="${SECONDS}"
  # Keycloak is not started again after the realm export: the reset stops it at once
  LOOKOUT_BACKUP_KEYCLOAK_RESTART=0 "${ROOT}/lookout" backup "${BACKUP}"
  TIMES="backup $((SECONDS - step)) s"
  step="${SECONDS}"
  "${ROOT}/lookout" reset
  TIMES+=", reset $((SECONDS - step)) s"
  step="${SECONDS}"
  "${ROOT}/lookout" restore "${BACKUP}"
  TIMES+=", restore (with up) $((SECONDS - step)) s"
  info "4/4 checking"
  step="${SECONDS}"
  wait_for 180 no_pending_outbox || true
  wait_for 120 clocks_for_every_report || true
  TIMES+=", caught up $((SECONDS - step)) s"
  snapshot "${WORK}/after"
  local reports pending
  reports="$(wc -l <"${WORK}/before.history")"
  pending="$(grep -c PENDING "${WORK}/before.outbox")"
  printf '\nbackup and restore: %s reports, %s outbox rows (%s unsent at backup time)\n' "${reports}" \
    "$(wc -l <"${WORK}/before.outbox")" "${pending}"
  check "every report back, with as many history rows" \
    "$(diff -q "${WORK}/before.history" "${WORK}/after.history" >/dev/null && echo ok || echo "history differs")"
  check "sent outbox rows keep their published_at (not sent again)" \
    "$(diff -q <(grep -v PENDING "${WORK}/before.outbox") \
      <(grep -F -f <(grep -v PENDING "${WORK}/before.outbox" | cut -d ' ' -f 1) "${WORK}/after.outbox") >/dev/null \
      && echo ok || echo "a sent row changed")"
  check "rows unsent at backup time are sent after the restore" \
    "$([[ "$(grep -c PENDING "${WORK}/after.outbox" || true)" == 0 ]] && echo ok || echo "still pending")"
  check "one SLA clock for each report the check filed" \
    "$([[ "$(wc -l <"${WORK}/after.clocks")" == "$(wc -l <"${WORK}/ids")" ]] && ! grep -qv ' 1$' "${WORK}/after.clocks" \
      && echo ok || echo "$(wc -l <"${WORK}/after.clocks") reports with clocks")"
  check "the restored realm logs resident1 in" \
    "$("${ROOT}/lookout" token resident1 >/dev/null 2>&1 && echo ok || echo "no token")"
  check "the calendar override is in calendar-overrides.csv and restored" \
    "$(grep -q '^2031-07-15,HOLIDAY,backup check,ADMIN' "${BACKUP}/calendar-overrides.csv" \
      && [[ "$(sql escalation "select kind from calendar_day where day = '2031-07-15' and source = 'ADMIN'")" == HOLIDAY ]] \
      && echo ok || echo missing)"
  [[ "${FAILED}" -eq 0 ]] || die "backup and restore lost something (files in ${WORK})"
  ok "backup and restore kept everything in $((SECONDS - STARTED)) s: ${TIMES} (files in ${WORK})"
}

{ main "$@"; exit; } # one line: bash reads a script as it runs, so an edit meanwhile cannot run stray lines
