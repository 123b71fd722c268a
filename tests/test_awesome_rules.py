"""The awesome preset's rules, one by one: what each finds, what it leaves alone, and what its fix writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint import config as config_module
from awesome_lint.diagnostics import SAFE, UNSAFE
from awesome_lint.document import Document
from awesome_lint.fix import fix_to_fixed_point
from awesome_lint.linter import lint_document
from awesome_lint.source import Source

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"


def lint(text: str, rule: str, path: str = "<stdin>", options: dict | None = None):
    config = config_module.Config()
    settings = config_module.resolve_rules(config, "awesome", select=(rule,))
    if options:
        settings[rule] = config_module.RuleSetting(settings[rule].level, options)
    doc = Document(Source(path, text))
    return doc, lint_document(doc, config, "awesome", settings)


def messages(text: str, rule: str, **kwargs) -> list[tuple[int, str]]:
    doc, found = lint(text, rule, **kwargs)
    return [(doc.line_of(d.start), d.message) for d in found]


def fixed(text: str, rule: str, unsafe: bool = False) -> str:
    config = config_module.Config()
    settings = config_module.resolve_rules(config, "awesome", select=(rule,))
    result = fix_to_fixed_point(
        Source("<stdin>", text), lambda doc: lint_document(doc, config, "awesome", settings), unsafe=unsafe
    )
    return result.text


# ---------------------------------------------------------------------------------------- awesome-list-item


@pytest.mark.parametrize(
    "item",
    [
        "- [Foo](https://foo.dev) - A tool for bar.",
        "- [Foo](https://foo.dev) - Does bar! Really?",
        "- [Foo](https://foo.dev)",
        "- [Foo](https://foo.dev) - npm package for bar.",
        "- [Foo](https://foo.dev) - iOS library (beta).",
        "- Plain text items are not checked",
        "- [Foo](https://foo.dev) - 3D engine.",
    ],
)
def test_list_item_accepts_good_items(item):
    assert messages(item + "\n", "awesome-list-item") == []


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("- [Foo](https://foo.dev) - A tool for bar", "must end with proper punctuation"),
        ("- [Foo](https://foo.dev) - a tool for bar.", "must start with valid casing"),
        ("- [Foo](https://foo.dev) – A tool for bar.", "invalid en-dash or em-dash"),
        ("- [Foo](https://foo.dev): A tool for bar.", "must be separated with a dash"),
        ("- [Foo](docs/foo.md) - A tool for bar.", "Invalid list item link URL"),
        ("- [Foo](https://foo.dev) - A tool for `bar`", "must end with proper punctuation"),
    ],
)
def test_list_item_reports_bad_items(item, expected):
    found = messages(item + "\n", "awesome-list-item")
    assert len(found) == 1 and expected in found[0][1], found


def test_list_item_checks_only_after_the_contents_section():
    text = "# A\n\n## Contents\n\n- [B](#b)\n\n## B\n\n- [X](https://x.dev) - no period\n"
    assert [line for line, _ in messages(text, "awesome-list-item")] == [9]


def test_list_item_fixes():
    assert fixed("- [Foo](https://foo.dev) - A tool for bar\n", "awesome-list-item") == (
        "- [Foo](https://foo.dev) - A tool for bar.\n"
    )
    assert fixed("- [Foo](https://foo.dev) — A tool for bar.\n", "awesome-list-item") == (
        "- [Foo](https://foo.dev) - A tool for bar.\n"
    )


def test_list_item_casing_fix_is_safe_only_with_the_lists_own_evidence():
    lower = "- [Foo](https://foo.dev) - simple tool.\n"
    _doc, found = lint(lower, "awesome-list-item")
    assert found[0].fix.applicability == UNSAFE
    with_evidence = lower + "- [Bar](https://bar.dev) - Simple and fast.\n"
    _doc, found = lint(with_evidence, "awesome-list-item")
    assert found[0].fix.applicability == SAFE
    assert fixed(with_evidence, "awesome-list-item").startswith("- [Foo](https://foo.dev) - Simple tool.\n")


# ------------------------------------------------------------------------------- list markers and indents


def test_unordered_list_marker_style_follows_the_first_bullet():
    text = "- a\n- b\n\n* c\n"
    assert [line for line, _ in messages(text, "unordered-list-marker-style")] == [4]
    assert messages("- a\n- b\n", "unordered-list-marker-style") == []


def test_unordered_list_marker_style_fix_keeps_adjacent_lists_apart():
    # Changing "* c" right after the "-" list would merge the two lists: not fixed.
    assert fixed("- a\n* c\n", "unordered-list-marker-style") == "- a\n* c\n"
    assert fixed("- a\n\ntext\n\n* c\n  * d\n", "unordered-list-marker-style") == "- a\n\ntext\n\n- c\n  - d\n"


def test_list_item_indent():
    assert messages("- one\n", "list-item-indent") == []
    found = messages("-   three\n", "list-item-indent")
    assert len(found) == 1 and "`3` spaces" in found[0][1]
    assert fixed("-   three\n", "list-item-indent") == "- three\n"
    # Nested content depends on the indent: reported, not fixed.
    assert fixed("-   a\n    - b\n", "list-item-indent") == "-   a\n    - b\n"


def test_list_item_bullet_indent():
    assert [line for line, _ in messages("text\n\n  - a\n", "list-item-bullet-indent")] == [3]
    assert messages("- a\n  - b\n", "list-item-bullet-indent") == []


# ------------------------------------------------------------------------------------------ references


def test_no_undefined_references():
    text = "See [foo] and [bar][baz] and [ok] and \\[escaped] and [!NOTE].\n\n[ok]: https://ok.dev\n"
    found = messages(text, "no-undefined-references")
    assert len(found) == 2
    assert "`foo`" in found[0][1] and "`baz`" in found[1][1]


def test_no_undefined_references_is_not_in_the_paper_list_preset():
    assert "no-undefined-references" not in config_module.resolve_rules(config_module.Config(), "paper-list")


# ------------------------------------------------------------------------------------------ descriptions


def test_no_repeat_item_in_description():
    assert len(messages("- [Foo](https://f.dev) - Foo is a tool.\n", "no-repeat-item-in-description")) == 1
    assert messages("- [Foo](https://f.dev) - Foolproof tool.\n", "no-repeat-item-in-description") == []
    assert messages("- [Foo](https://f.dev) - A tool.\n", "no-repeat-item-in-description") == []


def test_spell_check_finds_and_fixes():
    found = messages("- [A](https://a.dev) - A Javascript library.\n", "awesome-spell-check")
    assert found == [(1, 'Text "Javascript" should be written as "JavaScript" (if referring to the technology)')]
    assert fixed("Built with Javascript today.\n", "awesome-spell-check") == "Built with JavaScript today.\n"
    # Glued to a dash or a dot (a package or file name, or, as awesome-lint has it, the end of a sentence):
    # left alone; so are URLs.
    assert messages("Use javascript-foo, https://javascript.info/x and Javascript.\n", "awesome-spell-check") == []


def test_spell_check_lower_case_fix_is_unsafe():
    _doc, found = lint("Built with javascript today.\n", "awesome-spell-check")
    assert found[0].fix.applicability == UNSAFE
    assert fixed("Built with javascript today.\n", "awesome-spell-check") == "Built with javascript today.\n"


def test_no_emphasis_as_heading():
    assert len(messages("**Tools**\n\nSome text.\n", "no-emphasis-as-heading")) == 1
    assert messages("**Tools** are good.\n\nSome text.\n", "no-emphasis-as-heading") == []
    assert messages("**Tools**\n\n- item\n", "no-emphasis-as-heading") == []


def test_no_repeat_punctuation():
    assert len(messages("Wow!! Really??\n", "no-repeat-punctuation")) == 2
    assert messages("Wait... and `a!!b`.\n", "no-repeat-punctuation") == []
    assert fixed("Wow!!! Really??\n", "no-repeat-punctuation") == "Wow! Really?\n"


def test_no_heading_punctuation():
    assert len(messages("# Title\n\n## Tools:\n", "no-heading-punctuation")) == 1
    assert messages("# Title\n\n## Tools\n", "no-heading-punctuation") == []


def test_balanced_punctuation():
    assert len(messages("An “open quote.\n", "balanced-punctuation")) == 1
    assert messages("A “closed” quote, don't and users' things.\n", "balanced-punctuation") == []


# ------------------------------------------------------------------------------------ heading and badge


def test_badge_and_heading():
    good = f"# Awesome Things {BADGE}\n\nText.\n"
    assert messages(good, "awesome-badge") == [] and messages(good, "awesome-heading") == []
    assert len(messages("# Awesome Things\n", "awesome-badge")) == 1
    found = messages("# awesome things\n\n# Second\n", "awesome-heading")
    assert [m for _line, m in found] == ["Main heading must be in title case", "List can only have one heading"]


def test_license_and_ci_badge():
    assert len(messages("# A\n\n## License\n", "awesome-license")) == 1
    text = "[![Build Status](https://travis-ci.org/a/b.svg)](https://travis-ci.org/a/b)\n"
    assert len(messages(text, "awesome-no-ci-badge")) == 1


def test_double_link_awesome_style():
    text = (
        "- [A](https://a.dev/) - Like [B](https://b.dev).\n"
        "- [B](https://b.dev) - B.\n"
        "- [A again](http://www.a.dev) - A.\n"
    )
    found = messages(text, "double-link", options={"style": "awesome"})
    assert [line for line, _ in found] == [1, 3]  # the description link to B is not compared


# ------------------------------------------------------------------------------------------------ ToC

TOC = """# Awesome Things

## Contents

* [Tools](#tools)
* [Old Name](#old-name)

## Libraries

## Tools

## Contributing
"""


def test_toc_reports_and_regenerates_in_the_lists_style():
    assert len(messages(TOC, "awesome-toc")) == 1
    result = fixed(TOC, "awesome-toc")
    assert "* [Libraries](#libraries)\n* [Tools](#tools)\n\n## Libraries" in result
    assert messages(result, "awesome-toc") == []


def test_toc_of_another_shape_is_reported_but_not_rewritten():
    text = TOC.replace("* [Tools](#tools)\n* [Old Name](#old-name)", "* [Awesome Things](#awesome-things)")
    assert len(messages(text, "awesome-toc")) == 1
    assert fixed(text, "awesome-toc") == text


def test_toc_is_in_both_presets():
    for preset in ("awesome", "paper-list"):
        assert "awesome-toc" in config_module.resolve_rules(config_module.Config(), preset)


# ------------------------------------------------------------------------------------ files beside the list


def test_contributing_and_code_of_conduct(tmp_path: Path):
    readme = tmp_path / "readme.md"
    readme.write_text("# A\n", encoding="utf-8")
    assert len(messages("# A\n", "awesome-contributing", path=str(readme))) == 1
    (tmp_path / "Contributing.md").write_text("  \n", encoding="utf-8")
    assert "must not be empty" in messages("# A\n", "awesome-contributing", path=str(readme))[0][1]
    (tmp_path / "Contributing.md").write_text("Send a pull request.\n", encoding="utf-8")
    assert messages("# A\n", "awesome-contributing", path=str(readme)) == []
    (tmp_path / "code-of-conduct.md").write_text("Contact sindresorhus@gmail.com\n", encoding="utf-8")
    assert len(messages("# A\n", "awesome-code-of-conduct", path=str(readme))) == 1
    assert messages("# A\n", "awesome-contributing") == []  # stdin: nothing beside it to read


def test_file_name_rules(tmp_path: Path):
    path = tmp_path / "The--Awesome_List-.markdown"
    path.write_text("# A\n", encoding="utf-8")
    for rule in (
        "no-file-name-articles",
        "no-file-name-consecutive-dashes",
        "no-file-name-irregular-characters",
        "no-file-name-mixed-case",
        "no-file-name-outer-dashes",
        "file-extension",
    ):
        assert len(messages("# A\n", rule, path=str(path))) == 1, rule
        assert messages("# A\n", rule, path=str(tmp_path / "readme.md")) == [], rule


def test_awesome_github_without_check_links_is_skipped_and_says_so(tmp_path: Path):
    from conftest import run

    readme = tmp_path / "readme.md"
    readme.write_text(f"# Awesome Things {BADGE}\n", encoding="utf-8")
    result = run(["--preset", "awesome", "--select", "awesome-github", "--verbose", str(readme)], cwd=tmp_path)
    assert result.code == 0
    assert "skipped offline" in result.err and "awesome-github" in result.err


# ------------------------------------------------------------------------------------ lint comments


def test_lint_ignore_covers_the_whole_next_list_and_disable_all_is_not_undone_by_one_enable():
    loose = "<!--lint ignore awesome-list-item-->\n- [A](https://a.dev) - no period\n\n- [B](https://b.dev) - b\n"
    assert messages(loose, "awesome-list-item") == []
    after = loose + "\nText.\n\n- [C](https://c.dev) - c\n"
    assert [line for line, _ in messages(after, "awesome-list-item")] == [8]
    text = "<!--lint disable-->\n<!--lint enable awesome-list-item-->\n- [A](https://a.dev) - a\n"
    assert messages(text, "awesome-list-item") == []
    text = "<!--lint disable-->\n<!--lint enable-->\n- [A](https://a.dev) - a\n"
    assert len(messages(text, "awesome-list-item")) == 1
