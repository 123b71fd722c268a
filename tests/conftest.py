"""Shared test helpers: the corpus location, running the CLI in-process and as a real process."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLE = ROOT / "examples" / "awesome-talking-head.md"

os.environ.setdefault("AWESOME_LINT_DEBUG", "1")  # a rule that crashes fails its test loudly


def corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")


def corpus_params():
    """pytest parameters for every corpus file, or one skipped parameter saying why."""
    files = corpus_files()
    if not files:
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(p, id=p.name) for p in files]


@dataclass
class Result:
    code: int
    out: str
    err: str


def run(args: list[str], cwd: Path | None = None, stdin: str | bytes | None = None) -> Result:
    """Run the CLI as a real process (python -m awesome_lint), as a user would."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("AWESOME_LINT_DEBUG", None)
    env.pop("GITHUB_ACTIONS", None)
    data = stdin.encode() if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "awesome_lint", *args],
        cwd=cwd,
        input=data,
        capture_output=True,
        env=env,
        timeout=120,
    )
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


def run_inprocess(args: list[str], monkeypatch, cwd: Path | None = None, stdin: bytes = b"") -> Result:
    """Run cli.main in this process (faster), capturing its output."""
    from awesome_lint import cli

    if cwd:
        monkeypatch.chdir(cwd)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    out, err = io.StringIO(), io.StringIO()
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    code = cli.main(args)
    return Result(code, out.getvalue(), err.getvalue())


def run_on_terminal(args: list[str], cwd: Path, env: dict, columns: int | None = None) -> bytes:
    """Run the CLI with a real pseudo-terminal as stdout and stderr; everything it wrote there.

    ``columns`` sets the terminal's reported width (0 is what a fresh pty, and some CI terminals, report).
    """
    import fcntl
    import pty
    import struct
    import termios

    controller, terminal = pty.openpty()
    if columns is not None:
        fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "awesome_lint", *args], cwd=cwd, stdout=terminal, stderr=terminal, env=env
    )
    os.close(terminal)
    output = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal closed when the process ended
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(controller)
    return output
