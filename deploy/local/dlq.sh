# shellcheck shell=bash
# ./lookout dlq list|show|replay <service>: the records a service parked on its dead-letter topic lookout.<service>.dlq
# (docs/dead-letter-topics.md). Runs the Kafka console tools of the broker's own jars (kafka.sh) as the broker's admin
# principal on its loopback listener. DLQ_BOOTSTRAP and DLQ_CLIENT_CONFIG point it elsewhere (a test broker).

# The services that consume events, each with its own dead-letter topic (KAFKA_DLQ_TOPICS in kafka.sh).
DLQ_SERVICES=(complaint-service escalation-service cadre-registry-service notification-service)
# The event's own headers a replay restores; the dlq-* headers stay on the dead-letter topic.
DLQ_EVENT_HEADERS=(ce_specversion ce_id ce_type ce_source ce_subject ce_time content-type)
# How long list and show read before they decide the topic holds no more.
DLQ_READ_TIMEOUT_MS="${LOOKOUT_DLQ_TIMEOUT_MS:-15000}"

dlq_usage() {
  cat <<EOF
Usage: ./lookout dlq <command> <service>
  list <service>                      parked records: partition:offset, last failure, original topic, event type,
                                      code, attempts
  show <service> <partition:offset>   one parked record: its headers, key and value
  replay <service> <partition:offset> put it back on its original topic (key, value, ce_* headers); consumers
                                      apply an event once, so a second replay is a no-op
Services: ${DLQ_SERVICES[*]}
EOF
}

dlq_topic() {
  local service="$1" known
  for known in "${DLQ_SERVICES[@]}"; do
    if [[ "${known}" == "${service}" ]]; then
      printf 'lookout.%s.dlq' "${service}"
      return 0
    fi
  done
  die "no dead-letter topic for '${service}' (services: ${DLQ_SERVICES[*]})"
}

# Client settings: the broker's admin principal of the running stack, unless DLQ_CLIENT_CONFIG names a file.
dlq_client() {
  if [[ -z "${DLQ_BOOTSTRAP:-}" ]]; then
    part_running kafka || die "Kafka is not running (./lookout up infra)"
    DLQ_BOOTSTRAP="127.0.0.1:${KAFKA_BROKER_PORT}"
    DLQ_CLIENT_CONFIG="${KAFKA_DIR}/admin.properties"
  fi
  [[ -z "${DLQ_CLIENT_CONFIG:-}" || -r "${DLQ_CLIENT_CONFIG}" ]] || die "cannot read ${DLQ_CLIENT_CONFIG}"
  find_jdk
  kafka_classpath >/dev/null
}

# Prints records of the dead-letter topic one per line: CreateTime:<ms> TAB Partition:<p> TAB Offset:<o> TAB
# <h>:<v>,<h>:<v>... TAB key TAB value. With a partition and an offset, that one record only.
dlq_read() {
  local topic="$1" partition="${2:-}" offset="${3:-}"
  local -a args=(--bootstrap-server "${DLQ_BOOTSTRAP}" --topic "${topic}" --timeout-ms "${DLQ_READ_TIMEOUT_MS}"
    --property print.timestamp=true --property print.partition=true --property print.offset=true
    --property print.headers=true --property print.key=true --property print.value=true
    --property key.separator=$'\t' --property "headers.separator=,")
  [[ -n "${DLQ_CLIENT_CONFIG:-}" ]] && args+=(--consumer.config "${DLQ_CLIENT_CONFIG}")
  if [[ -n "${partition}" ]]; then
    args+=(--partition "${partition}" --offset "${offset}" --max-messages 1)
  else
    args+=(--from-beginning)
  fi
  # the tool logs to stdout and ends with a timeout once the topic is read: only the record lines are kept
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer "${args[@]}" 2>/dev/null \
    | grep -aE '^(CreateTime|LogAppendTime):[0-9-]+'$'\t''Partition:' || true
}

# The value of header $2 in a record line $1 (empty when absent).
dlq_header() {
  local headers
  headers="$(cut -f4 <<<"$1")"
  tr ',' '\n' <<<"${headers}" | awk -v name="$2" 'index($0, name ":") == 1 { print substr($0, length(name) + 2) }' \
    | tail -n 1
}

# partition:offset, or a bare offset on partition 0.
dlq_position() {
  local position="$1"
  [[ "${position}" =~ ^([0-9]+:)?[0-9]+$ ]] || die "a parked record is named by partition:offset (e.g. 3:17), got '${position}'"
  if [[ "${position}" == *:* ]]; then
    printf '%s %s' "${position%%:*}" "${position##*:}"
  else
    printf '0 %s' "${position}"
  fi
}

dlq_one() {
  local topic="$1" partition offset line
  read -r partition offset <<<"$(dlq_position "$2")"
  line="$(dlq_read "${topic}" "${partition}" "${offset}" | head -n 1)"
  [[ -n "${line}" ]] || die "no record ${partition}:${offset} on ${topic}"
  [[ "$(cut -f2 <<<"${line}")" == "Partition:${partition}" && "$(cut -f3 <<<"${line}")" == "Offset:${offset}" ]] \
    || die "no record ${partition}:${offset} on ${topic}"
  printf '%s' "${line}"
}

dlq_list() {
  local topic="$1" line count=0
  printf '%-10s %-26s %-34s %-42s %-18s %s\n' POSITION LAST-FAILURE ORIGINAL-TOPIC EVENT-TYPE CODE ATTEMPTS
  while IFS= read -r line; do
    count=$((count + 1))
    printf '%-10s %-26s %-34s %-42s %-18s %s\n' \
      "$(cut -f2 <<<"${line}" | sed 's/Partition://'):$(cut -f3 <<<"${line}" | sed 's/Offset://')" \
      "$(dlq_header "${line}" dlq-last-failure)" "$(dlq_header "${line}" dlq-topic)" \
      "$(dlq_header "${line}" ce_type)" "$(dlq_header "${line}" dlq-code)" "$(dlq_header "${line}" dlq-attempts)"
  done < <(dlq_read "${topic}")
  info "${count} parked record(s) on ${topic}"
}

dlq_show() {
  local line name
  line="$(dlq_one "$1" "$2")"
  cut -f4 <<<"${line}" | tr ',' '\n' | while IFS= read -r name; do
    printf '  %s\n' "${name}"
  done
  printf 'key    %s\n' "$(cut -f5 <<<"${line}")"
  printf 'value  %s\n' "$(cut -f6- <<<"${line}")"
}

dlq_replay() {
  local topic="$1" line original code header value pairs=() key payload
  line="$(dlq_one "${topic}" "$2")"
  original="$(dlq_header "${line}" dlq-topic)"
  code="$(dlq_header "${line}" dlq-code)"
  [[ -n "${original}" ]] || die "record $2 has no dlq-topic header: not parked by lookout-dead-letter"
  [[ "${code}" != malformed ]] || die "record $2 is malformed (not a valid event): a replay cannot apply it"
  for header in "${DLQ_EVENT_HEADERS[@]}"; do
    value="$(dlq_header "${line}" "${header}")"
    [[ -n "${value}" ]] && pairs+=("${header}:${value}")
  done
  key="$(cut -f5 <<<"${line}")"
  payload="$(cut -f6- <<<"${line}")"
  local -a args=(--bootstrap-server "${DLQ_BOOTSTRAP}" --topic "${original}"
    --property parse.headers=true --property parse.key=true --property key.separator=$'\t'
    --property headers.delimiter=$'\t' --property "headers.separator=," --property headers.key.separator=:
    --producer-property acks=all)
  [[ -n "${DLQ_CLIENT_CONFIG:-}" ]] && args+=(--producer.config "${DLQ_CLIENT_CONFIG}")
  (
    IFS=,
    printf '%s\t%s\t%s\n' "${pairs[*]}" "${key}" "${payload}"
  ) | kafka_tool org.apache.kafka.tools.ConsoleProducer "${args[@]}" >/dev/null || die "the replay of $2 failed"
  ok "replayed ${topic} $2 ($(dlq_header "${line}" ce_type) $(dlq_header "${line}" ce_id)) onto ${original}"
}

cmd_dlq() {
  local command="${1:-help}" service="${2:-}" topic
  case "${command}" in
    list | show | replay) ;;
    help | -h | --help)
      dlq_usage
      return 0
      ;;
    *)
      dlq_usage >&2
      die "unknown dlq command '${command}'"
      ;;
  esac
  [[ -n "${service}" ]] || die "which service? (${DLQ_SERVICES[*]})"
  topic="$(dlq_topic "${service}")"
  dlq_client
  case "${command}" in
    list) dlq_list "${topic}" ;;
    show) dlq_show "${topic}" "${3:?show needs partition:offset}" ;;
    replay) dlq_replay "${topic}" "${3:?replay needs partition:offset}" ;;
  esac
}
