"""inline.scan_links: exact offsets for every kind of link, and agreement with mistune and markdown-it."""

from __future__ import annotations

import collections
import functools
import random
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from awesome_lint.document import normalize_label
from awesome_lint.inline import Link, scan_links

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@dataclass
class Definition:  # the fields of blocks.Definition that scan_links reads
    label: str
    url: str
    start: int
    end: int
    line: int = 1


def one(text: str, **kwargs) -> Link:
    links = scan_links(text, **kwargs)
    assert len(links) == 1, links
    return links[0]


def spans(text: str, link: Link) -> tuple[str, str, str]:
    """The text of the whole link, its label and its URL, cut from ``text`` by the link's offsets."""
    return text[link.start : link.end], text[link.label_start : link.label_end], text[link.url_start : link.url_end]


# ---------------------------------------------------------------------------------------------- inline links


def test_inline_link_offsets():
    text = "- Title. [CVPR 2019]  [Paper](http://arxiv.org/abs/1906.06337)  [Code](https://github.com/a/b)"
    paper, code = scan_links(text)
    assert paper == Link("inline", 22, 62, "Paper", 23, 28, "http://arxiv.org/abs/1906.06337", 30, 61)
    assert code.kind == "inline" and code.label == "Code" and code.url == "https://github.com/a/b"
    where = (code.start, code.end, code.label_start, code.label_end, code.url_start, code.url_end)
    assert where == (64, 94, 65, 69, 71, 93)
    assert text[64:94] == "[Code](https://github.com/a/b)"


def test_title_and_angle_destination():
    text = '[a](<b c> "the title")'
    link = one(text)
    assert link.url == "b c" and (link.url_start, link.url_end) == (5, 8)
    assert link.title == "the title" and link.end == len(text)
    assert one("[a](u 'single')").title == "single"
    assert one("[a](u (paren))").title == "paren"


def test_balanced_parentheses_in_url():
    text = "[Bookmark](https://en.wikipedia.org/wiki/Bookmark_(digital)) after"
    link = one(text)
    assert link.url == "https://en.wikipedia.org/wiki/Bookmark_(digital)"
    assert text[link.end :] == " after"
    assert scan_links("[a](b(c)") == []  # unbalanced: not a link


def test_backslash_escapes():
    text = r"\[not a link](x) [a\]b](u\)v)"
    link = one(text)
    assert link.label == r"a\]b" and link.url == r"u\)v"
    assert text[link.start] == "[" and link.start == 17


def test_nested_brackets_in_label():
    text = "[a [b] c](u)"
    assert spans(text, one(text)) == ("[a [b] c](u)", "a [b] c", "u")
    # [[Paper]](url): the inner [Paper] is no link, so the outer brackets are the label.
    text = "[[Paper]](https://a.b)"
    assert one(text).label == "[Paper]"
    # [[Paper](url)]: the inner link wins, the outer brackets are text.
    text = "[[Paper](https://a.b)]"
    link = one(text)
    assert (link.start, link.end, link.label) == (1, 21, "Paper")


def test_image_inside_link_gives_two_links():
    text = "x [![badge](https://img.shields.io/b.svg)](https://github.com/a/b) y"
    outer, image = scan_links(text)
    assert (outer.start, outer.end, outer.image) == (2, 66, False)
    assert outer.label == "![badge](https://img.shields.io/b.svg)" and outer.url == "https://github.com/a/b"
    assert (
        image.image and image.start == 3 and text[image.start : image.end] == "![badge](https://img.shields.io/b.svg)"
    )
    assert (image.label, image.url) == ("badge", "https://img.shields.io/b.svg")


def test_links_do_not_nest():
    # The inner link forms first; the outer brackets can no longer make a link.
    text = "[a [b](c) d](e)"
    assert [(link.label, link.url) for link in scan_links(text)] == [("b", "c")]


def test_link_destination_may_start_on_next_line():
    assert one("[a](\nhttps://x.y)").url == "https://x.y"


# ---------------------------------------------------------------------------------------------- reference links


def test_reference_links_resolve_through_definitions():
    text = "[Paper][p] [P][] [p] [CVPR 2019]\n\n[p]: https://arxiv.org/abs/1 'T'\n"
    d_start = text.index("[p]:")
    definitions = {normalize_label("p"): Definition("p", "https://arxiv.org/abs/1", d_start, len(text) - 1)}
    links = scan_links(text, 0, d_start, definitions)
    assert [(link.kind, link.label, link.ref) for link in links] == [
        ("reference", "Paper", "p"),
        ("reference", "P", "P"),
        ("reference", "p", "p"),
    ]
    full, collapsed, shortcut = links
    assert (full.start, full.end) == (0, 10) and (collapsed.start, collapsed.end) == (11, 16)
    assert (shortcut.start, shortcut.end) == (17, 20)
    url_start = text.index("https://arxiv.org/abs/1")
    for link in links:
        assert link.url == "https://arxiv.org/abs/1"
        assert (link.url_start, link.url_end) == (url_start, url_start + len("https://arxiv.org/abs/1"))


def test_undefined_shortcut_is_not_a_link():
    assert scan_links("Title [CVPR 2019] [arXiv 2018]") == []
    assert scan_links("[foo][bar]", definitions={"foo": Definition("foo", "/f", 0, 0)}) == []


def test_reference_image():
    text = "![Freeware][Freeware Icon]"
    definitions = {normalize_label("freeware icon"): Definition("Freeware Icon", "./icons/f.png", 0, 0)}
    link = one(text, definitions=definitions)
    assert link.image and link.kind == "reference" and link.url == "./icons/f.png" and link.label == "Freeware"


# ---------------------------------------------------------------------------------------------- autolinks


def test_autolinks():
    text = "see <https://example.com/a?b=c> and <me@example.com>."
    web, mail = scan_links(text)
    assert web == Link("autolink", 4, 31, "", 5, 5, "https://example.com/a?b=c", 5, 30)
    assert mail.kind == "autolink" and mail.url == "me@example.com"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("go to https://example.com.", "https://example.com"),
        ("(https://example.com/a_(b)) x", "https://example.com/a_(b)"),
        ("(see https://example.com/a)", "https://example.com/a"),
        ("https://example.com/?q=1&amp; x", "https://example.com/?q=1"),
        ("*https://example.com/x*", "https://example.com/x"),
        ("[Paper: https://arxiv.org/abs/1]", "https://arxiv.org/abs/1"),
        ("Code: https://github.com/a/b, then", "https://github.com/a/b"),
    ],
)
def test_bare_urls(text, url):
    link = one(text)
    assert link.kind == "bare" and link.url == url and text[link.start : link.end] == url
    assert (link.url_start, link.url_end) == (link.start, link.end)


def test_bare_url_needs_a_boundary_and_a_domain():
    assert scan_links("xhttps://example.com") == []
    assert scan_links("http://localhost:8000/") == []
    assert scan_links('<a href="https://example.com">x</a>') == []


def test_bare_url_in_a_label_is_part_of_the_link():
    text = "[https://a.com/x](https://a.com/x)"
    assert [link.kind for link in scan_links(text)] == ["inline"]


def test_bare_url_at_start_of_span():
    text = "|MEAD|https://github.com/uniBruce/Mead|"
    link = one(text, start=6, end=len(text) - 1)
    assert link.kind == "bare" and link.url == "https://github.com/uniBruce/Mead"


# ---------------------------------------------------------------------------------------------- not links


def test_nothing_inside_code_spans():
    assert scan_links("`<https://x.y> https://a.b`") == []
    text = "`[a](b)` ``x ` [c](d) `` [e](f)"
    assert [link.label for link in scan_links(text)] == ["e"]
    assert [link.label for link in scan_links("`unclosed [a](b)")] == ["a"]


def test_nothing_inside_html_comments():
    text = "<!-- [a](b) https://x.y --> [c](d) <!--\n\n[e](f)\n-->"
    assert [link.label for link in scan_links(text)] == ["c"]


def test_nothing_inside_html_tag_attributes():
    text = '<img title="[a](b)" src="x.png"> [c](d)'
    assert [link.label for link in scan_links(text)] == ["c"]


def test_links_do_not_cross_blank_lines():
    assert scan_links("[a\n\n](b)") == []
    assert [link.label for link in scan_links("[a\n](b)")] == ["a\n"]
    assert scan_links("[a](\n\nb)") == []
    assert [link.label for link in scan_links("x\r\n\r\n[a](b)")] == ["a"]


# ---------------------------------------------------------------------------------------------- spans and robustness


def test_offsets_are_into_the_whole_text():
    text = "first line [x](y)\n- [Paper](https://a.b) tail"
    start = text.index("- ")
    link = one(text, start=start, end=len(text))
    assert link.start == text.index("[Paper]") and link.url_start == text.index("https://a.b")


def test_span_end_cuts_links():
    text = "[a](b) [c](d)"
    assert [link.label for link in scan_links(text, 0, 8)] == ["a"]
    assert scan_links(text, 3, 3) == [] and scan_links(text, 5, 2) == [] and scan_links("") == []


def test_never_raises_and_spans_hold():
    alphabet = list("[]()<>!`\\ \n\t\"'*_~-:/.|&;#@ax1") + ["http://", "https://a.b", "<!--", "-->", "](", "![", "\r\n"]
    rng = random.Random(7)
    definitions = {"ref": Definition("ref", "/u", 0, 0), "a": Definition("a", "/a", 0, 0)}
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text) + 2)
        for link in scan_links(text, start, end, definitions):
            assert start <= link.start < link.end <= min(end, len(text))
            assert text[link.label_start : link.label_end] == link.label
            if link.kind != "reference":
                assert text[link.url_start : link.url_end] == link.url


def test_linear_on_hostile_input():
    for text in ("[" * 20000 + "]" * 20000, "`" * 5000 + "x" + "``" * 3000, "[a](" * 20000, "<a " * 20000):
        started = time.perf_counter()
        scan_links(text)
        assert time.perf_counter() - started < 1.0


# ---------------------------------------------------------------------------------------------- corpus oracles


def _corpus_files():
    if not CORPUS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not found at {CORPUS}"))]
    return [pytest.param(p, id=p.name) for p in sorted(CORPUS.glob("*.md")) if p.name != "README.md"]


@functools.cache
def _markdown_it(path: Path):
    """markdown-it's view of a file (the block and inline oracle), parsed once for both tests:
    the spans holding inline content (table rows split into cells), the reference definitions, and the
    multiset of link and image URLs."""
    from markdown_it import MarkdownIt

    text = path.read_text(encoding="utf-8-sig")
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    env: dict = {}
    tokens = MarkdownIt("commonmark").enable("table").parse(text, env)
    definitions = {
        normalize_label(label): Definition(label, ref["href"], 0, 0) for label, ref in env.get("references", {}).items()
    }
    regions, urls, in_table = [], collections.Counter(), False
    for token in tokens:
        for child in token.children or ():
            if child.type == "link_open":
                urls[child.attrs["href"]] += 1
            elif child.type == "image":
                urls[child.attrs["src"]] += 1
        if token.type in ("table_open", "table_close"):
            in_table = token.type == "table_open"
        elif token.type == "inline" and token.map and not in_table:
            regions.append((starts[token.map[0]], starts[token.map[1]]))
        elif token.type == "tr_open" and token.map:
            row_start = starts[token.map[0]]
            row = text[row_start : starts[token.map[1]]].rstrip("\r\n")
            cell_start, i = 0, 0
            while i < len(row):
                if row[i] == "\\":
                    i += 2
                    continue
                if row[i] == "|":
                    regions.append((row_start + cell_start, row_start + i))
                    cell_start = i + 1
                i += 1
            regions.append((row_start + cell_start, row_start + len(row)))
    return text, regions, definitions, urls


def _my_urls(path: Path, normalize) -> collections.Counter:
    text, regions, definitions, _ = _markdown_it(path)
    found = collections.Counter()
    for start, end in regions:
        for link in scan_links(text, start, end, definitions):
            if link.kind == "bare":
                continue
            if link.kind == "reference":
                found[link.url] += 1
            elif link.kind == "autolink" and "@" in link.url and ":" not in link.url:
                found[normalize("mailto:" + link.url)] += 1
            else:
                found[normalize(link.url)] += 1
    return found


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus_files())
def test_corpus_links_match_mistune(path):
    """The number of links and images matches mistune's parse of the whole file.

    URLs are compared as a multiset too, after mistune's own normalisation; mistune cuts a URL at a
    balanced ")" (``Bookmark_(digital)``) and takes ``[x](y`` inside a destination differently from
    CommonMark, so a handful of URLs may differ in spelling, never in number.
    """
    import mistune
    from mistune.helpers import unescape_char
    from mistune.util import escape_url

    text = path.read_text(encoding="utf-8-sig")
    theirs = collections.Counter()

    def walk(tokens):
        for token in tokens:
            if token["type"] in ("link", "image"):
                theirs[token["attrs"]["url"]] += 1
            walk(token.get("children") or ())

    walk(mistune.create_markdown(renderer=None, plugins=["table"])(text))
    mine = _my_urls(path, lambda url: escape_url(unescape_char(url)))
    assert sum(mine.values()) == sum(theirs.values())
    assert sum((mine - theirs).values()) <= 3


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus_files())
def test_corpus_links_match_markdown_it(path):
    """The multiset of link URLs equals markdown-it's (CommonMark's reference behaviour) exactly."""
    from markdown_it.common.normalize_url import normalizeLink
    from mistune.helpers import unescape_char
    from mistune.util import unescape

    theirs = _markdown_it(path)[3]
    mine = _my_urls(path, lambda url: normalizeLink(unescape(unescape_char(url))))
    assert mine == theirs


@pytest.mark.corpus
def test_corpus_scan_is_fast():
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    total = 0.0
    for path in sorted(CORPUS.glob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        started = time.process_time()
        scan_links(text)
        total += time.process_time() - started
    assert total < 1.0, f"{total:.2f} s of CPU for the whole corpus"
