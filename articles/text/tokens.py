"""Search tokens: the text an article is matched against, and its CJK bigrams.

Matching uses overlapping CJK character bigrams (as Lucene's CJK analyzer does): every
query of two or more characters is found whatever a word segmenter would have made of
the context. An exact substring check on ``search_text`` then removes false positives.
Index and query side must use the same functions here, or recall breaks.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


@cache
def _converter():  # noqa: ANN202 - the library's own type
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified ones (縣委書記 -> 县委书记)."""
    return _converter().convert(text)


def normalize(text: str) -> str:
    """Fold text for matching: full-width to ASCII, lower case, simplified, CJK de-spaced."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = to_simplified(text)
    return _SPACE_BETWEEN_CJK.sub("", text)


def terms(text: str) -> list[str]:
    """Return the index terms of normalised text: CJK bigrams (a lone character alone) and Latin/digit words."""
    out: list[str] = []
    for run in _RUN.findall(text):
        if not ("\u3400" <= run[0]):
            out.append(run)
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def _quote(term: str) -> str:
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(text: str) -> str:
    """Return a ``tsvector`` literal holding the distinct terms of normalised text."""
    return " ".join(_quote(t) for t in sorted(set(terms(text))))


def tsquery_for(term: str) -> str:
    """Return a ``to_tsquery('simple', …)`` string that every text containing ``term`` matches."""
    parts = sorted(set(terms(normalize(term))))
    return " & ".join(_quote(p) for p in parts)
