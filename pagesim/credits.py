"""Credit lines: who wrote the article, printed the ways district papers print it.

Styles seen on real pages: a standalone line above the body (``记者 张三 通讯员 李四``,
``XX日报全媒体记者 张三``, ``文/张三``, ``张三/文 李四/图``), a line after the body
(``·张三·``, ``记者 张三 摄``), an inline lead (``本报讯（记者 张三 通讯员 李四）``, part of the
body), a trailing ``（张三）`` after the last sentence, or nothing. Gold ``byline`` is the
credit as printed, without brackets for inline and trailing credits.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from pagesim.names import People


@dataclass
class Credit:
    """Where the credit is printed and what the gold byline says."""

    style: str = "none"
    before: str | None = None  # standalone line above the body
    after: str | None = None  # standalone line right after the body
    lead: str | None = None  # inline lead, printed as the start of the body
    trailing: str | None = None  # appended to the last paragraph, outside the body
    byline: str | None = None


def _reporters(people: People) -> str:
    return " ".join(people.reporters or people.correspondents)


def _with_roles(people: People, reporter_title: str = "记者") -> str:
    parts = []
    if people.reporters:
        parts.append(f"{reporter_title} {' '.join(people.reporters)}")
    if people.correspondents:
        parts.append(f"通讯员 {' '.join(people.correspondents)}")
    return " ".join(parts)


def _standalone(people: People, paper: str, rng: random.Random) -> str:
    """Return a standalone credit line in one of the printed forms."""
    first = (people.reporters or people.correspondents)[0]
    forms = [
        _with_roles(people),
        _with_roles(people, rng.choice(("首席记者", "全媒体记者"))),
        f"{paper}全媒体记者 {_reporters(people)}",
        f"文/{first}",
        f"{first}/文 {(people.correspondents or people.reporters)[-1]}/图",
        f"■ 通讯员 {_reporters(people)}",
    ]
    return rng.choice(forms)


def choose_credit(people: People, *, paper: str, rng: random.Random) -> Credit:
    """Pick a credit style for an article whose credit names these people."""
    style = rng.choices(
        ("none", "lead_plain", "lead_credit", "before", "after_dots", "after_photo", "trailing"),
        weights=(18, 12, 18, 26, 10, 5, 11))[0]
    if style == "none":
        return Credit()
    if style == "lead_plain":
        return Credit(style, lead=rng.choice(("本报讯 ", "本报讯　", "本报讯")))
    if style == "lead_credit":
        inside = _with_roles(people) if rng.random() < 0.7 else _reporters(people)
        short = rng.choice(("本报", "本报", paper.removesuffix("日报").removesuffix("报")))
        return Credit(style, lead=f"{short}讯（{inside}）" + rng.choice(("", " ")), byline=inside)
    if style == "before":
        line = _standalone(people, paper, rng)
        return Credit(style, before=line, byline=line.removeprefix("■ "))
    if style == "after_dots":
        line = f"·{_reporters(people)}·"
        return Credit(style, after=line, byline=line)
    if style == "after_photo":
        line = f"记者 {_reporters(people)} 摄"
        return Credit(style, after=line, byline=line)
    inside = _reporters(people) if rng.random() < 0.7 else _with_roles(people)
    return Credit(style, trailing=f"（{inside}）", byline=inside)
