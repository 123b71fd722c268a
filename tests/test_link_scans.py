"""The links of a span are scanned once per document: the entry extractor, the phrasing parser of the awesome
rules and ``typo`` share ``Document.links_in``. Counted, never timed."""

from __future__ import annotations

from collections import Counter

import pytest

from awesome_lint import document, entries, inline, phrasing
from awesome_lint.config import Config, resolve_rules
from awesome_lint.document import Document, trimmed_span
from awesome_lint.linter import lint_document
from awesome_lint.rules import _remark
from awesome_lint.source import Source
from conftest import CORPUS

# Items with links, a nested list, a table, paragraph entries, references, a bare URL and a code span.
SAMPLE = """\
# Awesome Sample

- [Alpha](https://example.com/alpha) - A library. [CVPR 2019]
- **Beta: a paper** [[Paper]](https://arxiv.org/abs/1901.00001) [[Code][code]]
  - [Gamma](https://example.com/gamma) - Nested, see https://example.com/docs.
- `code [not](a link)` and <https://example.com/auto>

| Title | Venue |
|---|---|
| [Delta](https://example.com/delta) | ICCV 2021 |

## Papers

**Epsilon: a paper** \\
*A. Author, B. Author*<br>
[[Paper](https://arxiv.org/abs/2001.00001)]

**Zeta: another paper** \\
*C. Author*<br>
[[ICLR 2024](https://arxiv.org/abs/2002.00002)]

[code]: https://github.com/user/beta
"""


@pytest.fixture
def scans(monkeypatch) -> Counter:
    """Every call of ``inline.scan_links``, by the (trimmed) span it scanned, whichever module made it."""
    made: Counter = Counter()
    real = inline.scan_links

    def counting(text, start=0, end=None, definitions=None):
        made[trimmed_span(text, start, len(text) if end is None else end)] += 1
        return real(text, start, end, definitions)

    for module in (inline, document, entries, phrasing):
        if hasattr(module, "scan_links"):
            monkeypatch.setattr(module, "scan_links", counting)
    return made


def _lint(text: str, preset: str) -> Document:
    doc = Document(Source("README.md", text))
    config = Config()
    lint_document(doc, config, preset, resolve_rules(config, preset))
    return doc


def _item_spans(doc: Document) -> list[tuple[int, int]]:
    spans = [trimmed_span(doc.text, item.content_start, item.text_end) for item in doc.items]
    return [(start, end) for start, end in spans if start < end]


@pytest.mark.parametrize("preset", ["awesome", "paper-list"])
def test_each_item_is_scanned_for_links_once_per_lint(scans, preset):
    doc = _lint(SAMPLE, preset)
    items = _item_spans(doc)
    assert len(items) == 4 and doc.entries
    assert [scans[span] for span in items] == [1] * len(items)
    assert max(scans.values()) == 1  # no span, item or other, is scanned twice


def test_the_phrasing_parse_reads_the_links_the_entries_found(scans):
    doc = Document(Source("README.md", SAMPLE))
    found = {id(link) for entry in doc.entries for link in entry.links}
    before = sum(scans.values())
    ctx = type("Ctx", (), {"doc": doc, "shared": {}})()
    links = [node for index in range(len(doc.items)) for node in _remark.walk(_remark.item_nodes(ctx, index))]
    assert sum(scans.values()) == before  # every item's links were scanned by the extractor already
    assert [node.url for node in links if node.type == "link"][:2] == [
        "https://example.com/alpha",
        "https://arxiv.org/abs/1901.00001",
    ]
    first_item = doc.links_in(doc.items[0].content_start, doc.items[0].text_end)
    assert {id(link) for link in first_item} <= found  # the very Link objects of the entry


def test_white_space_around_a_span_gives_the_same_scan():
    """``links_in`` keys the span without the white space at its ends: scanning it with or without that
    white space gives equal links (CommonMark: no link, and no bare URL's start, depends on it)."""
    text = "x  \n [a](https://a.example/) https://b.example/x) [c][c] `[d](e)`  \n\n[c]: https://c.example/\n"
    doc = Document(Source("README.md", text))
    start, end = 1, text.index("\n\n") + 1
    shared = doc.links_in(start, end)
    assert shared is doc.links_in(*trimmed_span(text, start, end))  # one scan, one list
    assert shared == inline.scan_links(text, start, end, doc.definitions)
    assert [link.kind for link in shared] == ["inline", "bare", "reference"]


@pytest.mark.parametrize("name", ["avelino__awesome-go.md", "awesome-selfhosted__awesome-selfhosted.md"])
def test_a_corpus_list_scans_each_item_once_with_the_awesome_preset(scans, name):
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file not found: {path}")
    doc = _lint(path.read_text(encoding="utf-8"), "awesome")
    items = _item_spans(doc)
    assert len(items) > 500
    assert max(scans.values()) == 1  # items, cells, headings, paragraphs: each span once
    # The other spans scanned: table cells, headings, paragraphs outside items, and (once each) titles in bold.
    assert sum(scans.values()) - len(items) < len(doc.items) // 2 + 10 * len(doc.rows) + 2 * len(doc.lines) // 3
