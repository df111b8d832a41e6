"""Find officials named with their titles: ``区委副书记、区长张三`` → 张三 [区委副书记, 区长].

The scan works on the text with all whitespace removed (PDF text splits names: ``王小 明``).
Every place where a post word (书记, 区长, 委员, 领导…) is directly followed by a name is an
anchor.  From an anchor we walk left to the start of the title, then across ``、`` to pick up
the earlier titles of the same person, and right across ``、`` to pick up further names that
share the titles (``区委常委、副区长张三、李四``; ``区领导王五、赵六…``).
Pure Python: no Django imports.
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from articles.text.parsed import LeaderMention
from articles.text.person_names import looks_like_name, read_name
from articles.text.titles import DELIMITERS, POST_RE, is_title, is_unofficial, trim_title

_WS = re.compile(r"\s+")
# Notes printed between a title and the name: 副区长（女）张三, 副局长（挂职）李四.
_PERSON_NOTE = re.compile(
    r"[（(](?:女|男|挂职|兼|兼任|代|主持工作|正[厅局处科]级|副[厅局处科]级|[厅局处科]级|列席|特邀)[)）]"
)
# Titles printed after the name in brackets: 张三（区委书记）, 李四(县委常委、副县长).
_BRACKETED = re.compile(r"[（(]([^（）()]{2,60})[)）]")
_MAX_LEFT = 40
# A list head followed by names separated by spaces, not 、: ``区领导 张三 李四 王五 出席``.
# Names listed before the list title: ``王五、赵六、孙七等区领导出席``. The list must start
# a clause, so the first name is not the tail of the words before it.
_LISTED_BEFORE = re.compile(
    r"(?:^|(?<=[，,。；;：:]))(?:以及|及)?((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4})等"
    r"([\u4e00-\u9fff]{0,6}?(?:[区县市省镇乡州旗级]|街道|班子|党政|以上)领导)"
)
# A county's leadership named as a group: 县四套班子领导, 副县级以上领导, 县级领导.
_LEADERSHIP_GROUP = re.compile(r"(?:[区县市旗]?四[套大家]班子|副?[区县市处]级以上|[区县市]级)领导")
_SPACED_HEAD = re.compile(r"领导[ \t\u3000\r\n]+")
_SPACED_TOKEN = re.compile(r"([\u4e00-\u9fff]+)([ \t\u3000\r\n]+)")
# Known names grouped by first character, so a lookup costs a handful of comparisons even
# with thousands of leaders on file.
Known = Mapping[str, tuple[str, ...]]


def _index_known(names: Iterable[str]) -> Known:
    grouped: dict[str, set[str]] = {}
    for name in names:
        name = _WS.sub("", name or "")
        if name:
            grouped.setdefault(name[0], set()).add(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()}


def _name_at(text: str, i: int, known: Known, *, listed: bool = False) -> str | None:
    return read_name(text, i, known.get(text[i], ()) if i < len(text) else (), listed=listed)


def _first_of_list(text: str, i: int, known: Known) -> str | None:
    """The first name of a list after its head (县领导程序、李建文…): followed by ``、`` it is
    read as a listed name, which may also be a word (程序) or end on 让 (邱国让)."""
    name = _name_at(text, i, known, listed=True)
    if not name or POST_RE.fullmatch(name) or text[i + len(name):i + len(name) + 1] != "、":
        return None
    return name


def _title_start(text: str, end: int, barrier: int) -> int:
    """Walk left from ``end`` to the nearest delimiter (or the previous person's name)."""
    i = end
    while i > barrier and i > end - _MAX_LEFT and text[i - 1] not in DELIMITERS:
        i -= 1
    return i


def _titles_before(text: str, start: int, barrier: int) -> list[str]:
    """Collect earlier titles joined by ``、`` (区委副书记、区长张三 → [区委副书记]).

    Stops at a segment that is not a title, e.g. a previous person's name.
    """
    titles: list[str] = []
    while start > barrier + 1 and text[start - 1] == "、":
        seg_end = start - 1
        seg_start = _title_start(text, seg_end, barrier)
        segment = trim_title(text[seg_start:seg_end])
        if not is_title(segment):
            break
        titles.insert(0, segment)
        start = seg_start
    return titles


def _is_new_person(text: str, start: int, known: Known) -> bool:
    """True when a title with a name begins at ``start`` (…张三、区政协主席李四)."""
    stop = start
    while stop < len(text) and stop - start < _MAX_LEFT and text[stop] not in DELIMITERS:
        stop += 1
    for m in POST_RE.finditer(text, start, stop):
        if _name_at(text, m.end(), known):
            return True
    return False


def _names_after(text: str, pos: int, known: Known) -> tuple[list[str], int]:
    """Read further names sharing the same titles: ``、李四`` ``、王五、赵六``."""
    names: list[str] = []
    pos = _skip_bracketed_titles(text, pos)
    while pos < len(text) and text[pos] == "、":
        if _is_new_person(text, pos + 1, known):
            break
        name = _name_at(text, pos + 1, known, listed=True)
        if not name:
            break
        names.append(name)
        pos = _skip_bracketed_titles(text, pos + 1 + len(name))
    return names, pos


def _skip_bracketed_titles(text: str, pos: int) -> int:
    """Step over a bracket of titles after a name: 市人大代表张三（某镇党委书记）、李四（…）."""
    m = _BRACKETED.match(text, pos)
    if m and all(is_title(trim_title(t)) for t in m.group(1).split("、")):
        return m.end()
    return pos


def _comma_spaced_lists(text: str) -> str:
    """Put ``、`` between names listed with spaces after a list head.

    ``区领导 张三 李四 王五 出席活动`` becomes ``区领导 张三、李四、王五 出席活动``.  Every
    token but the last must be a whole name on its own (2–4 characters, surname first); the
    last may carry the verb (``王五出席``).  A split name (``王小 明``) stops the list, and
    a list of one name is left alone.
    """
    if "领导" not in text:
        return text
    out: list[str] = []
    last = 0
    for head in _SPACED_HEAD.finditer(text):
        if head.start() < last:
            continue
        pos = head.end()
        seps: list[tuple[int, int]] = []
        names = 0
        while True:
            m = _SPACED_TOKEN.match(text, pos)
            token = m.group(1) if m else ""
            if not (m and looks_like_name(token) and read_name(token + "。", 0) == token):
                break
            names += 1
            seps.append((m.start(2), m.end(2)))
            pos = m.end()
        # The token after the last separator must start with a name too (王五 出席, 王五出席).
        if names and read_name(text, pos):
            names += 1
        else:
            seps = seps[:-1]
        if names < 2 or not seps:
            continue
        for s, e in seps:
            out.append(text[last:s])
            out.append("、")
            last = e
    out.append(text[last:])
    return "".join(out)


def _add(found: dict[str, list[str]], name: str, titles: list[str]) -> None:
    bucket = found.setdefault(name, [])
    for t in titles:
        if t not in bucket:
            bucket.append(t)


def find_leaders(text: str, *, known_names: Iterable[str] = ()) -> list[LeaderMention]:
    """Return one LeaderMention per official named with a title in ``text``, in text order.

    Titles are kept as printed (spaces removed) and split at ``、``.  People whose title
    belongs to a company, school, law firm or research institute are left out, as are
    reporters and volunteers.  ``known_names`` (leaders already on file) are read as names
    whenever they follow a title, whatever the name-boundary heuristics say.
    """
    flat = _PERSON_NOTE.sub("", _WS.sub("", _comma_spaced_lists(text or "")))
    known = _index_known(known_names)
    found: dict[str, list[str]] = {}
    barrier = 0  # end of the last name read: a title never reaches back past a person
    for m in POST_RE.finditer(flat):
        end = m.end()
        if end < barrier:
            continue
        name = _name_at(flat, end, known) or (m.group().endswith("领导") and _first_of_list(flat, end, known))
        if not name:
            continue
        start = _title_start(flat, m.start(), barrier)
        title = trim_title(flat[start:end])
        if not is_title(title):
            continue
        titles = _titles_before(flat, start, barrier) + [title]
        name_end = end + len(name)
        others, name_end = _names_after(flat, name_end, known)
        barrier = name_end
        if any(is_unofficial(t) for t in titles):
            continue
        for person in [name, *others]:
            _add(found, person, titles)
    _add_bracketed_titles(flat, found, known)
    _add_listed_before(flat, found)
    _add_titles_after_names(flat, found)
    return [LeaderMention(name, titles) for name, titles in found.items()]


def _add_listed_before(flat: str, found: dict[str, list[str]]) -> None:
    """Add the list title to names printed before it: ``王五、赵六等区领导出席``.

    Every item must be a whole name on its own, so a clause that merely ends in 、 and 等
    (调研、指导等区领导…) never turns words into people.
    """
    for m in _LISTED_BEFORE.finditer(flat):
        names = m.group(1).split("、")
        title = re.sub(r"^(?:在家的?|其他|其余|部分)", "", m.group(2))  # 在家的县四套班子领导: who was in town
        if not (is_title(title) or _LEADERSHIP_GROUP.fullmatch(title)) or not all(looks_like_name(n, listed=True) for n in names):
            continue
        for name in names:
            titles = found.setdefault(name, [])
            if title not in titles:
                titles.insert(0, title)


# A post printed after the name, as some papers write it (某区政府张三区长主持, 李四副区长汇报,
# 县委王五书记): a name (or names joined by 、) opening a clause or right after the body it
# serves, then a short post, then what the person did.
_TITLE_AFTER_NAME = re.compile(
    r"(?:^|(?<=[，,。；;：:])|(?<=政府)|(?<=[区县市]委)|(?<=[厅局]))((?:[\u4e00-\u9fff]{2,3}?、)*[\u4e00-\u9fff]{2,3}?)"
    r"((?:常务)?副?(?:书记|区长|县长|市长|镇长|乡长|旗长|主任|主席|部长|局长|厅长))"
    r"(?=[就在对向为主作代亲带一率出到深陪强指表介说讲参等、，,])"
)


_BODY_CHARS = re.compile(r"[委部局办会厅处院组队室司党团]")
_POST_THEN_DEED = re.compile(
    r"(?:书记|区长|县长|市长|镇长|乡长|旗长|主任|主席|部长|局长|厅长)[就在对向为主作代亲带一率出到深陪强指表介说讲参等、，,]"
)


def _add_titles_after_names(flat: str, found: dict[str, list[str]]) -> None:
    """Add officials whose post follows the name: ``某区政府张三区长亲自主持`` / ``李四、王五副厅长``."""
    if not _POST_THEN_DEED.search(flat):
        return  # no short post followed by a deed anywhere: nothing to look back from
    for m in _TITLE_AFTER_NAME.finditer(flat):
        names = m.group(1).split("、")
        if not all(looks_like_name(n) and not _BODY_CHARS.search(n) for n in names) or any(n in found for n in names):
            continue  # 常委、纪委书记 and 宣传部部长 name bodies, not people
        for name in names:
            _add(found, name, [m.group(2)])


def _add_bracketed_titles(flat: str, found: dict[str, list[str]], known: Known) -> None:
    """Add titles printed in brackets right after a name: ``张三（区委书记）``.

    The bracket must hold nothing but titles (split at ``、``); the name is the 2–4
    characters before it that read as a name on their own.
    """
    for m in _BRACKETED.finditer(flat):
        titles = [trim_title(t) for t in m.group(1).split("、")]
        if not all(is_title(t) for t in titles):
            continue
        if any(is_unofficial(t) for t in titles):
            continue
        start = m.start()
        for length in (3, 2, 4):
            i = start - length
            if i < 0:
                continue
            name = _name_at(flat, i, known)
            if name and len(name) == length:
                _add(found, name, titles)
                break


def returns_by_bare_name(paragraph: str, story: str) -> bool:
    """True when the paragraph's opening uses, as a subject, the bare name of an official the
    story above introduced with a title (``蔡奇一早在…`` / ``抵达后，蔡奇来到…``).

    News copy gives an official's title at the first mention in every report, so a paragraph
    that names one bare is still the same report, even under a sub-headline of its own.
    """
    names = {m.name for m in find_leaders(story[-1500:]) if len(m.name) >= 2}
    opening = _WS.sub("", paragraph)[:40]
    # Followed by 、 or a comma the name is one of a list (张三、李四等参加), not the subject.
    return any(re.search(rf"(?:^|[，,。；;]){re.escape(n)}(?![、，,])", opening) for n in names)
