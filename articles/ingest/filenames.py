"""The file-name convention for issue files: ``<报名>_<YYYY-MM-DD>_<版次>.txt``.

Examples: ``崇明报_2025-04-19_01.txt`` (paper, date, page), ``青浦报_2025-03-13.txt``
(no page), ``2020-12-30_金山报_02.txt`` (any order). Pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
_PAGE = re.compile(r"^(?:p|第)?(\d{1,2})(?:版)?$", re.IGNORECASE)
_PAPER = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff·（）()A-Za-z0-9]*$")


@dataclass(frozen=True)
class FileNameFacts:
    """What a file name says about its issue; each field is None when it says nothing."""

    paper: str | None = None
    issue_date: date | None = None
    page: str | None = None


def parse_filename(name: str) -> FileNameFacts:
    """Read paper, issue date and page from a file name that follows the convention."""
    paper = issue_date = page = None
    for part in re.split(r"[_\s]+", PurePath(name).stem):
        if issue_date is None and (m := _DATE.match(part)):
            try:
                issue_date = date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                continue
        elif page is None and (m := _PAGE.match(part)):
            page = m[1].zfill(2)
        elif paper is None and _PAPER.match(part):
            paper = part
    return FileNameFacts(paper=paper, issue_date=issue_date, page=page)
