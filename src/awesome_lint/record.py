"""A base for plain classes with ``__slots__`` that would otherwise be dataclasses.

The document model's small, numerous objects (links, spans) read their text from the document through
properties, so a list of 100,000 entries holds offsets, not copies of every title, label and URL; other
classes avoid the cost of creating a dataclass at import. This base gives them what a dataclass would:
equality and a repr over their public fields (``_FIELDS``), properties included.
"""

from __future__ import annotations


class Record:
    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()  # the public fields, in constructor order

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # mutable and compared by value, as a dataclass

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._FIELDS)
        return f"{type(self).__name__}({fields})"
