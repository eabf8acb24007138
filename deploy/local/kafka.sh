# shellcheck shell=bash
# shellcheck disable=SC2153 # KAFKA_PORT comes from common.sh
# Kafka for ./lookout: a single KRaft node (broker + controller) run from the Maven-resolved kafka_2.13 jars.

KAFKA_DIR="${STATE}/kafka"
KAFKA_POM="${ROOT}/deploy/local/kafka/pom.xml"
KAFKA_CLASSPATH_FILE="${KAFKA_DIR}/classpath.txt"
KAFKA_TOPICS=(lookout.complaint.v1 lookout.escalation.v1 lookout.cadre.v1 lookout.complaint.reference.v1)
KAFKA_PARTITIONS=6
# Topics with settings of their own. The reference data is compacted: the latest record of each key is its current
# state, so a consumer builds its copy by reading from the beginning.
declare -A KAFKA_TOPIC_CONFIG=([lookout.complaint.reference.v1]="cleanup.policy=compact")

# Writes the classpath file when missing, older than the helper pom, of other versions than the root pom's, or
# naming a jar that is gone.
kafka_classpath() {
  local jar fresh=1 kafka_version log4j_version
  kafka_version="$(infra_version kafka.version)"
  log4j_version="$(infra_version log4j.version)"
  mkdir -p "${KAFKA_DIR}"
  if [[ ! -s "${KAFKA_CLASSPATH_FILE}" || "${KAFKA_POM}" -nt "${KAFKA_CLASSPATH_FILE}" ]]; then
    fresh=0
  elif ! grep -q "/kafka_2.13-${kafka_version}.jar" "${KAFKA_CLASSPATH_FILE}" \
    || ! grep -q "/log4j-core-${log4j_version}.jar" "${KAFKA_CLASSPATH_FILE}"; then
    fresh=0
  else
    while IFS= read -r -d ':' jar; do
      [[ -f "${jar}" ]] || fresh=0
    done < <(printf '%s:' "$(cat "${KAFKA_CLASSPATH_FILE}")")
  fi
  [[ "${fresh}" -eq 1 ]] && return 0
  info "resolving the Kafka ${kafka_version} classpath with Maven"
  local_pom_mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="${KAFKA_CLASSPATH_FILE}" \
    || die "could not resolve Kafka from Maven Central (see the Maven output above)"
  [[ -s "${KAFKA_CLASSPATH_FILE}" ]] || die "Maven wrote no Kafka classpath to ${KAFKA_CLASSPATH_FILE}"
}

# Runs a Kafka class in a small JVM (tools, not the broker).
kafka_tool() {
  "${JAVA_HOME}/bin/java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="${ROOT}/deploy/local/kafka/log4j2.properties" -Dlog4j2.level=WARN \
    -cp "$(cat "${KAFKA_CLASSPATH_FILE}")" "$@"
}

# The broker's configuration follows the current ports on every start.
kafka_write_config() {
  cat >"${KAFKA_DIR}/server.properties" <<EOF
# Written by ./lookout on every start; edit deploy/local/kafka.sh instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://127.0.0.1:${KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${KAFKA_DIR}/data
num.partitions=${KAFKA_PARTITIONS}
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
}

kafka_format_once() {
  [[ -f "${KAFKA_DIR}/data/meta.properties" ]] && return 0
  local cluster_id
  info "formatting Kafka storage in ${KAFKA_DIR}/data"
  cluster_id="$(kafka_tool kafka.tools.StorageTool random-uuid 2>>"${LOGS}/kafka.log" | tail -n 1 || true)"
  [[ -n "${cluster_id}" ]] || die "kafka StorageTool random-uuid failed (see ${LOGS}/kafka.log)"
  kafka_tool kafka.tools.StorageTool format --cluster-id "${cluster_id}" \
    --config "${KAFKA_DIR}/server.properties" >>"${LOGS}/kafka.log" 2>&1 || {
    show_log_tail kafka
    die "formatting Kafka storage failed"
  }
}

# Creates the topics once (the data dir keeps them); --if-not-exists makes a repeat harmless. A topic's own settings
# are (re)applied as well, so one that a client created first with the broker's defaults gets them too.
kafka_create_topics() {
  local wanted topic
  wanted="${KAFKA_TOPICS[*]} partitions=${KAFKA_PARTITIONS} ${KAFKA_TOPIC_CONFIG[*]}"
  [[ -f "${KAFKA_DIR}/topics.created" && "$(cat "${KAFKA_DIR}/topics.created")" == "${wanted}" ]] && return 0
  for topic in "${KAFKA_TOPICS[@]}"; do
    info "creating topic ${topic} (${KAFKA_PARTITIONS} partitions${KAFKA_TOPIC_CONFIG[${topic}]:+, ${KAFKA_TOPIC_CONFIG[${topic}]}})"
    if ! kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "${KAFKA_BOOTSTRAP}" --create \
      --if-not-exists --topic "${topic}" --partitions "${KAFKA_PARTITIONS}" --replication-factor 1 \
      ${KAFKA_TOPIC_CONFIG[${topic}]:+--config "${KAFKA_TOPIC_CONFIG[${topic}]}"} >>"${LOGS}/kafka.log" 2>&1; then
      show_log_tail kafka
      die "creating Kafka topic ${topic} failed"
    fi
    if [[ -n "${KAFKA_TOPIC_CONFIG[${topic}]:-}" ]] && ! kafka_tool kafka.admin.ConfigCommand \
      --bootstrap-server "${KAFKA_BOOTSTRAP}" --alter --entity-type topics --entity-name "${topic}" \
      --add-config "${KAFKA_TOPIC_CONFIG[${topic}]}" >>"${LOGS}/kafka.log" 2>&1; then
      show_log_tail kafka
      die "setting ${KAFKA_TOPIC_CONFIG[${topic}]} on Kafka topic ${topic} failed"
    fi
  done
  printf '%s\n' "${wanted}" >"${KAFKA_DIR}/topics.created"
}

# Ready when the client port is open and this start (the log after byte KAFKA_LOG_OFFSET) says so.
kafka_broker_ready() {
  port_open "${KAFKA_PORT}" \
    && [[ "$(tail -c "+$((KAFKA_LOG_OFFSET + 1))" "${LOGS}/kafka.log" | grep -c 'Kafka Server started')" -gt 0 ]]
}

# Starts the broker without waiting for it (kafka_wait does), so Keycloak can start meanwhile.
kafka_start() {
  find_jdk
  KAFKA_STARTED=0
  if part_running kafka; then
    ok "kafka already running on ${KAFKA_BOOTSTRAP}"
    return 0
  fi
  require_port_free "${KAFKA_PORT}" kafka LOOKOUT_KAFKA_PORT
  require_port_free "${KAFKA_CONTROLLER_PORT}" "kafka controller" LOOKOUT_KAFKA_CONTROLLER_PORT
  ensure_dirs
  kafka_classpath
  kafka_write_config
  kafka_format_once
  touch "${LOGS}/kafka.log"
  KAFKA_LOG_OFFSET="$(wc -c <"${LOGS}/kafka.log")"
  info "starting Kafka on ${KAFKA_BOOTSTRAP} (controller 127.0.0.1:${KAFKA_CONTROLLER_PORT})"
  start_detached kafka "${JAVA_HOME}/bin/java" -Xms128m -Xmx384m -XX:+UseSerialGC -Djava.awt.headless=true \
    "${MARKER}" -Dlog4j2.configurationFile="${ROOT}/deploy/local/kafka/log4j2.properties" \
    -cp "$(cat "${KAFKA_CLASSPATH_FILE}")" kafka.Kafka "${KAFKA_DIR}/server.properties"
  KAFKA_STARTED=1
}

kafka_wait() {
  [[ "${KAFKA_STARTED:-0}" -eq 1 ]] || return 0
  await_part kafka "${LOOKOUT_KAFKA_TIMEOUT:-120}" "did not start" kafka_broker_ready
  kafka_create_topics
  ok "kafka on ${KAFKA_BOOTSTRAP} (topics: ${KAFKA_TOPICS[*]})"
}

kafka_down() {
  stop_group kafka 30
}
