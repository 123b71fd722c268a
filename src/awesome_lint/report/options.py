"""What the CLI tells a reporter besides the findings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ReportOptions:
    color: bool = False
    statistics: bool = False
    fixed: int = 0  # findings fixed by --fix in this run
    files: int = 0  # files linted
    links: list | None = None  # --link-details: per file, {"path", "links": [each link checked]} (json)
