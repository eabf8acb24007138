#!/usr/bin/env python3
"""Memory per open live stream on the running stack (./lookout up): not a test.

Opens STREAMS (default 1000) SSE connections straight to notification-service as resident1 (one token, one
socket each, read as they come), waits SETTLE seconds, and reports the service's resident memory (RSS of its process
group, from ./lookout status) and its heap after a GC (jcmd GC.heap_info, when jcmd is on PATH) before and with the
streams open, per 1,000 streams.

  ./lookout up && python3 notification-service/bench/streams.py
  STREAMS=2000 python3 notification-service/bench/streams.py
"""
import os
import selectors
import socket
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STREAMS = int(os.environ.get("STREAMS", "1000"))
SETTLE = int(os.environ.get("SETTLE", "30"))
PORT = int(os.environ.get("LOOKOUT_NOTIFICATION_PORT", "8084"))


def lookout(*args):
    return subprocess.run([os.path.join(ROOT, "lookout"), *args], check=True, capture_output=True, text=True).stdout


def rss_mib():
    for line in lookout("status").splitlines():
        fields = line.split()
        if fields and fields[0] == "notification":
            return int(fields[3]), int(fields[2])
    raise SystemExit("notification-service is not running (./lookout up)")


def heap_used_kib(pgid):
    """The first line of jcmd GC.heap_info after a GC (the heap's use), or None without jcmd."""
    try:
        pids = subprocess.run(["pgrep", "-g", str(pgid), "java"], capture_output=True, text=True).stdout.split()
        subprocess.run(["jcmd", pids[0], "GC.run"], capture_output=True, check=True)
        lines = subprocess.run(["jcmd", pids[0], "GC.heap_info"], capture_output=True, text=True).stdout.splitlines()
        return lines[1].strip() if len(lines) > 1 else None
    except (FileNotFoundError, IndexError, subprocess.CalledProcessError):
        return None


def main():
    bearer = lookout("token", "resident1").strip()
    before, pgid = rss_mib()
    print("before: RSS %d MiB; heap %s" % (before, heap_used_kib(pgid)))
    selector = selectors.DefaultSelector()
    sockets = []
    request = ("GET /api/notifications/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
               "Authorization: Bearer %s\r\n\r\n" % bearer).encode()
    for _ in range(STREAMS):
        s = socket.create_connection(("127.0.0.1", PORT), timeout=10)
        s.sendall(request)
        s.setblocking(False)
        selector.register(s, selectors.EVENT_READ)
        sockets.append(s)
    deadline = time.time() + SETTLE
    answered = set()
    while time.time() < deadline:
        for key, _ in selector.select(timeout=1):
            chunk = key.fileobj.recv(65536)
            if chunk.startswith(b"HTTP/1.1 200"):
                answered.add(key.fileobj.fileno())
    opened = len(answered)
    with_streams, _ = rss_mib()
    print("with %d streams (%d answered 200): RSS %d MiB; heap %s" % (STREAMS, opened, with_streams,
                                                                     heap_used_kib(pgid)))
    print("RSS per 1,000 streams: %.1f MiB" % ((with_streams - before) * 1000.0 / max(opened, 1)))
    for s in sockets:
        s.close()


if __name__ == "__main__":
    main()
