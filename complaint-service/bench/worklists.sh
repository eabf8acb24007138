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

plans_flag=()
${plans} && plans_flag=(--plans)
"${here}/explain-each.sh" "${here}/worklist-queries.sql" "${plans_flag[@]}" -v cursor_due="${cursor_due}" \
  -v cursor_id="${cursor_id}"
