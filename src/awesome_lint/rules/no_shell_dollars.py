"""no-shell-dollars: shell code where every line starts with ``$``.

As remark-lint's rule of the same name: in a ``sh``/``bash``/``shell``… code block, a ``$`` prompt
before every line only gets in the way of copying the commands. Keep ``$`` for blocks that mix input
and output, where it tells them apart.
"""

from __future__ import annotations

from ..data import load
from ..diagnostics import Diagnostic
from . import _remark

ID = "no-shell-dollars"
SUMMARY = "a shell code block where every line starts with $"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    shells = frozenset(load("remark")["shell-languages"])
    for block in doc.blocks.code_blocks:
        lang = block.info.split()[0] if block.fenced and block.info.strip() else ""
        if lang not in shells:
            continue
        lines = [" ".join(line.split()) for line in _remark.code_lines(doc, block)]
        lines = [line for line in lines if line]
        if lines and all(line.startswith("$") for line in lines):
            yield Diagnostic(
                _remark.line_content_start(doc, block.line),
                doc.line_ends[block.end_line - 1],
                "Unexpected shell code with every line prefixed by `$`, expected different code for input and output",
            )
