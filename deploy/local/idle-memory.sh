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
  local pid args
  for pid in $(pgrep -x java || true) $(pgrep -x postgres || true); do
    args="$(tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null)" || continue
    awk -v part="$(part_of "${args}")" '/^Rss:/ { rss = $2 } /^Pss:/ { pss = $2 } END { print part, rss, pss }' \
      "/proc/${pid}/smaps_rollup" 2>/dev/null || true
  done | awk '{ rss[$1] += $2; pss[$1] += $3; total_rss += $2; total_pss += $3 }
    END { for (p in rss) printf "  %-13s RSS %6d MB  PSS %6d MB\n", p, rss[p] / 1024, pss[p] / 1024 | "sort"
          close("sort"); printf "  %-13s RSS %6d MB  PSS %6d MB\n", "total", total_rss / 1024, total_pss / 1024 }'
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
