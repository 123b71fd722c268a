"""awesome-lint: a linter and safe auto-fixer for awesome lists and academic paper lists."""

__version__ = "0.1.0"
