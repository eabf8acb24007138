# shellcheck shell=bash
# Keycloak for ./lookout: the keycloak-quarkus-dist zip from Maven Central, unpacked once into .lookout,
# started in development mode with the lookout realm imported on first start and again whenever the realm file changed.

KEYCLOAK_VERSION="$(infra_version keycloak.version)"
KEYCLOAK_HOME="${STATE}/keycloak/keycloak-${KEYCLOAK_VERSION}"
KEYCLOAK_REALM_FILE="${ROOT}/deploy/keycloak/lookout-realm.json"

keycloak_unpack_once() {
  [[ -x "${KEYCLOAK_HOME}/bin/kc.sh" ]] && return 0
  local work
  info "unpacking Keycloak ${KEYCLOAK_VERSION} into ${KEYCLOAK_HOME} (once)"
  mkdir -p "${STATE}/keycloak"
  work="$(mktemp -d "${STATE}/keycloak/.unpack.XXXXXX")"
  maven_fetch "org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip" "${work}"
  extract_zip "${work}/keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip" "${work}"
  rm -rf "${KEYCLOAK_HOME}"
  mv "${work}/keycloak-${KEYCLOAK_VERSION}" "${KEYCLOAK_HOME}"
  rm -rf "${work}"
  chmod +x "${KEYCLOAK_HOME}"/bin/*.sh
}

KEYCLOAK_REALM_STAMP="${STATE}/keycloak/realm.sha256"

keycloak_realm_sum() {
  sha256sum "${KEYCLOAK_REALM_FILE}" | cut -d ' ' -f 1
}

keycloak_ready() {
  http_ok "${REALM_URL}/.well-known/openid-configuration"
}

# Starts Keycloak without waiting for it (keycloak_wait does).
keycloak_start() {
  find_jdk
  KEYCLOAK_STARTED=0
  if part_running keycloak; then
    ok "keycloak already running on ${KEYCLOAK_URL}"
    return 0
  fi
  require_port_free "${KEYCLOAK_PORT}" keycloak LOOKOUT_KEYCLOAK_PORT
  require_tool curl curl
  ensure_dirs
  keycloak_unpack_once
  # Keycloak skips a realm that already exists: when the realm file changed since it was imported, its data goes so
  # that the new realm (new clients, users, mappers) is imported instead of silently kept as it was.
  if [[ -d "${KEYCLOAK_HOME}/data/h2" && "$(cat "${KEYCLOAK_REALM_STAMP}" 2>/dev/null)" != "$(keycloak_realm_sum)" ]]; then
    warn "deploy/keycloak/lookout-realm.json changed since Keycloak imported it: importing it afresh" \
      "(sessions and edits made in the admin console are lost)"
    rm -rf "${KEYCLOAK_HOME}/data/h2" "${KEYCLOAK_REALM_STAMP}"
  fi
  mkdir -p "${KEYCLOAK_HOME}/data/import"
  KEYCLOAK_IMPORTED_SUM="$(keycloak_realm_sum)"
  cp "${KEYCLOAK_REALM_FILE}" "${KEYCLOAK_HOME}/data/import/lookout-realm.json"
  local first=""
  [[ -d "${KEYCLOAK_HOME}/data/h2" ]] || first=" (first start: building and importing the realm takes 1-3 minutes)"
  info "starting Keycloak ${KEYCLOAK_VERSION} on ${KEYCLOAK_URL}${first}"
  # C1 only (TieredStopAtLevel=1): Keycloak's start is the longest step of `up` and its load here is a few logins, so
  # less compiling beats faster code; trimming the native heap gives back what the start-up compiles left behind; a
  # class-data archive as for the services (class_archive_options).
  start_detached keycloak env \
    JAVA_HOME="${JAVA_HOME}" \
    MALLOC_ARENA_MAX="${LOOKOUT_MALLOC_ARENA_MAX:-2}" \
    JAVA_OPTS="-Xms64m -Xmx${LOOKOUT_KEYCLOAK_HEAP:-512m} -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom $(class_archive_options keycloak "${KEYCLOAK_HOME}/lib" | paste -sd " ") ${MARKER}" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    "${KEYCLOAK_HOME}/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 \
    --http-port="${KEYCLOAK_PORT}" \
    --hostname="${KEYCLOAK_URL}" \
    --import-realm
  KEYCLOAK_STARTED=1
}

keycloak_wait() {
  [[ "${KEYCLOAK_STARTED:-0}" -eq 1 ]] || return 0
  await_part keycloak "${LOOKOUT_KEYCLOAK_TIMEOUT:-300}" \
    "did not serve ${REALM_URL} (a slow machine? LOOKOUT_KEYCLOAK_TIMEOUT=600 ./lookout up)" keycloak_ready
  printf '%s\n' "${KEYCLOAK_IMPORTED_SUM}" >"${KEYCLOAK_REALM_STAMP}"
  ok "keycloak on ${KEYCLOAK_URL} (realm lookout; admin console ${KEYCLOAK_URL}/admin, admin/admin)"
}

keycloak_down() {
  stop_group keycloak 30
}
