"""Links judged without the network: relative files, in-page anchors (GitHub slugs), mailto addresses."""

from __future__ import annotations

import subprocess

import pytest

from awesome_lint import files
from awesome_lint.document import Document
from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.collect import document_links
from awesome_lint.links.local import github_slug
from awesome_lint.links.result import DEAD, OK, SKIPPED
from awesome_lint.links.settings import LinkSettings
from awesome_lint.source import Source

README = """\
# My List

<a name="custom-anchor"></a>

## Getting Started

## Getting Started

- [guide](docs/guide.md)
- [missing](docs/missing.md)
- [section](docs/guide.md#install-steps)
- [no section](docs/guide.md#nope)
- [here](#getting-started)
- [second](#getting-started-1)
- [custom](#custom-anchor)
- [nowhere](#no-such-heading)
- [mail](mailto:someone@example.org?subject=hi)
- [bad mail](mailto:someone-at-example)
- [from root](/docs/guide.md)
- [issues](../../issues)
- [space](docs/my%20notes.md)
- [ftp](ftp://example.org/file.txt)

```
[in code](missing-in-code.md)
```
"""


@pytest.fixture
def repo(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "guide.md").write_text("# Guide\n\n## Install Steps\n", encoding="utf-8")
    (tmp_path / "docs" / "my notes.md").write_text("notes\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    return tmp_path


def test_local_links(repo):
    doc = Document(files.read(str(repo / "README.md")))
    report = LinkChecker(LinkSettings(offline=True, cache=False)).check(doc)
    expected = {
        "docs/guide.md": OK,
        "docs/missing.md": DEAD,
        "docs/guide.md#install-steps": OK,
        "docs/guide.md#nope": DEAD,
        "#getting-started": OK,
        "#getting-started-1": OK,
        "#custom-anchor": OK,
        "#no-such-heading": DEAD,
        "mailto:someone@example.org?subject=hi": OK,
        "mailto:someone-at-example": DEAD,
        "/docs/guide.md": OK,
        "../../issues": SKIPPED,
        "docs/my%20notes.md": OK,
        "ftp://example.org/file.txt": SKIPPED,  # only http(s) is fetched
    }
    assert {key: result.category for key, result in report.results.items()} == expected


def test_links_in_code_blocks_are_not_links():
    doc = Document(Source("x.md", '```\n[a](http://example.org/x)\n```\n\n`<a href="http://example.org/y">`\n'))
    assert document_links(doc) == []


def test_every_kind_of_link_is_collected():
    text = (
        "[inline](http://a.example/1) <http://a.example/2> http://a.example/3 [ref][r]\n\n"
        '<a href="http://a.example/5">x</a> <img src="http://a.example/6">\n\n'
        "<!-- [hidden](http://a.example/7) -->\n\n"
        "[r]: http://a.example/4\n"
    )
    doc = Document(Source("x.md", text))
    links = document_links(doc)
    assert [link.url for link in links] == [f"http://a.example/{n}" for n in (1, 2, 3, 5, 6, 4)]
    for link in links:  # each span is the URL as written
        assert text[link.url_start : link.url_end] == link.url


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Getting Started", "getting-started"),
        ("Hello, World!", "hello-world"),
        ("C++ & Rust", "c--rust"),
        ("`code` and *emphasis*", "code-and-emphasis"),
        ("[Linked](http://x.example) title", "linked-title"),
        ("snake_case stays", "snake_case-stays"),
        ("Émigré 2024", "émigré-2024"),
        ("Tools 🎉", "tools-"),
    ],
)
def test_github_slug(heading, slug):
    assert github_slug(heading) == slug
