# shellcheck shell=bash
# `./lookout backup [dir]` and `./lookout restore <dir>` (issue 17, item 6): every service database (pg_dump, one
# consistent snapshot per database), the Keycloak realm with its users (kc.sh export) and escalation-service's calendar
# overrides (also inside the escalation dump; the CSV is for reading). See deploy/README.md, "Backup and restore".

BACKUP_ROOT="${LOOKOUT_BACKUP_DIR:-${ROOT}/target/lookout-backups}"

# A PostgreSQL client tool ($1: pg_dump, pg_restore, psql) of the binaries the stack runs.
pg_client_tool() {
  local tool="$1"
  pg_paths
  pg_find_bin
  [[ -x "${PG_BIN}/${tool}" ]] || die "${PG_BIN}/${tool} is missing: the embedded PostgreSQL binaries carry no client tools.
      Install PostgreSQL's client (apt-get install -y postgresql-client-$(pg_major_of_binaries)) and set LOOKOUT_PG_BIN
      to binaries that have ${tool}"
  printf '%s/%s' "${PG_BIN}" "${tool}"
}

# Runs PostgreSQL client tool $2... as the login of database $1 (password = name) over TCP.
pg_as_db() {
  local db="$1" tool="$2"
  shift 2
  PGPASSWORD="${db}" PGCONNECT_TIMEOUT=10 "$(pg_client_tool "${tool}")" -h 127.0.0.1 -p "${PG_PORT}" -U "${db}" "$@"
}

# kc.sh export needs the H2 database to itself: Keycloak is stopped for it and started again when it was running.
keycloak_export_realm() {
  local target="$1" was_running=0
  keycloak_unpack_once
  if part_running keycloak; then
    was_running=1
    warn "stopping Keycloak for the realm export (logins fail until it is back; issued tokens stay valid)"
    keycloak_down
  fi
  mkdir -p "${target}"
  info "exporting the realm lookout with its users (kc.sh export)"
  if ! env JAVA_HOME="${JAVA_HOME}" \
    JAVA_OPTS="-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${MARKER}" \
    timeout "${LOOKOUT_KEYCLOAK_TIMEOUT:-300}" "${KEYCLOAK_HOME}/bin/kc.sh" export --dir "${target}" --realm lookout \
    --users realm_file >>"${LOGS}/keycloak.log" 2>&1; then
    show_log_tail keycloak
    [[ "${was_running}" -eq 1 ]] && keycloak_start && keycloak_wait
    die "the Keycloak realm export failed (log: ${LOGS}/keycloak.log)"
  fi
  [[ -s "${target}/lookout-realm.json" ]] || die "kc.sh export wrote no ${target}/lookout-realm.json"
  # LOOKOUT_BACKUP_KEYCLOAK_RESTART=0 leaves it stopped: for backup-restore-check.sh, which resets the stack next
  if [[ "${was_running}" -eq 1 && "${LOOKOUT_BACKUP_KEYCLOAK_RESTART:-1}" != 0 ]]; then
    keycloak_start
    keycloak_wait
  fi
}

cmd_backup() {
  local dir="${1:-${BACKUP_ROOT}/$(date -u +%Y%m%dT%H%M%SZ)}" db started="${SECONDS}"
  find_jdk
  ensure_dirs
  pg_paths
  pg_find_bin
  pg_running || die "PostgreSQL is not running: ./lookout up infra (or ./lookout up), then ./lookout backup"
  [[ -e "${dir}/manifest" ]] && die "${dir} holds a backup already; name another directory"
  mkdir -p "${dir}/postgres" "${dir}/keycloak"
  chmod 700 "${dir}"
  info "backing up into ${dir}"
  for db in "${PG_DATABASES[@]}"; do
    # one snapshot per database: the dump is consistent while the services go on writing
    pg_as_db "${db}" pg_dump --format=custom --no-owner --no-privileges --file="${dir}/postgres/${db}.dump" "${db}" \
      || die "pg_dump of ${db} failed"
    ok "database ${db}: $(du -h "${dir}/postgres/${db}.dump" | cut -f 1)"
  done
  if [[ " ${PG_DATABASES[*]} " == *" escalation "* ]]; then
    pg_as_db escalation psql -d escalation -v ON_ERROR_STOP=1 -q \
      -c "\\copy (select * from calendar_day where source = 'ADMIN' order by 1) to '${dir}/calendar-overrides.csv' csv header" \
      || die "exporting the calendar overrides failed"
    ok "calendar overrides (days an administrator set): $(($(wc -l <"${dir}/calendar-overrides.csv") - 1))"
  fi
  keycloak_export_realm "${dir}/keycloak"
  ok "keycloak realm lookout: $(du -h "${dir}/keycloak/lookout-realm.json" | cut -f 1)"
  # what a restore checks first: the databases and the PostgreSQL major they came from
  {
    printf 'lookout-backup 1\n'
    printf 'created %s\n' "$(date -u +%FT%TZ)"
    printf 'postgres-major %s\n' "$(pg_major_of_binaries)"
    printf 'keycloak %s\n' "${KEYCLOAK_VERSION}"
    printf 'databases %s\n' "${PG_DATABASES[*]}"
  } >"${dir}/manifest"
  ok "backup in ${dir} ($((SECONDS - started))s); restore into a fresh stack: ./lookout reset; ./lookout restore ${dir}"
}

# True when database $1 has no table yet (a fresh stack: the services create their schema on their first start).
pg_database_empty() {
  local db="$1" count
  count="$(pg_as_db "${db}" psql -d "${db}" -Atq -c \
    "select count(*) from pg_tables where schemaname not in ('pg_catalog', 'information_schema')")" \
    || die "cannot read database ${db}"
  [[ "${count}" == 0 ]]
}

cmd_restore() {
  local dir="${1:-}" db started="${SECONDS}"
  [[ -n "${dir}" ]] || die "usage: ./lookout restore <dir>   (a directory ./lookout backup wrote)"
  dir="$(cd "${dir}" 2>/dev/null && pwd)" || die "no directory ${1}"
  [[ "$(head -n 1 "${dir}/manifest" 2>/dev/null)" == "lookout-backup 1" ]] || die "${dir} is not a ./lookout backup"
  find_jdk
  ensure_dirs
  for part in "${SERVICES[@]}" keycloak; do
    part_running "${part}" && die "${part} is running: restore goes into a fresh stack (./lookout reset, then ./lookout restore ${dir})"
  done
  [[ -d "${KEYCLOAK_HOME}/data/h2" ]] \
    && die "Keycloak has data already: restore goes into a fresh stack (./lookout reset, then ./lookout restore ${dir})"
  pg_up
  local major
  major="$(sed -n 's/^postgres-major //p' "${dir}/manifest")"
  [[ "${major}" -le "$(pg_major_of_binaries)" ]] \
    || die "the backup comes from PostgreSQL ${major}, newer than the binaries here ($(pg_major_of_binaries))"
  for db in "${PG_DATABASES[@]}"; do
    [[ -f "${dir}/postgres/${db}.dump" ]] || die "the backup has no database ${db} (${dir}/postgres/${db}.dump)"
    pg_database_empty "${db}" \
      || die "database ${db} is not empty: restore goes into a fresh stack (./lookout reset, then ./lookout restore ${dir})"
  done
  for db in "${PG_DATABASES[@]}"; do
    pg_as_db "${db}" pg_restore --no-owner --no-privileges --exit-on-error --single-transaction -d "${db}" \
      "${dir}/postgres/${db}.dump" || die "restoring database ${db} failed"
    ok "database ${db} restored"
  done
  # Keycloak's first start imports the backup's realm (users included) instead of the committed one; the stamp then
  # names the committed file, so the next `up` keeps the restored realm until lookout-realm.json itself changes.
  # shellcheck disable=SC2034 # read by keycloak_start (keycloak.sh) inside cmd_up
  KEYCLOAK_REALM_FILE="${dir}/keycloak/lookout-realm.json"
  cmd_up
  sha256sum "${ROOT}/deploy/keycloak/lookout-realm.json" | cut -d ' ' -f 1 >"${KEYCLOAK_REALM_STAMP}"
  ok "restored ${dir} ($((SECONDS - started))s): the outbox relays what was not sent at backup time"
}
