"""Close names and terms for a search that found nothing: 缪景 → 缪京.

A reporter who mistypes one character of a name gets nothing back, and a name is exactly what
they search for most. Candidates come from the archive's own vocabulary, which is small: the
leaders' names and the office titles printed with them. A term "is close" when it has the same
length and one character differs (the usual slip of a pinyin input method picking a homophone).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q

from articles.models import Leader, LeaderTitle

MAX_SUGGESTIONS = 5
SHORTEST, LONGEST = 2, 12


@dataclass(frozen=True)
class Suggestion:
    term: str  # as typed
    instead: str  # the close name or title found in the archive
    kind: str  # "领导" or "职务"


def one_character_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b)) == 1


def _one_apart(term: str, field: str) -> Q:
    """Match values of ``field`` equal to ``term`` but for one character (one regular expression)."""
    chars = [re.escape(c) for c in term]
    options = "|".join("".join(chars[:i]) + "." + "".join(chars[i + 1:]) for i in range(len(term)))
    return Q(**{f"{field}__regex": f"^({options})$"})


def close_terms(terms: list[str]) -> list[Suggestion]:
    """Return leaders' names and office titles one character away from each term, most mentioned first."""
    found: list[Suggestion] = []
    for term in terms:
        if not SHORTEST <= len(term) <= LONGEST:
            continue
        names = Leader.objects.filter(_one_apart(term, "name"), mention_count__gt=0).order_by("-mention_count")
        titles = LeaderTitle.objects.filter(_one_apart(term, "title")).order_by("-mentions")
        for value, kind in [*((n, "领导") for n in names.values_list("name", flat=True)[:10]),
                            *((t, "职务") for t in titles.values_list("title", flat=True)[:10])]:
            if one_character_apart(term, value) and all(s.instead != value for s in found):
                found.append(Suggestion(term, value, kind))
    return found[:MAX_SUGGESTIONS]
