"""Settings of the link checker: the ``links:`` config section, validated, and the command-line overrides.

::

    links:
      concurrency: 32          # requests in flight at once, over all hosts
      per-host: 4              # requests in flight at once to one host
      interval: 0.05           # seconds between the starts of two requests to one host
      connect-timeout: 5
      read-timeout: 10
      retries: 2               # retries after the first attempt (timeouts, resets, 5xx, 408, 429)
      retry-wait: 1.0          # base of the exponential backoff, in seconds
      retry-after-cap: 60      # the longest Retry-After honoured; a longer one gives up at once
      max-redirects: 10
      deadline: 300            # the whole check ends after this many seconds, reporting what is unchecked
      user-agent: "..."
      exclude: ['^https?://localhost']   # regexes; a matching URL is not checked
      accept: [403]            # extra status codes that count as fine
      hosts:                   # per-host overrides (a host matches itself and its subdomains)
        example.org: {per-host: 1, interval: 1.0, accept: [403], user-agent: "..."}
      cache: true
      cache-dir: .awesome-lint-cache   # relative to the config file's folder
      cache-ttl: 86400         # seconds
      allow-private: false     # also check private, loopback and link-local addresses
      github-api: auto         # auto (when GITHUB_TOKEN is set), true or false
      github-api-url: https://api.github.com
      repository: OWNER/REPO   # the list's own GitHub repository (awesome-github); default: the origin remote

This module imports nothing heavy: config validation uses it on every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import __version__

DEFAULT_USER_AGENT = f"Mozilla/5.0 (compatible; awesome-lint/{__version__}; +link-checker)"
DEFAULT_CACHE_DIR = ".awesome-lint-cache"
DEFAULT_GITHUB_API = "https://api.github.com"


class LinkSettingsError(ValueError):
    """A bad ``links:`` setting; the message names the key."""


@dataclass(frozen=True)
class HostSettings:
    """What may differ per host. None means: as for every host."""

    per_host: int | None = None
    interval: float | None = None
    accept: frozenset[int] = frozenset()
    user_agent: str | None = None


@dataclass(frozen=True)
class LinkSettings:
    concurrency: int = 32
    per_host: int = 4
    interval: float = 0.05
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    retries: int = 2
    retry_wait: float = 1.0
    retry_after_cap: float = 60.0
    max_redirects: int = 10
    deadline: float = 300.0
    user_agent: str = DEFAULT_USER_AGENT
    exclude: tuple[str, ...] = ()
    accept: frozenset[int] = frozenset()
    hosts: dict[str, HostSettings] = field(default_factory=dict)
    cache: bool = True
    cache_dir: Path = Path(DEFAULT_CACHE_DIR)
    cache_ttl: float = 86400.0
    allow_private: bool = False
    github_api: str = "auto"  # "auto", "true" or "false"
    github_api_url: str = DEFAULT_GITHUB_API
    repository: str | None = None  # OWNER/REPO of the list itself; None: read the git origin remote
    offline: bool = False

    def host(self, host: str) -> HostSettings:
        """The overrides for ``host``: its own entry, else its nearest parent domain's, else none."""
        host = host.lower()
        while host:
            if host in self.hosts:
                return self.hosts[host]
            _, _, host = host.partition(".")
        return HostSettings()

    def per_host_limit(self, host: str) -> int:
        return self.host(host).per_host or self.per_host

    def interval_for(self, host: str) -> float:
        value = self.host(host).interval
        return self.interval if value is None else value

    def user_agent_for(self, host: str) -> str:
        return self.host(host).user_agent or self.user_agent

    def accepts(self, host: str, status: int | None) -> bool:
        return status is not None and (status in self.accept or status in self.host(host).accept)

    def excluded(self, url: str) -> bool:
        return any(re.search(pattern, url) for pattern in self.exclude)


# ------------------------------------------------------------------------------------------ validation

_NUMBERS = {  # key: (attribute, type, smallest allowed value)
    "concurrency": ("concurrency", int, 1),
    "per-host": ("per_host", int, 1),
    "interval": ("interval", float, 0),
    "connect-timeout": ("connect_timeout", float, 0.001),
    "read-timeout": ("read_timeout", float, 0.001),
    "retries": ("retries", int, 0),
    "retry-wait": ("retry_wait", float, 0),
    "retry-after-cap": ("retry_after_cap", float, 0),
    "max-redirects": ("max_redirects", int, 0),
    "deadline": ("deadline", float, 0.001),
    "cache-ttl": ("cache_ttl", float, 0),
}
_FLAGS = {"cache": "cache", "allow-private": "allow_private"}
_HOST_KEYS = ("per-host", "interval", "accept", "user-agent")
KEYS = (
    *_NUMBERS,
    *_FLAGS,
    *("user-agent", "exclude", "accept", "hosts", "cache-dir", "github-api", "github-api-url", "repository"),
)


def _number(key: str, value, kind: type, minimum: float):
    if isinstance(value, bool) or not isinstance(value, int | float) or (kind is int and not isinstance(value, int)):
        noun = "a whole number" if kind is int else "a number"
        raise LinkSettingsError(f"links.{key} must be {noun}, not {value!r}")
    if value < minimum:
        raise LinkSettingsError(f"links.{key} must be at least {minimum}, not {value!r}")
    return kind(value)


def _status_codes(key: str, value) -> frozenset[int]:
    if not isinstance(value, list) or not all(
        isinstance(code, int) and not isinstance(code, bool) and 100 <= code <= 999 for code in value
    ):
        raise LinkSettingsError(f"links.{key} must be a list of HTTP status codes (100 to 999), not {value!r}")
    return frozenset(value)


def _text(key: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LinkSettingsError(f"links.{key} must be a non-empty string, not {value!r}")
    return value


def _patterns(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LinkSettingsError(f"links.exclude must be a list of regular expressions, not {value!r}")
    for pattern in value:
        try:
            re.compile(pattern)
        except re.error as err:
            raise LinkSettingsError(f"links.exclude: {pattern!r} is not a valid regular expression: {err}") from None
    return tuple(value)


def _host_settings(host: str, value) -> HostSettings:
    where = f"hosts.{host}"
    if not isinstance(value, dict):
        raise LinkSettingsError(f"links.{where} must be a mapping of {', '.join(_HOST_KEYS)}")
    unknown = [key for key in value if key not in _HOST_KEYS]
    if unknown:
        raise LinkSettingsError(f"links.{where}: unknown key {unknown[0]!r}; use one of {', '.join(_HOST_KEYS)}")
    return HostSettings(
        per_host=_number(f"{where}.per-host", value["per-host"], int, 1) if "per-host" in value else None,
        interval=_number(f"{where}.interval", value["interval"], float, 0) if "interval" in value else None,
        accept=_status_codes(f"{where}.accept", value["accept"]) if "accept" in value else frozenset(),
        user_agent=_text(f"{where}.user-agent", value["user-agent"]) if "user-agent" in value else None,
    )


def _hosts(value) -> dict[str, HostSettings]:
    if not isinstance(value, dict):
        raise LinkSettingsError("links.hosts must be a mapping of host names to settings")
    return {str(host).lower(): _host_settings(str(host), item) for host, item in value.items()}


def _github_api(value) -> str:
    if value in (True, False):
        return "true" if value else "false"
    if value != "auto":
        raise LinkSettingsError(f"links.github-api must be auto, true or false, not {value!r}")
    return value


def _api_url(value) -> str:
    text = _text("github-api-url", value)
    if not re.match(r"https?://[^/\s]+", text):
        raise LinkSettingsError(f"links.github-api-url must be an http(s) URL, not {value!r}")
    return text.rstrip("/")


def _repository(value) -> str:
    from .listrepo import OWNER_REPO

    if not isinstance(value, str) or OWNER_REPO.fullmatch(value.strip()) is None:
        raise LinkSettingsError(f"links.repository must be a GitHub OWNER/REPO such as owner/awesome-x, not {value!r}")
    return value.strip()


def parse(raw, root: Path | None = None) -> LinkSettings:
    """Validate the ``links:`` mapping and build settings; relative paths are taken from ``root``."""
    from ..suggest import did_you_mean

    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise LinkSettingsError("links must be a mapping of settings")
    values: dict = {}
    for key, value in raw.items():
        if key in _NUMBERS:
            attribute, kind, minimum = _NUMBERS[key]
            values[attribute] = _number(key, value, kind, minimum)
        elif key in _FLAGS:
            if not isinstance(value, bool):
                raise LinkSettingsError(f"links.{key} must be true or false, not {value!r}")
            values[_FLAGS[key]] = value
        elif key == "user-agent":
            values["user_agent"] = _text(key, value)
        elif key == "exclude":
            values["exclude"] = _patterns(value)
        elif key == "accept":
            values["accept"] = _status_codes(key, value)
        elif key == "hosts":
            values["hosts"] = _hosts(value)
        elif key == "cache-dir":
            folder = Path(_text(key, value)).expanduser()
            values["cache_dir"] = folder if folder.is_absolute() or root is None else root / folder
        elif key == "github-api":
            values["github_api"] = _github_api(value)
        elif key == "github-api-url":
            values["github_api_url"] = _api_url(value)
        elif key == "repository":
            values["repository"] = _repository(value)
        else:
            raise LinkSettingsError(f"links: unknown key {key!r}{did_you_mean(str(key), KEYS)}")
    return LinkSettings(**values)


def with_overrides(settings: LinkSettings, **overrides) -> LinkSettings:
    """Settings with the command line's values (those not None) put over the config's."""
    return replace(settings, **{key: value for key, value in overrides.items() if value is not None})
