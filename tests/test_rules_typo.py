"""typo: codespell's dictionary plus rules/typos.yaml, over headings, prose, descriptions and titles."""

from __future__ import annotations

from awesome_lint.misspellings import Correction, match_case, parse_line, shipped
from conftest import EXAMPLE
from rule_helpers import findings, fixed


def test_dictionary_lines():
    assert parse_line("teh->the") == ("teh", Correction(("the",), "codespell's dictionary"))
    word, correction = parse_line("abd->and, bad,")
    assert correction.candidates == ("and", "bad") and not correction.safe
    _word, reasoned = parse_line("clas->class, disabled because of name clash in c++")
    assert reasoned.candidates == ("class",) and reasoned.reason and not reasoned.safe
    assert parse_line("# comment") is None


def test_shipped_dictionary_has_codespell_and_the_list_words():
    dictionary = shipped()
    assert dictionary.get("recieve").candidates == ("receive",)  # from codespell
    assert dictionary.get("Papres").candidates == ("papers",)  # from rules/typos.yaml
    assert dictionary.get("papers") is None


def test_match_case():
    assert match_case("Teh", "the") == "The"
    assert match_case("TEHS", "these") == "THESE"
    assert match_case("teh", "the") == "the"


def test_seed_papres_is_found_and_fixed():
    text = EXAMPLE.read_text(encoding="utf-8")
    found = [f for f in findings(text, "typo") if "papres" in f.message]
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 37, 43)]
    assert found[0].fix.applicability == "safe"
    assert "related to talking" in fixed(text, "typo") and "organizing papers, codes" in fixed(text, "typo")


TEXT = """# Awesome Things

## Intruduction

A curated list, recieve updates weekly. See `seperate_hook` and https://example.org/seperate, seperate.

- [Widget](https://github.com/a/widget) - A tool that recieve data.
- [ratatui](https://github.com/ratatui/ratatui) - Terminal UIs with ratatui.
- [Thing](https://example.org) - Set the volumn.
"""


def test_prose_words_are_fixed_but_urls_code_and_project_names_are_not():
    found = findings(TEXT, "typo")
    words = [f.message.split('"')[1] for f in found]
    assert words == ["Intruduction", "recieve", "recieve", "volumn"]
    assert [f.line for f in found] == [3, 5, 7, 9]
    assert found[0].fix is None and "anchors" in found[0].message  # a heading: its anchor would change
    assert found[3].fix is None and '"volume" or "column"' in found[3].message  # two candidates: no fix
    result = fixed(TEXT, "typo")
    assert "list, receive updates" in result and "that receive data" in result
    assert "`seperate_hook` and https://example.org/seperate, seperate." in result  # the URL names it


def test_titles_are_checked_but_not_fixed():
    text = "# Papers\n\n- Stablizing Video Generation with Diffusion [CVPR 2024]  [Paper](https://example.org/x)\n"
    found = findings(text, "typo")
    assert len(found) == 1 and found[0].fix is None and "titles are not fixed" in found[0].message


def test_options_add_and_ignore_words():
    assert findings("# A\n\nSome volumn words.\n", "typo") != []
    assert findings("# A\n\nSome volumn words.\n", "typo", {"ignore": ["volumn"]}) == []
    found = findings("# A\n\nSome wordz here.\n", "typo", {"words": {"wordz": "words"}})
    assert len(found) == 1 and found[0].fix is not None
