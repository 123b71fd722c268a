"""What the CLI tells a reporter besides the findings."""

from __future__ import annotations

from ..record import Record


class ReportOptions(Record):
    color: bool
    statistics: bool
    fixed: int  # findings fixed by --fix in this run
    files: int  # files linted
    links: list | None  # --link-details: per file, {"path", "links": [each link checked]} (json)

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        color: bool = False,
        statistics: bool = False,
        fixed: int = 0,
        files: int = 0,
        links: list | None = None,
    ) -> None:
        self.color = color
        self.statistics = statistics
        self.fixed = fixed
        self.files = files
        self.links = links
