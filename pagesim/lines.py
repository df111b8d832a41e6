"""The simulated page as printed lines, each labelled with its role (gold by construction).

A line is a list of segments so that one printed line can hold body text and something
that is not body (``（上接第1版）`` before a paragraph, ``下转►2版`` or ``（王强）`` after it);
gold body spans and noise are read from the segments, line roles from the line.

Line roles (``gold["lines"][i]["role"]``, one per line of the decoded text split on ``\\n``
with ``\\r`` removed):

- ``title``     a headline line (main title), wherever it is printed
- ``subtitle``  the second headline line (``——…`` subheading or factual line below the title)
- ``kicker``    an 引题 line above the title (also a ``【…】`` flag above a headline)
- ``lead``      the first line of an article body (where ``body_first`` starts)
- ``body``      any other line of an article body (continuation and later paragraphs)
- ``subhead``   a ``■`` sub-head line inside a body (part of the body span)
- ``credit``    a standalone byline or credit line (``记者 张三``, ``·张三·``, ``文/张三``)
- ``caption``   a photo caption line near its article
- ``header``    page furniture at the top: date / page / section line, 简讯 section labels
- ``footer``    page furniture at the bottom: ``责任编辑：… 版式：…``
- ``marker``    a continuation marker on its own line (``下转►2版``)
- ``qr``        a QR box line (``扫描二维码 观看视频``) or the headline of a QR box with no body
- ``echo``      a headline printed a second time (``标题标题`` on one line, or a repeat)
- ``teaser``    the 导读 block: its label and its items (``刊2版►``)
- ``blank``     an empty line

``article`` is the gold article number the line belongs to (body, head, credit, caption,
marker, echo of its title, blank lines inside its body), else null. A line's role is that
of its main content: a body line ending in an inline ``下转►2版`` stays ``body``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("title", "subtitle", "kicker", "lead", "body", "subhead", "credit", "caption",
         "header", "footer", "marker", "qr", "echo", "teaser", "blank")
BODY, NOISE, OTHER = "body", "noise", "other"


@dataclass
class Seg:
    """A run of printed characters: article body, a noise item (by group), or other text."""

    text: str
    kind: str = OTHER
    # Consecutive segments with the same noise group form one noise item (a wrapped echo).
    group: int | None = None


@dataclass
class Line:
    """One printed line with its gold role and article number."""

    segs: list[Seg] = field(default_factory=list)
    role: str = "blank"
    article: int | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segs)


@dataclass
class Block:
    """A paragraph-sized unit before wrapping: its segments and the roles its lines get."""

    segs: list[Seg]
    role: str
    article: int | None = None
    first_role: str | None = None  # role of the first wrapped line ("lead"), if different
    wrap: bool = True  # False keeps the block on one line whatever the page's wrap style


def blank(article: int | None = None) -> Line:
    """Return an empty line (inside a body when article is given)."""
    return Line([], "blank", article)
