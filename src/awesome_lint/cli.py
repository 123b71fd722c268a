"""The command line: arguments, the run over each file, output and exit codes.

Exit codes: 0 no finding left at error level (or warning, under --strict); 1 findings left, or --diff found
changes; 2 bad usage, bad config or unreadable input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage block
        raise UsageError(message)


def _ids(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _megabytes(value: str) -> int:
    """``--max-size``: a positive number of megabytes, as a byte count."""
    from .source import MB

    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if not megabytes > 0 or megabytes == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes, not {value!r}")
    return int(megabytes * MB)


def _formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help formatter at the terminal's width, found as shutil finds it without importing shutil
    (1.5 ms a run: argparse builds a formatter for every argument it adds, to check its metavar)."""
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            width = 80
    return argparse.HelpFormatter(prog, width=width - 2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="awesome-lint",
        description="Lint and safely fix awesome lists and academic paper lists.",
        formatter_class=_formatter,
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="Markdown files to check (default: README.md; - reads stdin)"
    )
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help="refuse files larger than this many megabytes (default: 32)",
    )
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fixing.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes (with --fix or --diff)")
    fixing.add_argument("--diff", action="store_true", help="print the diff --fix would make; write nothing")
    output = parser.add_argument_group("output")
    output.add_argument(
        "--format",
        default="auto",
        choices=("auto", "text", "json", "github", "sarif", "markdown"),
        help="output format (default: auto, which is github under GitHub Actions, else text; markdown is for --stats)",
    )
    output.add_argument(
        "--diff-base",
        metavar="REF",
        help="report only findings on lines changed since git REF (its merge base with HEAD)",
    )
    output.add_argument("--stats", action="store_true", help="print statistics of the list instead of linting it")
    output.add_argument("--statistics", action="store_true", help="print a count per rule instead of each finding")
    output.add_argument("--no-color", action="store_true", help="never colour the output (also: NO_COLOR=1)")
    output.add_argument("-v", "--verbose", action="store_true", help="say which config and preset each file uses")
    selection = parser.add_argument_group("rules")
    selection.add_argument("--select", type=_ids, default=(), metavar="IDS", help="only these rules (comma-separated)")
    selection.add_argument("--ignore", type=_ids, default=(), metavar="IDS", help="skip these rules (comma-separated)")
    selection.add_argument(
        "--preset", choices=("auto", "paper-list", "awesome"), help="rule preset (default: config, else auto)"
    )
    selection.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    links = parser.add_argument_group("links")
    links.add_argument(
        "--check-links", action="store_true", help="check links: web links online, files, anchors and mailto offline"
    )
    links.add_argument("--offline", action="store_true", help="with --check-links: no network; cached results only")
    links.add_argument(
        "--allow-private", action="store_true", help="with --check-links: also fetch private and loopback addresses"
    )
    links.add_argument("--cache-dir", metavar="DIR", help="the link cache's folder (default: .awesome-lint-cache)")
    links.add_argument("--no-cache", action="store_true", help="with --check-links: neither read nor write the cache")
    links.add_argument(
        "--link-details",
        action="store_true",
        help="with --check-links --format json: also list every link checked (final URL, status, time taken)",
    )
    exits = parser.add_argument_group("exit status")
    exits.add_argument("--strict", action="store_true", help="warnings also fail the run")
    exits.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings are left")
    info = parser.add_argument_group("information")
    info.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    info.add_argument("--explain", metavar="ID", help="explain one rule and exit")
    info.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


class RunState:
    """What the run over all files gathers (a plain class: a dataclass costs start-up time to create)."""

    def __init__(self) -> None:
        self.findings: list = []
        self.fixed = 0
        self.diff_found = False
        self.bad_input = False
        self.files = 0
        self.link_checkers: dict = {}  # config path -> LinkChecker (--check-links)
        self.link_records: list = []  # --link-details: each file's links, for --format json


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except UsageError as err:
        print(f"awesome-lint: error: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("awesome-lint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as err:  # a bug: one line, and the way to see more
        if os.environ.get("AWESOME_LINT_DEBUG"):
            raise
        print(
            f"awesome-lint: internal error: {err!r} (set AWESOME_LINT_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        if argv is None:  # the process's own run, about to exit: spare the exit's garbage collection (10-20 ms)
            import gc

            gc.freeze()


def _main(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    if args.version:
        print(f"awesome-lint {__version__}")
        return EXIT_OK
    from .config import ConfigError
    from .gitdiff import DiffBaseError
    from .source import InputError

    try:
        if args.list_rules or args.explain:
            from . import explain

            print(explain.explain(args.explain) if args.explain else explain.list_rules())
            return EXIT_OK
        return _run(args)
    except (ConfigError, InputError, _fix_error(), DiffBaseError) as err:  # evaluated only on an error
        print(f"awesome-lint: {err}", file=sys.stderr)
        return EXIT_ERROR


def _fix_error() -> type[Exception]:
    """The fixer's error, imported only once an error is on its way out: a plain lint never loads the fixer
    (nor the outline it checks headings with)."""
    from .fix import FixError

    return FixError


def _run(args) -> int:
    from . import config as config_module
    from .report import reporter
    from .report.options import ReportOptions

    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes needs --fix or --diff")
    if args.fix and args.diff:
        raise UsageError("--fix and --diff cannot be combined: --diff only shows what --fix would do")
    _check_report_options(args)
    config_module.check_rule_ids(args.select, "--select")
    config_module.check_rule_ids(args.ignore, "--ignore")
    fixed_config = config_module.load_file(_config_path(args.config)) if args.config else None

    paths = args.paths or ["README.md"]
    if args.stats:
        from . import stats

        return stats.main(paths, args.format, sys.stdout, fixed_config)
    state = RunState()
    try:
        for path in paths:
            _without_collector(_process, path, args, fixed_config, state)
    finally:
        _close_link_checkers(args, state)

    stdin_fix = args.fix and paths == ["-"]
    out = sys.stderr if stdin_fix else sys.stdout
    if not args.diff:
        color = not args.no_color and not os.environ.get("NO_COLOR") and out.isatty()
        options = ReportOptions(color=color, statistics=args.statistics, fixed=state.fixed, files=state.files)
        options.links = state.link_records if args.link_details else None
        reporter(args.format).render(state.findings, out, options)
    return _exit_code(args, state)


def _without_collector(process, *args) -> None:
    """Run ``process(*args)`` with Python's cyclic garbage collector paused (one file's read, lint and fix).

    A lint allocates hundreds of thousands of small objects that live until the file is done, and the
    collector would walk them all again and again (a tenth of the time on a 1 MB list, a third on a 10 MB
    one) to find almost nothing: they form next to no cycles, and reference counting frees them after
    the file. It runs again, as usual, between files."""
    import gc

    if not gc.isenabled():
        process(*args)
        return
    gc.disable()
    try:
        process(*args)
    finally:
        gc.enable()


def _check_report_options(args) -> None:
    if args.stats:
        if args.fix or args.diff or args.diff_base or args.check_links:
            raise UsageError("--stats only counts what the list holds: no --fix, --diff, --diff-base or --check-links")
        if args.format not in ("auto", "text", "json", "markdown"):
            raise UsageError(f"--stats prints text, json or markdown, not {args.format}")
    elif args.format == "markdown":
        raise UsageError("--format markdown is for --stats; findings print as text, json, github or sarif")
    link_flags = [
        flag for flag in ("offline", "allow_private", "cache_dir", "no_cache", "link_details") if getattr(args, flag)
    ]
    if link_flags and not args.check_links:
        raise UsageError(f"--{link_flags[0].replace('_', '-')} needs --check-links")
    if args.link_details and args.format != "json":
        raise UsageError("--link-details adds to --format json; use it with --format json")
    if args.diff_base is not None:
        if args.fix or args.diff:
            raise UsageError("--diff-base only filters the report: it cannot be combined with --fix or --diff")
        if "-" in (args.paths or []):
            raise UsageError("--diff-base needs files in a git repository, not stdin")


def _only_lines(findings: list, lines: set[int]) -> list:
    """The findings that touch one of ``lines`` (a multi-line finding counts when any of its lines does)."""

    def last_line(finding) -> int:  # a span that ends at the start of a line does not touch that line
        ends_at_line_start = finding.end_column == 1 and finding.end_line > finding.line
        return finding.end_line - 1 if ends_at_line_start else max(finding.line, finding.end_line)

    return [f for f in findings if any(line in lines for line in range(f.line, last_line(f) + 1))]


def _config_path(value: str):
    from pathlib import Path

    from .config import ConfigError

    path = Path(value)
    if not path.is_file():
        raise ConfigError(f"{value}: config file not found")
    return path


def _process(path: str, args, fixed_config, state: RunState) -> None:
    from pathlib import Path

    from . import config as config_module
    from . import files
    from .document import Document
    from .linter import explain_preset, lint_document, to_finding
    from .source import InputError

    config = fixed_config or config_module.discover(Path.cwd() / "stdin.md" if path == "-" else Path(path))
    if path != "-" and config.excludes(Path(path)):
        if args.verbose:
            print(f"{path}: excluded by {config.path}", file=sys.stderr)
        return
    try:
        source = files.read(path, args.max_size) if args.max_size else files.read(path)
    except InputError as err:
        print(f"awesome-lint: {err}", file=sys.stderr)
        state.bad_input = True
        return
    state.files += 1
    changed_lines = None  # --diff-base: the only lines to report on (and to check links on)
    if args.diff_base is not None:
        from .gitdiff import changed_lines as git_changed_lines

        changed_lines = git_changed_lines(path, args.diff_base)
    doc = Document(source)
    # Start fetching the links before loading the rules: the network waits while the rules load.
    link_check = _start_link_check(doc, config, args, state, changed_lines) if args.check_links else None
    preset = args.preset or config.preset
    if preset == "auto":
        preset, why = explain_preset(doc)
        if args.verbose:
            print(f"{source.path}: auto preset chose {preset}: {why}", file=sys.stderr)
    settings = config_module.resolve_rules(config, preset, args.select, args.ignore)
    if args.verbose:
        where = config.path or "built-in defaults"
        print(f"{source.path}: preset {preset}, config {where}, {len(settings)} rules", file=sys.stderr)
        from .rules import all_rules

        offline = [rule_id for rule_id in settings if getattr(all_rules()[rule_id].module, "NETWORK", False)]
        if offline and not (args.check_links and not args.offline):
            print(f"{source.path}: skipped offline (they need the network): {', '.join(offline)}", file=sys.stderr)

    shared = None
    if link_check is not None:
        settings = _link_rules_last(settings)  # the other rules run while the links are still being fetched
        shared = _link_shared(doc, link_check, args, "awesome-github" in settings)

    def lint(document: Document):
        return lint_document(document, config, preset, settings, shared)

    diagnostics = None  # the fixer's last pass already linted the document it returns
    if args.fix or args.diff:
        from .fix import FixError

        try:
            doc, diagnostics = _fix(doc, lint, args, state)
        except FixError as err:
            print(f"awesome-lint: {err}", file=sys.stderr)
            state.bad_input = True
            return
    if diagnostics is None:
        diagnostics = lint(doc)
    if link_check is not None:
        _link_details(doc, link_check.wait(), args, state)
    findings = [to_finding(doc, d) for d in diagnostics]
    state.findings.extend(findings if changed_lines is None else _only_lines(findings, changed_lines))


def _start_link_check(doc, config, args, state: RunState, only_lines: set[int] | None):
    """Start checking the document's links (once, before linting); the web links are fetched meanwhile."""
    if config.path not in state.link_checkers:
        state.link_checkers[config.path] = _link_checker(config, args)
    return state.link_checkers[config.path].start(doc, only_lines)


def _link_rules_last(settings: dict) -> dict:
    """The rule settings with the rules that read the link report last (the linter's output is sorted anyway)."""
    from .links.result import REPORT_RULES

    return dict(sorted(settings.items(), key=lambda item: item[0] in REPORT_RULES))


def _link_shared(doc, link_check, args, list_repo: bool) -> dict:
    """What the link rules read from the context: the check under way (they wait for its report).

    With ``list_repo`` (awesome-github is on), also what the GitHub API says about the list's own repository.
    """
    from .links.result import REPORT_KEY

    shared = {REPORT_KEY: link_check}
    if list_repo:
        shared.update(_list_repo(doc, link_check.checker, args))
    return shared


def _link_details(doc, report, args, state: RunState) -> None:
    """--link-details: every link checked, for --format json."""
    from .links.result import link_records

    if args.link_details:
        state.link_records.append({"path": doc.path, "links": link_records(report)})


def _list_repo(doc, checker, args) -> dict:
    """The list repository's metadata for awesome-github, under its shared key (empty when unknown)."""
    from .links.listrepo import REPO_KEY, repository_for

    repo, origin = repository_for(doc.path, checker.settings.repository)
    found = checker.list_repo(*repo) if repo else None
    if args.verbose:
        if repo is None:
            said = f"awesome-github skipped: {origin}"
        elif found is None:
            said = f"awesome-github skipped: {'/'.join(repo)} not asked (--offline or links.github-api: false)"
        elif found.problem:
            said = f"awesome-github skipped: the GitHub API gave no answer about {found.name}: {found.problem}"
        else:
            said = f"awesome-github checked {found.name} (from {origin}) through the GitHub API"
        print(f"{doc.path}: {said}", file=sys.stderr)
    return {REPO_KEY: found} if found is not None else {}


def _link_checker(config, args):
    from pathlib import Path

    from .config import ConfigError
    from .links import settings as link_settings
    from .links.checker import LinkChecker
    from .links.progress import factory_for

    try:
        settings = link_settings.parse(config.extra.get("links"), config.root)
    except link_settings.LinkSettingsError as err:
        raise ConfigError(f"{config.path or 'config'}: {err}") from None
    settings = link_settings.with_overrides(
        settings,
        offline=args.offline or None,
        allow_private=args.allow_private or None,
        cache_dir=Path(args.cache_dir) if args.cache_dir else None,
        cache=False if args.no_cache else None,
    )
    return LinkChecker(settings, progress_factory=factory_for(sys.stderr))


def _close_link_checkers(args, state: RunState) -> None:
    """Write the link caches and say, on stderr, what was not checked."""
    for checker in state.link_checkers.values():
        problem = checker.close()
        stats = checker.stats
        if problem:
            print(f"awesome-lint: warning: {problem}", file=sys.stderr)
        if stats.unchecked:
            print(f"awesome-lint: {stats.unchecked} links not checked: the deadline passed", file=sys.stderr)
        if stats.offline:
            print(f"awesome-lint: {stats.offline} web links not checked (--offline, not cached)", file=sys.stderr)
        if args.verbose:
            print(
                f"awesome-lint: links: {stats.fetched} fetched with {stats.requests} requests, "
                f"{stats.cached} from the cache",
                file=sys.stderr,
            )


def _fix(doc, lint, args, state: RunState):
    """Fix one document: the document to report on and its diagnostics (None: lint it again).

    Raises FixError when the result is refused. Each text is parsed and linted once: the fixer's first pass
    uses ``doc``, and its last pass's document and findings are the ones reported.
    """
    from . import files
    from .fix import FixError, fix_to_fixed_point, verify

    source = doc.source
    to_stdout = source.path == "<stdin>" and args.fix
    result = fix_to_fixed_point(source, lint, unsafe=args.unsafe_fixes, document=doc)
    if not result.changed(source.text):
        if to_stdout:
            sys.stdout.buffer.write(source.encode())
        return doc, result.diagnostics
    fixed = result.document
    problems = verify(result.baseline or doc, fixed, result.applied, result.removed_items)
    if problems:
        raise FixError(f"{source.path}: refusing to write the fixes: {'; '.join(problems)}")
    if args.diff:
        import difflib  # only for --diff

        state.diff_found = True
        name = source.path
        diff = difflib.unified_diff(
            source.text.splitlines(keepends=True),
            result.text.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        for line in diff:
            sys.stdout.write(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
        return doc, None
    if to_stdout:
        sys.stdout.buffer.write(source.encode(result.text))
        sys.stdout.flush()
    else:
        files.write_atomic(source.path, source.encode(result.text))
    state.fixed += len(result.applied)
    return fixed, result.diagnostics


def _exit_code(args, state: RunState) -> int:
    if state.bad_input:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    if args.diff:
        return EXIT_FINDINGS if state.diff_found else EXIT_OK
    failing = {"error", "warning"} if args.strict else {"error"}
    return EXIT_FINDINGS if any(f.severity in failing for f in state.findings) else EXIT_OK
