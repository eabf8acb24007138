# shellcheck shell=bash
# The benches' harness, sourced: a throw-away PostgreSQL cluster, tokens signed with a key made for the run, a
# service's jar started against the cluster — each on a port of its own found free at the time (never the stack's),
# every process stopped and the work directory removed on exit, also on failure or Ctrl-C (BENCH_KEEP=1 keeps the logs).
# The same steps intake.sh and board.sh spell out inline; volume.sh is built on it.
#
#   ROOT=<checkout>; source "$ROOT/complaint-service/bench/harness.sh"; bench_init volume
#   bench_pg_start complaint escalation          # sets BENCH_PG_PORT; bench_psql <db> … / bench_psql_admin <db> …
#   bench_service_start complaint-service 512m /api/taxonomy -Dlookout.outbox.poll-interval=1h
#   token="$(bench_sign '"sub":"s","realm_access":{"roles":["staff"]},"groups":["staff"],"community":"DCY"')"
#
# Needs curl, openssl and psql; PostgreSQL comes the way ./lookout finds it (deploy/local/postgres.sh).

# shellcheck source=deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"
# shellcheck source=deploy/local/postgres.sh
source "$ROOT/deploy/local/postgres.sh"

BENCH_PIDS=()
BENCH_PG_STARTED=""

bench_init() {
  WORK="$(mktemp -d "/tmp/lookout-$1-bench.XXXXXX")"
  chmod 755 "$WORK"
  LOGS="$WORK/logs"
  mkdir -p "$LOGS"
  trap bench_stop_all EXIT
  trap 'exit 130' INT TERM
  require_tool curl curl
  require_tool openssl openssl
  require_tool psql postgresql-client
  find_jdk
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
  BENCH_PUBLIC_KEY="$(openssl pkey -in "$WORK/key.pem" -pubout -outform DER 2>/dev/null | openssl base64 -A)"
}

bench_stop_all() {
  local status=$? pid
  for pid in "${BENCH_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "$BENCH_PG_STARTED" ]]; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m immediate -w -t 30 -s >/dev/null 2>&1 || true
  fi
  if [[ ($status -ne 0 || -n "${BENCH_KEEP:-}") && -d "$LOGS" ]]; then
    echo "---- logs kept in $LOGS (the database in $WORK/pg is removed by hand: rm -rf $WORK)" >&2
  else
    rm -rf "$WORK"
  fi
}

# A TCP port nothing listens on, from the range above the stack's and the other benches' fixed ports.
bench_free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$((30000 + RANDOM % 20000))
    if ! port_open "$port" && ! port_open "$((port + 1000))"; then
      printf '%s' "$port"
      return 0
    fi
  done
  die "no free port found"
}

# A throw-away cluster with one database (owner and password its name) per argument. BENCH_PG_OPTS adds server options.
# BENCH_PG_DATA=<data directory> starts a cluster a former run kept (BENCH_KEEP=1) instead: it is left where it is.
bench_pg_start() {
  if [[ -n "${BENCH_PG_DATA:-}" ]]; then
    PG_DATA="$BENCH_PG_DATA"
    PG_HOME="$(dirname "$PG_DATA")"
    PG_SOCKETS="$PG_HOME/run"
    PG_LOG="$LOGS/postgres.log"
    touch "$PG_LOG"
    [[ "$(id -u)" -eq 0 ]] && chown "$PG_OS_USER:" "$PG_LOG" "$LOGS"
    PG_BIN="$(cat "$PG_HOME/bin-dir")"
    bench_pg_run
    return 0
  fi
  PG_HOME="$WORK/pg"
  PG_DATA="$PG_HOME/data"
  # shellcheck disable=SC2034 # read by the functions of deploy/local/postgres.sh
  PG_SOCKETS="$PG_HOME/run"
  PG_LOG="$LOGS/postgres.log"
  PG_DATABASES=("$@")
  mkdir -p "$PG_HOME"
  touch "$PG_LOG"
  pg_ensure_os_user
  if [[ "$(id -u)" -eq 0 ]]; then
    chown "$PG_OS_USER:" "$PG_HOME" "$PG_LOG"
  fi
  pg_find_bin
  pg_initdb >/dev/null
  pg_create_databases >/dev/null
  bench_pg_run
}

bench_pg_run() {
  BENCH_PG_PORT="${BENCH_PG_PORT:-$(bench_free_port)}"
  require_port_free "$BENCH_PG_PORT" "bench postgres" BENCH_PG_PORT
  # shellcheck disable=SC2086 # BENCH_PG_OPTS may hold several options
  as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 120 -s \
    -o "-p $BENCH_PG_PORT -c listen_addresses=127.0.0.1 ${BENCH_PG_OPTS:-}" || die "PostgreSQL did not start"
  BENCH_PG_STARTED=1
  info "PostgreSQL $(pg_major_of_binaries) ($PG_BIN) on 127.0.0.1:$BENCH_PG_PORT"
}

# psql as the database's owner over TCP; as the superuser over the cluster's socket (bulk loads).
bench_psql() {
  local db="$1"
  shift
  PGPASSWORD="$db" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U "$db" -d "$db" "$@"
}
bench_psql_admin() {
  local db="$1"
  shift
  as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKETS" -p "$BENCH_PG_PORT" -U postgres -d "$db" "$@"
}

# A token the services accept with quarkus.oidc.public-key = BENCH_PUBLIC_KEY; the argument: more claims, JSON members.
bench_sign() {
  local header payload signature now
  now="$(date +%s)"
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)"
  payload="$(printf '{"iss":"lookout-bench","aud":"lookout-api","iat":%s,"exp":%s,%s}' "$now" "$((now + 7200))" "$1" \
    | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}

# Starts <service>'s jar (built when missing) with heap <xmx> on a free port against the database named like the
# service's first word, Kafka nowhere (relays idle, consumers wait); waits until <ready-path> answers. Further
# arguments are JVM options. Sets BENCH_<SERVICE>_URL and BENCH_<SERVICE>_PID (complaint-service → COMPLAINT).
bench_service_start() {
  local service="$1" xmx="$2" ready="$3" db name port pid url jar
  shift 3
  db="${service%%-*}"
  name="$(tr '[:lower:]' '[:upper:]' <<<"$db")"
  jar="$ROOT/$service/target/quarkus-app/quarkus-run.jar"
  if [[ ! -f "$jar" ]]; then
    info "building $service (package, no tests)"
    (cd "$ROOT" && ./mvnw -B -q -pl "$service" -am package -DskipTests)
  fi
  port="$(bench_free_port)"
  QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((port + 1000))" DB_HOST=127.0.0.1 DB_PORT="$BENCH_PG_PORT" \
    DB_NAME="$db" DB_USER="$db" DB_PASSWORD="$db" KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 \
    LOOKOUT_IDENTITY_KEY="$(openssl rand -base64 32)" LOOKOUT_PSEUDONYM_KEY="$(openssl rand -base64 32)" \
    LOOKOUT_DELIVERY_KEY="$(openssl rand -base64 32)" LOOKOUT_CHALLENGE_KEY="$(openssl rand -hex 32)" \
    LOOKOUT_DEVELOPMENT_STACK=true \
    "$JAVA_HOME/bin/java" -Xmx"$xmx" \
    -D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$BENCH_PUBLIC_KEY" \
    -Dlookout.outbox.poll-interval=1h -Dquarkus.log.level=WARN "$@" \
    -jar "$jar" >"$LOGS/$service.log" 2>&1 &
  pid=$!
  BENCH_PIDS+=("$pid")
  url="http://127.0.0.1:$port"
  for _ in $(seq 1 480); do
    curl -fs -o /dev/null "$url$ready" && break
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOGS/$service.log" >&2
      die "$service stopped"
    fi
    sleep 0.5
  done
  curl -fs -o /dev/null "$url$ready" || die "$service does not answer on $url$ready"
  printf -v "BENCH_${name}_URL" '%s' "$url"
  printf -v "BENCH_${name}_PID" '%s' "$pid"
  info "$service on $url (pid $pid)"
}
