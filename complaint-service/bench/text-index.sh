#!/usr/bin/env bash
# What the worklists' text index (report_worklist_text, V42) costs an insert, with report_text_bigrams as V42 wrote it
# (LANGUAGE sql) and as V68 writes it (plpgsql): three tables of report-like rows in a throw-away cluster — no text
# index, the index on V42's function, the index on V68's — and pgbench inserting one row per statement into each, one
# client, ROUNDS rounds of SECONDS seconds, alternating. Prints inserts/s and µs per insert of each, the index's share of
# an insert under each function, and V68/V42. The functions are read from the migrations themselves.
#
#   complaint-service/bench/text-index.sh                 # 3 rounds of 8 s (about 1.5 minutes)
#   ROUNDS=5 SECONDS_EACH=10 complaint-service/bench/text-index.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-3}"
SECONDS_EACH="${SECONDS_EACH:-8}"
MIGRATIONS="$ROOT/complaint-service/src/main/resources/db/migration"
# shellcheck source=complaint-service/bench/harness.sh
source "$HERE/harness.sh"
bench_init text-index
bench_pg_start textindex
PGBENCH="$PG_BIN/pgbench"
[[ -x "$PGBENCH" ]] || PGBENCH="$(command -v pgbench || true)"
[[ -n "$PGBENCH" ]] || die "pgbench is missing: apt-get install -y postgresql-contrib (or set LOOKOUT_PG_BIN)"

function_of() { # migration file, new name: the migration's report_text_bigrams, renamed
  awk '/function report_text_bigrams/ { on = 1 } on { print } on && /^\$\$;/ { exit }' "$1" |
    sed -e "s/create or replace function report_text_bigrams/create function $2/" \
        -e "s/create function report_text_bigrams/create function $2/"
}
{
  function_of "$MIGRATIONS/V42__worklist_indexes.sql" bigrams_v42
  function_of "$MIGRATIONS/V68__text_bigrams_in_plpgsql.sql" bigrams_v68
  cat <<'SQL'
create table t_none (id bigserial primary key, tracking_number text, title text, address text);
create table t_v42 (like t_none including all);
create index on t_v42 using gin (bigrams_v42(tracking_number || ' ' || title || ' ' || coalesce(address, '')));
create table t_v68 (like t_none including all);
create index on t_v68 using gin (bigrams_v68(tracking_number || ' ' || title || ' ' || coalesce(address, '')));
SQL
} | bench_psql textindex -v ON_ERROR_STOP=1
same="$(bench_psql textindex -At -c "select count(*) from (values ('BDCY-2026-000123 楼道灯坏了 东朝阳路南社区 3号楼'),
  ('Corridor light broken in building 3'), ('a'), ('')) v(t) where bigrams_v42(t) is distinct from bigrams_v68(t)")"
[[ "$same" == 0 ]] || die "the two functions differ on $same of the sample texts"

declare -A TOTAL=([t_none]=0 [t_v42]=0 [t_v68]=0)
for round in $(seq 1 "$ROUNDS"); do
  for table in t_none t_v42 t_v68; do
    printf '%s\n' "insert into $table (tracking_number, title, address) values ('BDCY-2026-' || lpad((random() * 999999)::int::text, 6, '0'), 'Corridor light broken in building 3 楼道灯坏了', '东朝阳路南社区 3号楼');" \
      >"$WORK/$table.sql"
    rate="$(PGPASSWORD=textindex "$PGBENCH" -h 127.0.0.1 -p "$BENCH_PG_PORT" -U textindex -n -M prepared -c 1 \
      -T "$SECONDS_EACH" -f "$WORK/$table.sql" textindex 2>&1 | sed -n 's/^tps = \([0-9.]*\).*/\1/p')"
    [[ -n "$rate" ]] || die "pgbench gave no rate for $table"
    info "round $round: $table $rate inserts/s"
    TOTAL[$table]="$(awk -v a="${TOTAL[$table]}" -v b="$rate" 'BEGIN { print a + b }')"
  done
done
awk -v none="${TOTAL[t_none]}" -v v42="${TOTAL[t_v42]}" -v v68="${TOTAL[t_v68]}" -v n="$ROUNDS" 'BEGIN {
  printf "%-34s %12s %12s %14s\n", "table", "inserts/s", "µs/insert", "index µs/insert"
  printf "%-34s %12.0f %12.0f %14s\n", "no text index", none / n, 1e6 * n / none, "-"
  printf "%-34s %12.0f %12.0f %14.0f\n", "text index, V42 (LANGUAGE sql)", v42 / n, 1e6 * n / v42, 1e6 * n / v42 - 1e6 * n / none
  printf "%-34s %12.0f %12.0f %14.0f\n", "text index, V68 (plpgsql)", v68 / n, 1e6 * n / v68, 1e6 * n / v68 - 1e6 * n / none
  printf "V68/V42: inserts/s %.2f, the index'"'"'s cost per insert %.2f (means of %d rounds, one client)\n", v68 / v42,
    (1e6 * n / v68 - 1e6 * n / none) / (1e6 * n / v42 - 1e6 * n / none), n
}'
