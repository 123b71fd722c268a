"""The link checker: a document's links in, a LinkReport out (the only code that touches the network).

For each document: collect its links (collect.py), judge mailto, anchor and relative links on the spot
(local.py), take what the cache knows, and fetch the rest with a pool of worker threads, one
``requests.Session`` each, all on one shared set of kept-alive connections per host (transport.py).
Each task is one link; each step of a task is one exchange (http.py) with one URL, handed out by the scheduler
(schedule.py) under the global and per-host limits. A step ends the task (a result), or puts it back:
a retry after a backoff, or the next hop of a redirect. The first request goes out as soon as the first
web link is read; the caller can do other work (the CLI loads the rules) until it needs the report.

Usage::

    checker = LinkChecker(settings)
    report = checker.check(doc, only_lines={12, 13})   # None: every line
    pending = checker.start(doc)                         # or: start, work meanwhile, then
    report = pending.wait()
    checker.close()                                      # writes the cache
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from . import collect, github, http, listrepo, local
from .cache import LinkCache
from .listrepo import ListRepo
from .result import DEAD, ERROR, OK, SKIPPED, UNVERIFIABLE, LinkReport, LinkResult
from .settings import LinkSettings

_CUT_BY_DEADLINE = object()  # an exchange the deadline's shortened timeout ended


@dataclass
class Task:
    key: str  # the link's URL key (collect.url_key)
    current: str  # the URL of the next step
    repo: tuple[str, str] | None = None  # (owner, repo) while asking the GitHub API
    hops: list[tuple[int, str]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    retries: int = 0
    attempts: int = 0
    elapsed: float = 0.0  # seconds spent in exchanges (not waiting in the queue or backing off)


@dataclass
class RunStats:
    requests: int = 0  # HTTP requests sent
    fetched: int = 0  # links checked over the network
    cached: int = 0  # links answered from the cache
    unchecked: int = 0  # links left when the deadline passed
    offline: int = 0  # web links not checked because of --offline


class Fetch:
    """Web URLs being fetched by worker threads, started as soon as the first one is added.

    :meth:`add` queues a URL (a worker is started for it, up to the concurrency limit); :meth:`wait` blocks
    until every URL is answered or the deadline passed, and gives a result for each.
    """

    def __init__(self, checker: LinkChecker, label: str = ""):
        self.checker = checker
        self.label = label
        self.keys: list[str] = []
        self.results: dict[str, LinkResult] = {}  # written by the workers under checker._lock
        self.scheduler = None
        self.progress = None
        self.workers: list[threading.Thread] = []
        self._done: dict[str, LinkResult] | None = None

    def add(self, key: str) -> None:
        checker = self.checker
        if self.scheduler is None:
            from .schedule import Scheduler

            settings = checker.settings
            self.scheduler = Scheduler(settings.per_host_limit, settings.interval_for, checker.deadline)
            factory = checker._progress_factory
            self.progress = factory(0, self.label) if factory else None
        if self.progress:
            self.progress.grow()
        self.keys.append(key)
        task = checker._new_task(key)
        self.scheduler.add(collect.host_of(task.current), task)
        if len(self.workers) < checker.settings.concurrency:
            worker = threading.Thread(target=checker._work, args=(self.scheduler, self.results, self.progress))
            worker.daemon = True
            worker.start()
            self.workers.append(worker)
            time.sleep(0)  # let it take the GIL and send its request before this thread reads on

    def seal(self) -> None:
        """No more URLs will be added: the workers leave once these are answered."""
        if self.scheduler is not None:
            self.scheduler.no_more()

    def wait(self) -> dict[str, LinkResult]:
        if self._done is None:
            self.seal()
            self._done = self.checker._finish_fetch(self)
        return self._done


@dataclass
class PendingCheck:
    """A document's link check under way: local and cached results are in, web links are being fetched."""

    checker: LinkChecker
    report: LinkReport
    fetching: dict[str, str]  # cache key -> URL key of the links being fetched
    fetch: Fetch
    _waited: bool = False

    def wait(self) -> LinkReport:
        """The whole report, once every web link is answered (or the deadline passed)."""
        if not self._waited:
            self.checker._store(self.report, self.fetching, self.fetch.wait())
            self._waited = True
        return self.report


class LinkChecker:
    def __init__(self, settings: LinkSettings, progress_factory=None):
        self.settings = settings
        self.started = time.monotonic()
        self.deadline = self.started + settings.deadline
        self.cache = LinkCache(settings.cache_dir, settings.cache_ttl) if settings.cache else None
        self.stats = RunStats()
        self.max_in_flight: dict[str, int] = {}  # host -> most requests in flight at once (for tests)
        self._progress_factory = progress_factory
        self._api = github.use_api(settings.github_api) and not settings.offline
        self._api_exhausted = False
        self._no_head: set[str] = set()  # hosts that refused HEAD once: GET straight away
        self._list_repos: dict[str, ListRepo] = {}  # OWNER/REPO -> the API's answer, asked once per run
        self._lock = threading.Lock()
        self._pool = None  # the workers' shared connections (transport.new_pool), made by the first worker

    # ------------------------------------------------------------------------------ per document

    def check(self, doc, only_lines: set[int] | frozenset[int] | None = None) -> LinkReport:
        """Check the links of ``doc`` (only those on ``only_lines``, when given)."""
        return self.start(doc, only_lines).wait()

    def start(self, doc, only_lines: set[int] | frozenset[int] | None = None) -> PendingCheck:
        """Start checking the links of ``doc``: the web links are fetched in the background.

        Mailto, anchor, relative, excluded and cached links are answered at once; :meth:`PendingCheck.wait`
        gives the whole report. The CLI starts the check first and loads the rules while it runs.
        """
        report = LinkReport(checked_lines=frozenset(only_lines) if only_lines is not None else None, doc=doc)
        report.links = []
        fetch = Fetch(self, doc.path)
        fetching: dict[str, str] = {}  # cache key -> URL key of the links fetched
        anchors = None
        seen: set[str] = set()
        for link in collect.iter_links(doc, only_lines):
            key = collect.result_key(link)
            report.links.append((link, key))
            if key in seen:
                continue
            seen.add(key)
            if link.kind != collect.WEB:
                if link.kind == collect.ANCHOR and anchors is None:
                    anchors = local.anchors(doc)
                report.results[key] = local.check_local(link, doc, anchors)
            elif self.settings.excluded(link.target):
                report.results[key] = LinkResult(key, SKIPPED, "excluded by links.exclude")
            else:
                cache_key = self._cache_key(key)
                if not self._from_cache(report, cache_key, key):
                    fetching[cache_key] = key
                    fetch.add(key)  # the first request goes out while the rest of the links are read
        fetch.seal()
        report.links.sort(key=lambda pair: collect.by_position(pair[0]))
        return PendingCheck(self, report, fetching, fetch)

    def _cache_key(self, key: str) -> str:
        return f"github-api {key}" if self._api and github.repo_of(key) else key

    def _from_cache(self, report: LinkReport, cache_key: str, key: str) -> bool:
        """Fill in a cached result; False when the link is still to be fetched (never when offline)."""
        cached = self.cache.get(cache_key) if self.cache else None
        if cached is not None:
            self.stats.cached += 1
            report.results[key] = self._accepting(cached)
        elif self.settings.offline:
            self.stats.offline += 1
        else:
            return False
        return True

    def _store(self, report: LinkReport, fetching: dict[str, str], fetched: dict[str, LinkResult]) -> None:
        for cache_key, key in fetching.items():
            result = fetched[key]
            if self.cache:
                self.cache.put(cache_key, result)
            report.results[key] = self._accepting(result)

    def _accepting(self, result: LinkResult) -> LinkResult:
        """The result with ``links.accept`` applied: an accepted status is fine."""
        if result.category in (OK, SKIPPED) or result.status is None:
            return result
        if self.settings.accepts(collect.host_of(result.final_url or result.url), result.status):
            result.category, result.reason = OK, f"HTTP {result.status}, accepted by the config"
        return result

    def list_repo(self, owner: str, repo: str) -> ListRepo | None:
        """What the GitHub API says about the list's own repository (awesome-github), asked once per run.

        None when offline or when ``links.github-api`` is false: the rule then stays silent.
        """
        if self.settings.offline or self.settings.github_api == "false":
            return None
        name = f"{owner}/{repo}".lower()
        if name not in self._list_repos:
            from .transport import new_session

            with new_session(self.settings.allow_private, hosts=1) as session:
                self._list_repos[name] = listrepo.fetch(session, self.settings, owner, repo)
        return self._list_repos[name]

    def close(self) -> str | None:
        """Write the cache and close the kept connections; a one-line problem when the cache could not be written."""
        saved = self.cache.save() if self.cache else True
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        return None if saved else self.cache.problem

    def _shared_pool(self):
        """The connections every worker's session uses, one pool per host (made on first use)."""
        with self._lock:
            if self._pool is None:
                from .transport import new_pool

                settings = self.settings
                per_host = max([settings.per_host] + [host.per_host or 0 for host in settings.hosts.values()])
                hosts = max(16, 512 // per_host)  # hosts kept open at once: under ~512 open connections
                self._pool = new_pool(settings.allow_private, hosts, per_host)
            return self._pool

    # ------------------------------------------------------------------------------ fetching

    def fetch(self, keys: list[str], label: str = "") -> dict[str, LinkResult]:
        """Check web URLs (URL keys) over the network; every key gets a result, unchecked ones included."""
        return self.start_fetch(keys, label).wait()

    def start_fetch(self, keys: list[str], label: str = "") -> Fetch:
        """Start the workers on web URLs (URL keys); :meth:`Fetch.wait` gives their results."""
        fetch = Fetch(self, label)
        for key in keys:
            fetch.add(key)
        fetch.seal()
        return fetch

    def _finish_fetch(self, fetch: Fetch) -> dict[str, LinkResult]:
        if fetch.scheduler is None:
            return {}
        fetch.scheduler.wait_done()
        fetch.scheduler.stop()
        if fetch.progress:
            fetch.progress.close()
        with self._lock:
            done = dict(fetch.results)
        for host, count in fetch.scheduler.max_in_flight.items():
            self.max_in_flight[host] = max(self.max_in_flight.get(host, 0), count)
        for key in fetch.keys:
            if key not in done:
                self.stats.unchecked += 1
                reason = f"not checked: the link check's deadline ({self.settings.deadline:g} s) ran out"
                done[key] = LinkResult(key, UNVERIFIABLE, reason)
        self.stats.fetched += len(fetch.keys)
        return done

    def _new_task(self, key: str) -> Task:
        repo = github.repo_of(key) if self._api and not self._api_exhausted else None
        current = github.api_url(self.settings.github_api_url, *repo) if repo else key
        return Task(key=key, current=current, repo=repo, seen={current})

    def _work(self, scheduler, results: dict, progress) -> None:
        from .transport import new_session  # imports requests: only when something is fetched

        # not closed here: the pool it uses is shared, and closed by close() (nothing else is open)
        session = new_session(self.settings.allow_private, pool=self._shared_pool())
        while (taken := scheduler.take()) is not None:
            host, task = taken
            pause, outcome = 0.0, None
            try:
                outcome, pause = self._step(session, host, task)
            except Exception as error:  # a bug in one exchange must not stall the run until the deadline
                outcome = LinkResult(task.key, ERROR, f"internal error while checking: {type(error).__name__}: {error}")
            finally:
                scheduler.release(host, pause)
            if outcome is _CUT_BY_DEADLINE:
                scheduler.finish()  # left out of the results: reported as unchecked, like the links never taken
            elif isinstance(outcome, LinkResult):
                with self._lock:
                    results[task.key] = outcome
                scheduler.finish()
                if progress:
                    progress.update(outcome.category in (DEAD, ERROR))
            else:
                delay = outcome or 0.0
                scheduler.put_back(collect.host_of(task.current), task, delay)

    def _step(self, session, host: str, task: Task) -> tuple[LinkResult | float, float]:
        """One exchange. Returns (a result, or the delay before the task's next step; the host's pause)."""
        settings = self.settings
        began = time.monotonic()
        remaining = self.deadline - began
        timeout = (min(settings.connect_timeout, remaining), min(settings.read_timeout, remaining))
        headers = {"User-Agent": settings.user_agent_for(host), "Accept": "*/*"}
        headers.update(github.headers(settings.github_api_url, task.current))
        use_head = task.repo is None and host not in self._no_head
        reply = http.exchange(session, task.current, headers, timeout, use_head, read_json=task.repo is not None)
        if reply.error == http.TIMEOUT and time.monotonic() >= self.deadline - 0.05:
            return _CUT_BY_DEADLINE, 0.0  # the deadline, not the server, ended the wait: no verdict on the link
        task.attempts += 1
        task.elapsed += time.monotonic() - began
        with self._lock:
            self.stats.requests += reply.requests
        if use_head and reply.requests > 1 and reply.status is not None and reply.status < 400:
            self._no_head.add(host)  # HEAD refused but GET worked: skip HEAD on this host from now on
        if task.repo and reply.status is not None and github.rate_limited(reply.status, reply.headers):
            return self._leave_api(task, exhausted=True), 0.0
        pause = self._host_pause(task, reply)
        if reply.transient():
            wait = self._retry_delay(task, reply)
            if wait is not None:
                task.retries += 1
                return wait, pause
        if reply.status in http.REDIRECTS and reply.location:
            return self._redirect(task, reply.status, reply.location), 0.0
        if task.repo and reply.status not in (200, 404):  # no usable answer: check the page itself
            return self._leave_api(task, exhausted=reply.error is not None), pause
        return self._final(task, reply), pause

    def _host_pause(self, task: Task, reply: http.Reply) -> float:
        """After a 429, how long the whole host waits: its Retry-After, else the backoff.

        Also when this link is not retried (retries spent, deadline near): the host's other links wait. A
        Retry-After over ``retry-after-cap`` is not honoured (the link is reported, nothing waits for it).
        """
        if reply.status != 429:
            return 0.0
        asked = http.retry_after(reply.headers)
        if asked is not None:
            return asked if asked <= self.settings.retry_after_cap else 0.0
        return self.settings.retry_wait * 2**task.retries

    def _leave_api(self, task: Task, exhausted: bool) -> float:
        """Check a repository link as a page; when the API is out (rate limit, down), later ones too."""
        if exhausted:
            self._api_exhausted = True
        task.repo, task.current, task.hops, task.seen, task.retries = None, task.key, [], {task.key}, 0
        return 0.0

    def _retry_delay(self, task: Task, reply: http.Reply) -> float | None:
        """Seconds before retrying, or None when retrying is over (retries spent, deadline, long Retry-After)."""
        if task.retries >= self.settings.retries:
            return None
        asked = http.retry_after(reply.headers)
        if asked is not None:
            if asked > self.settings.retry_after_cap:
                return None
            wait = asked
        else:
            wait = self.settings.retry_wait * 2**task.retries * random.uniform(0.5, 1.5)
        if time.monotonic() + wait >= self.deadline:
            return None
        return wait

    def _redirect(self, task: Task, status: int, location: str) -> LinkResult | float:
        target = urljoin(task.current, location.strip())
        task.hops.append((status, target))
        if not target.lower().startswith(("http://", "https://")):
            return self._result(task, OK, f"redirects to a URL that is not checked: {target}", status, target)
        if collect.url_key(target) in task.seen or target in task.seen:
            chain = " -> ".join([task.key, *(url for _, url in task.hops)])
            return self._result(task, DEAD, f"redirect loop: {_shorten(chain)}", status, target)
        if len(task.hops) > self.settings.max_redirects:
            reason = f"more than {self.settings.max_redirects} redirects"
            return self._result(task, ERROR, reason, status, target)
        task.seen.add(collect.url_key(target))
        task.current = target
        return 0.0

    def _final(self, task: Task, reply: http.Reply) -> LinkResult:
        if task.repo is not None:
            category, reason, repo = github.interpret(reply.status, reply.body, *task.repo)
            result = self._result(task, category, reason, reply.status, task.current)
            result.repo = repo
            result.redirects = []
            result.final_url = task.key
            if repo.html_url and repo.full_name.lower() != "/".join(task.repo).lower():
                result.permanent_url = repo.html_url
            return result
        if reply.error is not None:
            return self._failed(task, reply)
        category, reason = classify(reply.status, reply.reason, reply.challenge)
        if reply.status == 429 and http.retry_after(reply.headers):
            reason += f"; the server asks to wait {http.retry_after(reply.headers):.0f} s"
        result = self._result(task, category, reason, reply.status, task.current)
        result.cacheable = reply.status not in http.RETRY_STATUSES and reply.status < 500
        if category == OK:
            result.permanent_url = _permanent_target(task.hops)
        return result

    def _failed(self, task: Task, reply: http.Reply) -> LinkResult:
        kind = reply.error
        if kind in (http.DNS, http.REFUSED):
            return self._result(task, DEAD, reply.reason, None, task.current)
        if kind == http.BLOCKED:
            reason = f"not checked: {reply.reason} (--allow-private checks such links)"
            return self._result(task, UNVERIFIABLE, reason, None, task.current)
        if kind in http.TRANSIENT_ERRORS and task.attempts > 1:
            return self._result(task, ERROR, f"{reply.reason} ({task.attempts} attempts)", None, task.current)
        return self._result(task, ERROR, reply.reason, None, task.current)

    def _result(self, task: Task, category: str, reason: str, status: int | None, final_url: str) -> LinkResult:
        return LinkResult(
            url=task.key,
            category=category,
            reason=reason,
            status=status,
            final_url=final_url,
            redirects=list(task.hops),
            elapsed=task.elapsed,
            attempts=task.attempts,
            checked_at=time.time(),
        )


def classify(status: int | None, reason_phrase: str, challenge: bool) -> tuple[str, str]:
    """(category, reason) for a final HTTP status."""
    from .. import data

    text = f"HTTP {status} {reason_phrase}".strip()
    if status is None:
        return ERROR, "no answer"
    if challenge:
        return UNVERIFIABLE, f"{text}: a bot-protection page (the site blocks link checkers, not readers)"
    if 200 <= status < 300:
        return OK, text
    if status in (404, 410):
        return DEAD, text
    if status in (data.load("links").get("unverifiable-statuses") or ()):
        return UNVERIFIABLE, f"{text} (the site may refuse link checkers but serve readers)"
    if status in http.REDIRECTS:
        return ERROR, f"{text} without a Location header"
    return ERROR, text


def _permanent_target(hops: list[tuple[int, str]]) -> str:
    """The URL the leading permanent redirects lead to ('' when the first redirect is not permanent)."""
    target = ""
    for status, url in hops:
        if status not in http.PERMANENT:
            break
        target = url
    return target


def _shorten(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
