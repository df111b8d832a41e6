"""Does an untitled paragraph start a new article? A small learned model decides.

On real pages one article often follows another with no headline, byline or 本报讯 between
them: the next story opens with a dateline (``12月7日下午，…``), with ``近日，…`` or with a
topic sentence. No single rule separates those openings from the next paragraph of the same
story, so the decision weighs evidence: how the paragraph opens (a dateline, a dispatch lead,
a pronoun or 会上 that refers back), how new its words and people are to the text above,
whether the text above ended the way reports end (``…参加调研。``), and the layout (a blank
line, an indent). The weights are learned by logistic regression from simulated pages built
from real published articles (``make train``) and shipped as a small JSON file.

Pure Python: no Django imports.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.text import districts, headlines
from articles.text.clean import BULLETS, ends_with_credit
from articles.text.page_lines import MONTH_DROPPED_DAY

MODEL_PATH = Path(__file__).resolve().parent / "models" / "boundary.json"

_SENTENCE = re.compile(r"^.+?[。！？!?]")
# A dateline whose 月 the source dropped (929日下午，): the digits still read as a month and a day.
_MONTH_DROPPED = re.compile(rf"^{MONTH_DROPPED_DAY}[，,]")
# A specific day at the very start: 5月6日上午，  2024年5月6日，  ６月３日，  3月4下午 (日 dropped).
# OCR reads 日 as 曰 often enough that a date must survive it.
_DAY_START = re.compile(
    r"^(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日曰]?"
    r"(?:\s*(?:[、至到~～-]|—{1,2})\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*[日曰])?"
    rf"|{_MONTH_DROPPED.pattern}"
)
_DAY_ONLY_START = re.compile(r"^[0-9０-９]{1,2}\s*[日曰]")
# A holiday named as the time of the news (2018年元旦前夕，… / 春节期间，…) dates a report as well.
_HOLIDAY_TIME = r"(?:[0-9０-９]{4}\s*年\s*)?(?:元旦|春节|新春|元宵节?|清明节?|五一|端午节?|中秋节?|国庆节?|重阳节?)(?:前夕|期间|来临之际|到来之际|当天)[，,]"
# A relative time opening the report, also after a short scene-setting clause: 近日，… /
# 春节将至，连日来，…
_RELATIVE_START = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,8}[，,])?(?:近日|日前|近期|连日来|前不久|今年以来|当前|眼下|近年来|[上本]周|昨天|今天|昨日|今日)"
)
_RELATIVE_DATELINE = re.compile(r"^(?:(?:近日|日前|近期|前不久|连日来|(?:今天|今日|昨天|昨日)(?:[上下]午|晚上?)?)[，,]"
                                rf"|{_HOLIDAY_TIME})")
_RELATIVE_DAY = re.compile(rf"^(?:近日|日前|昨日|昨天|今天|今日|[上下本]周[一二三四五六日]|{_HOLIDAY_TIME})")
# A day named early in the paragraph, unless it is the cut-off of a statistic (截至10月24日),
# the day something is scheduled for (会议将于7月12日召开) or the start of a period the story
# looks back on (自今年2月21日开始, 于今年9月1日开放), or a period's first or last day
# (12月3日起将延伸巡查, 6月30日前完成): none of them is the report's dateline. A range of days
# may drop its first 日 (12月19至20日).
_DATE_EARLY = re.compile(
    r"(?<!截至)(?<!截止)(?<!将于)(?<!定于)(?<!拟于)(?<!自)(?<!从)(?<!今年)(?<!去年)(?<!持续至)(?<!持续到)(?<!延续至)"
    r"(?<![0-9０-９])[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*(?:[至到~～-]|—{1,2})?\s*(?:[0-9０-９]{1,2}\s*)?[日曰]"
    r"(?!\s*(?:起(?!草)|开始|以来|之?前|止))"
    rf"|{_MONTH_DROPPED.pattern}"
)
# A bullet opens both the items of a digest (■ 5月6日，…) and the sub-heads of one column.
_BULLET = re.compile(rf"^[{BULLETS}]\s*")
# A dispatch lead of any paper or site: 本报讯 / 宝安讯 / 鼓楼新闻网讯 / 天津北方网讯：
_ANY_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,10}讯\s*[（(:：\s【]|^[\u4e00-\u9fff]{1,10}讯(?=[0-9０-９])")
# Openings that refer back to the story above: pronouns, 会上, 随后, 此外…
_BACK_REFERENCE = re.compile(
    r"^(?:他|她|他们|她们|其|该|这|此|此次|本次|这次|这一|会上|会议|会前|会后|随后|此外|另外|与此同时|同时|同日|当天|当日|期间"
    r"|活动|调研中|座谈中|座谈会上|据悉|据了解|据介绍|对此|目前|下一步|最后|首先|其次|再次|一是|二是|三是|四是|五是"
    r"|在[^，,。]{0,12}(?:中|上|时|后|期间)[，,]|[\u4e00-\u9fff]{2,10}(?:中|期间)[，,]"
    r"|[\u4e00-\u9fff]{0,4}(?:委员|代表)们|与会|大家|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]"
    # The order of business of the meeting above: 在主席台就座的有…, 出席会议的还有…, 大会执行主席…
    r"|在?主席台[上就]|(?:出席|参加|列席)(?:会议|大会|活动|仪式|开幕式)的|大会|应到"
    # The group the report has introduced, back as the subject: 市、县领导在督导结束之后，均…
    r"|(?:[省市县区镇乡]、?){1,3}领导(?:们)?(?:在|对|均|纷纷|先后|还|一行)"
    r"|(?:调研组|督导组|考察团|考察组|检查组|代表团|视察组|调研团)(?:一行|成员)?(?:在|对|均|先后|还|随后|认为|指出|强调|要求|表示|一致))"
)
# A date that only names an event of the story: 6月22日召开的座谈会上，…
_DATED_REFERENCE = re.compile(
    r"^(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*[日曰](?:上午|下午|晚上|晚)?(?:召开|举行|进行)的[^，,。]{0,14}(?:上|中|期间)[，,]"
)
# …also after a long title: 某某县开发区投资促进局副局长某某表示，
_SPEECH = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,8}|[\u4e00-\u9fff、]{2,20}?(?:长|书记|主任|主席|经理|负责人|董事长)[\u4e00-\u9fff]{2,3})"
    r"(?:指出|强调|表示|要求|认为|介绍|说|称|提出|希望|对[^，,。]{1,12}(?:给予|表示))"
)
# The way short reports end: who else attended.
_ATTENDANCE_END = re.compile(r"(?:参加|出席|陪同|参加调研|参加会议|参加活动|陪同调研|列席|参加座谈|一同调研|参加考察)[^。！？]{0,8}[。！？]\s*[”」]?$")
# An official named with a title in the first sentence: 区委书记张三 / 区长李四.
_TITLED = re.compile(
    r"(?:书记|区长|县长|市长|旗长|主任|主席|部长|局长|常委|镇长|乡长)(?P<name>[\u4e00-\u9fff]{2,3}?)"
    r"(?:带队|带领|率|深入|来到|来|前往|到|赴|主持|出席|调研|走访|一行|在|会见|检查|督导|看望|慰问|参加|实地|先后|听取)"
)

# A title said after the name when the report comes back to an official: 某某主席, 某某副县长.
_TITLE_AFTER_NAME = "副?(?:书记|主席|主任|县长|区长|市长|旗长|部长|局长|镇长|乡长)"


@dataclass(frozen=True)
class Context:
    """What the segmenter knows when it meets a body paragraph that follows a finished one."""

    before: str  # the text of the article above, as far as it goes
    lead: str  # the start of the candidate paragraph (a sentence or two)
    blank_before: bool  # a blank line separates it from the line above
    indent: bool  # the line is indented
    above_opened_with_lead: bool  # the article above opened with a dateline or dispatch lead
    above_titled: bool  # a headline stands right above the article above
    above_chars: int  # characters of body text the article above already has
    above_paragraphs: int  # paragraphs the article above already has
    blank_lines_split: bool  # the page keeps paragraphs tight, so blank lines are breaks
    hard_wrapped: bool  # the page is wrapped at a column width
    noise_between: bool = False  # a caption, menu or QR box stands between it and the text above
    head: str = ""  # the headline printed above the article above, if any
    opening: str = ""  # the first line of the article above


def _first_sentence(text: str) -> str:
    match = _SENTENCE.match(text)
    return match.group(0) if match else text


def _second_sentence(text: str) -> str:
    first = _first_sentence(text)
    return _first_sentence(text[len(first):]) if first != text else ""


def _novelty(lead: str, before: str) -> float:
    """Share of the lead sentence's content words that the text above never uses."""
    words = [t for t in headlines.tokens(_first_sentence(lead)) if not t.isdigit()]
    if not words:
        return 0.0
    return sum(1 for w in words if w not in before) / len(words)


def _new_people(lead: str, before: str) -> float:
    """1.0 when the lead names an official (title + name) the text above never names.

    The opening is read past a short topic sentence (老城厢是…的根。7月22日，区长某某…)."""
    match = _TITLED.search(_opening(lead)[:60])
    if not match:
        return 0.0
    return 0.0 if match.group("name")[:2] in before else 1.0


def _opening(lead: str) -> str:
    """The lead's first sentence, read on past a short topic sentence to the dateline."""
    first = _first_sentence(lead)
    return (first + _second_sentence(lead) if len(first) < 40 else first)[:80]


def _new_place(lead: str, before: str) -> float:
    """1.0 when the opening names a district, in full or through one of its towns, that the text
    above never names: a report from another county (近日，某某县…) on a page of several.

    Only the move counts, not staying: on a district paper every story is in the same place."""
    named = districts.divisions_named(_opening(lead), kinds=(districts.FULL, districts.TOWN))
    if not named:
        return 0.0
    known = set().union(*districts.divisions_named(before[-1500:]))
    return float(any(not (places & known) for places in named))


def names_returning_official(lead: str, before: str) -> bool:
    """True when the paragraph's opening clause has as its subject, by bare name, an official
    the text above introduced with a title: ``2月3日上午，某某一行来到…`` under a report of
    某某's visit goes on with that visit, as does ``5月20日，某某还考察了…``. A new report
    introduces its officials with titles."""
    lead, before = re.sub(r"\s+", "", lead), re.sub(r"\s+", "", before)
    names = {m.group("name") for m in _TITLED.finditer(before[-1500:])}
    opening = _first_sentence(lead)[:30]
    # The name may carry a short form of the title after it: 某某主席一行, 某某书记带队.
    return any(len(n) >= 2 and re.search(
        rf"^(?:[^，,。]{{0,12}}[，,])?{n}(?:{_TITLE_AFTER_NAME})?(?:一行|同志|带队|率队|先后|来到|深入|还|又|再)", opening)
        for n in names)


def refers_back(lead: str) -> bool:
    """True when the paragraph opens by referring to the story above (会议强调，/ 他指出，/ 会上，
    / 6月22日召开的座谈会上): no report opens that way. The model's ``back_reference`` feature."""
    s = _BULLET.sub("", re.sub(r"\s+", "", lead))
    return bool(_BACK_REFERENCE.match(s) or _DATED_REFERENCE.match(s))


def reports_speech(lead: str) -> bool:
    """True when the paragraph opens on what someone named in the story said (县委副书记某某介绍了…,
    辛少波指出，…): the body of a report, never its opening."""
    return bool(_SPEECH.match(_BULLET.sub("", re.sub(r"\s+", "", lead))))


def reports_attendance(lead: str) -> bool:
    """True when the paragraph's first sentence only says who else took part (某某、某某等参加
    相关活动。): the close of a report, never the opening of one."""
    first = _first_sentence(_BULLET.sub("", re.sub(r"\s+", "", lead)))
    return len(first) <= 80 and bool(_ATTENDANCE_END.search(first))


def reports_attendance_only(lead: str) -> bool:
    """An attendance sentence that has no dateline of its own (a dated one opens a report:
    8月30日，县政协主席某某主持召开…，某某参加会议。)."""
    s = _BULLET.sub("", re.sub(r"\s+", "", lead))
    return reports_attendance(s) and not _DATE_EARLY.search(s[:24])


def starts_with_day(text: str) -> bool:
    """Return True if the text opens with a bare day (``2日开福区…``), as a month's 大事记 items do."""
    return bool(_DAY_ONLY_START.match(re.sub(r"\s+", "", _BULLET.sub("", text.strip()))))


def continues_story(fragment: str, story: str) -> bool:
    """Return True if a ``(上接第1版)`` fragment reads as the rest of ``story``.

    It names an official the story named with a title, or most of its opening words are
    the story's own.
    """
    fragment, story = re.sub(r"\s+", "", fragment), re.sub(r"\s+", "", story)
    first = _first_sentence(fragment)[:80]
    names = {m.group("name") for m in _TITLED.finditer(story)}
    return any(len(name) >= 2 and name in first for name in names) or _novelty(first, story) <= 0.4


def _head_fits_lead(head: str, lead: str, body: str) -> float:
    """1.0 when the headline above the article above fits this paragraph better than that body.

    A headline printed out of place (above the wrong story) makes the next story's words look
    familiar; the body under it never uses them.
    """
    words = [t for t in headlines.tokens(head) if len(t) >= 2 and not t.isdigit()]
    if len(words) < 2:
        return 0.0
    in_lead = sum(1 for w in words if w in lead) / len(words)
    in_body = sum(1 for w in words if w in body) / len(words)
    return float(in_lead >= in_body + 0.3)


def features(ctx: Context) -> dict[str, float]:
    """Return the named evidence for one candidate paragraph (all values in 0..1)."""
    lead = re.sub(r"\s+", "", ctx.lead)
    bullet = bool(_BULLET.match(lead))
    lead = _BULLET.sub("", lead)
    before = re.sub(r"\s+", "", ctx.before)
    novelty = _novelty(lead, before)
    return {**_content_features(ctx, lead, before, novelty), **_form_features(ctx, lead, before, bullet, novelty)}


def _content_features(ctx: Context, lead: str, before: str, novelty: float) -> dict[str, float]:
    """How the paragraph opens and what it says, against the article above."""
    dated_reference = bool(_DATED_REFERENCE.match(lead))
    day_start = bool(_DAY_START.match(lead)) and not dated_reference
    tail = before[-40:]
    return {
        "day_start": float(day_start and ("月" in lead[:8] or bool(_MONTH_DROPPED.match(lead)))),
        "day_only_start": float(bool(_DAY_ONLY_START.match(lead))),
        "relative_start": float(bool(_RELATIVE_START.match(lead))),
        # A news lead's own relative dateline (近日，/日前，) rather than a scene-setting 当前/今年以来.
        "relative_dateline": float(bool(_RELATIVE_DATELINE.match(lead))),
        "date_early": float(bool(_DATE_EARLY.search(lead[:24]))),
        "any_lead": float(bool(_ANY_LEAD.match(lead))),
        "back_reference": float(refers_back(lead)),
        "speech": float(reports_speech(lead)),
        "novelty": novelty,
        "novelty_high": float(novelty >= 0.66),
        "novelty_low": float(novelty <= 0.2),
        "new_official": _new_people(lead, before),
        "new_place": _new_place(lead, before),
        "head_fits_lead": _head_fits_lead(re.sub(r"\s+", "", ctx.head), lead, before[len(re.sub(r"\s+", "", ctx.head)):]),
        "above_ends_attendance": float(bool(_ATTENDANCE_END.search(tail))),
        # The paragraph only says who else attended (县水务局局长某某出席会议。): a report's last line.
        "lead_is_attendance": float(reports_attendance(lead)),
        # The article above closed with its writer's name in brackets: …参加会议。（田涛宇）
        "above_ends_credit": float(ends_with_credit(tail)),
    }


def _form_features(ctx: Context, lead: str, before: str, bullet: bool, novelty: float) -> dict[str, float]:
    """Bullets, dates in the first sentences, and the layout around the paragraph."""
    day_start = bool(_DAY_START.match(lead)) and not _DATED_REFERENCE.match(lead)
    return {
        "bullet": float(bullet),
        # A bullet without a dateline or dispatch lead heads a part of one column (■ 注重思想引领).
        "bullet_subhead": float(bullet and not _DATE_EARLY.search(lead[:24]) and not _RELATIVE_START.match(lead)
                                and not _ANY_LEAD.match(lead) and not headlines.starts_article_lead(lead)),
        "bullet_x_date": float(bullet and bool(_DATE_EARLY.search(lead[:24]))),
        "above_short": float(ctx.above_chars < 120),
        "above_tiny": float(ctx.above_chars < 50),
        "date_first_sentence": float(bool(_DATE_EARLY.search(_first_sentence(lead)[:60]))),
        # A topic sentence, then the dateline: 老城厢是常州城市的根。7月22日，…
        "date_second_sentence": float(bool(_DAY_START.match(_second_sentence(lead)) or _RELATIVE_DAY.match(_second_sentence(lead)))),
        "noise_between": float(ctx.noise_between),
        "above_long": float(len(before) > 600),
        "above_one_paragraph": float(ctx.above_paragraphs <= 1),
        "above_opened_with_lead": float(ctx.above_opened_with_lead),
        "above_titled": float(ctx.above_titled),
        # A story that opened with a quote or a scene has its news lead still to come.
        "above_awaits_lead": float(not ctx.above_opened_with_lead and ctx.above_paragraphs <= 2),
        "titled_awaits_lead": float(ctx.above_titled and not ctx.above_opened_with_lead and ctx.above_paragraphs <= 2),
        "blank_before": float(ctx.blank_before),
        "indent": float(ctx.indent),
        "blank_break_page": float(ctx.blank_lines_split and ctx.blank_before),
        "hard_wrapped": float(ctx.hard_wrapped),
        "day_start_x_novel": float(day_start) * novelty,
        # The article above opened with a day too: a log of dated reports (2月2日，… / 2月4日，…).
        "dated_after_dated": float(day_start and bool(_DAY_START.match(_BULLET.sub("", re.sub(r"\s+", "", ctx.opening))))),
        "relative_x_novel": float(bool(_RELATIVE_START.match(lead))) * novelty,
    }


@dataclass(frozen=True)
class Model:
    """Logistic-regression weights over ``features`` and the decision threshold."""

    weights: dict[str, float]
    bias: float
    threshold: float = 0.5

    def probability(self, ctx: Context) -> float:
        """Return the probability that the candidate paragraph opens a new article."""
        return self.probability_of(features(ctx))

    def probability_of(self, values: dict[str, float]) -> float:
        """Return the probability for already computed ``features``."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def starts_article(self, ctx: Context) -> bool:
        """Return True if the paragraph should open a new (untitled) article."""
        return self.decide(features(ctx))

    def decide(self, values: dict[str, float]) -> bool:
        """Return True if already computed ``features`` call for a new article."""
        return self.probability_of(values) >= self.threshold

    def to_json(self) -> str:
        """Serialise with sorted keys and rounded weights, so retraining gives a stable diff."""
        data = {
            "bias": round(self.bias, 4),
            "threshold": round(self.threshold, 4),
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def load_model(path: Path = MODEL_PATH) -> Model:
    """Read a model written by ``Model.to_json``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(weights=dict(data["weights"]), bias=float(data["bias"]), threshold=float(data["threshold"]))


@lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The model committed with the code (loaded once per process)."""
    return load_model()
