"""Template filter that prints a leader's titles one office, one title (articles/offices.py)."""
from django import template

from articles.offices import normalise_titles

register = template.Library()


@register.filter
def office_titles(titles: list[str], district: object) -> str:
    """Join the titles normalised against the leader's district: 崇明区委书记、区委书记 → 区委书记."""
    return "、".join(normalise_titles(titles or [], district))
