#!/usr/bin/env bash
# Measures every worklist query on 100,000 reports: seeds them (worklist-seed.sql) into a complaint database the
# service has migrated (or that you migrated by hand), then runs each query of worklist-queries.sql under
# EXPLAIN (ANALYZE, BUFFERS) five times and prints the median execution time, the buffers and the plan's first node.
#
#   PGHOST=… PGPORT=… PGUSER=… PGPASSWORD=… PGDATABASE=complaint complaint-service/bench/worklists.sh [--plans] [--clean]
#
# --plans prints each whole plan; --clean deletes the seeded reports (tracking numbers B…) and stops.
# The goal (issue 13): each worklist query under 50 ms. Figures of a run: complaint-service/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
plans=false
for argument in "$@"; do
  case "${argument}" in
    --plans) plans=true ;;
    --clean) psql -v ON_ERROR_STOP=1 -qc "delete from report where tracking_number like 'B%'"; exit 0 ;;
    *) echo "unknown argument ${argument}" >&2; exit 2 ;;
  esac
done

seeded="$(psql -XAtc "select count(*) from report where tracking_number like 'B%'")"
if [[ "${seeded}" -lt 100000 ]]; then
  echo "seeding 100,000 reports …"
  psql -X -v ON_ERROR_STOP=1 -q -f "${here}/worklist-seed.sql" >/dev/null
fi
echo "reports: $(psql -XAtc 'select count(*) from report'), of them open: $(psql -XAtc \
  "select count(*) from report where due_at is not null")"

# the cursor of the staff's second page: the 50th report of the first
IFS='|' read -r cursor_due cursor_id < <(psql -XAtF '|' -c "select due_at, id from report where community_code = 'DCY'
  and not confidential order by due_at asc nulls last, id asc offset 49 limit 1")

# one query a block: a comment line names it, the statement follows up to its semicolon
awk -v RS=';' 'NF { print $0 ";" > sprintf("'"${TMPDIR:-/tmp}"'/worklist-query-%02d.sql", ++n) }' \
  "${here}/worklist-queries.sql"
printf '%-52s %10s %16s  %s\n' "query" "median ms" "buffers" "plan"
for file in "${TMPDIR:-/tmp}"/worklist-query-*.sql; do
  name="$(grep '^-- ' "${file}" | tail -n 1 | sed 's/^-- //')"
  [[ -n "${name}" ]] || continue
  statement="$(grep -v '^--' "${file}")"
  printf 'explain (analyze, buffers) %s' "${statement}" > "${file}.explain"
  times=()
  for _ in 1 2 3 4 5; do
    # psql interpolates :'variables' only in files, not in -c
    plan="$(psql -X -v ON_ERROR_STOP=1 -v cursor_due="${cursor_due}" -v cursor_id="${cursor_id}" -At \
      -f "${file}.explain")"
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
rm -f "${TMPDIR:-/tmp}"/worklist-query-*.sql*
