"""Reading a list from bytes: UTF-8 with an optional BOM, line endings kept exactly as written."""

from __future__ import annotations

from .record import Record

BOM = "\ufeff"
MB = 1024 * 1024
MAX_BYTES = 32 * MB  # the default --max-size: a README larger than this is not a list anybody edits by hand


class InputError(Exception):
    """Input the tool refuses to read. The message is one line for stderr; the exit code is 2."""


class Source(Record):
    """The decoded text of one file. ``text`` has no BOM; its line endings are untouched."""

    path: str
    text: str
    bom: bool

    _FIELDS = tuple(__annotations__)

    def __init__(self, path: str, text: str, bom: bool = False) -> None:
        self.path = path
        self.text = text
        self.bom = bom

    def __hash__(self) -> int:  # a frozen value: not to be changed
        return hash(self._values())

    @property
    def eol(self) -> str:
        """The dominant line ending, used when a fix has to write a new one."""
        crlf = self.text.count("\r\n")
        return "\r\n" if crlf and crlf * 2 >= self.text.count("\n") else "\n"

    def encode(self, text: str | None = None) -> bytes:
        """Bytes for ``text`` (default: this source's own text), with the BOM put back."""
        body = self.text if text is None else text
        return ((BOM if self.bom else "") + body).encode("utf-8")


def too_big(path: str, size: int, max_bytes: int) -> InputError:
    """The refusal of a file over the size limit (``--max-size``)."""
    what = "input is" if path == "<stdin>" else f"file is {_human(size)},"  # stdin's full size is never read
    return InputError(f"{path}: {what} over the {_human(max_bytes)} limit (raise it with --max-size)")


def _human(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.3g} MB"
    return f"{size / 1024:.3g} KB" if size >= 1024 else f"{size} bytes"


def decode(data: bytes, path: str, max_bytes: int = MAX_BYTES) -> Source:
    """Decode a file's bytes, refusing oversized files, binary data and invalid UTF-8 with one clear line."""
    if len(data) > max_bytes:
        raise too_big(path, len(data), max_bytes)
    wide = _wide_encoding(data)
    if wide:
        raise InputError(f"{path}: the file is {wide}, not UTF-8; save it as UTF-8")
    if b"\x00" in data:
        raise InputError(f"{path}: looks like a binary file (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not valid UTF-8 (byte {err.start}: {data[err.start : err.start + 1]!r})") from None
    bom = text.startswith(BOM)
    return Source(path=path, text=text[1:] if bom else text, bom=bom)


def _wide_encoding(data: bytes) -> str | None:
    """The name of the wide encoding (UTF-16 or UTF-32) the bytes are in, by BOM or by NULs; else None."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4096]
    half = len(head) // 2
    nuls = sorted((head[0::2].count(0), head[1::2].count(0)))
    if half >= 2 and nuls[1] >= 0.9 * half and nuls[0] <= 0.1 * half:
        return "UTF-16"  # mostly-ASCII text in UTF-16 without a BOM: nearly every other byte is NUL
    return None
