"""Search tokens: the text an article is matched against, and its CJK bigrams.

Matching uses overlapping CJK character bigrams (as Lucene's CJK analyzer does): every
query of two or more characters is found whatever a word segmenter would have made of
the context. An exact substring check on ``search_text`` then removes false positives.
Index and query side must use the same functions here, or recall breaks.

Folding is character by character (NFKC, lower case, traditional to simplified from
OpenCC's single-character table), so that a substring of a text always folds to a
substring of the folded text. OpenCC's phrase tables are deliberately not used: they
map ``乾`` to ``干`` alone but keep it in ``乾隆``, and a query for ``乾`` would then miss.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_CJK_RUN = re.compile(rf"[{_CJK}]{{2,}}")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")

# Separates the sections of ``search_text`` (titles, byline, body). A control character:
# queries are stripped of those, so a query can never match across two sections.
FIELD_SEP = "\x1f"


@cache
def _t2s_table() -> dict[int, str]:
    """Return a ``str.translate`` table from OpenCC's traditional-to-simplified characters."""
    from opencc import OpenCC

    converter = OpenCC("t2s")
    converter.convert("縣")  # loads the dictionaries
    table: dict[int, str] = {}
    for group in converter._dict_chain_data:  # noqa: SLF001 - the library exposes no other way
        for longest, _shortest, mapping in group:
            if longest != 1:
                continue
            for source, target in mapping.items():
                first = target.split(" ")[0]
                if len(source) == 1 and len(first) == 1 and first != source:
                    table[ord(source)] = first
    return table


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified ones (縣委書記 -> 县委书记), one character at a time."""
    return text.translate(_t2s_table())


def fold_char(char: str) -> str:
    """Fold one character the way ``normalize`` does (it may become several, e.g. ㈠ -> (一))."""
    return to_simplified(unicodedata.normalize("NFKC", char).lower())


def normalize(text: str) -> str:
    """Fold text for matching: full-width to ASCII, lower case, simplified, CJK de-spaced."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = to_simplified(text)
    return _SPACE_BETWEEN_CJK.sub("", text)


def search_text(*, titles: Iterable[str], byline: str, body: str) -> str:
    """Return the folded text an article is matched against: titles, byline, body as sections.

    Each section is folded on its own and joined with ``FIELD_SEP`` so that field queries
    (标题:, 作者:, 正文:) can test one section and no match spans two sections.
    """
    title = "\n".join(t for t in titles if t)
    return FIELD_SEP.join(normalize(part) for part in (title, byline or "", body or ""))


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


def query_terms(term: str) -> list[str]:
    """Return the index terms every text containing the folded ``term`` is sure to have.

    CJK bigrams are always safe. A lone CJK character is not (in the text it may sit inside
    a bigram), so a term without bigrams falls back to its Latin/digit words, matched whole;
    a term with neither (one character, emoji, punctuation) cannot use the index at all.
    """
    bigrams = sorted({run[i : i + 2] for run in _CJK_RUN.findall(term) for i in range(len(run) - 1)})
    if bigrams:
        return bigrams
    return sorted({run for run in _RUN.findall(term) if not ("\u3400" <= run[0])})


def is_bigram(term: str) -> bool:
    """True for exactly two CJK characters: then the index term is the whole term."""
    return len(term) == 2 and bool(_CJK_RUN.fullmatch(term))


def char_grams(text: str) -> list[str]:
    """Return the overlapping character bigrams of folded text (one character: itself).

    The search index stores these with positions for every character of a field, letters,
    digits and punctuation included, so a term is found exactly when its bigrams stand at
    consecutive positions: a substring test answered by the index alone.
    """
    if len(text) < 2:
        return [text] if text else []
    return [text[i : i + 2] for i in range(len(text) - 1)]


def quote_lexeme(term: str) -> str:
    """Quote one lexeme for a tsvector or tsquery literal."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


_quote = quote_lexeme


def tsvector_literal(text: str) -> str:
    """Return a ``tsvector`` literal holding the distinct terms of normalised text.

    Terms are CJK characters or ``[0-9a-z]`` runs, which never contain a quote or a
    backslash, so they are quoted without escaping (this runs once per article at ingest).
    """
    found: set[str] = set()
    for run in _RUN.findall(text):
        if len(run) > 1 and run[0] >= "\u3400":
            found.update([run[i : i + 2] for i in range(len(run) - 1)])
        else:
            found.add(run)
    return " ".join([f"'{t}'" for t in sorted(found)])


def tsquery_for(term: str) -> str:
    """Return a ``to_tsquery('simple', …)`` string that every text containing ``term`` matches."""
    parts = query_terms(normalize(term))
    return " & ".join(_quote(p) for p in parts)
