# shellcheck shell=bash
# The five Quarkus services for ./lookout: build when out of date, start from quarkus-run.jar, wait for readiness.

# Beside the build output, not in .lookout/: `./lookout reset` wipes the stack's data, not what was built.
BUILD_STAMP="${ROOT}/target/lookout-build.stamp"
# Secret keys of this stack, made on the first `./lookout up` and kept in .lookout/keys/ (never committed; a committed
# value is refused by every service's production profile, see security's ProductionKeys). `./lookout reset` wipes them
# with the data they protect. A variable set in the environment wins (e.g. LOOKOUT_PSEUDONYM_KEY).
KEYS="${STATE}/keys"

# The stack's key $1: the environment's value, else the one in .lookout/keys/, else a new random one (32 bytes, base64).
stack_key() {
  local name="$1" file="${KEYS}/$1"
  if [[ -n "${!name:-}" ]]; then
    printf '%s' "${!name}"
    return 0
  fi
  if [[ ! -s "${file}" ]]; then
    mkdir -p "${KEYS}"
    chmod 700 "${KEYS}"
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' >"${file}")
  fi
  cat "${file}"
}

# A service's row of deploy/services.tsv (read by common.sh into SERVICES and the SERVICE_* tables).
service_module() {
  [[ -n "${SERVICE_MODULE[$1]:-}" ]] || die "unknown service '$1' (deploy/services.tsv lists ${SERVICES[*]})"
  printf '%s' "${SERVICE_MODULE[$1]}"
}

# The port: its variable's value when set, else the table's.
service_port() {
  local variable="${SERVICE_PORT_VARIABLE[$1]}"
  printf '%s' "${!variable:-${SERVICE_DEFAULT_PORT[$1]}}"
}

service_port_variable() {
  printf '%s' "${SERVICE_PORT_VARIABLE[$1]}"
}

# The service's own Keycloak client for Kafka (deploy/kafka/acls.txt names it); the gateway has none.
service_kafka_client() {
  case "$1" in
    complaint | cadre | escalation | notification) printf 'kafka-%s' "$(service_module "$1")" ;;
    *) ;;
  esac
}

# The service's database; nothing for one without (the gateway).
service_database() {
  [[ "${SERVICE_DATABASE[$1]}" == - ]] || printf '%s' "${SERVICE_DATABASE[$1]}"
}

service_jar() {
  printf '%s/%s/target/quarkus-app/quarkus-run.jar' "${ROOT}" "$(service_module "$1")"
}

service_url() {
  printf 'http://127.0.0.1:%s' "$(service_port "$1")"
}

# Health, metrics and the OpenAPI document are on the service's management interface: its HTTP port + 1000, on the
# loopback only and never routed by the gateway.
service_management_port() {
  printf '%s' "$(($(service_port "$1") + 1000))"
}

service_management_url() {
  printf 'http://127.0.0.1:%s' "$(service_management_port "$1")"
}

# True when a pom or a source file changed since the last build, or a service jar is missing.
build_needed() {
  local part changed
  [[ -f "${BUILD_STAMP}" ]] || return 0
  for part in "${SERVICES[@]}"; do
    [[ -f "$(service_jar "${part}")" ]] || return 0
  done
  changed="$(find "${ROOT}" \( -path "${STATE}" -o -path "${ROOT}/.git" -o -name target -o -path "${ROOT}/deploy" \) -prune \
    -o -type f \( -name pom.xml -o -path '*/src/*' \) -newer "${BUILD_STAMP}" -print 2>/dev/null | head -n 1)"
  [[ -n "${changed}" ]]
}

build_services() {
  if [[ "${LOOKOUT_SKIP_BUILD:-0}" == 1 ]]; then
    info "LOOKOUT_SKIP_BUILD=1: not building"
    return 0
  fi
  if ! build_needed; then
    ok "build is up to date"
    return 0
  fi
  info "building (./mvnw -B -q -DskipTests install)"
  mkdir -p "$(dirname "${BUILD_STAMP}")"
  # the stamp is taken before the build, so a file saved during it triggers the next one
  local stamp_next="${BUILD_STAMP}.next"
  touch "${stamp_next}"
  mvnw -B -q -DskipTests install || die "the build failed (see the Maven output above)"
  mv "${stamp_next}" "${BUILD_STAMP}"
}

mark_build_fresh() {
  mkdir -p "$(dirname "${BUILD_STAMP}")"
  touch "${BUILD_STAMP}"
}

require_service_jar() {
  local jar
  jar="$(service_jar "$1")"
  [[ -f "${jar}" ]] || die "${jar#"${ROOT}/"} is missing: the $(service_module "$1") module has not been built.
      Build it (./mvnw -DskipTests install), or start only PostgreSQL, Kafka and Keycloak with ./lookout up infra"
}

# start_service <part> [<name> <port>]: a second instance (./lookout chaos) has its own name (pid file, log) and port,
# and shares the first one's database and Kafka consumer groups.
start_service() {
  local part="$1" port module jar db kafka_client
  local name="${2:-$1}" management_port
  port="${3:-$(service_port "${part}")}"
  # the management interface is always the HTTP port + 1000 (a second instance's too)
  management_port="$((port + 1000))"
  module="$(service_module "${part}")"
  jar="$(service_jar "${part}")"
  db="$(service_database "${part}")"
  kafka_client="$(service_kafka_client "${part}")"
  if part_running "${name}"; then
    ok "${name} already running on 127.0.0.1:${port}"
    return 0
  fi
  require_service_jar "${part}"
  require_port_free "${port}" "${name}" "$(service_port_variable "${part}")"
  require_port_free "${management_port}" "${name} (management)" "$(service_port_variable "${part}")"
  # loopback only: the way in is the gateway; a service on every interface would walk around its limits
  local -a environment=(
    QUARKUS_HTTP_HOST=127.0.0.1
    QUARKUS_HTTP_PORT="${port}"
    QUARKUS_MANAGEMENT_HOST=127.0.0.1
    QUARKUS_MANAGEMENT_PORT="${management_port}"
    # this stack's Keycloak holds the development realm's client secrets; production refuses them
    LOOKOUT_DEVELOPMENT_STACK=true
    KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP}"
    OIDC_AUTH_SERVER_URL="${REALM_URL}"
  )
  # the pseudonym and the notification-delivery key are shared by complaint- and notification-service
  case "${part}" in
    complaint | notification)
      environment+=(
        LOOKOUT_PSEUDONYM_KEY="$(stack_key LOOKOUT_PSEUDONYM_KEY)"
        LOOKOUT_DELIVERY_KEY="$(stack_key LOOKOUT_DELIVERY_KEY)"
      )
      ;;&
    notification)
      # its own key for webhook secrets at rest; mail to GreenMail; users through its own Keycloak client; the agency
      # directory's webhooks; webhooks to this machine allowed (receivers of tests and demos)
      environment+=(
        LOOKOUT_SECRETS_KEY="$(stack_key LOOKOUT_SECRETS_KEY)"
        SMTP_HOST=127.0.0.1
        SMTP_PORT="${SMTP_PORT}"
        KEYCLOAK_URL="${KEYCLOAK_URL}"
        NOTIFICATION_CLIENT_SECRET=lookout-notification-service-secret
        ESCALATION_SERVICE_URL="$(service_url escalation)"
        LOOKOUT_OUTBOUND_ALLOWED_HOSTS=127.0.0.1
      )
      ;;
    escalation)
      # the agency directory may name webhooks on this machine
      environment+=(LOOKOUT_OUTBOUND_URLS_ALLOWED_HOSTS=127.0.0.1)
      ;;
    *) ;;
  esac
  if [[ -n "${db}" ]]; then
    environment+=(DB_HOST=127.0.0.1 DB_PORT="${PG_PORT}" DB_NAME="${db}" DB_USER="${db}" DB_PASSWORD="${db}")
  fi
  local -a java_options=()
  if [[ -n "${kafka_client}" ]]; then
    # SASL OAUTHBEARER with the service's Keycloak client; its secret is the realm's development one
    environment+=(
      KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT
      KAFKA_SASL_MECHANISM=OAUTHBEARER
      KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL="${REALM_URL}/protocol/openid-connect/token"
      KAFKA_CLIENT_ID="${kafka_client}"
      KAFKA_CLIENT_SECRET="${kafka_client}-secret"
    )
    # Kafka 4 clients fetch tokens only from the URLs this system property allows
    java_options+=("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=${REALM_URL}/protocol/openid-connect/token")
  fi
  if [[ "${part}" == complaint ]]; then
    environment+=(
      LOOKOUT_IDENTITY_KEY="$(stack_key LOOKOUT_IDENTITY_KEY)"
      # the lookout roster changes accounts through the Keycloak admin API (client lookout-roster of the realm)
      KEYCLOAK_URL="${KEYCLOAK_URL}"
      LOOKOUT_CHALLENGE_KEY="$(stack_key LOOKOUT_CHALLENGE_KEY)"
    )
  fi
  if [[ "${part}" == gateway ]]; then
    environment+=(
      COMPLAINT_SERVICE_URL="$(service_url complaint)"
      CADRE_REGISTRY_SERVICE_URL="$(service_url cadre)"
      ESCALATION_SERVICE_URL="$(service_url escalation)"
      NOTIFICATION_SERVICE_URL="$(service_url notification)"
      COMPLAINT_SERVICE_MANAGEMENT_URL="$(service_management_url complaint)"
      CADRE_REGISTRY_SERVICE_MANAGEMENT_URL="$(service_management_url cadre)"
      ESCALATION_SERVICE_MANAGEMENT_URL="$(service_management_url escalation)"
      NOTIFICATION_SERVICE_MANAGEMENT_URL="$(service_management_url notification)"
    )
  fi
  local -a sizing
  read -r -a sizing <<<"$(service_jvm_options "${part}")"
  # glibc's per-thread malloc arenas hold tens of MB per JVM for nothing; two are plenty for these services. The
  # native heap is trimmed every 10 s (TrimNativeHeapInterval): what the start-up's compiling freed goes back (-27 MB).
  environment+=(MALLOC_ARENA_MAX="${LOOKOUT_MALLOC_ARENA_MAX:-2}")
  local -a archive
  mapfile -t archive < <(class_archive_options "${name}" "$(dirname "${jar}")")
  info "starting ${name} (${module}) on http://127.0.0.1:${port}"
  # shellcheck disable=SC2086 # LOOKOUT_SERVICE_JAVA_OPTS is a list of options (e.g. -XX:NativeMemoryTracking=summary)
  start_detached "${name}" env "${environment[@]}" \
    "${JAVA_HOME}/bin/java" "${sizing[@]}" -XX:+UseSerialGC "${MARKER}" \
    -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000 \
    "${archive[@]+"${archive[@]}"}" "${java_options[@]+"${java_options[@]}"}" ${LOOKOUT_SERVICE_JAVA_OPTS:-} \
    -jar "${jar}"
}

# The heap, metaspace, code cache, thread stack and direct memory options of a service, from deploy/local/jvm-options.tsv
# (measured, see docs/startup-and-memory.md); LOOKOUT_SERVICE_HEAP still overrides the maximum heap of all of them.
service_jvm_options() {
  local part="$1" name options=""
  while IFS=$'\t' read -r name options; do
    [[ -z "${name}" || "${name}" == \#* ]] && continue
    [[ "${name}" == "${part}" ]] && break
    options=""
  done <"${ROOT}/deploy/local/jvm-options.tsv"
  [[ -n "${options}" ]] || options="-Xmx256m"
  [[ -n "${LOOKOUT_SERVICE_HEAP:-}" ]] && options="${options} -Xmx${LOOKOUT_SERVICE_HEAP}"
  printf '%s' "${options}"
}

service_ready() {
  http_ok "$(service_management_url "$1")/q/health/ready"
}

# Waits for every service's readiness together; on failure shows the failing service's log.
wait_services_ready() {
  local timeout="${LOOKOUT_SERVICE_TIMEOUT:-180}" start="${SECONDS}" part
  local -a pending=("${SERVICES[@]}") still
  while [[ "${#pending[@]}" -gt 0 ]]; do
    still=()
    for part in "${pending[@]}"; do
      if service_ready "${part}"; then
        ok "${part} is ready"
      elif ! part_running "${part}"; then
        show_log_tail "${part}" 60
        die "${part} exited while starting (log: ${LOGS}/${part}.log)"
      else
        still+=("${part}")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    [[ "${#pending[@]}" -eq 0 ]] && break
    if [[ $((SECONDS - start)) -ge "${timeout}" ]]; then
      for part in "${pending[@]}"; do
        show_log_tail "${part}" 60
      done
      die "not ready within ${timeout}s: ${pending[*]} ($(service_management_url "${pending[0]}")/q/health/ready)"
    fi
    sleep 0.5
  done
}

# Starts every service not yet running, without waiting (wait_services_ready does).
services_start() {
  find_jdk
  require_tool curl curl
  local part
  for part in "${SERVICES[@]}"; do
    start_service "${part}"
  done
}

services_up() {
  services_start
  wait_services_ready
}

services_down() {
  local i
  # in the reverse of the starting order: the gateway first, so no request reaches a service that is going away
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    stop_group "${SERVICES[i]}" "${SERVICE_STOP_GRACE}"
    stop_group "${SERVICES[i]}-2" "${SERVICE_STOP_GRACE}"
  done
}
