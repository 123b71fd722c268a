"""Colour only on a terminal, and never with NO_COLOR or --no-color: checked on a real pseudo-terminal."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT, run_on_terminal

ESC = b"\x1b["


def run_on_tty(tmp_path, *args: str, env_extra: dict | None = None) -> bytes:
    (tmp_path / "README.md").write_text("# L\n\n- \n")
    env = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    env.update({"PYTHONPATH": str(ROOT / "src"), **(env_extra or {})})
    return run_on_terminal(["--select", "empty-item", *args], tmp_path, env)


def test_terminal_output_is_coloured(tmp_path):
    output = run_on_tty(tmp_path)
    assert b"empty-item" in output
    assert ESC in output


def test_no_color_env_and_flag_turn_it_off(tmp_path):
    assert ESC not in run_on_tty(tmp_path, env_extra={"NO_COLOR": "1"})
    assert ESC not in run_on_tty(tmp_path, "--no-color")


def test_piped_output_has_no_colour(tmp_path):
    (tmp_path / "README.md").write_text("# L\n\n- \n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("NO_COLOR", None)
    out = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--select", "empty-item"], cwd=tmp_path, capture_output=True, env=env
    ).stdout
    assert b"empty-item" in out
    assert ESC not in out
