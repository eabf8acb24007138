#!/usr/bin/env bash
# Runs each query of a file under EXPLAIN (ANALYZE, BUFFERS) five times and prints per query the median execution time,
# the shared buffers (hit, read) and the plan's first node. One query a block: a comment line names it, the statement
# follows up to its semicolon. Connection from the PG* variables; psql -v variables given after the file are passed on
# (the file reads them as :'name').
#
#   PGHOST=… PGPORT=… PGUSER=… PGPASSWORD=… PGDATABASE=… complaint-service/bench/explain-each.sh queries.sql [--plans] [-v name=value …]
#
# --plans prints each whole plan. Used by worklists.sh (worklist-queries.sql) and volume.sh (escalation-service's
# bench/board-queries.sql too).
set -euo pipefail
queries="$1"
shift
plans=false
psql_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --plans) plans=true ;;
    -v) psql_args+=(-v "$2"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
split="$(mktemp -d "${TMPDIR:-/tmp}/explain-each.XXXXXX")"
trap 'rm -rf "${split}"' EXIT
awk -v RS=';' -v dir="${split}" 'NF { print $0 ";" > sprintf("%s/query-%02d.sql", dir, ++n) }' "${queries}"
printf '%-52s %10s %16s  %s\n' "query" "median ms" "buffers" "plan"
for file in "${split}"/query-*.sql; do
  name="$(grep '^-- ' "${file}" | tail -n 1 | sed 's/^-- //')"
  [[ -n "${name}" ]] || continue
  grep -qv "^--" "${file}" || continue
  statement="$(grep -v '^--' "${file}")"
  printf 'explain (analyze, buffers) %s' "${statement}" > "${file}.explain"
  times=()
  for _ in 1 2 3 4 5; do
    # psql interpolates :'variables' only in files, not in -c
    plan="$(psql -X -v ON_ERROR_STOP=1 "${psql_args[@]}" -At -f "${file}.explain")"
    times+=("$(sed -n 's/^Execution Time: \([0-9.]*\) ms$/\1/p' <<<"${plan}")")
  done
  median="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
  buffers="$(grep -m1 -o 'Buffers: shared [^ ]* *[^ ]*' <<<"${plan}" | sed 's/Buffers: shared //')"
  first="$(sed -n '1p' <<<"${plan}" | sed 's/  (cost=.*//' | cut -c1-60)"
  printf '%-52s %10s %16s  %s\n' "${name:0:52}" "${median}" "${buffers}" "${first}"
  if ${plans}; then
    sed 's/^/    /' <<<"${plan}"
  fi
done
