"""The HTTP transport: one ``requests.Session`` per worker thread, every connection through the address guard.

requests (and urllib3 under it) brings what a link checker run on CI needs: proxies from ``HTTP_PROXY``,
``HTTPS_PROXY`` and ``NO_PROXY``, a CA bundle from ``REQUESTS_CA_BUNDLE`` or certifi, IDNA host names,
chunked and encoded bodies. The workers' sessions share one adapter (:func:`new_pool`), that is one
urllib3 pool of kept-alive connections per host, as many as the host's limit of requests in flight: a
host sees at most that many connections however many workers there are (as with lychee), and a
connection is reused by whichever worker sends the host's next request (http.py returns a connection to
the pool only when its answer was read to the end). urllib3's pools are made for being shared by threads.

The guard (policy.py) sits in the connection class: when a direct connection is opened, the host is
resolved, every address is checked, and the socket connects to those very addresses, so a DNS answer
cannot change in between. Through a proxy, the proxy resolves the host, so the guard checks the target
as this machine resolves it before anything is sent (see :class:`GuardedAdapter`), and the connection to
the proxy itself is allowed whatever its address: the proxy is the runner's own configuration, not the
list's.

This module imports requests: only the workers that fetch import it, so a lint or ``--offline`` never does.
"""

from __future__ import annotations

import socket

import requests
from requests.adapters import HTTPAdapter
from requests.utils import select_proxy
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, HTTPError, NameResolutionError, NewConnectionError

from . import policy

# What a request can raise besides an answer: requests' errors, and urllib3's and the socket's that
# escape them (a bad port, a broken body).
FAILURES = (requests.RequestException, HTTPError, OSError, ValueError)


class BlockedConnectionError(NewConnectionError):
    """urllib3's form of policy.BlockedAddressError (so it is reported as a failure to connect)."""


class _GuardedMixin:
    """Open the socket with policy.connect: resolve, check every address, connect to the checked ones."""

    def _new_conn(self) -> socket.socket:
        try:
            timeout = self.timeout if isinstance(self.timeout, int | float) else None  # else urllib3's sentinel
            return policy.connect(self._dns_host, self.port, timeout, allow_private=False)
        except policy.BlockedAddressError as err:
            raise BlockedConnectionError(self, str(err)) from err
        except socket.gaierror as err:
            raise NameResolutionError(self.host, self, err) from err
        except TimeoutError as err:
            raise ConnectTimeoutError(self, f"connection to {self.host} timed out") from err
        except OSError as err:
            raise NewConnectionError(self, f"failed to establish a new connection: {err}") from err


class GuardedHTTPConnection(_GuardedMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedMixin, HTTPSConnection):
    pass


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = GuardedHTTPSConnection


class GuardedAdapter(HTTPAdapter):
    """An adapter whose direct connections go through the guard, and whose proxied targets are checked first."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        # only the direct pools: connections to a proxy come from proxy_manager_for's own pools
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        if select_proxy(request.url, proxies):
            host = requests.utils.urlparse(request.url).hostname or ""
            reason = policy.proxied_refusal(host)
            if reason:
                raise requests.ConnectionError(policy.BlockedAddressError(reason), request=request)
        return super().send(request, stream=stream, timeout=timeout, verify=verify, cert=cert, proxies=proxies)


def _no_netrc(request):
    """A no-op auth: set on the session, it keeps requests from sending ~/.netrc credentials to listed hosts."""
    return request


class SharedPool:
    """What the workers' sessions share: the connections (one adapter) and the environment, read per origin.

    requests reads the environment (proxies, ``NO_PROXY``, the CA bundle) again for every request, going
    over every environment variable twice: about a third of a request's CPU here, in threads that share
    one interpreter lock. The answer depends only on the URL's scheme, host and port, so it is kept per
    origin in :attr:`environment` (the environment does not change during a run).
    """

    def __init__(self, allow_private: bool, hosts: int, per_host: int):
        adapter_class = HTTPAdapter if allow_private else GuardedAdapter
        self.adapter = adapter_class(pool_connections=hosts, pool_maxsize=per_host, max_retries=0)
        self.environment: dict[tuple[str, str], dict] = {}  # (scheme, host:port) -> requests' settings for it

    def close(self) -> None:
        self.adapter.close()


def new_pool(allow_private: bool, hosts: int, per_host: int) -> SharedPool:
    """The connections of a run, shared by the workers' sessions: up to ``per_host`` kept to each of ``hosts`` hosts.

    ``per_host`` is the most requests a host may have in flight, so a connection is always free for the
    next one (a pool never has to open and then drop an extra one). Guarded unless ``allow_private``.
    Closed with :meth:`SharedPool.close` once the workers are done.
    """
    return SharedPool(allow_private, hosts, per_host)


class _Session(requests.Session):
    """A session that reads the environment once per origin (see :class:`SharedPool`)."""

    def __init__(self, pool: SharedPool):
        super().__init__()
        self._environment = pool.environment

    def merge_environment_settings(self, url, proxies, stream, verify, cert):
        if proxies or verify is not None or cert is not None:  # asked for something: requests' own way
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = requests.utils.urlparse(url)
        origin = (parts.scheme, parts.netloc)
        settings = self._environment.get(origin)
        if settings is None:
            settings = super().merge_environment_settings(url, {}, None, None, None)
            self._environment[origin] = settings
        stream = stream if stream is not None else self.stream
        return {**settings, "proxies": dict(settings["proxies"]), "stream": stream}


def new_session(allow_private: bool, hosts: int = 16, pool: SharedPool | None = None) -> requests.Session:
    """A session for one worker thread, on ``pool`` (shared: do not close such a session) or its own connections.

    The environment's proxies and CA bundle are used (``trust_env``); ``.netrc`` is not.
    """
    if pool is None:  # one request at a time: one connection per host is enough
        pool = new_pool(allow_private, hosts, per_host=1)
    session = _Session(pool)
    session.auth = _no_netrc
    for prefix in ("http://", "https://"):
        session.mount(prefix, pool.adapter)
    return session
