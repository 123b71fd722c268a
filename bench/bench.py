"""Speed and memory: this tool against the JavaScript awesome-lint 2.3.0, on the same files, whole processes.

Install the reference once, outside the repository (it is not a dependency of this project):

    mkdir -p /tmp/awesome-lint-js && (cd /tmp/awesome-lint-js && npm install awesome-lint@2.3.0)
    python bench/bench.py --reference /tmp/awesome-lint-js/node_modules

Each file is linted by awesome-lint (its own rules), by this tool with ``--preset auto`` (the preset it picks
for the list) and with ``--preset awesome`` (awesome-lint's rule set), and fixed with ``--fix`` (on a fresh
copy each time; awesome-lint has no fixes). The runs alternate between the tools, in a rotating order, after
one warm-up run each; the table gives the median wall time and the median peak RSS of the whole process.
The warm-up run also fills this tool's data cache (parsed YAML data and codespell's dictionary, see
``src/awesome_lint/diskcache.py``), as the first run after an install or upgrade does; the script compiles
the package's bytecode first, as an install does.

Files: the seed, four lists of the corpus (``--corpus``, default ``../shared/corpus`` beside the
repository), and synthetic seed-style lists of 1k, 10k and 50k entries that the script writes itself
(deterministic). The reference and ``--fix`` skip files larger than ``--reference-max-mb`` and
``--fix-max-mb`` (3 MB each by default: the reference needs minutes there).

    python bench/bench.py --runs 3 --sizes 1000,10000     # quicker
    python bench/bench.py --rules FILE                     # time each rule in-process on one file
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
SEED = ROOT / "examples" / "awesome-talking-head.md"
CORPUS_FILES = (
    "JosephPai__Awesome-Talking-Face.md",
    "avelino__awesome-go.md",
    "wangkai930418__awesome-diffusion-categorized.md",
    "dair-ai__ML-Papers-of-the-Week.md",
)
INSTALL_HINT = """\
The reference (JavaScript awesome-lint 2.3.0) is not installed. Install it outside the repository:

    mkdir -p /tmp/awesome-lint-js && (cd /tmp/awesome-lint-js && npm install awesome-lint@2.3.0)
    python bench/bench.py --reference /tmp/awesome-lint-js/node_modules

(or set AWESOME_LINT_REFERENCE to that folder). Timing this tool alone.
"""
# What the installed ``awesome-lint`` script runs (pip's entry point imports ``awesome_lint.cli`` and calls
# ``main``), from the interpreter running this script; ``python -m awesome_lint`` would add runpy's imports
# (about 3 ms) that a user's command does not pay.
OUR_COMMAND = [sys.executable, "-c", "import sys; from awesome_lint.cli import main; sys.exit(main())"]

REFERENCE, AUTO, AWESOME, FIX = "awesome-lint 2.3.0", "auto", "awesome", "--fix"
GOAL_LARGE_BYTES = 400_000  # "the 400 KB and larger lists"


# ------------------------------------------------------------------------------------------ measuring


@dataclass
class Run:
    seconds: float
    peak_rss_kb: int
    exit_code: int


@dataclass
class Result:
    name: str
    path: Path
    size: int
    entries: int
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def median_time(self, tool: str) -> float | None:
        runs = self.runs.get(tool)
        return statistics.median(run.seconds for run in runs) if runs else None

    def median_rss_mb(self, tool: str) -> float | None:
        runs = self.runs.get(tool)
        return statistics.median(run.peak_rss_kb for run in runs) / 1024 if runs else None


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> Run:
    """Run one command to its end; wall time and the peak RSS of that process.

    A child forked from this script starts with this script's peak RSS (Linux carries the high-water mark
    across fork and exec), so wait4's ru_maxrss could not go below this script's own 40 MB or so. GNU time,
    when installed, forks the command from its own small process and reports the command's peak alone.
    """
    gnu_time = _gnu_time()
    with tempfile.NamedTemporaryFile(prefix="awesome-lint-bench-rss-") as rss_file:
        if gnu_time:
            command = [gnu_time, "-q", "-f", "%M", "-o", rss_file.name, *command]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        peak_kb = usage.ru_maxrss  # in KiB on Linux
        if gnu_time:
            written = Path(rss_file.name).read_text(encoding="utf-8").split()
            peak_kb = int(written[-1]) if written and written[-1].isdigit() else peak_kb
    return Run(seconds, peak_kb, os.waitstatus_to_exitcode(status))


@functools.cache
def _gnu_time() -> str | None:
    """/usr/bin/time when it is GNU time (``-f %M`` prints the peak RSS in KiB), else None."""
    path = shutil.which("time", path="/usr/bin:/bin")
    if path is None:
        return None
    try:
        done = subprocess.run([path, "-f", "%M", "true"], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return path if done.returncode == 0 and done.stderr.strip().isdigit() else None


class Tools:
    """The command lines of each tool, and where each run happens."""

    def __init__(self, reference_cli: Path | None, work: Path):
        self.reference_cli = reference_cli
        self.work = work
        self.env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
        self.env.pop("GITHUB_ACTIONS", None)  # the text report, as on a terminal

    def names(self, with_reference: bool, with_fix: bool) -> list[str]:
        names = [REFERENCE] if with_reference else []
        return names + [AUTO, AWESOME] + ([FIX] if with_fix else [])

    def run(self, tool: str, path: Path) -> Run:
        if tool == REFERENCE:
            return run_once(["node", str(self.reference_cli), path.name], self.env, path.parent)
        ours = [*OUR_COMMAND, "--no-color"]
        if tool == FIX:
            copy = self.work / "fix" / path.name  # a fresh copy each time, so every run has the same work
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(path, copy)
            return run_once([*ours, "--fix", "--preset", "auto", copy.name], self.env, copy.parent)
        return run_once([*ours, "--preset", tool, path.name], self.env, path.parent)


def compile_sources() -> None:
    """Write the package's bytecode first, as installing it does: otherwise, under PYTHONDONTWRITEBYTECODE,
    every run would compile again each module changed since its last .pyc was written."""
    import compileall

    compileall.compile_dir(str(SRC), quiet=1)


def measure(result: Result, tools: Tools, names: list[str], runs: int, warmup: int) -> None:
    """Alternate the tools run by run, rotating their order so that none always goes first."""
    for _ in range(warmup):
        for name in names:
            tools.run(name, result.path)
    for index in range(runs):
        order = names[index % len(names) :] + names[: index % len(names)]
        for name in order:
            result.runs.setdefault(name, []).append(tools.run(name, result.path))


# ------------------------------------------------------------------------------------------ the files

_WORDS = """
adaptive audio avatar synthesis neural talking head face video speech driven realistic expressive
emotion lip sync generation portrait animation diffusion model learning network transformer latent
motion pose identity personalized controllable high fidelity dynamic implicit representation radiance
field gaussian splatting one shot few shot zero shot audio visual cross modal disentangled landmark
mesh 3d aware real time efficient robust unified generative adversarial attention temporal consistent
editing style
""".split()  # noqa: SIM905 (a word list reads better than quoted strings)
_VENUES = (("CVPR", 0), ("ICCV", 1), ("ECCV", 2), ("NeurIPS", 0), ("AAAI", 0), ("ICLR", 0), ("ACM MM", 0))
_TOPICS = ("Audio-driven", "Video-driven", "Text-driven", "3D Avatars", "Datasets", "Evaluation", "Editing")


def synthetic_list(entries: int) -> str:
    """A seed-style paper list of ``entries`` entries, the same text for the same count.

    Sections of up to 200 entries, newest first; about one entry in fifty has a defect a maintainer would
    fix (a misspelled label, a missing space in the venue tag, an http arXiv link), so ``--fix`` has work.
    """
    rng = random.Random(entries)
    lines = [
        "# Awesome Talking Head Synthesis",
        "",
        "A list of papers, code and project pages on talking head synthesis. Pull requests are welcome.",
        "",
        "## Content",
        "",
    ]
    per_section = 200
    for section in range(0, entries, per_section):
        count = min(per_section, entries - section)
        lines += [f"### {_TOPICS[(section // per_section) % len(_TOPICS)]} {section // per_section + 1}", ""]
        years = sorted((rng.randint(2017, 2024) for _ in range(count)), reverse=True)
        for offset, year in enumerate(years):
            lines.append(_entry(rng, section + offset, year))
        lines.append("")
    return "\n".join(lines)


def _entry(rng: random.Random, number: int, year: int) -> str:
    title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9))).capitalize()
    title = f"{title} {number}"  # unique titles: no entry duplicates another
    venue, parity = rng.choice(_VENUES)
    if parity and year % 2 != parity % 2:  # ICCV in odd years, ECCV in even years
        year -= 1
    tag = f"{venue} {year}"
    user = f"{rng.choice(_WORDS)}{number}"
    arxiv = f"https://arxiv.org/abs/{year % 100:02d}{rng.randint(1, 12):02d}.{rng.randint(1000, 19999):05d}"
    label = "ProjectPage"
    defect = rng.randrange(150)
    if defect == 0:
        label = "PorjectPage"
    elif defect == 1:
        tag = f"{venue}{year}"
    elif defect == 2:
        arxiv = "http" + arxiv[5:]
    links = [f"[Paper]({arxiv})", f"[Code](https://github.com/{user}/{user}-code)"]
    if rng.random() < 0.5:
        links.append(f"[{label}](https://{user}.github.io/project)")
    return f"- {title}. [{tag}]  " + "  ".join(links)


def prepare_files(corpus: Path, work: Path, sizes: list[int]) -> list[tuple[str, Path]]:
    """Copy each real list into a folder of its own, and write the synthetic ones; (name, path) each."""
    found = []
    sources = [("seed (awesome-talking-head.md)", SEED)]
    for name in CORPUS_FILES:
        if (corpus / name).is_file():
            sources.append((name, corpus / name))
        else:
            print(f"bench: {corpus / name} not found; skipped", file=sys.stderr)
    for name, source in sources:
        folder = work / source.stem
        folder.mkdir()
        shutil.copyfile(source, folder / "README.md")
        found.append((name, folder / "README.md"))
    for size in sizes:
        folder = work / f"synthetic-{size}"
        folder.mkdir()
        (folder / "README.md").write_text(synthetic_list(size), encoding="utf-8")
        found.append((f"synthetic, {size:,} entries", folder / "README.md"))
    return found


def count_entries(path: Path) -> int:
    sys.path.insert(0, str(SRC))
    from awesome_lint import files
    from awesome_lint.document import Document

    return len(Document(files.read(str(path))).entries)


# ------------------------------------------------------------------------------------------ the report


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
        "node": _version(["node", "--version"]),
    }


def _version(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "not found"


def _cell(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ratio(reference: float | None, ours: float | None) -> str:
    return "–" if reference is None or not ours else f"{reference / ours:.1f}×"


def table(results: list[Result]) -> str:
    rows = [
        "| file | size | entries | awesome-lint s | MB | `auto` s | MB | speed-up | `awesome` s | speed-up "
        "| `--fix` s | RSS ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        reference, auto, awesome = r.median_time(REFERENCE), r.median_time(AUTO), r.median_time(AWESOME)
        ref_mb, auto_mb = r.median_rss_mb(REFERENCE), r.median_rss_mb(AUTO)
        rss_ratio = "–" if ref_mb is None or auto_mb is None else f"1/{ref_mb / auto_mb:.1f}"
        rows.append(
            f"| {r.name} | {r.size / 1000:,.0f} KB | {r.entries:,} | {_cell(reference)} | {_cell(ref_mb, 0)} "
            f"| {_cell(auto)} | {_cell(auto_mb, 0)} | {_ratio(reference, auto)} | {_cell(awesome)} "
            f"| {_ratio(reference, awesome)} | {_cell(r.median_time(FIX))} | {rss_ratio} |"
        )
    return "\n".join(rows)


def goals(results: list[Result]) -> list[str]:
    """The goals of the performance issue, each with the numbers that meet it or miss it."""
    lines = []
    for r in results:
        reference = r.median_time(REFERENCE)
        if reference is None:
            continue
        for tool in (AUTO, AWESOME):
            ours = r.median_time(tool)
            if r.path.parent.name == SEED.stem or r.name.startswith("seed"):
                need = 8
            elif r.size >= GOAL_LARGE_BYTES and not r.name.startswith("synthetic"):
                need = 20
            else:
                continue
            speedup = reference / ours
            line = f"{r.name}, --preset {tool}: {speedup:.1f}× faster (goal {need}×)"
            if need == 20:
                rss = r.median_rss_mb(REFERENCE) / r.median_rss_mb(tool)
                line += f", peak RSS 1/{rss:.1f} (goal 1/5)"
                met = speedup >= need and rss >= 5
            else:
                met = speedup >= need
            lines.append(("met:    " if met else "MISSED: ") + line)
    by_size = {r.entries: r for r in results if r.name.startswith("synthetic")}
    small = next((r for r in results if r.name.startswith("synthetic, 10,000")), None)
    large = next((r for r in results if r.name.startswith("synthetic, 50,000")), None)
    if small and large and by_size:
        growth = large.median_time(AUTO) / small.median_time(AUTO)
        met = growth <= 5.5
        lines.append(("met:    " if met else "MISSED: ") + f"10k to 50k entries: {growth:.2f}× the time (goal ≤ 5.5×)")
    return lines


# ------------------------------------------------------------------------------------------ per rule


def time_rules(path: Path, preset: str) -> str:
    """Each step and each rule of one lint, timed in-process (the shared parses are charged to the steps)."""
    sys.path.insert(0, str(SRC))
    from awesome_lint import config as config_module
    from awesome_lint import files
    from awesome_lint.document import Document
    from awesome_lint.linter import Context, explain_preset
    from awesome_lint.rules import _remark, all_rules

    steps: list[tuple[str, float]] = []

    def step(name, action):
        started = time.perf_counter()
        value = action()
        steps.append((name, time.perf_counter() - started))
        return value

    gc.disable()  # as the CLI runs each file (cli._without_collector)
    source = step("read", lambda: files.read(str(path)))
    doc = step("Document (blocks.scan)", lambda: Document(source))
    step("entries", lambda: doc.entries)
    if preset == "auto":
        preset = explain_preset(doc)[0]
    config = config_module.discover(path)
    settings = step("config and rule imports", lambda: config_module.resolve_rules(config, preset, (), ()))
    rules = all_rules()
    base = Context(doc, config, preset)
    step("conventions", lambda: base.conventions)
    if preset == "awesome":
        step("phrasing (shared by the awesome rules)", lambda: list(_remark.text_nodes(base)))
    timed = []
    for rule_id, setting in settings.items():
        ctx = base.for_rule({**rules[rule_id].options, **setting.options})
        started = time.perf_counter()
        count = sum(1 for _ in rules[rule_id].check(ctx))
        timed.append((time.perf_counter() - started, rule_id, count))
    lines = [f"{path} (preset {preset}, {len(doc.entries)} entries)"]
    lines += [f"  {seconds * 1000:8.1f} ms  {name}" for name, seconds in steps]
    lines.append(f"  {sum(t for t, _, _ in timed) * 1000:8.1f} ms  {len(timed)} rules, of which:")
    lines += [f"  {t * 1000:8.1f} ms    {rule} ({n} findings)" for t, rule, n in sorted(timed, reverse=True)[:15]]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------ main


def find_reference(value: str | None) -> Path | None:
    """awesome-lint's cli.js from a node_modules folder, the package folder, or cli.js itself."""
    if not value:
        return None
    path = Path(value).expanduser()
    for candidate in (path, path / "cli.js", path / "awesome-lint" / "cli.js"):
        if candidate.is_file() and candidate.name == "cli.js":
            return candidate.resolve()
    return None


def reference_version(cli: Path) -> str:
    try:
        return json.loads((cli.parent / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError):
        return "unknown"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", default=os.environ.get("AWESOME_LINT_REFERENCE"), help="awesome-lint's folder")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"), help="folder of real lists")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and file (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--sizes", default="1000,10000,50000", help="synthetic list sizes ('' for none)")
    parser.add_argument("--only", help="only the files whose name contains this text")
    parser.add_argument("--reference-max-mb", type=float, default=3.0, help="larger files skip the reference")
    parser.add_argument("--no-fix", action="store_true", help="do not time --fix")
    parser.add_argument("--fix-max-mb", type=float, default=3.0, help="larger files skip --fix")
    parser.add_argument("--json", metavar="FILE", help="also write every run as JSON")
    parser.add_argument("--rules", metavar="FILE", help="time each rule of one file in-process, and stop")
    parser.add_argument("--preset", default="auto", help="with --rules: the preset (default auto)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.rules:
        print(time_rules(Path(args.rules), args.preset))
        return 0
    reference = find_reference(args.reference)
    if reference is None:
        print(INSTALL_HINT, file=sys.stderr)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    info = machine()
    if reference:
        info["awesome-lint"] = reference_version(reference)
    compile_sources()
    load_before = os.getloadavg()
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="awesome-lint-bench-") as tmp:
        work = Path(tmp)
        tools = Tools(reference, work)
        for name, path in prepare_files(Path(args.corpus), work, sizes):
            if args.only and args.only not in name:
                continue
            size = path.stat().st_size
            result = Result(name, path, size, count_entries(path))
            with_reference = reference is not None and size <= args.reference_max_mb * 1e6
            names = tools.names(with_reference, not args.no_fix and size <= args.fix_max_mb * 1e6)
            print(f"bench: {name} ({size / 1000:,.0f} KB): {', '.join(names)} × {args.runs}", file=sys.stderr)
            measure(result, tools, names, args.runs, args.warmup)
            results.append(result)
    load_after = os.getloadavg()
    print(f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; {info['system']}")
    print(f"Python {info['python']}, node {info['node']}, awesome-lint {info.get('awesome-lint', 'not installed')}")
    print(f"Load average (1 min) {load_before[0]:.2f} before, {load_after[0]:.2f} after; {args.runs} runs each")
    if not _gnu_time():
        print("Peak RSS from wait4: without GNU time (/usr/bin/time), it includes this script's own peak")
    print()
    print(table(results))
    print()
    for line in goals(results):
        print(line)
    if args.json:
        payload = {
            "machine": info,
            "load": [load_before, load_after],
            "results": [
                {
                    "name": r.name,
                    "size": r.size,
                    "entries": r.entries,
                    "runs": {tool: [vars(run) for run in runs] for tool, runs in r.runs.items()},
                }
                for r in results
            ],
        }
        Path(args.json).write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
