"""Turn the bytes of an uploaded page into text.

Pages arrive as UTF-8 (with or without a BOM) or as GB18030/GBK from older Windows
tools, with any line ending; Windows Notepad's "Unicode" (UTF-16 with a BOM) is read too. Binary files (PDFs, images) must be refused with a reason a
user can act on, instead of producing mojibake that would be archived as articles.
"""
from __future__ import annotations

import codecs
import unicodedata
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


# Checked longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_UNICODE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def _bom_encoding(data: bytes) -> str | None:
    """Return "utf-16" or "utf-32" when the bytes start with that encoding's byte-order mark."""
    return next((name for bom, name in _UNICODE_BOMS if data.startswith(bom)), None)


def _looks_like_utf16_without_bom(data: bytes) -> bool:
    """Tell whether the bytes read as text in UTF-16 of either byte order.

    Binary data read as UTF-16 gives unassigned, private-use and control characters; text
    gives letters, CJK and punctuation. A sample is enough to tell them apart.
    """
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        odd = sum(1 for ch in text if unicodedata.category(ch) in {"Cn", "Co", "Cs"}
                  or (ch < " " and ch not in _ALLOWED_CONTROLS))
        if odd <= len(text) * _MAX_CONTROL_SHARE:
            return True
    return False


def _decode_with_bom(data: bytes, encoding: str) -> str | None:
    """Decode with the codec that reads the mark (it picks the byte order and drops the mark).

    Return None when the rest is not valid in that encoding: then the mark was a coincidence
    (0xFF 0xFE also begins binary files) and the other checks decide.
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


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
    """Decode a page: UTF-16/32 when a byte-order mark says so, else UTF-8 (BOM allowed), then GB18030.

    UTF-8 is tried first because GB18030 accepts almost any byte sequence, so trying it
    first would silently turn UTF-8 pages into nonsense.
    """
    if not data:
        raise DecodeError("文件为空")
    if not data.strip():
        raise DecodeError("文件只有空白字符")
    bom_encoding = _bom_encoding(data)
    if bom_encoding and (text := _decode_with_bom(data, bom_encoding)) is not None:
        return _finish(text, bom_encoding)
    if b"\x00" in data and _looks_like_utf16_without_bom(data):
        raise DecodeError("像是没有 BOM 标记的 UTF-16 文本，不支持这种编码；请另存为 UTF-8 后再上传 "
                          "(UTF-16 without a byte-order mark is not supported: save the file as UTF-8)")
    if b"\x00" in data:
        raise DecodeError("文件含有 NUL 字节，像是二进制文件而不是文本")
    decoded = _try_decode(data)
    if decoded is None:
        raise DecodeError("无法按 UTF-8 或 GB18030 解码，不是可读的中文文本")
    return _finish(*decoded)


def _finish(text: str, encoding: str) -> DecodedText:
    """Refuse binary-looking and blank text; normalise line endings and drop a leading BOM."""
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DecodeError("控制字符过多，像是二进制文件")
    text = normalize_newlines(text).lstrip("\ufeff")
    if not text.strip():
        raise DecodeError("文件只有空白字符")
    return DecodedText(text=text, encoding=encoding)
