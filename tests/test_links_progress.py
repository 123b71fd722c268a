"""The link check's progress bar: on a terminal (a real pseudo-terminal) with done, failed and ETA; never piped."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_on_terminal
from linkserver import LinkServer, no_proxy_env

pytestmark = pytest.mark.usefixtures(no_proxy_env.__name__)

ARGS = ["--check-links", "--no-cache", "--select", "dead-link", "README.md"]


def write_list(tmp_path, server) -> None:
    urls = [server.url("/missing")] + [server.url(f"/busy/{i}") for i in range(8)]
    text = "# List\n\n" + "".join(f"- [item {i}]({url}) - Item.\n" for i, url in enumerate(urls))
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    # one request at a time, so the run lasts long enough for the bar to be redrawn
    (tmp_path / ".awesome-lint.yaml").write_text("links: {allow-private: true, per-host: 1, interval: 0}\n")


def environment() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}


@pytest.mark.parametrize("columns", [100, 0], ids=["sized", "no-size"])
def test_progress_bar_on_a_terminal_shows_done_failed_and_eta(tmp_path, columns):
    with LinkServer(busy_seconds=0.15) as server:
        write_list(tmp_path, server)
        output = run_on_terminal(ARGS, tmp_path, environment(), columns=columns)
    text = output.decode("utf-8", "replace")
    assert "checking links in README.md (1 failed)" in text
    assert "/9 done" in text and "ETA" in text
    assert "dead-link" in text  # the report itself follows


def test_no_progress_bar_when_piped(tmp_path):
    with LinkServer(busy_seconds=0.01) as server:
        write_list(tmp_path, server)
        done = subprocess.run(
            [sys.executable, "-m", "awesome_lint", *ARGS],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            env=environment(),
        )
    assert "dead-link" in done.stdout
    assert "checking links" not in done.stderr and "ETA" not in done.stderr
