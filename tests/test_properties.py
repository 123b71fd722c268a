"""Property tests: generated Markdown lists keep the sweep's invariants (tests/invariants.py).

The generator writes lists the way people do, and the ways they get them wrong: headings, nested items with
any marker, tables, code fences, HTML comments, reference definitions; text in CJK, emoji (with skin tones
and ZWJ sequences), right-to-left scripts, combining marks and tabs; links as ``[a](b)``, ``<url>``,
``[a][ref]``, with titles and with parentheses in their URLs; venue tags, paper labels, typos, repeated
punctuation and stray blank lines, so that rules have something to fix. Each document is also tried with
CRLF line endings and a BOM.

The runs are derandomized and bounded (``EXAMPLES`` per property), so CI sees the same examples every
time; set ``AWESOME_LINT_EXAMPLES`` to explore more. Every failure hypothesis found and shrank is kept
below as an explicit regression test.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.source import Source
from invariants import check_fix_run, check_positions, comparable, findings_json, fix_run, to_crlf

EXAMPLES = int(os.environ.get("AWESOME_LINT_EXAMPLES", "200"))
PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PRESETS = ("paper-list", "awesome")

# ------------------------------------------------------------------------------------------- pieces

WORDS = [
    "paper",
    "Learning",
    "talking",
    "head",
    "synthesis",
    "video",
    "Neural",
    "fields",
    "for",
    "the",
    "and",
    "papres",
    "recieve",
    "Javascript",
    "github",
    "teh",  # misspellings some rule may fix
    "深度学习",
    "说话人头像",
    "生成",  # CJK
    "🚀",
    "👍🏽",
    "👨‍👩‍👧",
    "⭐",  # emoji, a skin tone, a ZWJ sequence
    "مرحبا",
    "שלום",
    "\u200fRTL\u200f",  # right-to-left scripts and marks
    "e\u0301te\u0301",
    "n\u0303o",
    "Å",  # combining marks
    "a\tb",
    "!!",
    "??",
    ",,",
    "...",
    "—",
    "&amp;",
    "\\*",
    "`code`",
    "**bold**",
    "*it*",
    "_u_",
    "~~old~~",
    "(CVPR 2019)",
    "[CVPR 2019]",
    "[NeurIPS2022]",
    "[ICCV'21]",
    "(arXiv 2023)",
    "2020",
]
URLS = [
    "https://arxiv.org/abs/2004.01234",
    "https://arxiv.org/pdf/2004.01234.pdf",
    "http://github.com/user/repo",
    "https://github.com/user/repo",
    "https://en.wikipedia.org/wiki/Talking_(film)",
    "https://example.com/a_(b)_c",
    "https://www.google.com/url?q=https%3A%2F%2Fexample.org%2Fp&sa=D",
    "https://example.com/path?x=1&y=2#frag",
    "https://例え.jp/パス",
    "#contents",
    "./docs/file.md",
]
LABELS = ["Paper", "Code", "ProjectPage", "Project Page", "PorjectPage", "Video", "Dataset", "paper", "Cod"]


def _word():
    return st.sampled_from(WORDS)


@st.composite
def _link(draw) -> tuple[str, str | None]:
    """A link in one of its forms, and the reference definition it needs (or None)."""
    url = draw(st.sampled_from(URLS))
    label = draw(st.one_of(st.sampled_from(LABELS), _word()))
    form = draw(st.sampled_from(["inline", "title", "angle", "autolink", "reference", "collapsed", "image"]))
    if form == "inline":
        return f"[{label}]({url})", None
    if form == "title":
        return f'[{label}]({url} "A {label} title")', None
    if form == "angle":
        return f"[{label}](<{url}>)", None
    if form == "autolink":
        return (f"<{url}>" if url.startswith("http") else f"[{label}]({url})"), None
    if form == "image":
        return f"![{label}]({url})", None
    ref = draw(st.sampled_from(["ref", "Ref 1", "paper-2"]))
    definition = f"[{ref}]: {url}"
    return (f"[{label}][{ref}]" if form == "reference" else f"[{ref}][]"), definition


@st.composite
def _inline(draw, definitions: list[str]) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            link, definition = draw(_link())
            parts.append(link)
            if definition:
                definitions.append(definition)
        else:
            parts.append(draw(_word()))
    separator = draw(st.sampled_from([" ", "  ", " - ", ". ", ", ", " | "]))
    return separator.join(parts)


@st.composite
def _entry(draw, definitions: list[str]) -> str:
    """An item's text: paper-list style, awesome style, or free text."""
    style = draw(st.sampled_from(["paper", "awesome", "free", "empty", "task"]))
    if style == "paper":
        title = " ".join(draw(st.lists(_word(), min_size=1, max_size=5)))
        venue = draw(st.sampled_from(["[CVPR 2019]", "(ECCV 2020)", "[NeurIPS2022]", "**ICCV 2021**", ""]))
        links = "  ".join(draw(_link())[0] for _ in range(draw(st.integers(0, 3))))
        return f"{title}. {venue} {links}".rstrip()
    if style == "awesome":
        link, definition = draw(_link())
        if definition:
            definitions.append(definition)
        return f"{link} - {draw(_inline(definitions))}"
    if style == "empty":
        return draw(st.sampled_from(["", " ", "[ ]", "[x] "]))
    if style == "task":
        return f"[{draw(st.sampled_from([' ', 'x', 'X']))}] {draw(_inline(definitions))}"
    return draw(_inline(definitions))


@st.composite
def _list_block(draw, definitions: list[str]) -> str:
    lines = []
    marker = draw(st.sampled_from(["-", "*", "+", "1.", "1)"]))
    depth = 0
    for _ in range(draw(st.integers(1, 8))):
        depth = draw(st.integers(0, min(depth + 1, 3)))
        indent = draw(st.sampled_from(["  ", "   ", "    ", "\t"])) * depth
        item_marker = draw(st.sampled_from([marker, marker, "-", "*"]))
        text = draw(_entry(definitions))
        lines.append(f"{indent}{item_marker} {text}".rstrip(" ") or "-")
        if draw(st.integers(0, 6)) == 0:
            lines.append(f"{indent}  {draw(_inline(definitions))}")  # a continuation line
    return "\n".join(lines)


@st.composite
def _table(draw, definitions: list[str]) -> str:
    columns = draw(st.integers(1, 4))
    header = "| " + " | ".join(
        draw(st.sampled_from(["Title", "Venue", "Year", "Code", "名前"])) for _ in range(columns)
    )
    align = "|" + "|".join(draw(st.sampled_from(["---", ":--", "--:", ":-:", " --- "])) for _ in range(columns)) + "|"
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        cells = [draw(_inline(definitions)).replace("|", "\\|") for _ in range(draw(st.integers(1, columns + 1)))]
        rows.append("| " + " | ".join(cells) + draw(st.sampled_from([" |", "", "|"])))
    return "\n".join([header + " |", align, *rows])


@st.composite
def _block(draw, definitions: list[str]) -> str:
    kind = draw(st.sampled_from(["heading", "list", "list", "list", "table", "code", "comment", "paragraph", "quote"]))
    if kind == "heading":
        hashes = "#" * draw(st.integers(1, 4))
        return f"{hashes} {draw(_inline(definitions)) or 'Section'}{draw(st.sampled_from(['', ' #', '!!', ':']))}"
    if kind == "list":
        return draw(_list_block(definitions))
    if kind == "table":
        return draw(_table(definitions))
    if kind == "code":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        body = draw(_list_block([]))  # Markdown inside code must be left alone
        return f"{fence}{draw(st.sampled_from(['', 'python', 'md']))}\n{body}\n{fence}"
    if kind == "comment":
        inner = draw(st.sampled_from(["", " awesome-lint disable typo ", " lint ignore ", "\n- [x](y)\n"]))
        return f"<!--{inner}-->"
    if kind == "quote":
        return "> " + draw(_inline(definitions))
    return draw(_inline(definitions)) or "Text."


@st.composite
def markdown_lists(draw) -> Source:
    """A whole generated list, with its line endings, BOM and final newline chosen too."""
    definitions: list[str] = []
    blocks = [f"# {draw(st.sampled_from(['Awesome Talking Heads', 'awesome list', 'Papers 论文']))}"]
    for _ in range(draw(st.integers(1, 6))):
        blocks.append(draw(_block(definitions)))
    blocks.extend(sorted(set(definitions)))
    gaps = [draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n"])) for _ in blocks]
    text = "".join(block + gap for block, gap in zip(blocks, gaps, strict=True))
    if draw(st.booleans()):
        text = text.rstrip("\n")  # no final newline
    return Source("generated.md", text, bom=draw(st.integers(0, 5)) == 0)


# ---------------------------------------------------------------------------------------- properties


def check_document(source: Source, preset: str) -> None:
    """The sweep's checks on one document: positions, the fix invariants, and the CRLF twin."""
    run = fix_run(source, preset)
    first = run.passes[0]
    findings = findings_json(first.doc, first.diagnostics)
    check_positions(source.text, findings)
    check_fix_run(run)
    assert not [d for d in run.passes[-1].diagnostics if d.fix and d.fix.edits]

    crlf = Source(source.path, to_crlf(source.text), source.bom)
    crlf_run = fix_run(crlf, preset)
    crlf_findings = findings_json(crlf_run.passes[0].doc, crlf_run.passes[0].diagnostics)
    check_positions(crlf.text, crlf_findings)
    assert comparable(crlf_findings) == comparable(findings)
    assert crlf_run.text == to_crlf(run.text)


@pytest.mark.parametrize("preset", PRESETS)
@PROPERTY_SETTINGS
@given(source=markdown_lists())
def test_generated_lists_keep_every_invariant(preset, source):
    check_document(source, preset)


# ---------------------------------------------------------------------------- shrunk failures, kept

# name -> (text, BOM), as hypothesis shrank it; the comment says what went wrong and where it was fixed.
REGRESSIONS: dict[str, tuple[str, bool]] = {
    # One http:// reference definition used by two links: insecure-link's one fix changes two links, and
    # the fixer's verifier (fix.verify) counted links, not URLs, so it refused to write every fix.
    "shared-definition-rewritten": (
        "# Awesome Talking Heads\n\n# [Paper][ref]\n\n| Title |\n|---|\n| [Paper][ref] |\n\n"
        "[ref]: http://github.com/user/repo\n\n[ref]: https://arxiv.org/abs/2004.01234\n\n",
        True,
    ),
    # An empty item's line removed (empty-item's fix) joined the lines around it: the definition below became
    # a row of the table above (one entry more) or a lazy continuation of the item above (its text changed),
    # and a "-" under a table row is a setext underline to mistune, whose view the verifier checks. Fixed in
    # rules/_remark.empty_item_removal: no removal between such lines.
    "empty-item-joins-table-and-definition": (
        "# Awesome Talking Heads\n\n| Title |\n|---|\n| [Paper](https://arxiv.org/abs/2004.01234) [Paper][ref] "
        "paper paper paper paper |\n-\n[ref]: https://arxiv.org/abs/2004.01234\n\n",
        True,
    ),
    "empty-item-joins-item-and-definition": (
        "# Awesome Talking Heads\n\n- [Paper][ref] -\n-\n[ref]: https://arxiv.org/abs/2004.01234\n\n",
        True,
    ),
    # A reference used only inside a block quote: no-unused-definitions did not see it (the phrasing nodes
    # leave block quotes out) and its unsafe fix deleted the definition, losing the link. Fixed in the rule.
    "definition-used-in-quote": (
        "# Awesome Talking Heads\n\n> [Paper][ref]\n\n[ref]: https://arxiv.org/abs/2004.01234\n\n",
        True,
    ),
    # "-\n\n  - paper": removing the empty item made the indented item below a child of the item above (an
    # entry lost). Fixed in rules/_remark.empty_item_removal.
    "empty-item-before-indented-item": (
        "# Awesome Talking Heads\n\n- paper. [CVPR 2019]\n  \n-\n\n  - paper. [CVPR 2019]\n    \n\n",
        False,
    ),
    # An item whose text is underlined by "  -" holds a setext heading, not a paragraph: the block scanner
    # still gave it a paragraph, so it was an entry and empty-item called "- # H" and "- ```" empty.
    # Fixed in blocks.setext (the item's text_end) and in empty-item.
    "setext-heading-in-item": ("# Awesome Talking Heads\n\n- paper. [CVPR 2019]\n  -\n\n", False),
    "setext-heading-in-item-with-venue": (
        "# Awesome Talking Heads\n\n- paper. [CVPR 2019]\n  \n- paper. (ECCV 2020)\n  -\n\n",
        False,
    ),
    # The same "-" under a table with a short row: table-cell-padding's fix pads the row. mistune's table
    # plugin reads no table when a row is short, but a paragraph, and the "-" makes it a setext heading, so the
    # verifier saw that heading change and refused (safe, but a false refusal). Fixed in outline.py: a
    # "heading" whose second line is a table's delimiter row is a misread table and is left out.
    "empty-item-under-table-row": (
        "# Awesome Talking Heads\n\n| Title | Title | Title |\n|---|---|---|\n|  |\n-\n\n",
        True,
    ),
    # Nested empty items: each was removed on its own, judged on the original text; removed together they
    # lost more items than they removed (the verifier refused), or were removed one level per pass (4
    # passes), or removing an empty item's first nested item left it starting with a blank line, which ends
    # it, so the item below moved out and became an entry. Fixed in rules/_empty_items.py: empty items
    # nested in an empty item go with it as one block, and an empty item's first line is not removed when a
    # blank line or another empty item would take its place; fix.verify counts the items the removal spans.
    "nested-empty-items-removed-together": (
        "# Awesome Talking Heads\n\n-\n  -\n    \n  -\n   -\n    -\n      -\n\n",
        False,
    ),
    "nested-empty-items-cascade": ("# Awesome Talking Heads\n\n-\n  \n-\n-\n  -\n    -\n\n", False),
    "nested-empty-item-makes-an-entry": (
        "# Awesome Talking Heads\n\n-\n  -\n    \n  - paper. [CVPR 2019]\n    \n\n",
        False,
    ),
    "nested-empty-siblings-open-their-parent": (
        "# Awesome Talking Heads\n\n-\n  -\n  -\n\n  - paper. [CVPR 2019]\n",
        False,
    ),
    # "  1." between "1. paper" and "   1. paper": the next item, indented deeper than the empty one but not
    # under it, moved under the item above once the empty one was removed (an entry lost). Fixed in
    # rules/_empty_items.py: no removal when the next non-blank line is indented deeper, blank lines or not.
    "empty-item-before-deeper-sibling": (
        "# Awesome Talking Heads\n\n# Section\n\n1. paper. [CVPR 2019]\n  1.\n   1. paper. [CVPR 2019]\n     \n\n",
        True,
    ),
    # "  -" then "-" after an indented code block: two empty items to CommonMark, a setext heading "-" to
    # mistune, so removing them "changed a heading" and the verifier refused. Fixed in outline.py: mistune's
    # indented code took the next line's indentation, so "-" was read from mid-line; the code now ends at a
    # line's start.
    "empty-items-read-as-a-heading": ("# Awesome Talking Heads\n\n    - paper. [CVPR 2019]\n  -\n-\n\n", True),
    # Empty items removed over two passes (the "-" after "- [ ]" goes in the second): the verifier counted the
    # later pass's removal edits against the original's item offsets and refused. Fixed in fix.py: the fixer
    # counts the items each pass removes on that pass's document (FixResult.removed_items).
    "empty-items-removed-over-two-passes": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n-\n- [Paper](https://arxiv.org/abs/2004.01234) - "
        "[Paper][ref]\n\n- paper. [CVPR 2019]\n  \n- [ ]\n-\n[ref]: https://arxiv.org/abs/2004.01234\n\n",
        False,
    ),
    # The same after an indented code block, with "  - paper" over the "-": mistune reads a heading
    # "- paper. [CVPR 2019]". Fixed in outline.py, as above.
    "list-item-read-as-a-heading": (
        "# Awesome Talking Heads\n\n    - paper. [CVPR 2019]\n    -\n      \n  - paper. [CVPR 2019]\n-\n  \n\n",
        False,
    ),
    # "  - [ ]" between an item's paragraph and "  -": removed, the bare "-" came right under the paragraph,
    # which an empty item cannot interrupt: it became a setext underline, the entry a heading. Fixed in
    # rules/_empty_items.py: under a paragraph, the next line must be an item that can interrupt one.
    "empty-item-leaves-a-dash-under-a-paragraph": (
        "# Awesome Talking Heads\n\n- paper. [CVPR 2019]\n  paper\n  - [ ]\n  -\n    paper\n\n",
        False,
    ),
    # no-repeat-punctuation read "[,](url)," as two commas in a row (the link's text, then the text after
    # it) and its fix deleted from the first comma to the second: the link with it. Fixed in the rule: only
    # marks side by side in the source, in one text node, are fixed ("!![a](b)": the third "!" is an image's).
    "repeated-commas-as-link-label": (
        "# Awesome Talking Heads\n\n# [Paper](https://example.com/a_(b)_c) [Paper](https://arxiv.org/abs/2004.01234) "
        "[Paper](https://en.wikipedia.org/wiki/Talking_(film))\n\n- paper. [CVPR 2019]\n"
        "  [,,](https://arxiv.org/abs/2004.01234), paper, paper\n\n",
        False,
    ),
    "repeated-marks-before-an-image": ("# Awesome Talking Heads\n\nWow!!![a](https://example.com/a.png)\n", False),
    # A paragraph over CRLF lines: the text node's value has "\n" where the source has "\r\n", so
    # no-repeat-punctuation took the node for an escaped one and reported "!!" at the paragraph's start, not
    # where it is. Fixed in the rule: a CRLF counts as the value's one "\n" when mapping offsets.
    "crlf-changes-findings": (
        "# Awesome Talking Heads\n\n<!---->\n\n# Section\n\n- !!. [CVPR 2019]\n| Title |\n|---|\n\n"
        "# Section\n\n# Section\n\n",
        False,
    ),
    # title-format added the list's closing period to the title "[ref][]", a collapsed reference whose label
    # is also its reference: "[ref.][]" matched no definition and the link was lost (the verifier refused).
    # Fixed in the rule: a title that is a collapsed or shortcut reference's label is reported, not fixed.
    "title-period-in-collapsed-reference": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n# Section\n\n# Section\n\n- paper. [CVPR 2019]\n"
        "- paper. [CVPR 2019]\n  \n-\n-\n- paper. [CVPR 2019]\n- paper. [CVPR 2019]\n- [ref][] -\n  \n\n"
        "[ref]: https://arxiv.org/abs/2004.01234\n\n",
        True,
    ),
    # mistune ends a link's URL at its first ")", so in "[Paper](https://x/Talking_(film) \"A title\")" in a
    # heading the title was heading text to it: link-title-style's requoting changed that "heading", and
    # the verifier refused. Fixed in outline.py: the link reads its whole destination, as CommonMark does.
    "title-quotes-after-parenthesised-url": (
        '# Awesome Talking Heads\n\n# [Paper](https://en.wikipedia.org/wiki/Talking_(film) "A Paper title")\n\n',
        False,
    ),
    # A definition written under a table is a row to GFM, which table-pipes put between pipes; to mistune the
    # table ends above it, so the verifier saw the definition's link lost and refused every fix of the file.
    # Fixed in rules/_table.read_otherwise: such a row, and its table, are reported, not fixed.
    "definition-under-a-table": (
        "# Awesome Talking Heads\n\n| Title |\n|---|\n| [Paper][ref] |\n[ref]: https://arxiv.org/abs/2004.01234\n"
        "\n- [Code](http://github.com/user/repo)\n",
        False,
    ),
    # A quote's lazy line is paragraph text only because, outside the quote, it starts no block: a tab is 4
    # columns there (indented code, which cannot interrupt a paragraph) but 2 after "> ", where "- paper" is a
    # list item; a table cannot start lazily. no-blockquote-without-marker's added ">" made an item (0 items
    # became 1) and a table (0 entries became 1). Fixed in the rule: no fix when the line would start a block.
    "quote-marker-makes-a-list-item": ("# Awesome Talking Heads\n\n> paper\n\t- paper. [CVPR 2019]\n", False),
    "quote-marker-makes-a-table": (
        "# Awesome Talking Heads\n\n> paper\n| Title |\n|---|\n| [Paper](https://arxiv.org/abs/2004.01234) |\n",
        False,
    ),
    # "   -" then lines indented by four: CommonMark closes the empty item and reads indented code, mistune (the
    # verifier's reader) reads the item's content, half code, half a paragraph with a link; code-block-style's
    # fence looked like losing that link, and the verifier refused. Fixed in the rule: no fence right under an
    # item's line.
    "indented-code-under-an-empty-item": (
        "# Awesome Talking Heads\n\n   -\n    - paper. [CVPR 2019]\n    - paper. [CVPR 2019]\n"
        "    - paper. [CVPR 2019]\n      paper\n"
        "    - paper. [CVPR 2019] [Paper](https://arxiv.org/abs/2004.01234)\n      \n\n",
        True,
    ),
    # After indented code mistune reads "  -" then "        - [..](..)" as a paragraph with links, CommonMark as
    # an empty item holding code: code-block-style's fence, then no-unused-definitions' deletion of "[ref]"
    # (used only in that code), looked like losing links to the verifier. Fixed in both rules: no fence
    # before an indented block; no deletion while "[ref]" is still written somewhere.
    "indented-block-after-indented-code": (
        "           \\*\n  -\n        - [X] — - *it* - [生成][ref] - [Å](https://arxiv.org/pdf/2004.01234.pdf) - "
        "[Paper](#contents)\n\n[ref]: https://arxiv.org/pdf/2004.01234.pdf\n",
        False,
    ),
    # Two unused "[ref]" definitions: remark reports the last; deleting it uncovered the first on the next
    # pass, and with blank-lines and final-newline the fixer took 4 passes. Fixed in no-unused-definitions:
    # one fix deletes every definition of the label.
    "unused-definitions-of-one-label": (
        "# Awesome Talking Heads\n\n# Section\n\n<!---->\n\n# Section\n\n  - paper. [CVPR 2019]\n    \n"
        "  - paper. [CVPR 2019]\n  - paper. [CVPR 2019]\n    \n  - paper. [CVPR 2019]\n   -\n"
        "    - [ ] [Paper][ref] [Paper][ref]\n\n<!---->\n\n<!---->\n\n[ref]: https://arxiv.org/abs/2004.01234\n\n\n"
        "[ref]: https://arxiv.org/pdf/2004.01234.pdf",
        True,
    ),
    # The same definition under a table, whose last row has no closing pipe: mistune ends the table there,
    # table-pipes' closing pipe made it read the row and then a definition, and the verifier saw a link
    # appear. Fixed in table-pipes: no pipe is added in a table that has a row read otherwise.
    "pipe-on-the-row-over-a-definition": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n# Section\n\n| Title | Title | Title |\n|---|---|---|\n"
        "|  |  | [Paper][ref]\n[ref]: https://arxiv.org/abs/2004.01234\n\n",
        True,
    ),
    # "| " (an empty row to GFM) over indented code: mistune ends the table and reads "|" and the code as one
    # paragraph with a link; code-block-style's fence "lost" it. Fixed in the rule: no fence right under a
    # non-blank line.
    "indented-code-under-a-table-row": (
        "# Awesome Talking Heads\n\n| Title |\n|---|\n| \n"
        "    - paper. [CVPR 2019] [Paper](https://arxiv.org/abs/2004.01234)\n\n",
        True,
    ),
    # The same "| " row, then "|  |" and the code: table-cell-padding's realignment put the "| " row between
    # two pipes, so mistune's table went on past it, and the paragraph that had run on into the code (with
    # its link) was gone. Fixed in rules/_table.read_otherwise: a row that ends mistune's table, over a
    # non-blank line under the table, is read otherwise, and its table is not fixed.
    "table-row-that-ends-mistunes-table": (
        "# Awesome Talking Heads\n\n| Title |\n|---|\n| \n|  |\n"
        "    - paper. [CVPR 2019] [Paper](https://arxiv.org/abs/2004.01234)\n\n",
        True,
    ),
    # The rest of a URL mistune cut at its first ")", "_c) |", read as text, opened emphasis up to the "_" of
    # "_u_": emphasis-marker's "*u*" undid it, the old repair could then complete the URL, and the verifier
    # saw "https://example.com/a_(b" lost (awesome, 3,000 examples). Fixed in outline.py: the link reads its
    # whole destination while mistune parses, so the rest of the URL is never text.
    "emphasis-after-a-cut-url": (
        "# Awesome Talking Heads\n\n| Title | Title |\n|---|---|\n| [Paper](https://example.com/a_(b)_c) |\n"
        "| *it* _u_ |\n\n",
        True,
    ),
    # After indented code mistune took the next line's indentation with the code and read "  1. paper" from
    # mid-line, as text; ordered-list-marker-value's renumbering ("  2.") made it read both lines as one
    # paragraph and the indented item below as code: a link "lost". Fixed in outline.py: indented code ends
    # at a line's start. (Minimal document written by hand after the failure the 3,000-example run found.)
    "text-after-indented-code": (
        "# Awesome Talking Heads\n\n    1. paper. [CVPR 2019]\n  1. paper. [CVPR 2019]\n1. paper. [CVPR 2019]\n\n"
        "    - [Paper](https://arxiv.org/abs/2004.01234)\n",
        False,
    ),
    # An empty item "1.", then "  paper" indented less than its content: mistune took the line as the item's
    # lazy continuation, so the item went on to hold the indented code below (a paragraph with a link, to
    # it); code-block-style's fence "lost" the link. Fixed in outline.py: an empty item has no paragraph to
    # continue, and the list ends before such a line, as in CommonMark.
    "lazy-line-after-an-empty-item": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n# Section\n\n# Section\n\n1.\n  paper\n"
        "   1. paper. [CVPR 2019]\n     \n    1. paper. [CVPR 2019] [Paper](https://arxiv.org/abs/2004.01234)\n\n",
        True,
    ),
    # The same when the item holds only an empty item (paper-list, 3,000 examples, once the case above was
    # repaired): no paragraph is open either, so "    - paper" is code, not a lazy line; empty-item's removal
    # of "      -" made mistune read it so, and a link was "lost". Fixed in outline.py, as above.
    "lazy-line-after-a-nested-empty-item": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n   -\n      -\n"
        "    - paper. [CVPR 2019] [Paper](https://arxiv.org/abs/2004.01234)\n\n",
        True,
    ),
    # Under the paragraph that "  paper" is once the list ends, "      " (white space only) was a line of
    # indented code to mistune, which a paragraph takes in: the paragraph ran on over it into the code below,
    # and code-block-style's fence "lost" the code's link. Fixed in outline.py: such a line is blank.
    "white-space-line-under-a-paragraph": (
        "# Awesome Talking Heads\n\n1.\n  paper\n    1. paper. [CVPR 2019]\n      \n"
        "    1. paper. [CVPR 2019] [Paper](https://arxiv.org/abs/2004.01234)\n      \n\n",
        True,
    ),
    # "~~old~~ paper paper" under the empty item "1.": the list ends (no paragraph to continue), and "-" makes
    # the paragraph a heading. The list repair above took "~~" for a fence and kept mistune's reading, where
    # no heading is; heading-style's "## " made one "appear". Fixed in outline.py: a fence is 3 "~" or "`".
    "strikethrough-under-an-empty-item": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n# Section\n\n# Section\n\n1.\n  ~~old~~ paper paper\n"
        "-\n\n",
        True,
    ),
    # "    -" under the nested "- [ ]": lazy paragraph text to CommonMark (a lazy line is never a setext
    # underline), a heading "[ ]" to mistune; empty-item's removal of "- [ ]" made the heading "go". Fixed in
    # outline.py: the list ends before a lazy "-" or "===" line.
    "lazy-dash-under-a-nested-item": ("# Awesome Talking Heads\n\n   -\n      - [ ]\n    -\n      \n\n", True),
    # "\t\t-" under "   - [ ]": 8 columns, the item's setext underline to CommonMark; mistune expands only the
    # first tab, read a lazy "-", and saw heading-style's "## [ ]" as a heading that appeared. Fixed in
    # outline.py: indentation is expanded with tab stops of 4 before mistune reads it.
    "tabs-in-an-items-indentation": ("# Awesome Talking Heads\n\n   - [ ]\n\t\t-\n\n", True),
    # "    - [Paper](...)" under the nested "- [ ]" (paper-list, 3,000 examples): indented 4 columns from the
    # document, the only container that takes it, so to CommonMark (commonmark.js, GitHub) it can start no
    # block but code, which cannot interrupt a paragraph: it is lazy text of the paragraph "[ ]", a link.
    # markdown-it (and the scanner, which followed it) measured its indentation from the outer item's content,
    # read a list item that ends the paragraph, then code: empty-item offered to remove "- [ ]", after which
    # every parser reads code, and the fixer refused to write. Fixed in blocks.py: such a line is lazy text.
    "lazy-item-line-under-a-task-item": (
        "# Awesome Talking Heads\n\n   -\n      - [ ]\n    - [Paper](https://arxiv.org/abs/2004.01234) -\n      \n\n",
        True,
    ),
    # "| " under a table, then "*" and "-" (paper-list, 3,000 examples): to GFM a row of the table and two empty
    # items, which empty-item removes; mistune ends its table at a row with no closing pipe and reads "| " and
    # "*" as a paragraph that "-" underlines, a heading that "went" with the items: the verifier refused. Fixed
    # in outline.py: a "heading" whose first line starts with "|", right under a table, is left out.
    "row-and-empty-items-under-a-table": ("# Awesome Talking Heads\n\n| Title |\n|---|\n| \n*\n-\n", False),
    # Renumbering an empty item won over removing it, a pass each time: 4 changing passes (the limit is 3).
    "renumbered-before-removed": (
        "# Awesome Talking Heads\n\n# Section\n\n# Section\n\n# Section\n\n1. paper. [CVPR 2019]\n-\n"
        "1. paper. [CVPR 2019]\n  \n1. paper. [CVPR 2019]\n  \n1. paper. [CVPR 2019]\n  \n1.\n\n",
        True,
    ),
}


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize(("text", "bom"), list(REGRESSIONS.values()), ids=list(REGRESSIONS))
def test_regression(text, bom, preset):
    check_document(Source("regression.md", text, bom), preset)
