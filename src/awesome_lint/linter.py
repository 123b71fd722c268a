"""Running the enabled rules over one parsed document."""

from __future__ import annotations

import os
from functools import cached_property

from . import counters, suppress
from .config import Config, RuleSetting
from .diagnostics import HEADING_NOT_FIXED, SEVERITIES, Diagnostic, Finding
from .document import Document
from .record import Record
from .rules import all_rules


class Context(Record):
    """What a rule receives: the document, its own options, and what every rule shares (computed once)."""

    doc: Document
    config: Config
    preset: str
    options: dict
    shared: dict  # per-pass cache, shared by all rules of one document

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        doc: Document,
        config: Config,
        preset: str,
        options: dict | None = None,
        shared: dict | None = None,
    ) -> None:
        self.doc = doc
        self.config = config
        self.preset = preset
        self.options = {} if options is None else options
        self.shared = {} if shared is None else shared

    def for_rule(self, options: dict) -> Context:
        return Context(self.doc, self.config, self.preset, options, self.shared)

    @cached_property
    def conventions(self):
        """The list's conventions, inferred once per document and shared by all rules."""
        if "conventions" not in self.shared:
            from .conventions import infer

            self.shared["conventions"] = infer(self.doc, self.config)
        return self.shared["conventions"]


def detect_preset(doc: Document) -> str:
    """``auto``: paper-list when at least a third of the entries look like papers, awesome otherwise."""
    return explain_preset(doc)[0]


def explain_preset(doc: Document) -> tuple[str, str]:
    """The preset ``auto`` picks, and why (shown by ``--verbose``).

    An entry looks like a paper when it has a venue tag, a year, or an arXiv link.
    """
    entries = doc.entries
    if not entries:
        return "awesome", "no list entries found"
    papers = sum(1 for entry in entries if entry.venue is not None or entry.year is not None or _has_arxiv(entry))
    share = f"{papers} of {len(entries)} entries have a venue tag, a year or an arXiv link"
    if papers * 3 >= len(entries):
        return "paper-list", f"{share} (a third or more)"
    return "awesome", f"{share} (fewer than a third)"


def _has_arxiv(entry) -> bool:
    return any("arxiv.org/" in link.url for link in entry.links)


def lint_document(
    doc: Document,
    config: Config,
    preset: str,
    settings: dict[str, RuleSetting],
    shared: dict | None = None,
) -> list[Diagnostic]:
    """All diagnostics of the enabled rules, suppression comments applied, in document order.

    ``shared`` seeds the context's shared dict (the CLI puts the link check's report there).
    """
    counters.count(counters.LINT)
    rules = all_rules()
    base = Context(doc, config, preset, shared=dict(shared or {}))
    suppressed = suppress.collect(doc)
    found: list[Diagnostic] = []
    for rule_id, setting in settings.items():
        rule = rules[rule_id]
        ctx = base.for_rule({**rule.options, **setting.options})
        try:
            diagnostics = list(rule.check(ctx))
        except Exception as err:  # a bug in one rule must not hide every other finding
            if os.environ.get("AWESOME_LINT_DEBUG"):
                raise
            found.append(Diagnostic(0, 0, f"internal error in rule {rule_id}: {err!r}", rule="internal-error"))
            continue
        for diagnostic in diagnostics:
            diagnostic.rule = rule_id
            diagnostic.severity = _capped(setting.level, diagnostic.max_severity)
            if not suppressed.covers(rule_id, doc.line_of(diagnostic.start)):
                found.append(diagnostic)
    drop_heading_fixes(doc, found)
    found.sort(key=lambda d: (d.start, d.end, d.rule))
    return found


def drop_heading_fixes(doc: Document, diagnostics: list[Diagnostic]) -> None:
    """Take back a fix that would change a heading's text (a venue or title in a heading entry).

    Its anchor, and every link to it, would change; the fixer's check refuses any changed heading, and one
    refused fix would hold back every other fix of the file. A fix that keeps the text (a heading's marker
    style) stays, and edits that move whole headings (entry-order) span more than one heading and are left
    to that check.
    """
    fixed = [d for d in diagnostics if d.fix is not None]
    if not fixed or not doc.headings:
        return
    heading_of_line = {n: h for h in doc.headings for n in range(h.line, h.end_line + 1)}
    for diagnostic in fixed:
        if any(_changes_one_heading(doc, edit, heading_of_line) for edit in diagnostic.fix.edits):
            diagnostic.fix = None
            if not diagnostic.message.endswith(HEADING_NOT_FIXED):
                diagnostic.message += HEADING_NOT_FIXED


def _changes_one_heading(doc: Document, edit, heading_of_line: dict) -> bool:
    """Whether the edit lies within one heading's lines and its text does not survive the edit."""
    heading = heading_of_line.get(doc.line_of(edit.start))
    if heading is None or heading is not heading_of_line.get(doc.line_of(max(edit.start, edit.end - 1))):
        return False
    start, end = doc.line_starts[heading.line - 1], doc.line_ends[heading.end_line - 1]
    after = doc.text[start : edit.start] + edit.content + doc.text[edit.end : end]
    return doc.text[heading.start : heading.end] not in after


def _capped(level: str, cap: str | None) -> str:
    """The configured level, lowered to the rule's cap for a finding it is unsure of."""
    if cap is None:
        return level
    return min(level, cap, key=SEVERITIES.index)


def to_finding(doc: Document, diagnostic: Diagnostic) -> Finding:
    """Position a diagnostic (and its fix's edits) in lines and columns."""
    line, column = doc.position(diagnostic.start)
    end_line, end_column = doc.position(diagnostic.end)
    edits = ()
    if diagnostic.fix:
        edits = tuple(
            (*doc.position(edit.start), *doc.position(edit.end), edit.content) for edit in diagnostic.fix.edits
        )
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=diagnostic.rule,
        severity=diagnostic.severity,
        message=diagnostic.message,
        fix=diagnostic.fix,
        fix_positions=edits,
        data=diagnostic.data,
    )
