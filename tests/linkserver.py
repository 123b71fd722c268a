"""A real threaded HTTP server on 127.0.0.1 for the link checker's tests, with one route per behaviour.

It counts every request by (method, path) and every connection accepted, remembers the Authorization and
User-Agent headers each path received, tracks how many requests were in flight at once, and how many bytes
of the large body it managed to send.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import time
from collections import Counter
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

BIG_BODY = 64 * 1024 * 1024
CHALLENGE_PAGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>cf-chl-bypass</body></html>"

# path -> (status, location): simple redirects
REDIRECTS = {
    "/moved": (301, "/ok"),
    "/moved308": (308, "/ok"),
    "/chain": (301, "/chain2"),
    "/chain2": (308, "/chain3"),
    "/chain3": (302, "/ok"),
    "/temporary": (302, "/ok"),
    "/loop-a": (301, "/loop-b"),
    "/loop-b": (301, "/loop-a"),
    "/moved-to-missing": (301, "/missing"),
    "/api/repos/owner/renamed": (301, "/api/repositories/42"),
    "/api/repos/owner/leaves-api": (301, "/ok"),
}

API_REPOS = {
    "/api/repos/owner/repo": {
        "full_name": "owner/repo",
        "archived": False,
        "html_url": "https://github.com/owner/repo",
    },
    "/api/repos/owner/old": {"full_name": "owner/old", "archived": True, "html_url": "https://github.com/owner/old"},
    "/api/repositories/42": {
        "full_name": "owner/new-name",
        "archived": False,
        "html_url": "https://github.com/owner/new-name",
    },
}


class LinkServer:
    def __init__(
        self,
        host: str = "127.0.0.1",
        slow_seconds: float = 0.6,
        busy_seconds: float = 0.15,
        idle_timeout: float | None = None,  # close a kept-alive connection idle this long
        tls: tuple[str, str] | None = None,  # (certificate file, key file): serve https
    ):
        self.requests: Counter = Counter()  # (method, path) -> count
        self.authorization: list[tuple[str, str | None]] = []  # (path, Authorization header)
        self.user_agents: list[tuple[str, str | None]] = []  # (path, User-Agent header)
        self.connections = 0  # TCP connections accepted
        self.in_flight = 0
        self.max_in_flight = 0
        self.big_bytes_sent = 0
        self.slow_seconds = slow_seconds
        self.busy_seconds = busy_seconds
        self._lock = threading.Lock()
        self.idle_timeout = idle_timeout
        self.gate = threading.Event()  # /gate answers once this is set
        self.httpd = ThreadingHTTPServer((host, 0), _handler_for(self))
        self.httpd.daemon_threads = True
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.base = f"{'https' if tls else 'http'}://{host}:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LinkServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        """Requests to ``path``, any method."""
        with self._lock:
            return sum(n for (_, p), n in self.requests.items() if p == path)

    def total(self) -> int:
        with self._lock:
            return sum(self.requests.values())

    def _enter(self, method: str, path: str, headers) -> int:
        with self._lock:
            self.requests[(method, path)] += 1
            self.authorization.append((path, headers.get("Authorization")))
            self.user_agents.append((path, headers.get("User-Agent")))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self.requests[(method, path)] + self.requests[("GET" if method == "HEAD" else "HEAD", path)]

    def _leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


def _handler_for(server: LinkServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = server.idle_timeout

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_HEAD(self) -> None:
            self._serve("HEAD")

        def do_GET(self) -> None:
            self._serve("GET")

        def _serve(self, method: str) -> None:
            path = self.path.split("?", 1)[0]
            nth = server._enter(method, path, self.headers)
            try:
                self._route(method, path, nth)
            finally:
                server._leave()

        def _send(self, status: int, body: bytes = b"", headers: dict | None = None, method: str = "GET") -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if method == "GET" and body:
                self.wfile.write(body)

        def _route(self, method: str, path: str, nth: int) -> None:
            if path in REDIRECTS:
                status, location = REDIRECTS[path]
                return self._send(status, headers={"Location": location}, method=method)
            if path in API_REPOS:
                body = json.dumps(API_REPOS[path]).encode()
                return self._send(200, body, {"Content-Type": "application/json"}, method)
            if path.startswith("/api/"):
                return self._send(404, b'{"message": "Not Found"}', {"Content-Type": "application/json"}, method)
            if path == "/ok" or path.startswith("/page/"):
                return self._send(200, b"<html>fine</html>", {"Content-Type": "text/html"}, method)
            if path == "/missing":
                return self._send(404, b"not found", method=method)
            if path == "/gone":
                return self._send(410, b"gone", method=method)
            if path == "/rate-limited":
                return self._send(429, b"slow down", {"Retry-After": "1"}, method)
            if path == "/rate-limited-long":
                return self._send(429, b"slow down", {"Retry-After": "3600"}, method)
            if path == "/rate-limited-date":  # Retry-After as an HTTP date, an hour ahead: over the cap
                return self._send(
                    429, b"slow down", {"Retry-After": formatdate(time.time() + 3600, usegmt=True)}, method
                )
            if path == "/throttle":  # within the cap: the checker must leave the whole host alone for 30 s
                return self._send(429, b"slow down", {"Retry-After": "30"}, method)
            if path == "/unauthorized":
                return self._send(401, b"log in", method=method)
            if path == "/linkedin":  # LinkedIn's answer to crawlers
                return self._send(999, b"request denied", method=method)
            if path == "/busy-once":
                if nth == 1:
                    return self._send(429, b"slow down", {"Retry-After": "0"}, method)
                return self._send(200, b"fine", method=method)
            if path == "/flaky":
                if nth == 1:
                    return self._send(503, b"try again", method=method)
                return self._send(200, b"fine", method=method)
            if path == "/always-503":
                return self._send(503, b"down", method=method)
            if path == "/caf%C3%A9":  # /café, percent-encoded as UTF-8
                return self._send(200, b"cafe", method=method)
            if path == "/to-cafe":  # a Location in raw UTF-8 bytes, as many servers send it
                return self._send(301, headers={"Location": "/café".encode().decode("latin-1")}, method=method)
            if path == "/gate":
                server.gate.wait(10)
                return self._send(200, b"let through", method=method)
            if path == "/slow":
                time.sleep(server.slow_seconds)
                return self._send(200, b"late", method=method)
            if path.startswith("/busy/"):
                time.sleep(server.busy_seconds)
                return self._send(200, b"fine", method=method)
            if path == "/reset":
                return self._reset()
            if path == "/no-head":
                if method == "HEAD":
                    return self._send(405, headers={"Allow": "GET"}, method=method)
                return self._send(200, b"fine", method=method)
            if path == "/cloudflare":
                headers = {"Server": "cloudflare", "Content-Type": "text/html"}
                return self._send(403, CHALLENGE_PAGE, headers, method)
            if path == "/big":
                return self._big(method)
            return self._send(404, b"no such route", method=method)

        def _reset(self) -> None:
            """Abort the connection with a TCP reset, sending nothing."""
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.rfile.close()
            self.wfile.close()
            self.connection.close()

        def _big(self, method: str) -> None:
            if method == "HEAD":  # refuse HEAD, so the checker has to GET (and must not download)
                return self._send(405, headers={"Allow": "GET"}, method=method)
            self.send_response(200)
            self.send_header("Content-Length", str(BIG_BODY))
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(BIG_BODY // len(chunk)):
                    self.wfile.write(chunk)
                    with server._lock:
                        server.big_bytes_sent += len(chunk)
            except OSError:
                self.close_connection = True

        def setup(self) -> None:
            super().setup()
            with server._lock:
                server.connections += 1

        def handle(self) -> None:
            try:
                super().handle()
            except (OSError, ValueError):  # the client went away (timeouts, /reset, /big): expected here
                self.close_connection = True

        def finish(self) -> None:
            with contextlib.suppress(OSError):
                super().finish()

    return Handler


def free_port() -> int:
    """A port on 127.0.0.1 with nothing listening (connections to it are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


ENVIRONMENT = ("http_proxy", "https_proxy", "all_proxy", "no_proxy", "requests_ca_bundle", "curl_ca_bundle", "netrc")


@pytest.fixture
def no_proxy_env(monkeypatch):
    """No proxy, CA bundle or .netrc from the environment: requests reads them, and the tests talk to 127.0.0.1."""
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


def make_certificate(folder) -> tuple[str, str]:
    """(certificate file, key file) of a self-signed certificate for 127.0.0.1, valid for a day."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


class ForwardProxy:
    """A real HTTP proxy on 127.0.0.1: forwards absolute-form requests and tunnels CONNECT, counting both.

    Requests for a host in ``answers_for`` are answered by the proxy itself (200), as if from the internet
    beyond it, so a test can reach a "public" name that this machine cannot resolve.
    """

    def __init__(self, answers_for: frozenset[str] = frozenset()):
        self.seen: list[tuple[str, str]] = []  # (method, target) as the proxy received them
        self.answers_for = answers_for
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _proxy_handler_for(self))
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def note(self, method: str, target: str) -> None:
        with self._lock:
            self.seen.append((method, target))


def _proxy_handler_for(proxy: ForwardProxy):
    import http.client
    import select
    from urllib.parse import urlsplit

    class ProxyHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_HEAD(self) -> None:
            self._forward("HEAD")

        def do_GET(self) -> None:
            self._forward("GET")

        def _forward(self, method: str) -> None:
            proxy.note(method, self.path)
            parts = urlsplit(self.path)
            if parts.hostname in proxy.answers_for:
                status, headers, body = 200, [("Content-Type", "text/plain")], b"from beyond the proxy"
            else:
                upstream = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=10)
                target = parts.path + (f"?{parts.query}" if parts.query else "")
                forwarded = {k: v for k, v in self.headers.items() if k.lower() not in ("proxy-connection", "host")}
                upstream.request(method, target or "/", headers=forwarded)
                answer = upstream.getresponse()
                status, body = answer.status, answer.read()
                headers = [(k, v) for k, v in answer.getheaders() if k.lower() not in ("content-length", "connection")]
                upstream.close()
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if method == "GET":
                self.wfile.write(body)

        def do_CONNECT(self) -> None:
            proxy.note("CONNECT", self.path)
            host, _, port = self.path.rpartition(":")
            upstream = socket.create_connection((host, int(port)), timeout=10)
            self.send_response(200, "Connection established")
            self.end_headers()
            sockets = [self.connection, upstream]
            try:
                while True:
                    readable, _, _ = select.select(sockets, [], [], 10)
                    if not readable:
                        break
                    for sock in readable:
                        data = sock.recv(65536)
                        if not data:
                            return
                        (upstream if sock is self.connection else self.connection).sendall(data)
            except OSError:
                pass
            finally:
                upstream.close()
                self.close_connection = True

    return ProxyHandler
