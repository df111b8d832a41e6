"""Restore the full-width punctuation that the corpus stored as ASCII.

Printed pages use ，：；（）？; the corpus pages had them folded to ``,:;()?``. ASCII stays
where it belongs: inside numbers (``1,000``, ``10:51``) and addresses (``http://…?a=1``).
"""
from __future__ import annotations

import re

FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？"}
_URL = re.compile(r"(?:https?|ftp)://[!-~]+|www\.[!-~]+")


def _keeps_ascii(text: str, i: int) -> bool:
    """True when the ASCII mark at i sits between two ASCII letters/digits (1,000 / 10:51)."""
    if text[i] in "()":
        return False
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def _restore_plain(text: str) -> str:
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in FULL and not _keeps_ascii(text, i):
            chars[i] = FULL[ch]
    return "".join(chars)


def restore_fullwidth(text: str) -> str:
    """Return text with ``,:;()?`` made full-width except inside numbers and URLs."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        out.append(_restore_plain(text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_restore_plain(text[pos:]))
    return "".join(out)
