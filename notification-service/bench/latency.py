#!/usr/bin/env python3
"""Notification latency on the running stack (./lookout up): not a test, run by hand on a quiet machine.

resident1 files reports at complaint-service at RATE per second for DURATION seconds. For every report's
acknowledgement (complaint.submitted -> REPORT_RECEIVED) it takes

  topic   the moment complaint-service's relay published the event (outbox_event.published_at, complaint database)
  inbox   the moment notification-service wrote the inbox row (notification.created_at, notification database)
  sse     the moment resident1's live stream (through the gateway) delivered it here
  hook    the moment the mobile app backend's webhook receiver (here, 127.0.0.1) got it, signature checked

and prints p50/p99/max of topic->inbox, topic->sse and topic->hook (goal: topic->sse p99 < 500 ms).
Clocks: all on this machine. Needs psql (the stack's databases: user = password = database name).

  ./lookout up && python3 notification-service/bench/latency.py          # 100/s for 60 s
  RATE=50 DURATION=30 python3 notification-service/bench/latency.py
Ports follow the LOOKOUT_*_PORT variables like ./lookout does.
"""
import base64
import hashlib
import hmac
import http.server
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RATE = int(os.environ.get("RATE", "100"))
DURATION = int(os.environ.get("DURATION", "60"))
GATEWAY = "http://127.0.0.1:%s" % os.environ.get("LOOKOUT_GATEWAY_PORT", "8080")
# reports go straight to complaint-service: the gateway allows one caller 300 requests a minute
COMPLAINT = "http://127.0.0.1:%s" % os.environ.get("LOOKOUT_COMPLAINT_PORT", "8081")
PG_PORT = os.environ.get("LOOKOUT_PG_PORT", "15432")
HOOK_PORT = int(os.environ.get("BENCH_HOOK_PORT", "18999"))
DRAIN = int(os.environ.get("DRAIN", "30"))

sse_seen = {}
hook_seen = {}
hook_bad = []


def token(who):
    return subprocess.run([os.path.join(ROOT, "lookout"), "token", who], check=True, capture_output=True,
                          text=True).stdout.strip()


def call(method, url, bearer, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Authorization": "Bearer " + bearer})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read() or b"null")


def sql(database, query):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", PG_PORT, "-U", database, "-d", database, "-At", "-F", "|",
                          "-f", "-"], input=query, check=True, capture_output=True, text=True,
                         env=dict(os.environ, PGPASSWORD=database)).stdout
    return [line.split("|") for line in out.splitlines() if line]


def read_stream(bearer):
    request = urllib.request.Request(GATEWAY + "/api/notifications/stream",
                                     headers={"Authorization": "Bearer " + bearer, "Accept": "text/event-stream"})
    with urllib.request.urlopen(request, timeout=120) as response:
        data = []
        for raw in response:
            line = raw.decode().rstrip("\r\n")
            if line.startswith("data:"):
                data.append(line[5:].lstrip())
            elif line == "" and data:
                entry = json.loads("\n".join(data))
                sse_seen.setdefault(entry.get("reportId"), time.time())
                data = []


class Hook(http.server.BaseHTTPRequestHandler):
    secret = None

    def do_POST(self):
        body = self.rfile.read(int(self.headers["content-length"]))
        arrived = time.time()
        key = base64.b64decode(Hook.secret.removeprefix("whsec_"))
        signed = ("%s.%s." % (self.headers["webhook-id"], self.headers["webhook-timestamp"])).encode() + body
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        if not any(hmac.compare_digest(expected, s.split(",", 1)[1]) for s in self.headers["webhook-signature"].split()):
            hook_bad.append(self.headers["webhook-id"])
        data = json.loads(body)["data"]
        if data.get("kind") == "REPORT_RECEIVED":
            hook_seen.setdefault(data.get("reportId"), arrived)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def percentiles(name, values):
    if not values:
        print("%-14s no samples" % name)
        return
    values = sorted(values)
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print("%-14s n=%-5d p50 %6.0f ms   p99 %6.0f ms   max %6.0f ms" % (name, len(values), pick(0.5) * 1000,
                                                                    pick(0.99) * 1000, values[-1] * 1000))


def main():
    resident = token("resident1")
    backend = token("lookout-mobile-backend")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", HOOK_PORT), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    subscription = call("POST", GATEWAY + "/api/subscriptions", backend,
                        {"url": "http://127.0.0.1:%d/hook" % HOOK_PORT, "kinds": ["REPORT_RECEIVED"]})
    Hook.secret = subscription["secret"]
    threading.Thread(target=read_stream, args=(resident,), daemon=True).start()
    time.sleep(2)

    filed = []
    body = {"itemCode": "corridor-lighting", "title": "Benchmark", "description": "notification latency",
            "communityCode": "DCY", "location": {"address": "3号楼"}, "channel": "APP", "anonymous": False}
    started = time.time()
    with ThreadPoolExecutor(max_workers=32) as pool:
        futures = []
        for i in range(RATE * DURATION):
            delay = started + i / RATE - time.time()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(call, "POST", COMPLAINT + "/api/complaints", resident, body))
        for future in futures:
            filed.append(future.result()["id"])
    print("filed %d reports in %.1f s" % (len(filed), time.time() - started))
    deadline = time.time() + DRAIN
    while time.time() < deadline and (len(sse_seen) < len(filed) or len(hook_seen) < len(filed)):
        time.sleep(1)
    call("POST", GATEWAY + "/api/subscriptions/%s/pause" % subscription["id"], token("lookout-mobile-backend"))
    server.shutdown()

    since = "to_timestamp(%f)" % started
    topic = {row[0]: float(row[1]) for row in sql("complaint",
             "select partition_key, extract(epoch from published_at) from outbox_event where event_type ="
             " 'lookout.complaint.submitted.v1' and occurred_at >= %s" % since)}
    inbox = {row[0]: float(row[1]) for row in sql("notification",
             "select report_id, extract(epoch from created_at) from notification where channel = 'INBOX'"
             " and kind = 'REPORT_RECEIVED' and created_at >= %s" % since)}
    print("rows found: topic %d, inbox %d" % (len(topic), len(inbox)))
    percentiles("topic->inbox", [inbox[r] - topic[r] for r in filed if r in inbox and r in topic])
    percentiles("topic->sse", [sse_seen[r] - topic[r] for r in filed if r in sse_seen and r in topic])
    percentiles("topic->webhook", [hook_seen[r] - topic[r] for r in filed if r in hook_seen and r in topic])
    print("missing: inbox %d, sse %d, webhook %d; bad signatures %d" % (
        len(filed) - len(inbox), len(filed) - len(sse_seen), len(filed) - len(hook_seen), len(hook_bad)))
    print("load average %s" % open("/proc/loadavg").read().strip())


if __name__ == "__main__":
    sys.exit(main())
