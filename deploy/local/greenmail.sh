# shellcheck shell=bash
# GreenMail for ./lookout: a local SMTP server (greenmail-standalone from Maven Central) that keeps every message
# notification-service sends, readable over IMAP or GreenMail's REST API. Nothing leaves the machine.

GREENMAIL_VERSION="$(infra_version greenmail.version)"
GREENMAIL_DIR="${STATE}/greenmail"
GREENMAIL_JAR="${GREENMAIL_DIR}/greenmail-standalone-${GREENMAIL_VERSION}.jar"

greenmail_fetch_once() {
  [[ -f "${GREENMAIL_JAR}" ]] && return 0
  info "fetching greenmail-standalone ${GREENMAIL_VERSION} (once)"
  maven_fetch "com.icegreen:greenmail-standalone:${GREENMAIL_VERSION}" "${GREENMAIL_DIR}"
}

greenmail_ready() {
  http_ok "${GREENMAIL_URL}/api/service/readiness"
}

greenmail_start() {
  find_jdk
  GREENMAIL_STARTED=0
  if part_running greenmail; then
    ok "greenmail already running (SMTP 127.0.0.1:${SMTP_PORT})"
    return 0
  fi
  require_port_free "${SMTP_PORT}" greenmail LOOKOUT_SMTP_PORT
  require_port_free "${IMAP_PORT}" greenmail LOOKOUT_IMAP_PORT
  require_port_free "${GREENMAIL_API_PORT}" greenmail LOOKOUT_GREENMAIL_API_PORT
  ensure_dirs
  greenmail_fetch_once
  info "starting GreenMail ${GREENMAIL_VERSION}: SMTP 127.0.0.1:${SMTP_PORT}, IMAP ${IMAP_PORT}, API ${GREENMAIL_URL}"
  # any address receives mail; a mailbox is made on first delivery, its login and password are the address
  start_detached greenmail env MALLOC_ARENA_MAX="${LOOKOUT_MALLOC_ARENA_MAX:-2}" "${JAVA_HOME}/bin/java" -Xms16m -Xmx64m \
    -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${MARKER}" \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="${SMTP_PORT}" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="${IMAP_PORT}" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="${GREENMAIL_API_PORT}" \
    -Dgreenmail.auth.disabled -jar "${GREENMAIL_JAR}"
  GREENMAIL_STARTED=1
}

greenmail_wait() {
  [[ "${GREENMAIL_STARTED:-0}" -eq 1 ]] || return 0
  await_part greenmail 60 "did not answer at ${GREENMAIL_URL}" greenmail_ready
  ok "greenmail: SMTP 127.0.0.1:${SMTP_PORT}; read mail: curl ${GREENMAIL_URL}/api/user/<address>/messages/INBOX"
}

greenmail_down() {
  stop_group greenmail 10
}
