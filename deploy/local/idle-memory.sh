#!/usr/bin/env bash
# Idle memory of the local stack, and of other checkouts of it in the same session, alternately (a baseline measured
# beside, since these machines are noisy). For each round and each checkout: `./lookout down`, `LOOKOUT_SKIP_BUILD=1
# ./lookout up`, IDLE seconds idle, then RSS and PSS of each part as `./lookout status` counts them (part_memory, read
# from that checkout's own process records, so an older checkout is measured the same way), and `down`. Each checkout
# must be built; they share the stack's ports, so only one runs at a time.
#   deploy/local/idle-memory.sh                           # this checkout, one round
#   ROUNDS=2 deploy/local/idle-memory.sh ../baseline .    # a baseline checkout and this one, alternately
# RSS counts a page shared by several processes once per process (PostgreSQL's shared buffers per backend); PSS shares
# it out: its total is what the stack holds (docs/startup-and-memory.md).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROUNDS="${ROUNDS:-1}"
IDLE="${IDLE:-90}"
[[ $# -gt 0 ]] || set -- .

# The memory of each part of the checkout whose ROOT the helpers were sourced with.
snapshot() {
  local part memory rss pss total_rss=0 total_pss=0
  for part in "${PARTS[@]}"; do
    memory="$(part_memory "${part}")" || continue
    read -r _ rss pss <<<"${memory}"
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
      # this checkout's helpers, that checkout's state (.lookout: process records, PostgreSQL's data folder)
      ROOT="$(pwd)"
      # shellcheck source=deploy/local/common.sh
      source "${HERE}/common.sh"
      # shellcheck source=deploy/local/postgres.sh
      source "${HERE}/postgres.sh"
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
