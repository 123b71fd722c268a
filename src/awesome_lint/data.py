"""The YAML knowledge shipped with the tool: the top-level rules/ folder, installed as awesome_lint.ruledata."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

PRESETS = ("paper-list", "awesome")


def _data_dir() -> Path:
    """The data folder: inside the installed package, or the repository's rules/ when run from a checkout."""
    installed = Path(__file__).resolve().parent / "ruledata"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


@cache
def load(name: str) -> dict:
    """One data file, e.g. ``load("venues")`` or ``load("presets/awesome")``; {} when it does not exist."""
    path = _data_dir() / f"{name}.yaml"
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        # libyaml's safe loader when present: the same safe subset, several times faster than pure Python
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def preset(name: str) -> dict:
    """A preset's rule settings: {rule id: setting}, as written in ``rules/presets/NAME.yaml``."""
    return dict(load(f"presets/{name}").get("rules") or {})
