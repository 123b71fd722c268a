"""The shortcuts taken for speed give what the general code gives, on corpus URLs and random text.

- ``double-link``'s normalize-url and ``url_key`` read a plain http(s) URL without urlsplit: the same result
  as the general path, which an empty query (``?``) sends the URL through;
- ``awesome-spell-check`` finds a one-word pattern (``\\bkotlin\\b``) with ``str.find``: the spans re finds;
- ``typo`` splits a span without an apostrophe in C: the words ``[A-Za-z]+`` finds;
- ``title-case`` reads letters in runs: the letters one at a time give the same verdict.
"""

from __future__ import annotations

import random
import re

from awesome_lint.identity import url_key
from awesome_lint.rules import awesome_spell_check, title_case, typo
from awesome_lint.rules._awesome_double_link import normalize
from conftest import EXAMPLE, corpus_files

_PLAIN = re.compile(r"https?://[A-Za-z0-9.\-]+(?:/[^?#\t\r\n]*)?")
_HOSTS = ("github.com", "www.Example.COM.", "www.www.a-b.io", "x", "127.0.0.1", "WWW.arxiv.org")
_PATH_PIECES = ("/", "//", "index.html", "INDEX.htm", "a-b", "%2F", "%41", ".", "~x", "@y", " z", "(1)")


def _random_urls(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    return [
        rnd.choice(("http://", "https://"))
        + rnd.choice(_HOSTS)
        + "".join(rnd.choice(_PATH_PIECES) for _ in range(rnd.randint(0, 5)))
        for _ in range(count)
    ]


def _corpus_urls() -> list[str]:
    urls: set[str] = set(re.findall(r"\]\((https?://[^)\s]+)", EXAMPLE.read_text(encoding="utf-8")))
    for path in corpus_files():
        urls.update(re.findall(r"\]\((https?://[^)\s]+)", path.read_text(encoding="utf-8")))
    return sorted(urls)


def test_plain_urls_normalize_as_through_the_general_path():
    urls = [url for url in _corpus_urls() + _random_urls(1, 3000) if _PLAIN.fullmatch(url)]
    assert len(urls) > 2000
    for url in urls:
        assert normalize(url) == normalize(url + "?"), url  # an empty query: urlsplit's path, same result
        assert url_key(url) == url_key(url + "?"), url


def test_one_word_spelling_patterns_find_what_re_finds():
    rnd = random.Random(2)
    alphabet = "abkKAB_09 -.\u212a\u00e9\u0130\n\u017f"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25)))
        word = rnd.choice(("ab", "a", "kab", "b0", "k"))
        expected = [m.span() for m in re.finditer(rf"\b{word}\b", text, re.IGNORECASE | re.ASCII)]
        assert list(awesome_spell_check._word_spans(awesome_spell_check._ascii_lower(text), word)) == expected
    patterns = [pattern for _, rule in awesome_spell_check._rules() for pattern, _ in rule]
    assert sum(pattern.word is not None for pattern in patterns) > 100  # about half are one word


def test_ascii_word_splitting_matches_the_pattern():
    rnd = random.Random(3)
    alphabet = "aZz09_ -.'\u2019\u00e9\u0130\u212a\n\tK\u65e5"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        lowered = awesome_spell_check._ascii_lower(text)
        assert awesome_spell_check._ascii_words(lowered) == awesome_spell_check._ASCII_WORD.findall(lowered)
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        if "'" in text[start:end] or "\u2019" in text[start:end]:
            expected = set(typo._WORD.findall(text, start, end))
        else:
            expected = set(re.findall(r"[A-Za-z]+", text[start:end]))
        assert typo._word_set(text, start, end) == expected


def test_title_case_reads_the_same_letters():
    rnd = random.Random(4)
    alphabet = "aB c\u00c9\u00e9 1_-\u24b6\u2167x"
    for _ in range(3000):
        title = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 20)))
        assert "".join(title_case._LETTERS.findall(title)) == "".join(title_case._LETTER.findall(title))
