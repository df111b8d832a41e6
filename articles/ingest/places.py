"""Papers and districts: found by name, created the first time a page names them."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.utils.text import slugify

from articles.models import District, Paper
from articles.text.jurisdiction import locate

# Within one ``remembering_districts()`` block (one sync, one transaction) district answers are
# remembered: an issue names a few districts over and over. None outside such a block.
_districts_seen: dict[str, District] | None = None


@contextlib.contextmanager
def remembering_districts() -> Iterator[None]:
    """Remember district lookups for the duration of the block (one issue's sync)."""
    global _districts_seen  # noqa: PLW0603 - a per-block memo, reset in finally
    _districts_seen = {}
    try:
        yield
    finally:
        _districts_seen = None


def paper_for(name: str, *, district_name: str | None) -> Paper:
    """Return the paper called ``name``, creating it (in the page's district) the first time."""
    paper = Paper.objects.filter(name=name).first()
    if paper is not None:
        return paper
    district = district_for(district_name) if district_name else None
    return Paper.objects.create(name=name, slug=_unique_slug(Paper, name), district=district)


def district_for(name: str) -> District:
    """Return the district called ``name``, creating it with its city and province when known."""
    seen = _districts_seen
    if seen is None:
        return _district_for(name)
    if name not in seen:
        seen[name] = _district_for(name)
    return seen[name]


def _district_for(name: str) -> District:
    district = District.objects.filter(name=name).order_by("pk").first()
    if district is not None:
        return district
    province, city = _place_of(name)
    district, _ = District.objects.get_or_create(
        province=province, city=city, name=name, defaults={"slug": _unique_slug(District, name)}
    )
    return district


def _place_of(name: str) -> tuple[str, str]:
    """Return (province, city) of a district from the division data, or blanks when unknown or ambiguous."""
    return locate(name) or ("", "")


def _unique_slug(model: type, name: str) -> str:
    base = slugify(name, allow_unicode=True) or "x"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
