"""Query planning: what a parsed query asks of the index, term by term.

Parsing (spaces = AND, ``OR``/``or``/``或``, ``"phrases"``, ``-exclusions``, ``标题:`` …) is
``articles.text.query.parse``, pure Python without Django; this module turns its ``Query``
into a ``Plan``: for every term, the index fields it may be found in and the character
grams to look for there (bigrams at consecutive positions, or one character in the unigram
field). Leader terms (``领导:``) become the ids of the leaders of that name.
"""
from __future__ import annotations

from dataclasses import dataclass

from articles.models import Leader
from articles.text import tokens
from articles.text.query import ANY, Query, Term, parse

__all__ = ["FIELDS_OF", "Plan", "TermPlan", "parse", "plan"]

# Which index fields a query field searches. 标题: covers the subtitle, as the page says.
FIELDS_OF = {
    ANY: ("title", "subtitle", "byline", "body"),
    "title": ("title", "subtitle"),
    "author": ("byline",),
    "body": ("body",),
}


@dataclass(frozen=True)
class TermPlan:
    """One term: its text, the fields to look in, its grams, or the leader ids it stands for."""

    text: str
    fields: tuple[str, ...]
    grams: tuple[str, ...]
    leader_ids: tuple[int, ...] | None = None  # set for 领导: terms only

    @property
    def is_leader(self) -> bool:
        return self.leader_ids is not None


@dataclass(frozen=True)
class Plan:
    """Every group must match (a group when any of its terms does); no excluded term may."""

    groups: tuple[tuple[TermPlan, ...], ...] = ()
    excluded: tuple[TermPlan, ...] = ()

    @property
    def text_terms(self) -> list[TermPlan]:
        """The positive terms matched in text: what relevance scores and the page highlights."""
        return [t for group in self.groups for t in group if not t.is_leader]


def plan(query: Query) -> Plan:
    """Plan a parsed query (one database query resolves every leader name it mentions)."""
    names = {t.text for t in (*query.positive_terms, *query.excluded) if t.field == "leader"}
    leaders: dict[str, list[int]] = {}
    if names:
        for pk, name in Leader.objects.filter(name__in=names).values_list("pk", "name"):
            leaders.setdefault(name, []).append(pk)
    return Plan(
        groups=tuple(tuple(_term(t, leaders) for t in group) for group in query.groups),
        excluded=tuple(_term(t, leaders) for t in query.excluded),
    )


def _term(term: Term, leaders: dict[str, list[int]]) -> TermPlan:
    if term.field == "leader":
        return TermPlan(term.text, (), (), tuple(sorted(leaders.get(term.text, ()))))
    return TermPlan(term.text, FIELDS_OF.get(term.field, FIELDS_OF[ANY]), tuple(tokens.char_grams(term.text)))
