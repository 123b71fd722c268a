"""What a lint and a fix must preserve, checked on any Markdown text (the corpus sweep and the property tests).

The fixer is run through the public API with a lint function that records every pass, so each check can
say which pass and which rule broke it. Link URLs and headings are read with markdown-it-py, a parser
independent of both the product's own block scanner and the mistune parse its verifier uses.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from markdown_it import MarkdownIt

from awesome_lint import config as config_module
from awesome_lint.diagnostics import CHANGES_ORDER, CHANGES_TOC, CHANGES_URLS, SAFE, Diagnostic, Edit
from awesome_lint.document import Document
from awesome_lint.fix import fix_to_fixed_point, items_removed, verify
from awesome_lint.linter import lint_document, to_finding
from awesome_lint.report.json import finding_to_dict
from awesome_lint.source import Source

# Lint passes that change the text before the fixed point (the pass that finds nothing more is not counted).
MAX_CHANGING_PASSES = 3

_EDITOR_LINES = re.compile(r"\r\n|\n|\r")
_ORACLE = MarkdownIt("commonmark").enable("table").enable("strikethrough")


@dataclass
class Pass:
    doc: Document
    diagnostics: list[Diagnostic]
    taken: list[Diagnostic] = field(default_factory=list)  # the diagnostics whose fixes this pass applied


@dataclass
class FixRun:
    """One fix run to the fixed point, pass by pass."""

    source: Source
    preset: str
    passes: list[Pass]
    text: str  # the fixed text

    @property
    def changing_passes(self) -> int:
        return len(self.passes) - 1

    @property
    def applied(self) -> list[Diagnostic]:
        return [d for one in self.passes for d in one.taken]

    def changes(self) -> frozenset[str]:
        return frozenset().union(*(d.fix.changes for d in self.applied))

    def rules(self) -> list[str]:
        return sorted({d.rule for d in self.applied})


def settings_for(preset: str):
    return config_module.resolve_rules(config_module.Config(), preset)


def fix_run(source: Source, preset: str, unsafe: bool = True, settings=None) -> FixRun:
    """Fix ``source`` to its fixed point with the built-in config, recording each lint pass."""
    config = config_module.Config()
    settings = settings if settings is not None else settings_for(preset)
    passes: list[Pass] = []

    def lint(doc: Document) -> list[Diagnostic]:
        diagnostics = lint_document(doc, config, preset, settings)
        passes.append(Pass(doc, diagnostics))
        return diagnostics

    result = fix_to_fixed_point(source, lint, unsafe=unsafe)
    assert result.passes == len(passes)
    applied = {id(d) for d in result.applied}
    for one in passes:
        one.taken = [d for d in one.diagnostics if id(d) in applied]
    return FixRun(source, preset, passes, result.text)


def lint_only(source: Source, preset: str, settings=None) -> tuple[Document, list[Diagnostic]]:
    config = config_module.Config()
    settings = settings if settings is not None else settings_for(preset)
    doc = Document(source)
    return doc, lint_document(doc, config, preset, settings)


# ------------------------------------------------------------------------------------------- findings


def findings_json(doc: Document, diagnostics: list[Diagnostic]) -> list[dict]:
    """The findings as the JSON reporter writes them, parsed back (so they are valid JSON)."""
    text = json.dumps([finding_to_dict(to_finding(doc, d)) for d in diagnostics], ensure_ascii=False)
    return json.loads(text)


def check_positions(text: str, findings: list[dict]) -> None:
    """Every finding, and every edit of its fix, lies inside the file as an editor numbers it."""
    lines = _EDITOR_LINES.split(text)
    for finding in findings:
        assert finding["rule"] != "internal-error", finding["message"]
        spans = [finding] + list((finding["fix"] or {}).get("edits", []))
        for span in spans:
            start = _check_point(lines, span["line"], span["column"], finding)
            end = _check_point(lines, span["end_line"], span["end_column"], finding)
            assert start <= end, f"span ends before it starts: {finding}"


def _check_point(lines: list[str], line: int, column: int, finding: dict) -> tuple[int, int]:
    assert 1 <= line <= len(lines), f"line {line} outside 1..{len(lines)}: {finding}"
    assert 1 <= column <= len(lines[line - 1]) + 1, (
        f"column {column} outside 1..{len(lines[line - 1]) + 1} on line {line}: {finding}"
    )
    return line, column


def comparable(findings: list[dict]) -> list[tuple]:
    """Findings without the parts that depend on the line ending (fix contents carry the EOL)."""
    return [
        (f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["severity"], f["message"])
        for f in findings
    ]


# ------------------------------------------------------------------------------------------ invariants


def check_fix_run(run: FixRun) -> None:
    """Every invariant of a fix run; an AssertionError names the pass and the rules involved.

    The product's verifier reads headings and links with mistune, with its known divergences from
    CommonMark/GFM repaired (outline.py); every other invariant is checked with markdown-it-py.
    """
    assert run.changing_passes <= MAX_CHANGING_PASSES, (
        f"{run.changing_passes} passes changed the text before the fixed point; rules: {run.rules()}"
    )
    for index, one in enumerate(run.passes[:-1]):
        after = run.passes[index + 1].doc
        where = f"pass {index + 1} (rules {sorted({d.rule for d in one.taken})})"
        check_untouched_lines(one.doc.text, after.text, _edits(one.taken), where)
        check_entries(one.doc, after, one.taken, where)
    if run.text == run.source.text:
        return
    before, after = run.passes[0].doc, run.passes[-1].doc
    removed_items = sum(items_removed(one.doc, one.taken) for one in run.passes)
    problems = verify(before, after, run.applied, removed_items)
    assert not problems, f"the product's own verifier refuses the result: {problems}; rules: {run.rules()}"
    check_links(before.text, after.text, run)
    check_headings(before.text, after.text, run)
    check_line_endings(before.text, after.text)


def _edits(diagnostics: list[Diagnostic]) -> list[Edit]:
    return sorted((e for d in diagnostics for e in d.fix.edits), key=lambda e: (e.start, e.end))


def check_untouched_lines(before: str, after: str, edits: list[Edit], where: str) -> None:
    """Every line no edit touches is byte-identical (line ending included), at its shifted place."""
    starts = [0] + [m.end() for m in _EDITOR_LINES.finditer(before)]
    if starts[-1] == len(before) and len(starts) > 1:
        starts.pop()  # no empty last line after a final line ending
    touched = _touched_lines(starts, edits)
    shifts = _shift_before(edits)
    total_shift = sum(len(e.content) - (e.end - e.start) for e in edits)
    assert len(after) == len(before) + total_shift, f"{where}: the text changed outside the edits (length)"
    bounds = starts + [len(before)]
    for number in range(len(starts)):
        if number in touched:
            continue
        line_start, line_end = bounds[number], bounds[number + 1]
        shift = shifts(line_start)
        assert after[line_start + shift : line_end + shift] == before[line_start:line_end], (
            f"{where}: line {number + 1} changed though no edit touches it: "
            f"{before[line_start:line_end]!r} became {after[line_start + shift : line_end + shift]!r}"
        )


def _touched_lines(starts: list[int], edits: list[Edit]) -> set[int]:
    import bisect

    touched: set[int] = set()
    for edit in edits:
        first = bisect.bisect_right(starts, edit.start) - 1
        last = bisect.bisect_right(starts, max(edit.start, edit.end - 1)) - 1
        touched.update(range(first, last + 1))
    return touched


def _shift_before(edits: list[Edit]):
    """A function: how far an offset that no edit spans moves, from the edits that end at or before it."""
    import bisect

    ends = [e.end for e in edits]
    cumulative = [0]
    for edit in edits:
        cumulative.append(cumulative[-1] + len(edit.content) - (edit.end - edit.start))

    def shift(offset: int) -> int:
        return cumulative[bisect.bisect_right(ends, offset)]

    return shift


def check_entries(before: Document, after: Document, taken: list[Diagnostic], where: str) -> None:
    """The same number of entries, and every entry no edit touched is still there, byte for byte."""
    assert len(before.entries) == len(after.entries), (
        f"{where}: {len(before.entries)} entries became {len(after.entries)}"
    )
    touching = [e for d in taken if CHANGES_ORDER not in d.fix.changes for e in d.fix.edits]
    kept = Counter(
        before.text[entry.start : entry.end]
        for entry in before.entries
        if not any(edit.start <= entry.end and edit.end >= entry.start for edit in touching)
    )
    now = Counter(after.text[entry.start : entry.end] for entry in after.entries)
    missing = kept - now
    assert not missing, f"{where}: an entry no edit touched is gone or changed: {next(iter(missing))!r}"


def oracle_outline(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Link and image URLs in document order, and (level, text) of each heading, as markdown-it-py reads them."""
    tokens = _ORACLE.parse(text)
    urls: list[str] = []
    headings: list[tuple[str, str]] = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((token.tag, _plain_text(tokens[index + 1])))
        elif token.type == "inline":
            for child in token.children or ():
                if child.type == "link_open":
                    urls.append(str(child.attrGet("href")))
                elif child.type == "image":
                    urls.append(str(child.attrGet("src")))
    return urls, headings


def _plain_text(inline) -> str:
    """A heading's text as a reader sees it (link URLs and titles are links, checked apart)."""
    kept = ("text", "code_inline", "softbreak", "hardbreak", "html_inline")
    return "".join(child.content or "\n" for child in inline.children or () if child.type in kept).strip()


def check_links(before: str, after: str, run: FixRun) -> None:
    """The link URLs are kept, except URLs a URL rule rewrote, each to exactly one new URL."""
    urls_before, _ = oracle_outline(before)
    urls_after, _ = oracle_outline(after)
    changes = run.changes()
    if CHANGES_TOC in changes:  # a regenerated table of contents rewrites the in-page links
        urls_before = [u for u in urls_before if not u.startswith("#")]
        urls_after = [u for u in urls_after if not u.startswith("#")]
    url_fixes = sum(1 for d in run.applied if CHANGES_URLS in d.fix.changes)
    if CHANGES_ORDER in changes:
        lost, gained = Counter(urls_before) - Counter(urls_after), Counter(urls_after) - Counter(urls_before)
        assert sum(lost.values()) == sum(gained.values()) <= url_fixes, (
            f"links lost {dict(lost)} or gained {dict(gained)} beyond {url_fixes} URL rewrites; rules {run.rules()}"
        )
        return
    assert len(urls_before) == len(urls_after), (
        f"{len(urls_before)} links became {len(urls_after)}: lost {sorted(set(urls_before) - set(urls_after))[:3]}, "
        f"gained {sorted(set(urls_after) - set(urls_before))[:3]}; rules {run.rules()}"
    )
    # Each URL rewrite maps one URL to one new URL (every link through a rewritten reference definition
    # changes with it), so the changed pairs form a function with no more entries than URL fixes.
    rewritten = {(old, new) for old, new in zip(urls_before, urls_after, strict=True) if old != new}
    olds = [old for old, _new in rewritten]
    assert len(olds) == len(set(olds)), f"one URL rewritten two ways: {sorted(rewritten)[:4]}; rules {run.rules()}"
    assert len(rewritten) <= url_fixes, f"links rewritten by no URL rule: {sorted(rewritten)[:3]}; rules {run.rules()}"


def check_headings(before: str, after: str, run: FixRun) -> None:
    _, headings_before = oracle_outline(before)
    _, headings_after = oracle_outline(after)
    assert headings_before == headings_after, (
        f"headings changed: {[h for h in headings_before if h not in headings_after][:3]} -> "
        f"{[h for h in headings_after if h not in headings_before][:3]}; rules {run.rules()}"
    )


def line_endings(text: str) -> Counter:
    return Counter(m.group() for m in _EDITOR_LINES.finditer(text))


def check_line_endings(before: str, after: str) -> None:
    """No line ending of a kind the original does not use."""
    new_kinds = set(line_endings(after)) - set(line_endings(before))
    assert not new_kinds or not line_endings(before), f"line endings {new_kinds} appeared"


def to_crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def safe_fixes_left(run_text: str, source: Source, preset: str) -> list[Diagnostic]:
    """The safe fixes a second ``--fix`` would still apply to the fixed text."""
    doc, diagnostics = lint_only(Source(source.path, run_text, source.bom), preset)
    return [d for d in diagnostics if d.fix and d.fix.edits and d.fix.applicability == SAFE]
