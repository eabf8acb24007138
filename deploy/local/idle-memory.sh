#!/usr/bin/env bash
# Idle memory of the local stack, and of other checkouts of it in the same session, alternately (a baseline measured
# beside, since these machines are noisy). For each round and each checkout: `./lookout down`, `LOOKOUT_SKIP_BUILD=1
# ./lookout up`, IDLE seconds idle, then RSS and PSS (/proc/<pid>/smaps_rollup) of every java and postgres process on
# the machine per part, and `down`. Run it with nothing else of the kind running; each checkout must be built.
#   deploy/local/idle-memory.sh                           # this checkout, one round
#   ROUNDS=2 deploy/local/idle-memory.sh ../baseline .    # a baseline checkout and this one, alternately
# RSS counts a page shared by several processes once per process (PostgreSQL's shared buffers per backend); PSS shares
# it out: its total is what the stack holds (docs/startup-and-memory.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/common.sh
source "${ROOT}/deploy/local/common.sh" # pids_memory_mib, as ./lookout status counts

ROUNDS="${ROUNDS:-1}"
IDLE="${IDLE:-90}"
[[ $# -gt 0 ]] || set -- .

part_of() {
  case "$1" in
    *kafka.Kafka*) echo kafka ;;
    *keycloak*) echo keycloak ;;
    *greenmail*) echo greenmail ;;
    *complaint-service*) echo complaint ;;
    *cadre-registry-service*) echo cadre ;;
    *escalation-service*) echo escalation ;;
    *notification-service*) echo notification ;;
    *gateway*) echo gateway ;;
    *postgres*) echo postgres ;;
    *) echo other ;;
  esac
}

snapshot() {
  local pid args part rss pss total_rss=0 total_pss=0
  local -A members=()
  for pid in $(pgrep -x java || true) $(pgrep -x postgres || true); do
    args="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null)" || continue
    part="$(part_of "${args}")"
    members["${part}"]+=" ${pid}"
  done
  for part in $(printf '%s\n' "${!members[@]}" | sort); do
    # shellcheck disable=SC2086 # one pid per word
    read -r rss pss <<<"$(pids_memory_mib ${members[${part}]})"
    printf '  %-13s RSS %6d MB  PSS %6d MB\n' "${part}" "${rss}" "${pss}"
    total_rss=$((total_rss + rss))
    total_pss=$((total_pss + pss))
  done
  printf '  %-13s RSS %6d MB  PSS %6d MB\n' total "${total_rss}" "${total_pss}"
}

for round in $(seq 1 "${ROUNDS}"); do
  for checkout in "$@"; do
    (
      cd "${checkout}"
      ./lookout down >/dev/null 2>&1 || true
      trap './lookout down >/dev/null 2>&1 || true' EXIT
      started="${SECONDS}"
      LOOKOUT_SKIP_BUILD=1 ./lookout up >/dev/null
      echo "== round ${round}, $(pwd) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')): up in $((SECONDS - started)) s, idle ${IDLE} s"
      sleep "${IDLE}"
      snapshot
    )
  done
done
