"""Turn the bytes of an uploaded page into text.

Pages arrive as UTF-8 (with or without a BOM) or as GB18030/GBK from older Windows
tools, with any line ending. Binary files (PDFs, images) must be refused with a reason a
user can act on, instead of producing mojibake that would be archived as articles.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

# Share of control characters above which the input is treated as binary.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


class DecodeError(ValueError):
    """The input cannot be read as text; ``reason`` says why in words a user understands."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    """Decoded text with LF line endings, and the encoding it was read with."""

    text: str
    encoding: str


def normalize_newlines(text: str) -> str:
    """Replace CRLF and lone CR with LF so every later step splits lines the same way."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    return controls / max(len(text), 1)


def _try_decode(data: bytes) -> tuple[str, str] | None:
    """Return (text, encoding) for the first encoding that decodes strictly, else None."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        return None


def decode(data: bytes) -> DecodedText:
    """Decode a page: UTF-8 (BOM allowed) first, then GB18030 (a superset of GBK).

    UTF-8 is tried first because GB18030 accepts almost any byte sequence, so trying it
    first would silently turn UTF-8 pages into nonsense.
    """
    if not data or not data.strip():
        raise DecodeError("文件为空 (the file is empty)")
    if b"\x00" in data:
        raise DecodeError("文件含有 NUL 字节，像是二进制文件而不是文本 (NUL bytes: this looks like a binary file)")
    decoded = _try_decode(data)
    if decoded is None:
        raise DecodeError("无法按 UTF-8 或 GB18030 解码 (the bytes are neither UTF-8 nor GB18030 text)")
    text, encoding = decoded
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("控制字符过多，像是二进制文件 (too many control characters: this looks like a binary file)")
    text = normalize_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise DecodeError("文件为空 (the file holds only whitespace)")
    return DecodedText(text=text, encoding=encoding)
