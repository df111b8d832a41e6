"""Find the district or county-level city (区/县/县级市) an article is about.

An article is scanned in one pass against the division table (``division_index``): at each
character only the few name lengths that end or start there are looked up.  A page of ~7
articles costs well under a millisecond.

Evidence, strongest first: a full district name (``萧山区``), a town or street that belongs to
one district (``瓜沥镇`` → 萧山区), a short district name (``萧山``).  Bare local references
(``区委``, ``全区``, ``县领导``) back the page's own district (``default``): a county paper writes
``区领导`` for its own leaders even in a story about a visiting county.
Pure Python: no Django imports.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from articles.text.division_index import CITY, FULL, SHORT, TAIL_RE, TOWN, VILLAGE, Division, DivisionIndex, get_index
from articles.text.place_words import GENERIC_ALIASES, inside_word

_WS = re.compile(r"\s+")
# A short name glued to one of these is part of a road, avenue or company name (萧山大道).
_NOT_PLACE_AFTER = re.compile(
    r"^(?:[东西南北中]?路|[东西南北中]?大道|大道|大街|街|道|大桥|桥|公路|公园|广场|站|号|牌|杯|集团|公司|宾馆|饭店|酒店"
    r"|祠|寺|庙|故居|纪念馆|博物馆|景区|遗址)"  # a landmark named after a place: 武侯祠 is not 武侯区
)
_AFTER_POST = re.compile(r"(?:书记|局长|主任|部长|区长|县长|市长|镇长|主席|委员|处长|科长|院长|组长)[\u4e00-\u9fff]?$")
# Bare references to "our" district or county: 区委, 全区, 县领导...
_LOCAL_REF = re.compile(r"(?:[全本我该]([区县市])|([区县])(?:委|政府|人大|政协|领导|长|纪委|监委|法院|检察院|人武部|妇联|总工会|财政|级))")
_NOT_LOCAL_BEFORE = frozenset("社园小城景片街辖新湾库厂矿灾禁郊牧山林军特湖营校院厅苑所")
# On a county-level city's page, bare 市委/市长/副市长/市政府 are that city's own bodies.
_CITY_REF = re.compile(r"市(?:委|政府|人大|政协|领导|长|纪委|监委|法院|检察院|人武部|妇联|总工会|财政)")
_NOT_CITY_BEFORE = _NOT_LOCAL_BEFORE | frozenset("超都门股夜集楼菜闹坊黑早车互")

_WEIGHTS = {FULL: 3.0, SHORT: 2.0, TOWN: 2.0, VILLAGE: 1.0}
_TOWN_STEM = re.compile(r"^(.{2,}?)(?:镇|乡|街道)$")
_TITLE_FACTOR = 2.0


@dataclass(frozen=True)
class _Hit:
    kind: str
    candidates: tuple  # Divisions, or (province, city) pairs for CITY
    start: int
    end: int


def _scan(text: str, index: DivisionIndex) -> list[_Hit]:
    """Leftmost-longest scan of ``text`` (whitespace already removed) for known names."""
    spans: list[tuple[int, int]] = []
    for m in TAIL_RE.finditer(text):
        end = m.end()
        for length in index.tail_lengths.get(m.group(), ()):
            if length <= end and text[end - length:end] in index.names:
                spans.append((end - length, end))
                break
    lookup = index.others.get
    for start in range(len(text) - 1):
        lengths = lookup(text[start:start + 2])
        if lengths:
            for length in lengths:
                if text[start:start + length] in index.names:
                    spans.append((start, start + length))
                    break
    spans.sort(key=lambda se: (se[0], se[0] - se[1]))
    kinds = [_kind_of_name(text[a:b], index) for a, b in spans]
    hits: list[_Hit] = []
    last_end = 0
    covered = _covered_by_full_names(spans, kinds)
    for (start, end), kind in zip(spans, kinds):
        if start < last_end or (kind == SHORT and any(k in covered for k in range(start, end))):
            continue  # a short name overlapping one written in full (临西 in 莅临西乡塘区) is no place
        entries = index.names[text[start:end]]
        if _not_a_place(text, start, end, kind, entries):
            continue
        hits.append(_Hit(kind, tuple(p for k, p in entries if k == kind), start, end))
        last_end = end
    return hits


_KINDS: dict[str, str] = {}


def _kind_of_name(name: str, index: DivisionIndex) -> str:
    """``_kind_of`` a name of the table, remembered: the same few names come back page after page."""
    kind = _KINDS.get(name)
    if kind is None:
        kind = _KINDS[name] = _kind_of(index.names[name])
    return kind


def _kind_of(entries: list[tuple[str, object]]) -> str:
    """The most specific reading of a name wins: a district written in full over a city of the
    same name, a town over a short district name."""
    for kind in (FULL, TOWN, CITY, SHORT):
        if any(k == kind for k, _ in entries):
            return kind
    return VILLAGE


def _covered_by_full_names(spans: list[tuple[int, int]], kinds: list[str]) -> set[int]:
    """Positions of the text inside a name written in full (西乡塘区)."""
    return {k for (a, b), kind in zip(spans, kinds) if kind == FULL for k in range(a, b)}


def _not_a_place(text: str, start: int, end: int, kind: str, entries: list[tuple[str, object]]) -> bool:
    """True when the name found at ``start`` is, in this context, not the place it names."""
    if kind == FULL:
        return _generic_full_name(text, start, end, entries) or text[start:end + 1] == "代县长"
    if kind != SHORT:
        return False
    return bool(
        _NOT_PLACE_AFTER.match(text[end:end + 2])
        # Right after a post word a short name is (part of) a person: 副局长王兴宁 is not 兴宁区.
        or _AFTER_POST.search(text[max(0, start - 5):start])
        # A short name that starts inside a post word: 院长葛某 is not 长葛市.
        or _AFTER_POST.search(text[max(0, start - 3):start + 1])
        or inside_word(text, start, end)
    )


def _generic_full_name(text: str, start: int, end: int, entries: list[tuple[str, object]]) -> bool:
    """True for a district whose full name is an ordinary word (城区, 南区, 郊区) printed
    without its city in front: 文明城区 and 池南区 are not 晋城市城区 or Hong Kong's 南区."""
    if text[start:end] not in GENERIC_ALIASES:
        return False
    cities = {p.city for k, p in entries if k == FULL and isinstance(p, Division)}
    return not any(text[:start].endswith((city, city.rstrip("市"))) for city in cities)


@lru_cache(maxsize=1024)
def places_in(text: str) -> tuple[_Hit, ...]:
    """The places named in ``text`` (whitespace removed), remembered: one article's text is
    read for its district, for its leaders' district and as the text above the next paragraph."""
    return tuple(_short_names_as_towns(_scan(text, get_index()), text))


def _short_names_as_towns(hits: list[_Hit], text: str) -> list[_Hit]:
    """Read a short name as the town named in full elsewhere in the text: with ``柳林镇`` in
    the article, ``柳林中队`` is the town's team, not 柳林县."""
    stems: dict[str, tuple] = {}
    for h in hits:
        if h.kind == TOWN:
            m = _TOWN_STEM.match(text[h.start:h.end])
            if m:
                stems[m.group(1)] = h.candidates
    if not stems:
        return hits
    return [_Hit(TOWN, stems[text[h.start:h.end]], h.start, h.end)
            if h.kind == SHORT and text[h.start:h.end] in stems else h for h in hits]


def _local_refs(text: str, hits: list[_Hit]) -> dict[str, int]:
    """Count bare 区委/全区/县领导-style references not attached to a named place."""
    covered = set()
    for h in hits:
        covered.update(range(h.start, h.end))
    counts: dict[str, int] = defaultdict(int)
    for m in _LOCAL_REF.finditer(text):
        unit_pos = m.start(1) if m.group(1) else m.start(2)
        if unit_pos in covered:
            continue
        if m.group(2) and unit_pos > 0 and text[unit_pos - 1] in _NOT_LOCAL_BEFORE:
            continue
        counts[m.group(1) or m.group(2)] += 1
    return counts


def _city_refs(text: str, hits: list[_Hit]) -> int:
    """Count bare 市委/市长-style references not attached to a named place (昆某市委 is)."""
    covered = set()
    for h in hits:
        covered.update(range(h.start, h.end))
    count = 0
    for m in _CITY_REF.finditer(text):
        pos = m.start()
        if pos in covered or (pos > 0 and (text[pos - 1] in _NOT_CITY_BEFORE or pos - 1 in covered)):
            continue
        count += 1
    return count


_TOWARD = ("到", "来", "赴", "莅", "抵")


def _destinations(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Hits right after a verb of going (到/来/赴/莅临): where a visit takes place."""
    return [h for h in hits if h.kind != CITY and h.start > 0 and h.start <= 60 and text[h.start - 1] in _TOWARD]


def _named_in_lead(text: str, hits: list[_Hit]) -> set[Division]:
    """Districts named in full, unambiguously, in the text's first sentence: the story's subject
    (渠县第十九届人民代表大会…召开, 市委书记某某深入宾阳县…调研)."""
    stop = text.find("。")
    end = stop if 0 <= stop < 100 else 100
    return {h.candidates[0] for h in hits if h.kind == FULL and h.start < end and len(h.candidates) == 1}


def _score(hits: list[_Hit], factor: float, scores: dict[Division, float],
           context: dict[Division, float]) -> None:
    """Add each hit's weight to its district; an ambiguous name goes to the candidates best
    supported by context (default, same city, other mentions), shared if still tied."""
    for h in hits:
        if h.kind == CITY:
            continue
        weight = _WEIGHTS[h.kind] * factor
        cands = h.candidates
        if len(cands) > 1:
            best = max(context.get(c, 0.0) for c in cands)
            cands = tuple(c for c in cands if context.get(c, 0.0) == best)
        for c in cands:
            scores[c] += weight / len(cands)


def _context(hits: list[_Hit], default: Division | None) -> dict[Division, float]:
    """How well each candidate fits the rest of the text: its city or province is named, it
    is named unambiguously elsewhere, or it is the page's own district."""
    cities, provinces = set(), set()
    unique: dict[Division, float] = defaultdict(float)
    for h in hits:
        if h.kind == CITY:
            for prov, city in h.candidates:
                (cities.add((prov, city)) if city else provinces.add(prov))
        elif len(h.candidates) == 1:
            unique[h.candidates[0]] += 1
            cities.add((h.candidates[0].province, h.candidates[0].city))
            provinces.add(h.candidates[0].province)
    context: dict[Division, float] = defaultdict(float)
    for h in hits:
        if h.kind == CITY:
            continue
        for c in h.candidates:
            context[c] = (unique.get(c, 0) * 3 + ((c.province, c.city) in cities) * 2
                          + (c.province in provinces) + (c == default) * 5)
    return context


def _resolve_default(default: str | None, index: DivisionIndex) -> Division | None:
    """Find the Division for a default given as ``萧山区`` or ``萧山``; first one if shared."""
    if not default:
        return None
    name = _WS.sub("", default)
    options = index.by_name.get(name) or [p for k, p in index.names.get(name, []) if k in (FULL, SHORT)]
    return options[0] if options else None


def divisions_named(text: str, kinds: tuple[str, ...] = (FULL, SHORT, TOWN)) -> list[frozenset[Division]]:
    """Each place the text names as a district, by ``kinds`` (in full, by short name, through one
    of its towns), as the set of districts it may be: the article-break model asks whether a
    paragraph's opening moves to a district the story above never named."""
    hits = places_in(_WS.sub("", text or ""))
    return [frozenset(h.candidates) for h in hits if h.kind in kinds and h.candidates]


def district_of(text: str, *, title: str | None = None, default: str | None = None) -> str | None:
    """Return the full name of the district the text is about (``萧山区``), else ``default``.

    ``default`` is the page's dominant district: it wins ties, resolves ambiguous names and
    collects the bare local references (区委, 全区).  Names in ``title`` count double.
    """
    index = get_index()
    body = _WS.sub("", text or "")
    head = _WS.sub("", title or "")
    hits, title_hits = list(places_in(body)), list(places_in(head))
    default_div = _resolve_default(default, index)
    context = _context(hits + title_hits, default_div)
    scores: dict[Division, float] = defaultdict(float)
    _score(hits, 1.0, scores, context)
    _score(title_hits, _TITLE_FACTOR, scores, context)
    # The place a delegation goes to (考察团到新华区考察) is the story's place, not its home.
    _score(_destinations(head, title_hits) + _destinations(body[:60], hits), _TITLE_FACTOR, scores, context)
    # Diminishing returns: a visiting county named twenty times must not beat the host
    # district named fifteen times plus every 区委/区领导.
    ranked = {d: math.sqrt(s) for d, s in scores.items() if s > 0}
    local = _local_refs(body, hits)
    if default_div is not None and default_div.kind == "市":
        local["市"] = local.get("市", 0) + _city_refs(body, hits)
    # On a page of several districts, 县委/全县 in a story that names another county (twice,
    # or once in its lead) and never the page's own refer to the county it names.
    in_lead = _named_in_lead(body, hits)
    named_instead = default_div is not None and default_div not in ranked and any(
        d.kind == default_div.kind and (s >= _WEIGHTS[FULL] * 2 or d in in_lead) for d, s in scores.items()
    )
    if default_div is not None and not named_instead and (default_div in ranked or sum(local.values())):
        own = local.get(default_div.kind, 0)
        ranked[default_div] = ranked.get(default_div, 0.0) + 1.0 + math.sqrt(own)
    elif local:
        for d in ranked:
            ranked[d] += 0.5 * math.sqrt(local.get(d.kind, 0))
    if not ranked:
        return default_div.district if default_div else (default or None)
    best = max(ranked.items(), key=lambda kv: (kv[1], kv[0] == default_div))
    return best[0].district
