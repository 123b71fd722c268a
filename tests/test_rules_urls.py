"""redirect-wrapper, insecure-link and arxiv-link: positive, negative and fix output."""

from __future__ import annotations

import pytest

from awesome_lint.config import ConfigError, from_mapping
from awesome_lint.knowledge import host_matches, host_of, load, markdown_safe_url
from rule_helpers import findings, fixed


def _entries(*urls: str, label: str = "Paper") -> str:
    return "# Papers\n\n" + "\n".join(f"- Paper {i} [CVPR 2020] [{label}]({u})" for i, u in enumerate(urls)) + "\n"


# ---------------------------------------------------------------------------------------------- hosts


def test_host_matching():
    assert host_of("https://www.Google.com.hk/url?x") == "google.com.hk"
    assert host_matches("google.com.hk", "google.*") and not host_matches("notgoogle.com", "google.*")
    assert host_matches("liuziwei7.github.io", "*.github.io") and not host_matches("github.io.evil.com", "*.github.io")
    assert host_matches("arxiv.org", "www.arxiv.org")


def test_unwrap_known_redirectors():
    hosts = load().hosts
    assert (
        hosts.unwrap("https://www.google.com/url?q=&url=https%3A%2F%2Fa.org%2Fp%3Fx%3D1&usg=z") == "https://a.org/p?x=1"
    )
    assert hosts.unwrap("https://www.google.com/url?q=https://a.org/x&sa=D") == "https://a.org/x"
    assert hosts.unwrap("https://l.facebook.com/l.php?u=https%3A%2F%2Fb.org%2F&h=AT0") == "https://b.org/"
    assert hosts.unwrap("https://www.google.com/url?q=talking+heads") is None  # a search, not a target
    assert hosts.unwrap("https://www.google.com/search?url=https://a.org") is None  # wrong path
    assert hosts.unwrap("https://example.org/url?url=https://a.org") is None


def test_markdown_safe_url():
    assert markdown_safe_url("https://a.org/x y") == "https://a.org/x%20y"
    assert markdown_safe_url("https://a.org/f(1)") == "https://a.org/f(1)"
    assert markdown_safe_url("https://a.org/f)x") == "https://a.org/f%29x"


def test_config_hosts_extend_and_are_validated():
    hosts = load({"hosts": {"https": ["papers.example.edu"], "redirectors": [{"host": "r.example", "params": ["to"]}]}})
    assert hosts.hosts.serves_https("papers.example.edu")
    assert hosts.hosts.unwrap("https://r.example/?to=https://a.org") == "https://a.org"
    with pytest.raises(ConfigError, match="hosts: redirector 'r' has unknown field 'param'"):
        from_mapping({"hosts": {"redirectors": [{"host": "r", "param": ["to"]}]}}, None)


# ---------------------------------------------------------------------------------------------- redirect-wrapper

WRAPPED = (
    "https://www.google.com.hk/url?sa=t&rct=j&q=&esrc=s&url=http%3A%2F%2Fopenaccess.thecvf.com%2Fcontent_ECCV_2018"
    "%2Fpapers%2FLele_ECCV_2018_paper.pdf&usg=AOvVaw3"
)


def test_redirect_wrapper_unwraps():
    text = _entries(WRAPPED, "https://arxiv.org/abs/2001.00001")
    [finding] = findings(text, "redirect-wrapper")
    assert (finding.line, finding.column) == (3, 31)
    assert finding.message.startswith("link goes through the redirector google.com.hk; its target is http://openaccess")
    out = fixed(text, "redirect-wrapper")
    assert "(http://openaccess.thecvf.com/content_ECCV_2018/papers/Lele_ECCV_2018_paper.pdf)" in out


def test_redirect_wrapper_in_a_reference_definition_and_escaped_urls():
    text = (
        "# Papers\n\n- A [CVPR 2020] [Paper][a]\n- B [CVPR 2020] [Paper](https://google.com/url?url=https://a.org\\&x=1)\n\n"
        "[a]: https://l.facebook.com/l.php?u=https%3A%2F%2Fb.org%2F\n"
    )
    found = findings(text, "redirect-wrapper")
    assert [f.line for f in found] == [4, 6]
    assert found[0].fix is None  # a backslash escape in the URL: not fixed
    assert fixed(text, "redirect-wrapper").endswith("[a]: https://b.org/\n")


# ---------------------------------------------------------------------------------------------- insecure-link


def test_insecure_link_upgrades_known_hosts_only():
    text = _entries("http://arxiv.org/abs/1906.06337", "http://www.cs.rochester.edu/u/x.pdf", "http://me.github.io/p")
    found = findings(text, "insecure-link")
    assert [(f.line, f.message) for f in found] == [
        (3, "http:// link to arxiv.org, which serves https"),
        (5, "http:// link to me.github.io, which serves https"),
    ]
    out = fixed(text, "insecure-link")
    assert "(https://arxiv.org/abs/1906.06337)" in out and "(http://www.cs.rochester.edu/u/x.pdf)" in out


# ---------------------------------------------------------------------------------------------- arxiv-link

ABS = [f"https://arxiv.org/abs/200{i}.0000{i}" for i in range(1, 6)]


def test_arxiv_link_flags_the_minority_form_with_an_unsafe_fix():
    text = _entries(*ABS, "https://arxiv.org/pdf/2006.00006v2.pdf")
    [finding] = findings(text, "arxiv-link")
    assert finding.line == 8 and finding.unsafe_fixable and not finding.fixable
    assert finding.message == "arXiv link links the pdf page where this list links the abs page (5 of 6 arXiv links)"
    assert fixed(text, "arxiv-link") == text  # unsafe: --fix alone leaves it
    out = fixed(text, "arxiv-link", unsafe=True)
    assert "(https://arxiv.org/abs/2006.00006)" in out


def test_arxiv_link_needs_a_dominant_form():
    text = _entries(*ABS[:3], "https://arxiv.org/pdf/2006.00006", "https://arxiv.org/pdf/2007.00007")
    assert findings(text, "arxiv-link") == []
    pinned = findings(text, "arxiv-link", config={"conventions": {"arxiv-form": "abs"}})
    assert [f.line for f in pinned] == [6, 7] and "(set in the config)" in pinned[0].message
