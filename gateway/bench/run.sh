#!/usr/bin/env bash
# Throughput and latency of one trivial upstream route (a fixed JSON answer from its own nginx): hit directly, through
# the gateway, through nginx configured as the equivalent reverse proxy (keep-alive upstream pool, X-Forwarded-*) with
# as many workers as the gateway has event loops, and through a bare Vert.x proxy with no features (the floor of a JVM
# proxy here, BareProxy.java). Every target gets the same wrk threads, connections and duration, in one run:
#   1. peak: wrk as fast as it goes -> req/s and p99;
#   2. paced: each target at half of nginx's peak (wrk with a per-connection delay) -> the rate reached and p99.
# Not a test: run by hand on a quiet machine. Its ports are its own (BENCH_*_PORT), never the ./lookout stack's, so it
# runs beside `./lookout up`. Needs: a JDK >= 21, and the Debian packages nginx-light and wrk
# (installed with apt-get when missing and running as root).
#
#   gateway/bench/run.sh                          # event loops = nginx workers = nproc; 2 wrk threads, 64 connections
#   EVENT_LOOPS=1 DURATION=30s gateway/bench/run.sh
#   BEFORE_APP=/tmp/old-quarkus-app BEFORE_OPTS="-Dx=y" gateway/bench/run.sh   # also a "before" gateway: another
#                                                 # build (a copy of gateway/target/quarkus-app) and/or system properties
#   GATEWAY_OPTS="-Dx=y" GATEWAY_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC" gateway/bench/run.sh
#   PROFILE=/tmp/gw.jfr gateway/bench/run.sh      # JFR on the gateway during its peak run; hot methods printed
#   TOKEN=1 gateway/bench/run.sh                  # every request with a bearer token (signed for the run, checked by
#                                                 # the gateways against its public key; nginx and the floor pass it on)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
BENCH_UPSTREAM_PORT="${BENCH_UPSTREAM_PORT:-18901}"
BENCH_NGINX_PORT="${BENCH_NGINX_PORT:-18902}"
BENCH_GATEWAY_PORT="${BENCH_GATEWAY_PORT:-18903}"
BENCH_BEFORE_PORT="${BENCH_BEFORE_PORT:-18904}"
BENCH_FLOOR_PORT="${BENCH_FLOOR_PORT:-18905}"
# each gateway's management interface listens on its port + 1000 (19903, 19904): never the stack's 9080
EVENT_LOOPS="${EVENT_LOOPS:-$(nproc)}"
POOL="${POOL:-64}"
GATEWAY_JAVA_OPTS="${GATEWAY_JAVA_OPTS:--Xmx256m -XX:+UseParallelGC}"
GATEWAY_OPTS="${GATEWAY_OPTS:-}"
BEFORE_APP="${BEFORE_APP:-}"
BEFORE_OPTS="${BEFORE_OPTS:-}"
PROFILE="${PROFILE:-}"
TOKEN="${TOKEN:-0}"
PATH_UNDER_TEST="/api/taxonomy/categories"
WORK="$(mktemp -d /tmp/lookout-bench.XXXXXX)"
PIDS=()

stop_all() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap stop_all EXIT

# the same JDK search as ./lookout (JAVA_HOME, PATH, the usual folders): a JDK >= 21 or a clear message; and its
# require_tool, which installs a missing Debian package when it can
# shellcheck source=../../deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"
require_tool wrk wrk
require_tool nginx nginx-light
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am package -DskipTests)
fi
find_jdk
JAVA="$JAVA_HOME/bin/java"

mkdir -p "$WORK/logs"
nginx_conf() { # name, workers, server block
  cat > "$WORK/$1.conf" <<NGINX
worker_processes $2;
error_log $WORK/logs/$1.log warn;
pid $WORK/$1.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/body-$1;
  proxy_temp_path $WORK/proxy-$1;
  fastcgi_temp_path $WORK/fastcgi-$1;
  uwsgi_temp_path $WORK/uwsgi-$1;
  scgi_temp_path $WORK/scgi-$1;
  keepalive_requests 1000000;
  $3
}
NGINX
  "$NGINX" -c "$WORK/$1.conf" -p "$WORK" -g 'daemon off;' &
  PIDS+=($!)
}
# the trivial upstream, shared by every target: its own nginx with one worker per core
nginx_conf upstream auto "server {
    listen 127.0.0.1:$BENCH_UPSTREAM_PORT;
    location / {
      default_type application/json;
      return 200 '{\"categories\":[\"LIFE\",\"SERVICE\",\"PUBLIC\",\"ENFORCEMENT\"]}';
    }
  }"
# nginx as the equivalent reverse proxy, as many workers as the gateway has event loops, the same pool size per worker
# as the gateway has per event loop
NGINX_PROXY_PID_INDEX=${#PIDS[@]}
nginx_conf proxy "$EVENT_LOOPS" "upstream complaint_service {
    server 127.0.0.1:$BENCH_UPSTREAM_PORT;
    keepalive $(( (POOL + EVENT_LOOPS - 1) / EVENT_LOOPS ));
  }
  server {
    listen 127.0.0.1:$BENCH_NGINX_PORT;
    location / {
      proxy_pass http://complaint_service;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \\\$proxy_host;
      proxy_set_header X-Forwarded-For \\\$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \\\$scheme;
      proxy_set_header X-Forwarded-Host \\\$host;
      proxy_buffering off;
    }
  }"

# with TOKEN=1 one signed-in caller's token on every request: the gateways verify it (signature, audience, expiry)
WRK_HEADER=()
TOKEN_OPTS=""
if [ "$TOKEN" = 1 ]; then
  public_key="$(bench_signing_key "$WORK/key.pem")"
  now="$(date +%s)"
  token="$(bench_sign "$WORK/key.pem" "{\"iss\":\"lookout-bench\",\"sub\":\"bench-caller\",\"aud\":\"lookout-api\",\"iat\":$now,\"exp\":$((now + 7200)),\"realm_access\":{\"roles\":[\"resident\"]}}")"
  WRK_HEADER=(-H "Authorization: Bearer $token")
  TOKEN_OPTS="-D%prod.quarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key=$public_key -Dquarkus.oidc.dashboard.tenant-enabled=false -Dlookout.gateway.rate-limits.default.capacity=1000000000"
fi

# a rate limit high enough not to measure the limiter's refusals; the per-client cap off (one wrk = one client)
start_gateway() { # name, port, jar, extra system properties
  # shellcheck disable=SC2086
  "$JAVA" $GATEWAY_JAVA_OPTS $TOKEN_OPTS \
    -Dquarkus.http.port="$2" \
    -Dquarkus.management.port="$(( $2 + 1000 ))" \
    -Dquarkus.log.level=WARN \
    -Dquarkus.vertx.event-loops-pool-size="$EVENT_LOOPS" \
    -Dlookout.gateway.max-connections-per-upstream="$POOL" \
    -Dlookout.gateway.upstreams.complaint-service.url="http://127.0.0.1:$BENCH_UPSTREAM_PORT" \
    -Dlookout.gateway.rate-limits.public-read.capacity=1000000000 \
    $4 -jar "$3" > "$WORK/logs/$1.log" 2>&1 &
  PIDS+=($!)
}
# one wrk is one client: the per-client cap of requests in flight (16) would refuse most of its connections
NGINX_PROXY_PID=${PIDS[$NGINX_PROXY_PID_INDEX]}
start_gateway gateway "$BENCH_GATEWAY_PORT" "$JAR" "-Dlookout.gateway.max-concurrent-requests-per-client=100000 $GATEWAY_OPTS"
GATEWAY_PID=$!
TARGETS=(direct nginx gateway floor)
declare -A PORT_OF=([direct]=$BENCH_UPSTREAM_PORT [nginx]=$BENCH_NGINX_PORT [gateway]=$BENCH_GATEWAY_PORT
  [floor]=$BENCH_FLOOR_PORT [before]=$BENCH_BEFORE_PORT)
declare -A PID_OF=([nginx]=$NGINX_PROXY_PID [gateway]=$GATEWAY_PID)
if [ -n "$BEFORE_APP$BEFORE_OPTS" ]; then
  # the same cap lifted as for the gateway: left at 16, the older build answers most of wrk's connections 429 (cheap
  # answers that make its column look fast)
  start_gateway before "$BENCH_BEFORE_PORT" "${BEFORE_APP:-$ROOT/gateway/target/quarkus-app}/quarkus-run.jar" \
    "-Dlookout.gateway.max-concurrent-requests-per-client=100000 $BEFORE_OPTS"
  PID_OF[before]=$!
  TARGETS=(direct nginx before gateway floor)
fi
"$JAVA" -Xmx256m -XX:+UseParallelGC -cp "$ROOT/gateway/target/quarkus-app/lib/main/*" "$HERE/BareProxy.java" \
  "$BENCH_FLOOR_PORT" "$BENCH_UPSTREAM_PORT" "$EVENT_LOOPS" "$(( (POOL + EVENT_LOOPS - 1) / EVENT_LOOPS ))" \
  > "$WORK/logs/floor.log" 2>&1 &
PIDS+=($!)
PID_OF[floor]=$!

# CPU per request (cpu_ticks, common.sh) is what a proxy costs whatever else runs on the machine; req/s on a shared
# machine also measures the neighbours.
TICKS_PER_SECOND="$(getconf CLK_TCK)"

wait_for() {
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "${WRK_HEADER[@]}" "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "not answering: $1" >&2
  cat "$WORK"/logs/*.log >&2
  exit 1
}
for t in "${TARGETS[@]}"; do wait_for "http://127.0.0.1:${PORT_OF[$t]}$PATH_UNDER_TEST"; done

# paced load: each connection waits its share of the period between requests (wrk's delay() takes whole
# milliseconds, so the fraction is spread by drawing floor or ceil with the right odds)
cat > "$WORK/paced.lua" <<'LUA'
local d = 0
function init(args) d = tonumber(args[1]) end
function delay()
  local whole = math.floor(d)
  if math.random() < d - whole then return whole + 1 end
  return whole
end
LUA

run_wrk() { # url, [paced delay ms] -> "req/s p99"
  local extra=()
  if [ -n "${2:-}" ]; then extra=(-s "$WORK/paced.lua"); fi
  if [ -n "${2:-}" ]; then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${WRK_HEADER[@]}" "${extra[@]}" "$1" -- "$2" > "$WORK/wrk.out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${WRK_HEADER[@]}" "$1" > "$WORK/wrk.out"
  fi
  if grep -q "Non-2xx" "$WORK/wrk.out"; then
    echo "non-2xx answers from $1 (counted in the figures):" >&2
    grep "Non-2xx" "$WORK/wrk.out" >&2
  fi
  # socket errors (wrk's 2 s timeouts on a starved machine) are counted, not fatal: the column shows them
  awk '/requests in/ {n=$1} /Requests\/sec/ {r=$2} $1 == "99%" {p=$2} /Socket errors/ {e=$4+$6+$8+$10; gsub(",", "", e)}
       END {if (e > 0) p = p "(" e "err)"; print r, p, n}' "$WORK/wrk.out"
}

# warm the JIT of every JVM before measuring
for t in "${TARGETS[@]}"; do
  case "$t" in direct|nginx) ;; *) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${WRK_HEADER[@]}" "http://127.0.0.1:${PORT_OF[$t]}$PATH_UNDER_TEST" > /dev/null ;; esac
done

declare -A PEAK P99 PACED PACED_P99 CPU_US JIT
for t in "${TARGETS[@]}"; do
  before_ticks=0 before_jit=0
  if [ -n "${PID_OF[$t]:-}" ]; then
    before_ticks="$(cpu_ticks "${PID_OF[$t]}")"
    before_jit="$(jit_ticks "${PID_OF[$t]}")"
  fi
  if [ -n "$PROFILE" ] && [ "$t" = gateway ]; then
    "$JAVA_HOME/bin/jcmd" "$GATEWAY_PID" JFR.start name=bench settings=profile > /dev/null
  fi
  read -r PEAK[$t] P99[$t] requests < <(run_wrk "http://127.0.0.1:${PORT_OF[$t]}$PATH_UNDER_TEST")
  CPU_US[$t]=- JIT[$t]=-
  if [ -n "${PID_OF[$t]:-}" ]; then
    after_ticks="$(cpu_ticks "${PID_OF[$t]}")"
    CPU_US[$t]="$(awk -v a="$before_ticks" -v b="$after_ticks" -v n="$requests" -v hz="$TICKS_PER_SECOND" \
      'BEGIN { printf "%.1f", (b - a) * 1e6 / hz / n }')"
    # the JIT compilers' share of a JVM's CPU in its peak run (nginx's processes have none: "0")
    JIT[$t]="$(awk -v j="$(($(jit_ticks "${PID_OF[$t]}") - before_jit))" -v t="$((after_ticks - before_ticks))" \
      'BEGIN { printf "%.0f", (t ? 100 * j / t : 0) }')"
  fi
  if [ -n "$PROFILE" ] && [ "$t" = gateway ]; then
    "$JAVA_HOME/bin/jcmd" "$GATEWAY_PID" JFR.stop name=bench filename="$PROFILE" > /dev/null
  fi
done
half="$(awk -v n="${PEAK[nginx]}" 'BEGIN { printf "%d", n / 2 }')"
delay_ms="$(awk -v h="$half" -v c="$CONNECTIONS" 'BEGIN { printf "%.3f", c * 1000 / h }')"
for t in "${TARGETS[@]}"; do
  read -r PACED[$t] PACED_P99[$t] _ < <(run_wrk "http://127.0.0.1:${PORT_OF[$t]}$PATH_UNDER_TEST" "$delay_ms")
done

echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg), event loops = nginx workers: $EVENT_LOOPS," \
  "upstream pool: $POOL, wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per run"
echo "paced at half of nginx's peak: $half req/s ($delay_ms ms between requests per connection)"
[ "$TOKEN" != 1 ] || echo "every request with a bearer token, verified by the gateways"
printf '%-8s %11s %14s %11s %12s %12s %6s %14s %s\n' target peak-req/s p99 /nginx-peak cpu-us/req nginx-cpu/cpu \
  jit-% paced-req/s paced-p99
for t in "${TARGETS[@]}"; do
  printf '%-8s %11s %14s %11s %12s %12s %6s %14s %s\n' "$t" "${PEAK[$t]}" "${P99[$t]}" \
    "$(awk -v g="${PEAK[$t]}" -v n="${PEAK[nginx]}" 'BEGIN { printf "%.2f", g / n }')" "${CPU_US[$t]}" \
    "$(awk -v c="${CPU_US[$t]}" -v n="${CPU_US[nginx]}" 'BEGIN { if (c + 0 > 0) printf "%.2f", n / c; else print "-" }')" \
    "${JIT[$t]}" "${PACED[$t]}" "${PACED_P99[$t]}"
done
if [ -n "$PROFILE" ]; then
  "$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$PROFILE" || true
  "$JAVA_HOME/bin/jfr" view --width 160 allocation-by-class "$PROFILE" || true
fi
