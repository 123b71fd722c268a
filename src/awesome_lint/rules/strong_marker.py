"""strong-marker: strong text should be written with one character, ``**x**`` or ``__x__``, throughout the file.

As remark-lint's rule of the same name with awesome-lint's setting (``consistent``): the file's first
strong text sets the style; ``style: "*"`` or ``style: "_"`` pins it. The fix swaps the two delimiters,
which renders the same; it is safe when the expected character is also the file's most common one, and
is not offered where the swap would change how the paragraph parses.
"""

from __future__ import annotations

from . import _delimiters

ID = "strong-marker"
SUMMARY = "strong text written with ** in a file that uses __ for it, or the reverse"
SEVERITY = "warning"
FIX = "safe"
OPTIONS = {"style": "consistent"}


def check(ctx):
    return _delimiters.check(ctx, "strong", 2)
