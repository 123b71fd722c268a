"""definition-case: the label of a link reference definition should be lower case.

As remark-lint's rule of the same name: ``[Docs]: https://example.com`` should be ``[docs]: …``.
Labels match case-insensitively, so ``[Docs]`` in the text still finds ``[docs]:``; lower-case
labels just keep the definitions consistent. The fix lower-cases the label of a link definition,
which every reference still matches; footnote labels (``[^Note]:``) are reported but not fixed.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, Edit, Fix
from . import _remark

ID = "definition-case"
SUMMARY = "a link reference definition whose label has upper-case letters"
SEVERITY = "warning"
FIX = "safe"
OPTIONS: dict = {}


def check(ctx):
    doc = ctx.doc
    found = []
    for definition in _remark.link_definitions(doc):
        label = definition.label
        if label != label.lower():
            label_start = definition.start + 1
            fix = Fix.safe(Edit(label_start, label_start + len(label), label.lower()))
            found.append((definition.start, definition.end, "", fix))
    for footnote in _remark.footnote_definitions(ctx):
        if footnote.label != footnote.label.lower():
            found.append((footnote.start, footnote.end, "footnote ", None))
    for start, end, kind, fix in sorted(found, key=lambda entry: entry[0]):
        yield Diagnostic(
            start, end, f"Unexpected uppercase characters in {kind}definition label, expected lowercase", fix=fix
        )
