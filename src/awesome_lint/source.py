"""Reading a list from bytes: UTF-8 with an optional BOM, line endings kept exactly as written."""

from __future__ import annotations

from dataclasses import dataclass

BOM = "\ufeff"
MAX_BYTES = 32 * 1024 * 1024  # a README larger than this is not a list anybody edits by hand


class InputError(Exception):
    """Input the tool refuses to read. The message is one line for stderr; the exit code is 2."""


@dataclass(frozen=True)
class Source:
    """The decoded text of one file. ``text`` has no BOM; its line endings are untouched."""

    path: str
    text: str
    bom: bool = False

    @property
    def eol(self) -> str:
        """The dominant line ending, used when a fix has to write a new one."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"

    def encode(self, text: str | None = None) -> bytes:
        """Bytes for ``text`` (default: this source's own text), with the BOM put back."""
        body = self.text if text is None else text
        return ((BOM if self.bom else "") + body).encode("utf-8")


def decode(data: bytes, path: str) -> Source:
    """Decode a file's bytes, refusing binary data and invalid UTF-8 with one clear line."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: file is {len(data) // (1024 * 1024)} MB, over the 32 MB limit")
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 (byte {err.start}: {data[err.start : err.start + 1]!r})") from None
    bom = text.startswith(BOM)
    return Source(path=path, text=text[1:] if bom else text, bom=bom)
