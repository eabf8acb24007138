# shellcheck shell=bash
# shellcheck disable=SC2034 # the settings below are used by the other deploy/local scripts
# Shared helpers of ./lookout: messages, the JDK, Maven, detached processes, ports and HTTP waits.
# Sourced by ./lookout, which sets ROOT and `set -euo pipefail`.

STATE="${ROOT}/.lookout"
LOGS="${STATE}/logs"
PIDS="${STATE}/pids"
# PostgreSQL runs as an unprivileged user when we are root: its binaries must not sit under /root.
if [[ -n "${LOOKOUT_CACHE_DIR:-}" ]]; then
  CACHE="${LOOKOUT_CACHE_DIR}"
elif [[ "$(id -u)" -eq 0 ]]; then
  CACHE="/var/cache/lookout"
else
  CACHE="${XDG_CACHE_HOME:-${HOME}/.cache}/lookout"
fi
# Every process we start carries this marker, so `down` never touches a process that is not ours.
MARKER="-Dlookout.state=${STATE}"

PG_PORT="${LOOKOUT_PG_PORT:-15432}"
KAFKA_PORT="${LOOKOUT_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${LOOKOUT_KAFKA_CONTROLLER_PORT:-19093}"
# the broker's own listener (inter-broker traffic and ./lookout's topic and ACL set-up), loopback only
KAFKA_BROKER_PORT="${LOOKOUT_KAFKA_BROKER_PORT:-19094}"
KEYCLOAK_PORT="${LOOKOUT_KEYCLOAK_PORT:-18180}"
# GreenMail (deploy/local/greenmail.sh): SMTP for notification-service, IMAP and a REST API to read demo mail
SMTP_PORT="${LOOKOUT_SMTP_PORT:-3025}"
IMAP_PORT="${LOOKOUT_IMAP_PORT:-3143}"
GREENMAIL_API_PORT="${LOOKOUT_GREENMAIL_API_PORT:-18025}"
GREENMAIL_URL="http://127.0.0.1:${GREENMAIL_API_PORT}"

KEYCLOAK_URL="http://127.0.0.1:${KEYCLOAK_PORT}"
REALM_URL="${KEYCLOAK_URL}/realms/lookout"
KAFKA_BOOTSTRAP="127.0.0.1:${KAFKA_PORT}"

# ---------------------------------------------------------------- the services and the versions

# The services, from the one table of them (deploy/services.tsv): part, module, port, database (- for none) and the
# variable that moves the port. SERVICES keeps the table's order, which is the order they start in.
SERVICES=()
declare -A SERVICE_MODULE=() SERVICE_DEFAULT_PORT=() SERVICE_DATABASE=() SERVICE_PORT_VARIABLE=()
load_services() {
  local part module port database variable
  while IFS=$'\t' read -r part module port database variable; do
    [[ -z "${part}" || "${part}" == \#* ]] && continue
    SERVICES+=("${part}")
    SERVICE_MODULE["${part}"]="${module}"
    SERVICE_DEFAULT_PORT["${part}"]="${port}"
    SERVICE_DATABASE["${part}"]="${database}"
    SERVICE_PORT_VARIABLE["${part}"]="${variable}"
  done <"${ROOT}/deploy/services.tsv"
}
load_services
# every part of the stack, as `status` and `logs` name them
PARTS=(postgres kafka keycloak greenmail "${SERVICES[@]}")

# Infrastructure versions (PostgreSQL binaries, Kafka, its log4j bridge, Keycloak) stand once, in the root pom's
# <properties>: Maven builds with them and ./lookout reads them there.
infra_version() {
  local name="$1" value
  value="$(sed -n "s:^[[:space:]]*<${name}>\([^<]*\)</${name}>.*:\1:p" "${ROOT}/pom.xml" | head -n 1)"
  [[ -n "${value}" ]] || die "no <${name}> in ${ROOT}/pom.xml"
  printf '%s' "${value}"
}

# ---------------------------------------------------------------- messages

if [[ -t 1 ]]; then
  C_BOLD=$'\e[1m' C_RED=$'\e[31m' C_GREEN=$'\e[32m' C_YELLOW=$'\e[33m' C_OFF=$'\e[0m'
else
  C_BOLD='' C_RED='' C_GREEN='' C_YELLOW='' C_OFF=''
fi

info() { printf '%s==>%s %s\n' "${C_BOLD}" "${C_OFF}" "$*"; }
ok() { printf '%s ok%s %s\n' "${C_GREEN}" "${C_OFF}" "$*"; }
warn() { printf '%swarn%s %s\n' "${C_YELLOW}" "${C_OFF}" "$*" >&2; }
die() {
  printf '%serror%s %s\n' "${C_RED}" "${C_OFF}" "$*" >&2
  exit 1
}

# Shows the end of a part's log, for a failure message.
show_log_tail() {
  local part="$1" lines="${2:-40}"
  if [[ -f "${LOGS}/${part}.log" ]]; then
    printf -- '---- last %s lines of %s ----\n' "${lines}" "${LOGS}/${part}.log" >&2
    tail -n "${lines}" "${LOGS}/${part}.log" >&2 || true
    printf -- '----\n' >&2
  fi
}

# A command the script needs: installed from its Debian package when missing and we are root with apt-get (as .ci/run
# does), else named with the package to install.
require_tool() {
  local tool="$1" package="$2"
  command -v "${tool}" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing ${package} for '${tool}' (apt-get)" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${package}"; } \
      >/dev/null 2>&1 || true
  fi
  command -v "${tool}" >/dev/null 2>&1 \
    || die "'${tool}' is not installed. On Debian/Ubuntu: apt-get install -y ${package}"
}

ensure_dirs() {
  mkdir -p "${LOGS}" "${PIDS}" "${STATE}/cds"
}

# ---------------------------------------------------------------- JDK

# Prints the feature version (21, 25, ...) of the JDK at $1, or nothing when it is not a JDK.
jdk_version() {
  local home="$1" spec
  [[ -x "${home}/bin/java" && -x "${home}/bin/javac" ]] || return 0
  spec="$("${home}/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9.]*\).*/\1/p' | head -n 1)"
  printf '%s' "${spec%%.*}"
}

# Sets JAVA_HOME and PATH to the first JDK >= 21 found.
find_jdk() {
  [[ -n "${LOOKOUT_JDK_FOUND:-}" ]] && return 0
  local -a candidates=()
  local dir version on_path
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("${JAVA_HOME}")
  if on_path="$(command -v java 2>/dev/null)"; then
    on_path="$(readlink -f "${on_path}")"
    candidates+=("$(dirname "$(dirname "${on_path}")")")
  fi
  for dir in /usr/lib/jvm/* /opt/java* /opt/java/* /usr/local/*jdk* "${HOME}"/.sdkman/candidates/java/*; do
    [[ -d "${dir}" && ! -L "${dir}" ]] && candidates+=("${dir}")
  done
  local seen=" "
  for dir in "${candidates[@]}"; do
    [[ "${seen}" == *" ${dir} "* ]] && continue
    seen+="${dir} "
    version="$(jdk_version "${dir}")"
    if [[ -n "${version}" && "${version}" -ge 21 ]]; then
      export JAVA_HOME="${dir}"
      export PATH="${JAVA_HOME}/bin:${PATH}"
      export LOOKOUT_JDK_FOUND="${version}"
      return 0
    fi
    if [[ -n "${version}" && "${dir}" == "${JAVA_HOME:-}" ]]; then
      warn "JAVA_HOME=${dir} is Java ${version}; Lookout needs 21 or newer, looking for another JDK"
    fi
  done
  die "no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt/java*, /usr/local/*jdk*, ~/.sdkman).
      Install one, e.g. 'apt-get install -y openjdk-21-jdk-headless' (Debian 13 / Ubuntu 24.04) or Eclipse Temurin 21,
      then set JAVA_HOME to it."
}

# ---------------------------------------------------------------- Maven

# Runs the Maven wrapper with the JDK found.
mvnw() {
  find_jdk
  local opts="${MAVEN_OPTS:-}"
  # Maven 3.9's Guice warns about sun.misc.Unsafe on JDK 24+; the warning is noise, not a problem.
  if [[ "${LOOKOUT_JDK_FOUND}" -ge 24 && "${opts}" != *sun-misc-unsafe* ]]; then
    opts="${opts} --sun-misc-unsafe-memory-access=allow"
  fi
  MAVEN_OPTS="${opts}" "${ROOT}/mvnw" "$@"
}

# Maven on deploy/local/kafka/pom.xml (outside the reactor), with the infrastructure versions of the root pom.
local_pom_mvnw() {
  mvnw -f "${ROOT}/deploy/local/kafka/pom.xml" -Dkafka.version="$(infra_version kafka.version)" \
    -Dlog4j.version="$(infra_version log4j.version)" "$@"
}

# Copies one artifact (groupId:artifactId:version[:type]) from the local repository or Maven Central to $2.
maven_fetch() {
  local coordinates="$1" target_dir="$2"
  mkdir -p "${target_dir}"
  local_pom_mvnw -B -q dependency:copy \
    -Dartifact="${coordinates}" -DoutputDirectory="${target_dir}" -Dmdep.overWriteIfNewer=true \
    || die "could not resolve ${coordinates} from Maven Central"
}

# Unpacks zip (or jar) $1 into folder $2; the JDK's jar tool stands in when unzip is missing.
extract_zip() {
  local archive="$1" target_dir="$2"
  mkdir -p "${target_dir}"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "${archive}" -d "${target_dir}"
  else
    find_jdk
    (cd "${target_dir}" && "${JAVA_HOME}/bin/jar" xf "${archive}")
  fi
}

# ---------------------------------------------------------------- processes

# Prints the ids of the processes in process group $1.
group_members() {
  local pgid="$1" stat_file stat rest
  local -a fields
  for stat_file in /proc/[0-9]*/stat; do
    read -r stat 2>/dev/null <"${stat_file}" || continue
    rest="${stat##*) }"
    read -r -a fields <<<"${rest}"
    # fields: state ppid pgrp ...; a zombie has already exited
    if [[ "${fields[2]:-}" == "${pgid}" && "${fields[0]:-}" != Z ]]; then
      stat_file="${stat_file#/proc/}"
      printf '%s\n' "${stat_file%/stat}"
    fi
  done
}

# True when process group $1 has a member carrying our marker or running from our state folder.
group_is_ours() {
  local pgid="$1" pid cmdline
  for pid in $(group_members "${pgid}"); do
    cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/${pid}/cmdline" || true)"
    if [[ "${cmdline}" == *"${MARKER}"* || "${cmdline}" == *"${STATE}/"* ]]; then
      return 0
    fi
  done
  return 1
}

# Prints the process group id of a running part, or returns 1.
part_pgid() {
  local part="$1" pgid
  [[ -f "${PIDS}/${part}.pid" ]] || return 1
  pgid="$(cat "${PIDS}/${part}.pid")"
  [[ "${pgid}" =~ ^[0-9]+$ ]] || return 1
  group_is_ours "${pgid}" || return 1
  printf '%s' "${pgid}"
}

part_running() {
  part_pgid "$1" >/dev/null
}

# Starts "$@" detached in its own session (process group = its pid), logging to logs/<part>.log.
start_detached() {
  local part="$1"
  shift
  ensure_dirs
  printf '\n===== %s starting %s =====\n' "$(date '+%F %T')" "${part}" >>"${LOGS}/${part}.log"
  # Not a group leader here, so setsid execs in place and $! is the new group's id.
  setsid "$@" >>"${LOGS}/${part}.log" 2>&1 </dev/null &
  printf '%s\n' "$!" >"${PIDS}/${part}.pid"
}

# How long `down` waits for a service to exit before killing it. A service's own shutdown takes up to ~10 s (its Kafka
# consumers leave their groups), and the first stop after a build also writes its class-data archive (~8 s more on a
# quiet machine): 20 s was once too short in CI, under load, with Keycloak already stopped.
SERVICE_STOP_GRACE="${LOOKOUT_SERVICE_STOP_GRACE:-45}"

# The JVM options of a part's class-data archive: written by the JVM when the part stops, mapped at its next start, so
# the classes come parsed and verified instead of read from the jars (services started in 21-23 s instead of 26-35 s, see
# docs/startup-and-memory.md). The JVM writes an archive only when there is none: one built from other jars (after a
# build) it refuses at start but keeps, never writes anew, and still pays for — JDK 25 maps and relocates it before
# the check, ~90 MB more per service. So an archive older than any jar under $2 (the part's classpath: a folder, or
# a classpath file) is removed before the start, and the next stop writes a current one.
# LOOKOUT_CDS=0: none (to measure without). One option per line (mapfile -t reads them into an array).
class_archive_options() {
  local archive="${STATE}/cds/$1.jsa" classpath="$2"
  [[ "${LOOKOUT_CDS:-1}" == 0 ]] && return 0
  if [[ -e "${archive}" ]] && archive_is_stale "${archive}" "${classpath}"; then
    rm -f "${archive}"
  fi
  printf '%s\n' "-XX:SharedArchiveFile=${archive}" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off
}

# True when a jar under the folder $2 (or the file $2 itself) changed after the archive $1 was written.
archive_is_stale() {
  local archive="$1" classpath="$2"
  if [[ -d "${classpath}" ]]; then
    [[ -n "$(find "${classpath}" -name '*.jar' -newer "${archive}" -print -quit 2>/dev/null)" ]]
  else
    [[ "${classpath}" -nt "${archive}" ]]
  fi
}

# Stops a part's whole process group: TERM, wait up to $2 seconds, then KILL.
stop_group() {
  local part="$1" grace="${2:-20}" pgid waited=0
  if ! pgid="$(part_pgid "${part}")"; then
    rm -f "${PIDS}/${part}.pid"
    return 0
  fi
  info "stopping ${part} (process group ${pgid})"
  kill -TERM -- "-${pgid}" 2>/dev/null || true
  while [[ -n "$(group_members "${pgid}")" && "${waited}" -lt "${grace}" ]]; do
    sleep 1
    waited=$((waited + 1))
  done
  if [[ -n "$(group_members "${pgid}")" ]]; then
    warn "${part} did not stop within ${grace}s; killing it"
    kill -KILL -- "-${pgid}" 2>/dev/null || true
    sleep 1
  fi
  rm -f "${PIDS}/${part}.pid"
}

# Memory of processes in MiB, two ways: "RSS PSS". RSS counts every page a process maps, so pages shared by several
# processes (PostgreSQL's shared buffers in each backend, the JDK's libraries in each JVM) are counted once per
# process; PSS divides a shared page among the processes that map it, so PSS sums to what the machine really holds.
pids_memory_mib() {
  local pid rss=0 pss=0 kib
  for pid in "$@"; do
    kib="$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/${pid}/status" 2>/dev/null || true)"
    rss=$((rss + ${kib:-0}))
    kib="$(sed -n 's/^Pss:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/${pid}/smaps_rollup" 2>/dev/null || true)"
    pss=$((pss + ${kib:-0}))
  done
  printf '%s %s' "$((rss / 1024))" "$((pss / 1024))"
}

# CPU time (user + system, in clock ticks: getconf CLK_TCK a second) of a process and its children (nginx's workers):
# the benchmarks divide it by the requests served, a cost that does not depend on what else the machine runs.
# With "reaped" also the time of children that have ended (the parent's cutime and cstime: PostgreSQL's backends of
# clients that disconnected during the run).
cpu_ticks() {
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" 2>/dev/null); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  if [[ "${2:-}" == reaped ]]; then
    total=$((total + $(awk '{print $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0)))
  fi
  echo "$total"
}

# CPU time (clock ticks) of a JVM's JIT compiler threads (C1 and C2): work a JVM that has run long enough no longer
# does; the benchmarks print its share of a measured run to show whether they measured a JVM still compiling.
jit_ticks() {
  local total=0 task ticks
  for task in /proc/"$1"/task/*; do
    [[ "$(cat "$task/comm" 2>/dev/null)" == C[12]\ Compiler* ]] || continue
    ticks="$(sed 's/^.*) //' "$task/stat" 2>/dev/null | awk '{print $12 + $13}')"
    total=$((total + ${ticks:-0}))
  done
  echo "$total"
}

# CPU time the whole machine spent busy (user, nice, system, irq, softirq; in clock ticks, all cores together; not
# steal, the hypervisor's): over a run and per operation, what the operation cost every process involved, load
# generator included.
machine_busy_ticks() {
  awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8; exit}' /proc/stat
}

# "<process group> <RSS MiB> <PSS MiB>" of a running part of the stack (postgres counts the postmaster and its backends,
# see pg_memory_mib in postgres.sh); fails when the part does not run.
part_memory() {
  local part="$1" pgid
  if [[ "${part}" == postgres ]]; then
    pgid="$(pg_pid)" || return 1
    printf '%s %s' "${pgid}" "$(pg_memory_mib "${pgid}")"
  else
    pgid="$(part_pgid "${part}")" || return 1
    # shellcheck disable=SC2046 # one pid per word
    printf '%s %s' "${pgid}" "$(pids_memory_mib $(group_members "${pgid}"))"
  fi
}

# ---------------------------------------------------------------- ports and HTTP

port_open() {
  local port="$1"
  (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null
}

# Fails when a port we are about to bind is taken by something that is not ours.
require_port_free() {
  local port="$1" part="$2" variable="$3"
  if port_open "${port}"; then
    die "port ${port} (${part}) is already in use by another program.
      Stop it, or choose another port: ${variable}=<port> ./lookout up"
  fi
}

http_ok() {
  curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

# Waits until `$2...` succeeds; gives up after $1 seconds or when part $3's process group is gone.
wait_until() {
  local timeout="$1" part="$2"
  shift 2
  local start="${SECONDS}"
  while ! "$@"; do
    if [[ $((SECONDS - start)) -ge "${timeout}" ]]; then
      return 1
    fi
    if [[ -n "${part}" ]] && ! part_running "${part}"; then
      return 2
    fi
    sleep 0.5
  done
}

# Waits for a part that was just started; on failure shows its log and names the cause.
await_part() {
  local part="$1" timeout="$2" failure="$3" status=0
  shift 3
  wait_until "${timeout}" "${part}" "$@" || status=$?
  [[ "${status}" -eq 0 ]] && return 0
  show_log_tail "${part}"
  [[ "${status}" -eq 2 ]] && die "${part} exited while starting (log: ${LOGS}/${part}.log)"
  die "${part} ${failure} within ${timeout}s"
}

# Benchmarks sign their own tokens (no Keycloak): an RSA key in the file $1, its public half printed as base64 DER for
# quarkus.oidc.public-key; bench_sign <key file> <claims JSON> prints an RS256 JWT.
bench_signing_key() {
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null
  openssl pkey -in "$1" -pubout -outform DER 2>/dev/null | openssl base64 -A
}
bench_b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
bench_sign() {
  local header payload signature
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | bench_b64url)"
  payload="$(printf '%s' "$2" | bench_b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$1" -binary | bench_b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
