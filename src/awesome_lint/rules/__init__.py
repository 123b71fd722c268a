"""The rules: one module per rule id (``label-typo`` lives in ``label_typo.py``).

Each module declares:

- ``ID``: the public, stable rule id;
- ``SUMMARY``: one line for ``--list-rules``;
- ``SEVERITY``: the default level, ``error``, ``warning`` or ``info``;
- ``FIX``: ``"safe"``, ``"unsafe"`` or ``None`` (the best applicability its fixes have);
- ``OPTIONS``: a dict of option names to their defaults;
- ``REGEX_OPTIONS`` (optional): the names of the options whose values are regular expressions (or lists of
  them), which the config compiles when it is read, so that a bad pattern is a config error;
- a module docstring, shown by ``--explain``;
- ``check(ctx)``: a generator of :class:`~awesome_lint.diagnostics.Diagnostic`.

Which presets turn a rule on is data, in ``rules/presets/*.yaml``.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator, Mapping
from functools import cache
from types import ModuleType

from ..record import Record


class Rule(Record):
    id: str
    summary: str
    severity: str
    fix: str | None
    options: dict
    description: str
    module: ModuleType
    regex_options: frozenset[str]

    _FIELDS = tuple(__annotations__)

    def __init__(
        self,
        id: str,
        summary: str,
        severity: str,
        fix: str | None,
        options: dict,
        description: str,
        module: ModuleType,
        regex_options: frozenset[str] = frozenset(),
    ) -> None:
        self.id = id
        self.summary = summary
        self.severity = severity
        self.fix = fix
        self.options = options
        self.description = description
        self.module = module
        self.regex_options = regex_options

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    def check(self, ctx):
        return self.module.check(ctx)


def _load(module: ModuleType) -> Rule:
    doc = (module.__doc__ or "").strip()
    first, _, rest = doc.partition("\n")
    if first.startswith(f"{module.ID}:"):  # the docstring's title line repeats the summary
        doc = rest.strip()
    return Rule(
        id=module.ID,
        summary=module.SUMMARY,
        severity=module.SEVERITY,
        fix=getattr(module, "FIX", None),
        options=dict(getattr(module, "OPTIONS", {})),
        regex_options=frozenset(getattr(module, "REGEX_OPTIONS", ())),
        description=doc,
        module=module,
    )


class Rules(Mapping[str, Rule]):
    """Every rule, by id, sorted by id. A rule's module is imported the first time the rule is looked up, so
    a run imports only the rules its preset enables (start-up time matters to a pre-commit hook)."""

    def __init__(self, modules: dict[str, str]):
        self._modules = modules  # rule id -> module name
        self._loaded: dict[str, Rule] = {}

    def __getitem__(self, rule_id: str) -> Rule:
        if rule_id not in self._loaded:
            if rule_id not in self._modules:
                raise KeyError(rule_id)
            module = importlib.import_module(f"{__name__}.{self._modules[rule_id]}")
            if getattr(module, "ID", None) != rule_id:
                raise ImportError(f"{module.__name__} declares ID {getattr(module, 'ID', None)!r}, not {rule_id!r}")
            self._loaded[rule_id] = _load(module)
        return self._loaded[rule_id]

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._modules

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


@cache
def all_rules() -> Rules:
    """Every rule, by id, sorted by id: one module each, ``label_typo.py`` for ``label-typo``."""
    # The package's .py files, listed directly: pkgutil.iter_modules imports inspect (4 ms) to do it.
    names = {entry[:-3] for folder in __path__ for entry in os.listdir(folder) if entry.endswith(".py")}
    names = {name for name in names if not name.startswith("_")}
    return Rules({name.replace("_", "-"): name for name in sorted(names, key=lambda name: name.replace("_", "-"))})
