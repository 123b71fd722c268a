"""Output formats: one module per format, each with ``render(findings, out, options)``."""

from __future__ import annotations

import importlib
import os

FORMATS = ("text", "json", "github", "sarif")


def resolve_format(name: str) -> str:
    """``auto`` is github under GitHub Actions, text elsewhere."""
    if name == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS else "text"
    return name


def reporter(name: str):
    return importlib.import_module(f"{__name__}.{resolve_format(name)}")
