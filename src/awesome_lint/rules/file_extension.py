"""file-extension: the list's file should have the extension ``md`` (or ``mdx``).

As remark-lint's rule of the same name, which awesome-lint enables: a Markdown file named ``.markdown``
or ``.txt`` is not rendered the same way everywhere. A file without an extension, or read from stdin,
is not reported.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ._file_name import extension_of

ID = "file-extension"
SUMMARY = "the list's file extension is not md or mdx"
SEVERITY = "warning"
FIX = None
OPTIONS = {"extensions": ["md", "mdx"]}


def check(ctx):
    actual = extension_of(ctx.doc)
    expected = list(ctx.options.get("extensions", OPTIONS["extensions"]))
    if actual and actual not in expected:
        shown = ", ".join(f"`{ext}`" for ext in expected)
        yield Diagnostic(0, 0, f"Unexpected file extension `{actual}`, expected {shown}")
