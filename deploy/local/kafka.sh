# shellcheck shell=bash
# shellcheck disable=SC2153 # KAFKA_PORT comes from common.sh
# Kafka for ./lookout: a single KRaft node (broker + controller) run from the Maven-resolved kafka_2.13 jars.
# Clients authenticate with SASL OAUTHBEARER (Keycloak client-credentials tokens) and are authorised by the ACLs of
# deploy/kafka/acls*.txt; docs/identity-and-kafka-security.md, "Kafka security", explains the set-up.

KAFKA_DIR="${STATE}/kafka"
KAFKA_POM="${ROOT}/deploy/local/kafka/pom.xml"
KAFKA_CLASSPATH_FILE="${KAFKA_DIR}/classpath.txt"
KAFKA_ACCESS_DIR="${ROOT}/deploy/kafka"
KAFKA_TOPICS=(lookout.complaint.v1 lookout.escalation.v1 lookout.cadre.v1 lookout.complaint.reference.v1)
KAFKA_COMPACTED_TOPICS=(lookout.complaint.reference.v1)
# each consumer's dead-letter topic (mp.messaging.incoming.*.dead-letter-queue.topic in the services)
KAFKA_DLQ_TOPICS=(lookout.complaint-service.dlq lookout.cadre-registry-service.dlq lookout.escalation-service.dlq
  lookout.notification-service.dlq)
KAFKA_PARTITIONS=6
# the aud the broker expects in every client's token (the realm's "audience lookout-kafka" mappers)
KAFKA_AUDIENCE=lookout-kafka
KAFKA_JWKS_URL="${REALM_URL}/protocol/openid-connect/certs"

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
  # Maven leaves the file alone when the classpath did not change: without this a pom newer than it (a checkout)
  # sent every `up` through Maven again (5 s of a warm start)
  touch "${KAFKA_CLASSPATH_FILE}"
}

# Runs a Kafka class in a small JVM (tools, not the broker).
kafka_tool() {
  "${JAVA_HOME}/bin/java" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="${ROOT}/deploy/local/kafka/log4j2.properties" -Dlog4j2.level=WARN \
    -cp "$(cat "${KAFKA_CLASSPATH_FILE}")" "$@"
}

# The password of the principal User:broker (inter-broker and controller traffic, ./lookout's topic and ACL set-up),
# made once per .lookout/ and readable by its owner only.
kafka_broker_secret() {
  local file="${KAFKA_DIR}/broker.secret"
  if [[ ! -s "${file}" ]]; then
    mkdir -p "${KAFKA_DIR}"
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40 >"${file}")
  fi
  cat "${file}"
}

# The broker's configuration follows the current ports on every start. It holds the broker secret: owner only.
kafka_write_config() {
  local secret plain_jaas
  secret="$(kafka_broker_secret)"
  plain_jaas="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"broker\" password=\"${secret}\" user_broker=\"${secret}\";"
  (
    umask 077
    cat >"${KAFKA_DIR}/server.properties" <<EOF
# Written by ./lookout on every start; edit deploy/local/kafka.sh instead.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
# CLIENT: services, agencies and tests, SASL OAUTHBEARER. BROKER and CONTROLLER: the broker's own traffic, SASL PLAIN
# as User:broker. All on loopback; with certificates a deployment uses SASL_SSL (docs/identity-and-kafka-security.md, "Kafka security").
listeners=CLIENT://127.0.0.1:${KAFKA_PORT},BROKER://127.0.0.1:${KAFKA_BROKER_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=CLIENT://127.0.0.1:${KAFKA_PORT},BROKER://127.0.0.1:${KAFKA_BROKER_PORT}
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=BROKER
controller.listener.names=CONTROLLER
sasl.mechanism.inter.broker.protocol=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.broker.sasl.enabled.mechanisms=PLAIN
listener.name.broker.plain.sasl.jaas.config=${plain_jaas}
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=${plain_jaas}
listener.name.client.sasl.enabled.mechanisms=OAUTHBEARER
listener.name.client.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;
listener.name.client.oauthbearer.sasl.server.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler
# a connection lives no longer than its token: the client logs in again before it expires, or is disconnected
listener.name.client.oauthbearer.connections.max.reauth.ms=3600000
# Keycloak's keys (the JVM allows this URL: -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls), its issuer, our audience
sasl.oauthbearer.jwks.endpoint.url=${KAFKA_JWKS_URL}
sasl.oauthbearer.expected.issuer=${REALM_URL}
sasl.oauthbearer.expected.audience=${KAFKA_AUDIENCE}
# the principal is User:<Keycloak client id>: azp names the client; sub is the service account's UUID
sasl.oauthbearer.sub.claim.name=azp
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker
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
# the log cleaner's dedupe map is allocated whole when the broker starts: 128 MB of heap by default, most of an idle
# broker's live heap (docs/startup-and-memory.md); 16 MB maps ~700,000 keys per cleaning pass, far more than the
# compacted topics here (consumer offsets, the reference topic) hold
log.cleaner.dedupe.buffer.size=16777216
EOF
    cat >"${KAFKA_DIR}/admin.properties" <<EOF
# Written by ./lookout: an admin client as User:broker (super user), e.g. for the Kafka tools' --command-config.
bootstrap.servers=127.0.0.1:${KAFKA_BROKER_PORT}
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${secret}";
EOF
  )
  # files written before by an older ./lookout keep their mode
  chmod 600 "${KAFKA_DIR}/server.properties" "${KAFKA_DIR}/admin.properties"
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

# The agency codes of deploy/kafka/agencies.txt.
kafka_agencies() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "${KAFKA_ACCESS_DIR}/agencies.txt"
}

# Prints the plan deploy/kafka/KafkaAccess.java applies: every topic, then every ACL of deploy/kafka/acls*.txt with
# each {agency} line repeated for every agency.
kafka_access_plan() {
  local topic code line file
  local -a agencies
  mapfile -t agencies < <(kafka_agencies)
  for topic in "${KAFKA_TOPICS[@]}"; do
    if [[ " ${KAFKA_COMPACTED_TOPICS[*]} " == *" ${topic} "* ]]; then
      printf 'topic %s %s cleanup.policy=compact\n' "${topic}" "${KAFKA_PARTITIONS}"
    else
      printf 'topic %s %s\n' "${topic}" "${KAFKA_PARTITIONS}"
    fi
  done
  for topic in "${KAFKA_DLQ_TOPICS[@]}"; do
    printf 'topic %s %s\n' "${topic}" "${KAFKA_PARTITIONS}"
  done
  # an agency's own topic keeps its events 30 days (the AsyncAPI document's promise to integrators)
  for code in "${agencies[@]}"; do
    printf 'topic lookout.agency.%s.v1 %s retention.ms=2592000000\n' "${code}" "${KAFKA_PARTITIONS}"
  done
  for file in "${KAFKA_ACCESS_DIR}/acls.txt" "${KAFKA_ACCESS_DIR}/acls-development.txt"; do
    while IFS= read -r line || [[ -n "${line}" ]]; do
      line="${line%%#*}"
      [[ "${line}" =~ [^[:space:]] ]] || continue
      if [[ "${line}" == *"{agency}"* ]]; then
        for code in "${agencies[@]}"; do
          printf 'acl %s\n' "${line//\{agency\}/${code}}"
        done
      else
        printf 'acl %s\n' "${line}"
      fi
    done <"${file}"
  done
}

# Creates the topics and ACLs when the plan differs from the one last applied (the data dir keeps them); ACLs not in
# the plan are deleted. One JVM for everything: KafkaAccess.java through the source launcher.
kafka_apply_access() {
  local plan="${KAFKA_DIR}/access.plan" applied="${KAFKA_DIR}/access.applied"
  kafka_access_plan >"${plan}"
  if [[ -f "${applied}" && "$(cat "${plan}")" == "$(cat "${applied}")" ]]; then
    return 0
  fi
  info "creating Kafka topics and ACLs (deploy/kafka/acls.txt, acls-development.txt, agencies.txt)"
  if ! kafka_tool "${KAFKA_ACCESS_DIR}/KafkaAccess.java" "${KAFKA_DIR}/admin.properties" "${plan}" \
    >>"${LOGS}/kafka.log" 2>&1; then
    show_log_tail kafka
    die "creating the Kafka topics and ACLs failed (a broker an older ./lookout started? ./lookout down, then up)"
  fi
  cp "${plan}" "${applied}"
}

# True when the topics and ACLs of deploy/kafka/ were applied already (the broker's data keeps them).
kafka_access_current() {
  local applied="${KAFKA_DIR}/access.applied"
  [[ -f "${applied}" && "$(kafka_access_plan)" == "$(cat "${applied}")" ]]
}

# Ready when the client port is open and this start (the log after byte KAFKA_LOG_OFFSET) says so.
kafka_broker_ready() {
  port_open "${KAFKA_PORT}" \
    && [[ "$(tail -c "+$((KAFKA_LOG_OFFSET + 1))" "${LOGS}/kafka.log" | grep -c 'Kafka Server started')" -gt 0 ]]
}

# Everything the broker's start needs but Keycloak: the classpath, the configuration, the formatted storage. Runs
# while Keycloak starts; kafka_start follows once Keycloak answers.
kafka_prepare() {
  find_jdk
  KAFKA_PREPARED=0
  part_running kafka && return 0
  require_port_free "${KAFKA_PORT}" kafka LOOKOUT_KAFKA_PORT
  require_port_free "${KAFKA_BROKER_PORT}" "kafka broker listener" LOOKOUT_KAFKA_BROKER_PORT
  require_port_free "${KAFKA_CONTROLLER_PORT}" "kafka controller" LOOKOUT_KAFKA_CONTROLLER_PORT
  ensure_dirs
  kafka_classpath
  kafka_write_config
  kafka_format_once
  KAFKA_PREPARED=1
}

# Starts the broker without waiting for it (kafka_wait does). Keycloak must answer first: the broker reads the realm's
# keys (JWKS) once when its client listener starts, and does not start without them.
kafka_start() {
  KAFKA_STARTED=0
  if part_running kafka; then
    ok "kafka already running on ${KAFKA_BOOTSTRAP}"
    return 0
  fi
  [[ "${KAFKA_PREPARED:-0}" -eq 1 ]] || kafka_prepare
  # the first request after Keycloak's start makes the realm's keys: on a loaded machine longer than one try's 5 s
  local waited=0
  until http_ok "${KAFKA_JWKS_URL}"; do
    [[ "${waited}" -lt 90 ]] || die "Keycloak does not serve ${KAFKA_JWKS_URL}, which the Kafka broker needs to start"
    sleep 3
    waited=$((waited + 3))
  done
  touch "${LOGS}/kafka.log"
  KAFKA_LOG_OFFSET="$(wc -c <"${LOGS}/kafka.log")"
  info "starting Kafka on ${KAFKA_BOOTSTRAP} (SASL OAUTHBEARER; broker 127.0.0.1:${KAFKA_BROKER_PORT}, controller 127.0.0.1:${KAFKA_CONTROLLER_PORT})"
  # a class-data archive as for the services (class_archive_options): the first stop writes it, the later starts map it
  local -a archive
  mapfile -t archive < <(class_archive_options kafka "${KAFKA_CLASSPATH_FILE}")
  # two malloc arenas: the broker's hundred threads would otherwise each grow their own (MALLOC_ARENA_MAX, see services.sh);
  # a small initial heap as for the services: with -Xms128m an idle broker kept 122-140 MB committed for ~58 MB live
  # (-28 MB at idle, docs/startup-and-memory.md); the heap still grows to -Xmx under load
  start_detached kafka env MALLOC_ARENA_MAX="${LOOKOUT_MALLOC_ARENA_MAX:-2}" "${JAVA_HOME}/bin/java" -Xms32m -Xmx384m -XX:+UseSerialGC -Djava.awt.headless=true \
    -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=10000 \
    "${archive[@]+"${archive[@]}"}" \
    "${MARKER}" -Dlog4j2.configurationFile="${ROOT}/deploy/local/kafka/log4j2.properties" \
    -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls="${KAFKA_JWKS_URL}" \
    -cp "$(cat "${KAFKA_CLASSPATH_FILE}")" kafka.Kafka "${KAFKA_DIR}/server.properties"
  KAFKA_STARTED=1
}

# Waits for a broker this run started, then brings topics and ACLs to deploy/kafka/ (also on a running broker).
kafka_wait() {
  if [[ "${KAFKA_STARTED:-0}" -eq 1 ]]; then
    await_part kafka "${LOOKOUT_KAFKA_TIMEOUT:-120}" "did not start" kafka_broker_ready
  fi
  kafka_apply_access
  ok "kafka on ${KAFKA_BOOTSTRAP} (topics: ${KAFKA_TOPICS[*]}, lookout.agency.<code>.v1; ACLs: deploy/kafka/acls.txt)"
}

kafka_down() {
  stop_group kafka 30
}
