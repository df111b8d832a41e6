"""Parse what a reporter types into the search box: terms, phrases, OR, exclusions and fields.

Syntax (documented on the search page):
  ``乡村振兴 耕地``        space = AND: both terms
  ``"长三角 一体化"``      quotes: one exact phrase (spaces between Chinese characters do not count)
  ``缪京 OR 李峻``         OR (also ``or`` or ``或``) between two terms: either
  ``-招聘``                minus: articles without the term
  ``标题:`` ``正文:`` ``作者:`` ``领导:``   search one field (``领导:`` is a leader's exact name)

Parsing never fails: anything the grammar does not explain is read as text, and what was
ignored is reported as a notice in plain Chinese. Terms come out folded by ``tokens.normalize``
so that they compare with ``Article.search_text``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from articles.text import tokens

FIELDS = {"标题": "title", "正文": "body", "作者": "author", "领导": "leader"}
ANY = "any"
MAX_TERMS = 12
# A token that is one of these, unquoted, joins its neighbours with OR (type "或" in quotes to find it).
OR_WORDS = ("OR", "or", "或")

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
_FIELD_PREFIX = re.compile(rf"({'|'.join(FIELDS)})[:：]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")


@dataclass(frozen=True)
class Term:
    """One thing to look for: folded text, the field it must be in, and whether it was quoted."""

    text: str
    field: str = ANY
    phrase: bool = False

    @property
    def indexable(self) -> bool:
        """True when the bigram index can find this term (two or more characters, or a leader)."""
        return self.field == "leader" or bool(tokens.query_terms(self.text))


@dataclass(frozen=True)
class Query:
    """A parsed query: every group must match; a group matches when any of its terms does."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    notices: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.excluded

    @property
    def positive_terms(self) -> list[Term]:
        """Every term a result may contain (what to highlight and rank by)."""
        return [t for group in self.groups for t in group]

    @property
    def has_index(self) -> bool:
        """True when at least one group can be answered from the index (the others are then checked)."""
        return any(all(t.indexable for t in group) for group in self.groups)


@dataclass
class _Token:
    text: str
    negated: bool = False
    field: str = ANY
    phrase: bool = False
    is_or: bool = False


def clean(raw: str) -> str:
    """Make raw input safe to parse: NFKC, control and invisible characters become spaces."""
    text = unicodedata.normalize("NFKC", raw.translate(_QUOTES))
    return _CONTROL.sub(" ", text)


def parse(raw: str) -> Query:
    """Parse a query string; never raises."""
    notices: list[str] = []
    toks = _tokenize(clean(raw or ""), notices)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    dropped = False
    for tok in toks:
        if tok.is_or:
            pending_or = bool(groups)
            continue
        term = _term(tok)
        if term is None:
            dropped = True
            pending_or = False
            continue
        if tok.negated:
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = False
    if dropped:
        notices.append("只含标点或符号的词已忽略。")
    if sum(len(g) for g in groups) + len(excluded) > MAX_TERMS:
        notices.append(f"检索词太多，只使用前 {MAX_TERMS} 个。")
        groups, excluded = _truncate(groups, excluded)
    return Query(
        groups=tuple(tuple(dict.fromkeys(g)) for g in groups),
        excluded=tuple(dict.fromkeys(excluded)),
        notices=tuple(notices),
    )


def _tokenize(text: str, notices: list[str]) -> list[_Token]:
    """Split on spaces, keeping quoted phrases whole; an unclosed quote runs to the end."""
    out: list[_Token] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        tok = _Token(text="")
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            tok.negated = True
            i += 1
        match = _FIELD_PREFIX.match(text, i)
        if match:
            tok.field = FIELDS[match.group(1)]
            i = match.end()
        if i < n and text[i] == '"':
            end = text.find('"', i + 1)
            if end < 0:
                notices.append("引号没有配对，已把引号后的全部文字当作一个短语。")
                end = n
            tok.text, tok.phrase = text[i + 1 : end], True
            i = end + 1
        else:
            start = i
            while i < n and not text[i].isspace() and not (text[i] == '"' and i > start):
                i += 1
            tok.text = text[start:i]
        tok.is_or = tok.text in OR_WORDS and not tok.phrase and not tok.negated and tok.field == ANY
        out.append(tok)
    return out


def _term(tok: _Token) -> Term | None:
    """Fold a token into a term; None when nothing searchable is left (only punctuation)."""
    text = tokens.normalize(tok.text).strip()
    text = re.sub(r"\s+", " ", text)
    if not any(ch.isalnum() for ch in text):
        return None
    return Term(text=text, field=tok.field, phrase=tok.phrase)


def _truncate(groups: list[list[Term]], excluded: list[Term]) -> tuple[list[list[Term]], list[Term]]:
    budget = MAX_TERMS
    kept: list[list[Term]] = []
    for group in groups:
        if budget <= 0:
            break
        kept.append(group[:budget])
        budget -= len(kept[-1])
    return kept, excluded[: max(budget, 0)]
