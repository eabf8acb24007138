# shellcheck shell=bash
# shellcheck disable=SC2153 # STATE, REALM_URL, JAVA_HOME come from common.sh and find_jdk
# ./lookout demo [again]: the seed's typical cases and a month of reports, through the gateway's public API only, with
# the realm's demo users; then the month's statistics of community DCY, checked to add up (docs/demo.md).
#
# Works on the stack ./lookout up started (its ports, from the LOOKOUT_*_PORT variables). Safe to run twice: a second
# run in the same month finds the first (the marker on its grouped action) and only prints and checks the statistics;
# 'again' loads another set. Bounded by LOOKOUT_DEMO_TIMEOUT seconds (default 900). The loader:
# deploy/local/demo/DemoLoad.java, compiled once per run into .lookout/demo/classes.

DEMO_LOAD="${ROOT}/deploy/local/demo/DemoLoad.java"

cmd_demo() {
  local mode="${1:-}" gateway status=0
  case "${mode}" in
    "" | again) ;;
    *) die "usage: ./lookout demo [again]" ;;
  esac
  find_jdk
  require_tool curl curl
  gateway="$(service_url gateway)"
  http_ok "$(service_management_url gateway)/q/health/ready" \
    || die "the gateway does not answer at ${gateway} (management $(service_management_url gateway)): start the stack with ./lookout up"
  http_ok "${REALM_URL}" || die "Keycloak does not answer at ${KEYCLOAK_URL}: start the stack with ./lookout up"
  mkdir -p "${STATE}/demo/classes"
  "${JAVA_HOME}/bin/javac" -d "${STATE}/demo/classes" "${DEMO_LOAD}" || die "could not compile ${DEMO_LOAD}"
  info "demo: the seed's cases and a month of reports through ${gateway}"
  timeout --kill-after=10 "${LOOKOUT_DEMO_TIMEOUT:-900}" "${JAVA_HOME}/bin/java" -Xmx256m -XX:+UseSerialGC \
    -cp "${STATE}/demo/classes" DemoLoad "${gateway}" "${REALM_URL}" ${mode:+"${mode}"} || status=$?
  case "${status}" in
    0) ok "demo loaded and checked: open ${gateway}/dashboard as supervisor1 or staff1 (password demo)" ;;
    124 | 137) die "demo: not finished within ${LOOKOUT_DEMO_TIMEOUT:-900}s (LOOKOUT_DEMO_TIMEOUT)" ;;
    *) die "demo failed (the step and the HTTP answer are printed above)" ;;
  esac
}
