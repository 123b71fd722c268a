"""Whether this run checks links, answered without importing the link checker's modules.

The link rules (dead-link, link-error, ...) run on every lint but find something only under --check-links;
importing ``links.result`` (and through it ``links.collect`` and ``html``) costs about 3 ms, a twentieth of
a plain lint of a small list. So each link rule asks here first and imports its helpers only when links
are checked.
"""

from __future__ import annotations

REPORT_KEY = "links"  # links.result.REPORT_KEY (tests/test_performance_counts.py checks that they agree)


def checking_links(ctx) -> bool:
    """True when the CLI handed the rules a link check (done or under way)."""
    return ctx.shared.get(REPORT_KEY) is not None
