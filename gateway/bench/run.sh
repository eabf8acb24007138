#!/usr/bin/env bash
# Throughput of one trivial upstream route: hit directly, through the gateway, and through nginx configured as an
# equivalent reverse proxy (keep-alive upstream pool, X-Forwarded-* headers). Same wrk connections and duration.
# Not a test: run by hand on a quiet machine. Its ports are its own (BENCH_*_PORT), never the ./lookout stack's, so it
# runs beside `./lookout up`. Needs: a JDK >= 21, and the Debian packages nginx-light and wrk
# (installed with apt-get when missing and running as root).
#
#   gateway/bench/run.sh                # 2 wrk threads, 64 connections, 20 s per target
#   CONNECTIONS=128 DURATION=30s gateway/bench/run.sh
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

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
      echo "missing $1: install the Debian package $2" >&2
      exit 1
    fi
  fi
}
need wrk wrk
need nginx nginx-light
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

JAR="$ROOT/gateway/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -pl gateway -am package -DskipTests)
fi
# the same JDK search as ./lookout (JAVA_HOME, PATH, the usual folders): a JDK >= 21 or a clear message
# shellcheck source=../../deploy/local/common.sh
source "$ROOT/deploy/local/common.sh"
find_jdk
JAVA="$JAVA_HOME/bin/java"

mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<NGINX
worker_processes auto;
error_log $WORK/logs/error.log warn;
pid $WORK/nginx.pid;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  fastcgi_temp_path $WORK/fastcgi;
  uwsgi_temp_path $WORK/uwsgi;
  scgi_temp_path $WORK/scgi;
  keepalive_requests 1000000;

  # the trivial upstream: a fixed JSON answer
  server {
    listen 127.0.0.1:$BENCH_UPSTREAM_PORT;
    location / {
      default_type application/json;
      return 200 '{"categories":["LIFE","SERVICE","PUBLIC","ENFORCEMENT"]}';
    }
  }

  # nginx as the equivalent reverse proxy
  upstream complaint_service {
    server 127.0.0.1:$BENCH_UPSTREAM_PORT;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$BENCH_NGINX_PORT;
    location / {
      proxy_pass http://complaint_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$proxy_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_buffering off;
    }
  }
}
NGINX
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK" -g 'daemon off;' &
PIDS+=($!)

# a rate limit high enough not to measure the limiter's refusals
"$JAVA" -Xmx256m -XX:+UseSerialGC \
  -Dquarkus.http.port="$BENCH_GATEWAY_PORT" \
  -Dquarkus.log.level=WARN \
  -Dlookout.gateway.upstreams.complaint-service.url="http://127.0.0.1:$BENCH_UPSTREAM_PORT" \
  -Dlookout.gateway.rate-limits.public-read.capacity=1000000000 \
  -jar "$JAR" > "$WORK/logs/gateway.log" 2>&1 &
PIDS+=($!)

wait_for() {
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "not answering: $1" >&2
  cat "$WORK/logs/gateway.log" >&2
  exit 1
}
wait_for "http://127.0.0.1:$BENCH_UPSTREAM_PORT$PATH_UNDER_TEST"
wait_for "http://127.0.0.1:$BENCH_NGINX_PORT$PATH_UNDER_TEST"
wait_for "http://127.0.0.1:$BENCH_GATEWAY_PORT$PATH_UNDER_TEST"

rps() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1" > "$WORK/wrk.out"
  if grep -q "Non-2xx" "$WORK/wrk.out"; then
    echo "non-2xx answers from $1:" >&2
    cat "$WORK/wrk.out" >&2
    exit 1
  fi
  local r p99
  r="$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")"
  p99="$(awk '$1 == "99%" {print $2}' "$WORK/wrk.out")"
  echo "$r $p99"
}

# warm the JIT before measuring
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$BENCH_GATEWAY_PORT$PATH_UNDER_TEST" > /dev/null

read -r direct direct_p99 < <(rps "http://127.0.0.1:$BENCH_UPSTREAM_PORT$PATH_UNDER_TEST")
read -r gateway gateway_p99 < <(rps "http://127.0.0.1:$BENCH_GATEWAY_PORT$PATH_UNDER_TEST")
read -r nginx nginx_p99 < <(rps "http://127.0.0.1:$BENCH_NGINX_PORT$PATH_UNDER_TEST")

echo "cores: $(nproc), wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per target"
printf '%-10s %12s %10s\n' target req/s p99
printf '%-10s %12s %10s\n' direct "$direct" "$direct_p99"
printf '%-10s %12s %10s\n' gateway "$gateway" "$gateway_p99"
printf '%-10s %12s %10s\n' nginx "$nginx" "$nginx_p99"
awk -v g="$gateway" -v n="$nginx" -v d="$direct" \
  'BEGIN { printf "gateway/nginx %.2f, gateway/direct %.2f, nginx/direct %.2f\n", g / n, g / d, n / d }'
