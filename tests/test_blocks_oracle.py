"""The block scanner against markdown-it-py, the test oracle.

For every list in the corpus (and the seed example), the list items, headings and table rows the scanner finds
start on exactly the lines where markdown-it-py's CommonMark parser (with GFM tables) opens them. markdown-it does
not parse Markdown inside HTML blocks, and neither does the scanner, so items inside ``<details>`` without a blank
line are not items for either.

A second test does the same on generated snippets that mix the constructs awesome lists are made of, nested in
every way, to cover corners the corpus does not reach. (There only start lines are compared: a bare ">" that opens
an empty block quote at the end of an item counts as the item's content for the scanner, as a blank line for the
end of markdown-it's map.)
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from awesome_lint.document import Document
from awesome_lint.source import decode

markdown_it = pytest.importorskip("markdown_it")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "examples" / "awesome-talking-head.md"

_MD = markdown_it.MarkdownIt("commonmark").enable("table")
_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_BLANKISH = re.compile(r"[ \t>]*\Z")  # a blank line, or one holding only block quote markers


def _paths() -> list:
    params = [pytest.param(SEED, id=SEED.name)]
    if CORPUS.is_dir():
        params += [pytest.param(path, id=path.name, marks=pytest.mark.corpus) for path in sorted(CORPUS.glob("*.md"))]
    else:
        params.append(
            pytest.param(None, id="corpus", marks=pytest.mark.skip(reason=f"corpus folder {CORPUS} is absent"))
        )
    return params


def _ours(text: str) -> dict[str, list]:
    blocks = Document(decode(text.encode("utf-8"), "x.md")).blocks
    return {
        "items": [item.line for item in blocks.items],
        "item ends": [(item.line, item.end_line) for item in blocks.items],
        "headings": [heading.line for heading in blocks.headings],
        "rows": [row.line for row in blocks.rows],
    }


def _theirs(text: str) -> dict[str, list]:
    tokens = _MD.parse(text)
    lines = _LINE_BREAK.split(text)

    def last_line(mapping: list[int]) -> int:
        # markdown-it's map ends after an item's trailing blank lines; ours stops at its last non-blank line.
        end = mapping[1] - 1
        while end > mapping[0] and _BLANKISH.match(lines[end]):
            end -= 1
        return end + 1

    items = [token for token in tokens if token.type == "list_item_open"]
    return {
        "items": [token.map[0] + 1 for token in items],
        "item ends": [(token.map[0] + 1, last_line(token.map)) for token in items],
        "headings": [token.map[0] + 1 for token in tokens if token.type == "heading_open"],
        "rows": [token.map[0] + 1 for token in tokens if token.type == "tr_open"],
    }


def _difference(ours: list, theirs: list) -> str:
    only_ours = sorted(set(ours) - set(theirs))[:10]
    only_theirs = sorted(set(theirs) - set(ours))[:10]
    return f"{len(ours)} vs {len(theirs)}; only ours: {only_ours}; only markdown-it: {only_theirs}"


@pytest.mark.parametrize("path", _paths())
def test_blocks_start_where_markdown_it_says(path: Path) -> None:
    text = decode(path.read_bytes(), str(path)).text  # the BOM removed, as Document gets it
    ours, theirs = _ours(text), _theirs(text)
    for kind in ("items", "headings", "rows"):
        assert ours[kind] == theirs[kind], f"{path.name}: {kind} differ: {_difference(ours[kind], theirs[kind])}"
    assert ours["item ends"] == theirs["item ends"], f"{path.name}: item end lines differ"


@pytest.mark.parametrize("path", _paths())
def test_crlf_gives_the_same_lines(path: Path) -> None:
    text = decode(path.read_bytes(), str(path)).text.replace("\r\n", "\n")
    lf, crlf = _ours(text), _ours(text.replace("\n", "\r\n"))
    assert lf == crlf


# Generated snippets: container prefixes (indentation, quotes, list markers, tabs) and line contents.
_PREFIXES = [
    "", "", "", " ", "  ", "   ", "    ", "      ", "> ", ">", "> > ", "  > ", "- ", "* ", "1. ", "2) ", "- - ",
    "  - ", "    - ", "   1. ", "-   ", "-     ", "> - ", "- > ", "10. ", "\t", " \t", "-\t", "\t- ",
]  # fmt: skip
_CONTENTS = [
    "text", "foo | bar", "| a | b |", "|---|---|", "--- | ---", "|:--|--:|", "-|-", "| x |", "a|b|c", "|-|-|-|",
    "---", "===", "***", "- - -", "# Head", "## Head ##", "#", "```", "```py", "~~~", "````", "<div>", "</div>",
    "<!-- c -->", "<!--", "-->", "<details>", "<summary>x</summary>", '<p align="center">', '<a href="x">',
    "<img src=x>", "[ ] task", "[x] done", "[a]: http://x", "[a]: http://x 'title'", "", "", "", "   ",
    "`a|b` | c", "a \\| b | c", "<br>", "1. item", "- item", "* item", "+ item", "> quote", "2. two",
]  # fmt: skip
# markdown-it loses the column of a tab that follows a nested ">" (it keeps one tab offset per line), so the
# snippets where a tab comes after a ">" are left out: there the scanner follows CommonMark.
_TAB_AFTER_QUOTE = re.compile(r">[^\n]*\t")


def _snippets(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    snippets = []
    while len(snippets) < count:
        lines = []
        for _ in range(rng.randint(1, 14)):
            prefix = "".join(rng.choice(_PREFIXES) for _ in range(rng.choice([0, 1, 1, 1, 2, 3])))
            lines.append(prefix + rng.choice(_CONTENTS))
        text = "\n".join(lines) + rng.choice(["", "\n"])
        if not _TAB_AFTER_QUOTE.search(text):
            snippets.append(text)
    return snippets


@pytest.mark.parametrize("seed", range(4))
def test_generated_snippets_match_markdown_it(seed: int) -> None:
    mismatches = []
    for text in _snippets(seed, 1500):
        try:
            theirs = _theirs(text)
        except IndexError:
            continue  # markdown-it-py itself fails on a few of these
        ours = _ours(text)
        if any(ours[kind] != theirs[kind] for kind in ("items", "headings", "rows")):
            mismatches.append(text)
    assert not mismatches, f"{len(mismatches)} snippets differ, the shortest: {min(mismatches, key=len)!r}"
