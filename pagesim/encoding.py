"""Turn the page text into the bytes a print workflow hands over.

Real uploads come as UTF-8, UTF-8 with a BOM (Windows tools) or GB18030 (older Chinese
systems), sometimes with CRLF line ends.
"""
from __future__ import annotations

CODECS = {"utf-8": "utf-8", "utf-8 with BOM": "utf-8-sig", "gb18030": "gb18030"}


def encode_page(text: str, *, encoding: str, crlf: bool) -> bytes:
    """Return the page as bytes in the named encoding (gold's ``encoding`` value)."""
    if crlf:
        text = text.replace("\n", "\r\n")
    return text.encode(CODECS[encoding])


def decode_page(data: bytes, encoding: str) -> str:
    """Return the text back, with CR removed (how gold line labels count lines)."""
    return data.decode(CODECS[encoding]).replace("\r", "")
