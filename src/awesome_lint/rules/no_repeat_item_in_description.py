"""no-repeat-item-in-description: a description that starts by repeating the item's name.

As awesome-lint's rule of the same name: in ``- [Foo](url) - Foo is a tool for bar.`` the description
repeats "Foo"; ``- [Foo](url) - Tool for bar.`` says the same in fewer words. Badge links (a link
around an image, or a link followed directly by another link) are not taken as the item's name.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ..phrasing import to_string
from . import _remark

ID = "no-repeat-item-in-description"
SUMMARY = "a list item's description starts with the item's own name"
SEVERITY = "warning"
FIX = None
OPTIONS: dict = {}

_SEPARATOR = " - "
_WORD_BOUNDARY = re.compile(r"[\s.,!?:-]")


def _main_link(nodes):
    for index, node in enumerate(nodes):
        if node.type != "link":
            continue
        following = next((n for n in nodes[index + 1 :] if n.type != "text" or n.value.strip()), None)
        badge = any(child.type == "image" for child in node.children) or (
            following is not None and following.type == "link"
        )
        if not badge:
            return index
    return -1


def _description(nodes) -> str:
    for index, node in enumerate(nodes):
        if node.type == "text" and _SEPARATOR in node.value:
            after = _SEPARATOR.join(node.value.split(_SEPARATOR)[1:])
            return (after + "".join(to_string(n) for n in nodes[index + 1 :])).strip()
        formatting = node.type in ("emphasis", "strong", "inlineCode")
        if not formatting and not (node.type == "text" and not node.value.strip()):
            return ""
    return ""


def check(ctx):
    for index in range(len(ctx.doc.items)):
        nodes = _remark.item_nodes(ctx, index)
        main = _main_link(nodes)
        if main < 0:
            continue
        link = nodes[main]
        name = to_string(link)
        if not name:
            continue
        description = _description(nodes[main + 1 :])
        if not description or not description.lower().startswith(name.lower()):
            continue
        rest = description[len(name) :]
        if not rest or _WORD_BOUNDARY.match(rest):
            yield Diagnostic(
                link.start,
                link.end,
                f'List item description should not start with the item name "{name}"',
            )
