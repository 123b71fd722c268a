"""The YAML knowledge shipped with the tool: the top-level rules/ folder, installed as awesome_lint.ruledata.

Each file is parsed once and then read from the data cache (:mod:`awesome_lint.diskcache`) while it is
unchanged, so a run neither imports PyYAML nor parses YAML unless a config file needs it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from . import diskcache

PRESETS = ("paper-list", "awesome")


@cache
def _data_dir() -> Path:
    """The data folder: inside the installed package, or the repository's rules/ when run from a checkout."""
    installed = Path(__file__).resolve().parent / "ruledata"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "rules"


def path_of(name: str) -> Path:
    """The file behind ``load(name)``."""
    return _data_dir() / f"{name}.yaml"


@cache
def load(name: str) -> dict:
    """One data file, e.g. ``load("venues")`` or ``load("presets/awesome")``; {} when it does not exist."""
    path = path_of(name)
    if not path.is_file():
        return {}
    return diskcache.cached(f"data-{name}", (path,), lambda: _parse(path))


def _parse(path: Path) -> dict:
    import yaml  # only when the cache has no sound copy

    with path.open(encoding="utf-8") as handle:
        # libyaml's safe loader when present: the same safe subset, several times faster than pure Python
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def derived(name: str, purpose: str, build, code: str):
    """``build(load(name))``, cached like ``load`` itself: for values computed from a data file that cost
    more than reading it (``awesome-spell-check`` reads each pattern's leading literal this way). ``code``
    is the file of the module that defines ``build`` (its ``__file__``): a change to it rebuilds the value."""
    path = path_of(name)
    if not path.is_file():
        return build({})
    return diskcache.cached(f"data-{name}-{purpose}", (path, Path(code)), lambda: build(load(name)))


def preset(name: str) -> dict:
    """A preset's rule settings: {rule id: setting}, as written in ``rules/presets/NAME.yaml``."""
    return dict(load(f"presets/{name}").get("rules") or {})
