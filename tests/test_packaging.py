"""The wheel carries the rule data, and the installed tool runs from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

from conftest import EXAMPLE, ROOT


def test_wheel_ships_the_data_and_runs_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("awesome_lint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "awesome_lint/ruledata/presets/paper-list.yaml" in names
    assert "awesome_lint/ruledata/presets/awesome.yaml" in names

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(EXAMPLE, elsewhere / "list.md")
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import awesome_lint.data as d; print(d._data_dir())"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(site)), where
    result = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--explain", "empty-item"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Presets: paper-list\n" in result.stdout, result.stderr
    lint = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--format", "json", "list.md"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert lint.returncode in (0, 1), lint.stderr
    assert '"rule": "empty-item"' in lint.stdout
