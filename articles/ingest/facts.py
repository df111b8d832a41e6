"""Which paper, day and page a file is: one priority order and one set of messages for every door.

The admin upload, its background worker, the ``ingest_issues`` command and the batch loader
all resolve a file's facts here, so they accept and refuse the same files for the same
reasons. Each fact is taken from the first source that gives one, strongest first:

=========  ==========================================================================
fact       sources, strongest first
=========  ==========================================================================
paper      ``explicit`` (set for this very file: the review form, the upload page's row
           for the file, the command's ``--paper``, the folder manifest's entry) →
           the file name (``报名_YYYY-MM-DD_版次.txt``) → ``defaults`` (the upload form,
           for every file) → the masthead (exactly one archive paper named in the text)
date       ``explicit`` → the file name → ``defaults`` → the date printed in the page
           header (``2025年4月19日 星期六 第1版``)
page       ``explicit`` → the file name → ``defaults`` → none
=========  ==========================================================================

The date is never guessed from a year printed anywhere in the text (the admin used to):
an article recalling "2020年" or announcing "将于2026年" would date the whole page wrongly
and silently, while a refused file says what is missing and the editor fixes it in review.
A file name with a date that is no real day (``2025-02-30``) is refused rather than
ignored, unless a date was given for the file explicitly.

Uploads never create papers (a typo would make a new one): ``create_papers=False`` refuses
a paper the archive does not know. The command creates the paper the first time it sees it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath

from articles.ingest.filenames import parse_filename
from articles.ingest.results import IngestError

NO_PAPER = ("无法确定报纸：页面上没有可识别的报名。请为文件指定报纸，"
            "或把文件命名为 报名_YYYY-MM-DD_版次.txt（如 崇明报_2025-04-19_01.txt）。")
UNKNOWN_PAPER = "未知报纸“{name}”：请从已有报纸中选择；新报纸需由管理员先在“报纸”中添加。"
NO_DATE = ("无法确定出版日期：版面页眉没有印出日期。请为文件指定出版日期，"
           "或把文件命名为 报名_YYYY-MM-DD_版次.txt。")
BAD_DATE = "文件名中的日期 {text} 不存在。"
FUTURE_DATE = "出版日期 {date} 在今天之后，不可能。"
EARLY_DATE = "出版日期 {date} 早于 1900 年，不可能。"
UNREADABLE = "不是可读的文本文件：{reason}"
NO_ARTICLES = "文件中没有找到任何文章。"

_DATE_LIKE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")
# An English gloss after a Chinese message: "文件为空 (the file is empty)".
_GLOSS = re.compile(r"\s*[(（][A-Za-z][^()（）]*[)）]")


class FactsError(IngestError):
    """The paper or date is missing or impossible: the bytes are fine, whoever gives the facts can retry."""


@dataclass(frozen=True)
class Hints:
    """What a caller knows of a file; empty fields say nothing.

    ``page`` is None when nothing was said about the page, and "" when the page was said to
    be none (an editor who describes a file without a page means it has none).
    """

    paper: str = ""
    issue_date: date | None = None
    page: str | None = None


@dataclass(frozen=True)
class Facts:
    """A file's resolved paper, issue date and page."""

    paper: str
    issue_date: date
    page: str


def chinese_only(message: str) -> str:
    """Drop English glosses from a message shown to editors: "文件为空 (the file is empty)" → "文件为空"."""
    return _GLOSS.sub("", message).strip()


def resolve_facts(*, filename: str, text: str, explicit: Hints, defaults: Hints, paper_names: Iterable[str],
                  header_date: date | None, today: date, create_papers: bool) -> Facts:
    """Return the file's facts by the priority order above; raise FactsError saying what is missing."""
    return Facts(
        paper=_resolve_paper(filename=filename, text=text, explicit=explicit, defaults=defaults,
                             paper_names=set(paper_names), create_papers=create_papers),
        issue_date=_resolve_date(filename=filename, explicit=explicit, defaults=defaults,
                                 header_date=header_date, today=today),
        page=_resolve_page(filename=filename, explicit=explicit, defaults=defaults),
    )


def paper_named_in(text: str, paper_names: Iterable[str]) -> str | None:
    """Return the archive's paper whose name the page prints (a masthead or 《崇明报》), if exactly one."""
    names = [name for name in paper_names if name in text]
    return names[0] if len(names) == 1 else None


def impossible_date_in_name(filename: str) -> str | None:
    """Return a date-like part of the file name that is no real day (2025-02-30), else None."""
    for match in _DATE_LIKE.finditer(PurePosixPath(filename).stem):
        try:
            date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
    return None


def check_date(value: date | None, *, today: date) -> date:
    """Return the date if a paper can have been printed that day; raise FactsError if not."""
    if value is None:
        raise FactsError(NO_DATE)
    if value > today:
        raise FactsError(FUTURE_DATE.format(date=value.isoformat()))
    if value.year < 1900:
        raise FactsError(EARLY_DATE.format(date=value.isoformat()))
    return value


def _resolve_paper(*, filename: str, text: str, explicit: Hints, defaults: Hints, paper_names: set[str],
                   create_papers: bool) -> str:
    named = parse_filename(filename).paper or ""
    # Without paper creation a file name's unknown word ("扫描件") must not beat the form's paper.
    usable_name = named if create_papers or named in paper_names else ""
    paper = (explicit.paper or usable_name or defaults.paper or named
             or paper_named_in(text, paper_names) or "").strip()
    if not paper:
        raise FactsError(NO_PAPER)
    if not create_papers and paper not in paper_names:
        raise FactsError(UNKNOWN_PAPER.format(name=paper))
    return paper


def _resolve_date(*, filename: str, explicit: Hints, defaults: Hints, header_date: date | None,
                  today: date) -> date:
    if not explicit.issue_date and (bad := impossible_date_in_name(filename)):
        raise FactsError(BAD_DATE.format(text=bad))
    named = parse_filename(filename).issue_date
    return check_date(explicit.issue_date or named or defaults.issue_date or header_date, today=today)


def _resolve_page(*, filename: str, explicit: Hints, defaults: Hints) -> str:
    if explicit.page is not None:
        return explicit.page.strip()[:20]
    return (parse_filename(filename).page or defaults.page or "").strip()[:20]
