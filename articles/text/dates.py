"""Find day-level dates in Chinese news text and pick the date of the reported event.

Newspaper text prints dates as ``4月17日``, ``4 月 17 日至 18 日`` (spurious PDF spaces),
``2020年12月28日``, ``１２月２８日`` (full-width digits), ``十二月二十八日`` or just ``22日``.
Local papers usually omit the year, so it is filled in from a base date (the issue date).
Pure Python: no Django imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from articles.text.parsed import DateMention

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_S = r"\s*"
_NUM = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})"
_DAY_END = r"(?:日|号)"
_RANGE_SEP = r"(?:至|到|—{1,2}|–|－|-|~|～|〜)"

# One regex for a single day or a range.  Group names: y, m, d (start) and y2, m2, d2 (end).
_DATE_RE = re.compile(
    rf"(?:(?P<y>{_YEAR}){_S}年{_S})?"
    rf"(?:(?P<m>{_NUM}){_S}月{_S})?"
    rf"(?P<d>{_NUM}){_S}(?P<unit>{_DAY_END})?"
    rf"(?:{_S}{_RANGE_SEP}{_S}"
    rf"(?:(?P<y2>{_YEAR}){_S}年{_S})?"
    rf"(?:(?P<m2>{_NUM}){_S}月{_S})?"
    rf"(?P<d2>{_NUM}){_S}(?P<unit2>{_DAY_END}))?"
)

# Words that make a day recurring or a count rather than a calendar day.
_RECURRING_BEFORE = re.compile(r"(?:每月|每年|每逢|逢|每|第|前|后|近|连续|持续|共|达|历时|用时)\s*$")
_NOT_DAY_AFTER = re.compile(r"^\s*(?:内|以内|以来|之内|左右|多|余|游|报|常|益|趋|渐|本|元|韩|军|期)")
# Relative expressions that stand for the event day in a lead ("日前，…召开").
_RELATIVE = re.compile(r"日前|近日|近期|前不久|不久前|昨天|昨日|今天|今日|前天|上周|本周|近来|日内|连日")
_SENTENCE_END = re.compile(r"[。！？!?]")
# How many lead sentences may hold the event date: the lead sentence, and one more because
# features often open with a framing sentence ("为加强…，…。12月5日…").
_LEAD_SENTENCES = 2
# An undated-year day may lie this many days after the issue date (announced events).
_FUTURE_DAYS = 14
# ...or this many when the text itself looks ahead: 将持续至6月10日, 6月30日前完成.
_ANNOUNCED_DAYS = 183
_FORWARD_BEFORE = re.compile(
    r"(?:将|将于|将在|至|直至|截至|截止|截止到|持续到|延续到|预计|计划|定于|拟于?|届时|有效期)\s*$"
)
_FORWARD_AFTER = re.compile(r"^\s*(?:前|之前|以前|截止|止|起|开始|正式)")
# A page header: the full date at the top of the page with the furniture printed beside
# it (星期三, 第2版, 要闻, 责任编辑…), or a line holding nothing but the date.
_HEADER_LINES = 3
_HEADER_FURNITURE = re.compile(r"星期|周[一二三四五六日天]|礼拜|第\s*[0-9０-９A-Za-zＡ-Ｚ]+\s*版|版|编辑|农历|报")


@dataclass(frozen=True)
class _Parsed:
    """A regex hit with its numbers resolved; year may still be missing."""

    text: str
    pos: int
    year: int | None
    month: int | None
    day: int
    year2: int | None
    month2: int | None
    day2: int | None
    forward: bool = False  # the text looks ahead to this day (将持续至…, …前完成)


def _to_int(token: str | None) -> int | None:
    """Read ASCII, full-width or Chinese-numeral digits (十二, 二十八, 二〇二〇)."""
    if not token:
        return None
    token = token.translate(_FULLWIDTH)
    if token.isdigit():
        return int(token)
    if "十" not in token:  # positional: 二〇二〇
        value = 0
        for ch in token:
            if ch not in _CN_DIGITS:
                return None
            value = value * 10 + _CN_DIGITS[ch]
        return value
    tens, _, units = token.partition("十")
    if tens and tens not in _CN_DIGITS or units and units not in _CN_DIGITS:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _is_chinese_numeral(token: str | None) -> bool:
    return bool(token) and not token.translate(_FULLWIDTH).isdigit()


def _scan(text: str) -> list[_Parsed]:
    """Return every plausible day or range mention, in text order, with years unresolved."""
    found: list[_Parsed] = []
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        if not g["unit"] and not g["d2"]:
            continue  # a bare number
        if not g["unit"] and g["d2"] and not g["m"]:
            continue  # "3-5日" with no month is too weak
        if g["unit"] == "号" and not g["m"]:
            continue  # "3号线", "5号楼"
        start, end = m.start(), m.end()
        # Digits glued to the left belong to another number ("124日" is not a date).
        if start > 0 and text[start - 1].translate(_FULLWIDTH).isdigit():
            continue
        if _RECURRING_BEFORE.search(text[max(0, start - 4):start]):
            continue
        if not g["m"] and _NOT_DAY_AFTER.match(text[end:end + 3]):
            continue
        if _is_chinese_numeral(g["d"]) and not g["m"]:
            continue  # "三日" alone is usually a count of days
        year, month, day = _to_int(g["y"]), _to_int(g["m"]), _to_int(g["d"])
        year2, month2, day2 = _to_int(g["y2"]), _to_int(g["m2"]), _to_int(g["d2"])
        if not _valid(month, day) or (day2 is not None and not _valid(month2 or month, day2)):
            continue
        if year is not None and not 1900 <= year <= 2100:
            continue
        text_out = m.group(0).rstrip()
        forward = bool(_FORWARD_BEFORE.search(text[max(0, start - 4):start])
                       or _FORWARD_AFTER.match(text[start + len(text_out):start + len(text_out) + 3]))
        found.append(_Parsed(text_out, start, year, month, day, year2, month2, day2, forward))
    return found


def _valid(month: int | None, day: int | None) -> bool:
    if day is None or not 1 <= day <= 31:
        return False
    return month is None or 1 <= month <= 12


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, base: date, *, forward: bool = False) -> int:
    """Pick the year that puts month/day closest to ``base`` without landing more than
    ``_FUTURE_DAYS`` after it: a paper reports what already happened.  A day the text
    announces (``将持续至…``) may lie up to half a year ahead."""
    best_year, best_gap = base.year, None
    limit = _ANNOUNCED_DAYS if forward else _FUTURE_DAYS
    for year in (base.year - 1, base.year, base.year + 1):
        d = _safe_date(year, month, day)
        if d is None or (d - base).days > limit:
            continue
        gap = abs((d - base).days)
        if best_gap is None or gap < best_gap:
            best_year, best_gap = year, gap
    return best_year


def _resolve(p: _Parsed, base: date | None, period_year: int | None = None) -> DateMention:
    """Turn a raw hit into a DateMention; no month (or no year source) gives None.

    ``period_year``: the year heading of a record (大事记) the text is printed under; a
    date without a year belongs to it outright.
    """
    if p.month is None:
        return DateMention(p.text, None, None)
    year = p.year if p.year is not None else period_year if period_year is not None else (
        _nearest_year(p.month, p.day, base, forward=p.forward) if base else None
    )
    if year is None:
        return DateMention(p.text, None, None)
    start = _safe_date(year, p.month, p.day)
    if start is None:
        return DateMention(p.text, None, None)
    if p.day2 is None:
        return DateMention(p.text, start, start)
    month2 = p.month2 or p.month
    year2 = p.year2 or year
    end = _safe_date(year2, month2, p.day2)
    if end is not None and end < start and p.year2 is None:
        end = _safe_date(year2 + 1, month2, p.day2)  # "12月30日至1月2日"
    return DateMention(p.text, start, end if end else start)


def find_dates(text: str, *, base: date | None, period_year: int | None = None) -> list[DateMention]:
    """Return every specific day or day range named in ``text``, in text order.

    The year is taken from the text when printed, else from the record's year heading
    (``period_year``), else from ``base``; a mention without a month (``22日``) keeps
    start/end None, as the gold annotations do.
    """
    return [_resolve(p, base, period_year) for p in _scan(text)]


def _lead(text: str) -> str:
    """Return the first sentences of the article, where the event date is printed."""
    stop = 0
    for _ in range(_LEAD_SENTENCES):
        m = _SENTENCE_END.search(text, stop)
        if not m:
            return text
        stop = m.end()
    return text[:stop]


def event_date(text: str, *, base: date | None, period_year: int | None = None) -> date | None:
    """Return the day of the main reported event: the first dated day in the lead.

    A relative word (``日前``, ``近日``) before any date means the event has no printed day;
    a day without a month gives None; a range gives its first day.
    """
    lead = _lead(text)
    hits = _scan(lead)
    relative = _RELATIVE.search(lead)
    if not hits:
        return None
    first = hits[0]
    if relative and relative.start() < first.pos:
        return None
    return _resolve(first, base, period_year).start


_YEAR_MENTION = re.compile(r"(?<![0-9０-９])([12][0-9０-９]{3})\s*年(?!代)")
# A year printed in one of these contexts is a plan or a target, not the year of the issue.
_FUTURE_BEFORE = re.compile(r"(?:将于|将在|计划于?|预计|力争|争取|到|至|预定|拟于?|定于)\s*$")
_FUTURE_AFTER = re.compile(r"^\s*(?:年)?\s*(?:前|底前|远景|目标|愿景|开好局|将|召开|举办|建成|实现|完成)")


def header_date(text: str) -> date | None:
    """Return the issue date printed in the page header, or None.

    The header is one of the first lines of the page: a full date (year, month, day) with
    page furniture beside it (``2024年5月6日 星期一 第2版 要闻 责任编辑：张三``), or on its
    own.  A dated sentence of an article (``2024年5月6日，会议召开。``) is not a header.
    """
    seen = 0
    for raw in text.lstrip("\ufeff").split("\n"):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if len(line) > 60 or _SENTENCE_END.search(line) or re.search(r"[，,]", line):
            continue
        for p in _scan(line):
            if p.year is None or p.month is None or p.day2 is not None:
                continue
            rest = (line[:p.pos] + line[p.pos + len(p.text):]).strip()
            if rest and not _HEADER_FURNITURE.search(rest):
                continue
            found = _safe_date(p.year, p.month, p.day)
            if found:
                return found
    return None


def guess_issue_date(text: str) -> date | None:
    """Guess a page's issue date when none is supplied.

    The date in the page header wins; then an explicitly printed full date (the latest one).  Otherwise take the latest year
    printed that is not a plan ("将于2021年召开" → the issue is a year earlier at most), and
    combine it with the latest month/day printed on the page.  None when nothing supports it.
    """
    printed = header_date(text)
    if printed:
        return printed
    hits = _scan(text)
    full = [d for p in hits if p.year is not None and p.month is not None
            for d in [_safe_date(p.year, p.month, p.day)] if d]
    if full:
        return max(full)
    year = _heading_year(text) or guess_year(text)
    if year is None:
        return None
    days = [d for p in hits if p.month is not None
            for d in [_safe_date(year, p.month, p.day2 if p.day2 and not p.month2 else p.day)] if d]
    return max(days) if days else None


# A page heading naming its year and month, no day: 2023年12月区政府大事记, 2021年7-9月大事记.
_HEADING_YEAR = re.compile(r"^[【\[]?[^，,。；;]{0,12}?([12][0-9０-９]{3})\s*年\s*[0-9０-９]{1,2}\s*(?:[-—至到~～]\s*[0-9０-９]{1,2}\s*)?月(?![0-9０-９]|\s*[0-9０-９])")


def _heading_year(text: str, *, top: int = 3) -> int | None:
    """The year of a heading among the page's first lines that names a year and month only
    (``2023年12月区政府大事记``): the page's own period, whatever years its reports mention."""
    lines = [line.strip() for line in text[:1000].splitlines() if line.strip()][:top]  # the head only
    for line in lines:
        match = _HEADING_YEAR.match(line)
        if match and len(line) <= 40 and not re.search(r"[，,。；;]", line):
            return int(match.group(1).translate(_FULLWIDTH))
    return None


def guess_year(text: str) -> int | None:
    """Return the most plausible year of the page from ``2025年``-style mentions."""
    plain: list[int] = []
    planned: list[int] = []
    for m in _YEAR_MENTION.finditer(text):
        year = int(m.group(1).translate(_FULLWIDTH))
        if not 1949 <= year <= 2100:
            continue
        before = text[max(0, m.start() - 4):m.start()]
        after = text[m.end() - 1:m.end() + 4]
        if _FUTURE_BEFORE.search(before) or _FUTURE_AFTER.match(after[1:]):
            planned.append(year)
        else:
            plain.append(year)
    if plain:
        latest = max(plain)
        # "2024年工作情况和2025年工作安排": the later year is the current one unless it is
        # only ever named as a plan.
        return latest
    if planned:
        return min(planned) - 1
    return None




# The headings of a record of events (大事记): its year (``1995年``, ``某某执政纪要2015``,
# ``2023年12月区政府大事记``) and its months (``9月``, ``一月``, ``十二月份``).
_PERIOD_YEAR = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,8}(?:大事|纪要|纪事|记事)[\u4e00-\u9fff]{0,2}\s*)?([12][0-9]{3})\s*年?"
    r"(?:\s*([0-9]{1,2})\s*(?:[~～\-－至到]\s*([0-9]{1,2})\s*)?月)?(?:\s*[\u4e00-\u9fff]{0,8}(?:大事记|纪要|纪事|记事))?$"
)
_PERIOD_MONTH = re.compile(r"^([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月份?$")
_CONTINUED = re.compile(r"[（(]续[一二三四五六七八九十]*[)）]$")  # a heading carried on to the next page
_CN_MONTH = {name: k for k, name in enumerate("一 二 三 四 五 六 七 八 九 十 十一 十二".split(), 1)}


def period_heading(line: str) -> tuple[int | None, int | None] | None:
    """Return (year, month) for a record's year or month heading, None for any other line.

    A month heading gives (None, month): it keeps the year of the heading above it.
    """
    if len(line) > 40:
        return None  # a body line: no heading is this long
    s = _CONTINUED.sub("", re.sub(r"\s+", "", line).translate(_FULLWIDTH))
    if len(s) > 20:
        return None
    year = _PERIOD_YEAR.match(s)
    if year:
        # A run of months (2007年1~12月) is the record's year; its months come from the entries.
        month = int(year.group(2)) if year.group(2) and not year.group(3) else None
        return int(year.group(1)), month if month and 1 <= month <= 12 else None
    month = _PERIOD_MONTH.match(s)
    if month:
        value = int(month.group(1)) if month.group(1).isdigit() else _CN_MONTH.get(month.group(1))
        return (None, value) if value and 1 <= value <= 12 else None
    return None


_ENTRY_DAY = re.compile(r"^\W*([0-9０-９]{1,2})\s*[日曰]")


def entry_day(text: str, year: int, month: int) -> date | None:
    """The day of a record entry that prints only its day (``7日 全县…``) under a month heading."""
    match = _ENTRY_DAY.match(text)
    return _safe_date(year, month, int(match.group(1).translate(_FULLWIDTH))) if match else None
