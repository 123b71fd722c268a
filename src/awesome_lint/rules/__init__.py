"""The rules: one module per rule id (``label-typo`` lives in ``label_typo.py``).

Each module declares:

- ``ID``: the public, stable rule id;
- ``SUMMARY``: one line for ``--list-rules``;
- ``SEVERITY``: the default level, ``error``, ``warning`` or ``info``;
- ``FIX``: ``"safe"``, ``"unsafe"`` or ``None`` (the best applicability its fixes have);
- ``OPTIONS``: a dict of option names to their defaults;
- a module docstring, shown by ``--explain``;
- ``check(ctx)``: a generator of :class:`~awesome_lint.diagnostics.Diagnostic`.

Which presets turn a rule on is data, in ``rules/presets/*.yaml``.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from types import ModuleType


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    severity: str
    fix: str | None
    options: dict
    description: str
    module: ModuleType

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
        description=doc,
        module=module,
    )


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule, by id, sorted by id."""
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "ID"):
            rule = _load(module)
            found[rule.id] = rule
    return dict(sorted(found.items()))
