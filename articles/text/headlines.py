"""Recognise headline lines and the leads that open articles, and read a headline's words.

Headlines are short lines without sentence punctuation; ``headline_assignment`` decides
which article each one heads. The jieba tokens read here are what a headline and a body
are compared by.
"""
from __future__ import annotations

import logging
import re
from functools import cache, lru_cache

from articles.text.clean import BULLETS, ends_mid_sentence, ends_sentence, visible_length

# Bullets and enumerators (一、 / 二是 / （三） / 4.) open section heads inside a body.
_BULLET_START = re.compile(
    rf"^(?:[{BULLETS}☆▪▶►]|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十]+[)）]|[0-9０-９]+[.、．](?!\d))"
)
# A dispatch lead: 本报讯, 【某某讯】, 新华社北京5月6日电, 中新网某地5月6日电, 央视网消息.
_LEAD_START = re.compile(
    r"^\s*(?:本报(?:[\u4e00-\u9fff]{0,4}|[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日)讯|(?:又|另)讯(?=[\s（(【0-9０-９])|【[^】]{0,12}讯】"
    r"|(?:新华社|中新社|中新网|人民网|人民日报|央视网|光明网|新华网)[\u4e00-\u9fff0-9０-９\s]{0,14}(?:电|讯|消息)"
    r"(?=[\s（(【]|[\u4e00-\u9fff]{2}))"
)
# A speaker and a verb of saying, then the words (or a sub-head that introduces them:
# ``金彪强调``, ``胡旭彬指出——``): never a headline.
_SPEECH = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:指出|强调|表示|要求|认为|介绍|说|称|提出|希望)(?:[,，:：]|[—-]*$)")
_COMMA = re.compile(r"[，,]")
_INNER_STOP = re.compile(r"[。；;]")
_KICKER_MARK = re.compile(r"^[-－—]|[—－-]{1,2}$")
# A kicker saying where a leader spoke (某某在某县调研时强调): what was stressed is the title.
SPEECH_KICKER = re.compile(r"(?:时|上)(?:强调|指出|要求|表示)[：:—-]*$")
_DASH_START = re.compile(r"^\s*(?:——|－－|--)")
_DASH_END = re.compile(r"(?:——|－－|--)\s*$")
_FULL_HEAD = 14  # a head line this long set over a shorter one is one headline run on
_FACTUAL = re.compile(r"举行|召开|开展|成立|调研|举办|启动|走访|会议|出席|签约|视察|检查|部署|发布|表彰|[0-9０-９]+[家个项名位]")
_PAIRS = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"), ("「", "」"), ("【", "】"))

_AGENCY_LEAD = re.compile(r"^\s*(?:新华社|中新社|中新网|人民网|人民日报|央视网|光明网|新华网)")


def is_agency_lead(text: str) -> bool:
    """Return True if the text opens with a news agency's dispatch lead (新华社…电)."""
    return bool(_AGENCY_LEAD.match(text)) and starts_article_lead(text)


# The dispatch lead of any paper, site or media centre: 东城新闻讯（…）, 衡阳县党政门户网讯 9月30日,
# 萧山网2月23日讯, 天津北方网讯：…, a reporter's 通讯员张三 李四报道：, and a media centre's
# credit in brackets: 某某融媒体(记者 张三)4月9日，….
_OUTLET_LEAD = re.compile(
    r"^\s*(?:[\u4e00-\u9fff]{2,12}讯\s*(?:[（(【:：]|\s+(?=\S))"
    r"|[\u4e00-\u9fff][\u4e00-\u9fff·•]{0,11}[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:讯|消息|电)"
    r"|[\u4e00-\u9fff]{4,12}消息\s*[:：]"  # 国际在线某某消息：
    r"|[\u4e00-\u9fff]{1,10}(?:网|台|报|新闻|融媒)消息\s*[（(:：]"  # 某某网消息(记者 张三)
    r"|(?!据)[\u4e00-\u9fff]{2,8}(?:气象台|气象局|网|台)消息\s*[，,]\s*(?=[0-9０-９今昨近日])"  # 某某气象台消息，29日…
    r"|(?:本报)?(?:记者|通讯员)[\u4e00-\u9fff\s、]{2,24}报道\s*[:：]"
    r"|[\u4e00-\u9fff]{2,10}(?:融媒体|融媒|新闻网|电视台|日报|晚报)\s*[（(]\s*(?:记者|通讯员|实习生))"
)
# Words ending in 讯 that are not an outlet's name: 闻讯 (on hearing), 通讯/资讯/喜讯…
_NOT_OUTLET = re.compile(r"^\s*[\u4e00-\u9fff]*(?:(?<!新)闻讯|通讯|资讯|喜讯|快讯|简讯|问讯|审讯|传讯|音讯|死讯|电讯)\s*[（(【:：]?$")


def starts_article_lead(line: str) -> bool:
    """Return True if the line opens an article with a news-agency lead (``本报讯``)."""
    return bool(_LEAD_START.match(line))


def starts_outlet_lead(line: str) -> bool:
    """Return True if the line opens with any outlet's dispatch lead (``东城新闻讯（李四）``).

    Broader than ``starts_article_lead``: a wrapped line can start inside a word, so the
    segmenter trusts it only at the start of a paragraph.
    """
    match = _OUTLET_LEAD.match(line)
    if not match:
        return False
    if re.search(r".本报讯", match.group(0)):
        return False  # a head run on into the paper's own lead below it (…今赴京采访 / 本报讯（…）
    return not _NOT_OUTLET.match(match.group(0).rstrip())


def _balanced(text: str) -> bool:
    if text.count('"') % 2:
        return False
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


# Words a sentence cannot stop on; a headline with a comma never ends on one either.
_DANGLING_END = re.compile(r"(?:的|和|与|及|或|对|把|将|被|向|从|并|且|而|之|于|给予|作为|就|为|在|是)$")


# Openings that only a report's own sentences use: they go back to a meeting or a speaker the
# report has named (会议还听取了…, 会上，…, 随后，…).
_REPORT_ONLY_START = re.compile(
    r"^(?:会议还|会上|本次会议|会议(?:指出|强调|要求|听取|审议|研究|传达|通报|认为|决定)|随后|此外|与此同时|据悉|据了解)"
    # A report's dateline and the clause it opens: 10月16日，市委副书记、市长某某…
    r"|^[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?:[上中下]午|晚上?|早上?|凌晨)?\s*[，,]\s*\S{4}"
)


# A line that is nothing but a day (6日, 2月10日, 5月6日上午, 1月15~18日, 13日—14日): a report's
# or a record entry's dateline set on its own line (曰 is OCR's 日).
_DAY_ONLY = re.compile(
    r"^(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*[日曰]?"
    r"(?:\s*[~～\-－—至到]+\s*(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*[日曰]?)?(?:[上中下]午|晚上?|早上?)?$"
)


def is_day_only(line: str) -> bool:
    """True for a line that is nothing but a day or a run of days (2月10日, 1月15~18日)."""
    s = line.strip()
    return ("日" in s or "曰" in s) and bool(_DAY_ONLY.match(s))


def looks_like_headline(line: str) -> bool:
    """Return True if a line, on its own, could be a headline.

    Headlines are short, carry no sentence punctuation and are self-contained (quotes and
    brackets balanced). A long kicker ending in ``——`` is allowed.
    """
    s = line.strip()
    n = visible_length(s)
    if n < 2 or _BULLET_START.match(s) or starts_article_lead(s) or _REPORT_ONLY_START.match(s) or is_day_only(s) \
            or s[0] in "，,、；;：:。":
        return False  # …and a line opening on punctuation the wrap pushed down from the line above
    kicker = s.endswith("——") or s.endswith("—")
    if n > (60 if kicker or _spaced_parts(s) else 40):
        return False
    if ends_mid_sentence(s) or _INNER_STOP.search(s[:-1]):
        return False
    if ends_sentence(s):
        # Exclamations occur in headlines, full stops do not.
        if s.rstrip("”\"'」』")[-1] not in "！？!?" or n > 20 or _COMMA.search(s):
            return False
    if not _balanced(s):
        return False
    commas = len(_COMMA.findall(s))
    if commas and _DANGLING_END.search(s):
        return False  # a clause cut off mid-sentence: 他指出，项目是经济社会发展的
    if commas and n > 30 and not kicker:
        return False  # two long clauses are a sentence that lost its full stop
    if commas >= 3 and not kicker:
        return False
    if commas == 2 and not kicker and not _parallel_phrases(s):
        return False
    return not introduces_speech(s)


def looks_like_head_over_lead(line: str) -> bool:
    """Return True if a line set right over a report's lead (某某讯, 本报讯) reads as its head.

    There a head may run long and hold one clause break (某区人大会议举行第三次全体会议，依法
    选举产生新一届…): a sentence that lost its full stop would not stand apart over a lead.
    """
    s = line.strip()
    if looks_like_headline(s):
        return True
    n = visible_length(s)
    if n < 8 or n > 64 or len(_COMMA.findall(s)) > 1 or _INNER_STOP.search(s) or ends_sentence(s):
        return False
    if ends_mid_sentence(s) or _DANGLING_END.search(s) or not _balanced(s) or starts_article_lead(s):
        return False
    return not (s[0] in "，,、；;：:。" or introduces_speech(s) or _BULLET_START.match(s))


def introduces_speech(line: str) -> bool:
    """True for a speaker introducing what follows (某某强调——, 他指出：): a sub-head of the
    report, never a headline or a kicker."""
    return bool(_SPEECH.match(line.strip()))


def _spaced_parts(s: str) -> bool:
    """A title and its subtitles printed on one line, set apart by spaces and no comma.

    ``某市重大项目集中开工某县分会场活动举行 4个项目集中开工 总投资7.85亿元`` runs past the
    length of one headline, but each part is one.
    """
    parts = s.split()
    return 2 <= len(parts) <= 4 and not _COMMA.search(s) and all(4 <= visible_length(p) <= 32 for p in parts)


def looks_like_headline_part(line: str) -> bool:
    """Return True if a line could be one wrapped line of a headline (quotes may be cut open).

    Used for a line printed twice (``钱小红出席“钱小红出席“``): the doubling is the
    evidence, so a quote left open by the wrap does not count against it.
    """
    s = line.strip()
    return 2 <= visible_length(s) <= 40 and not _INNER_STOP.search(s) and not ends_sentence(s) \
        and not starts_article_lead(s)


def _parallel_phrases(text: str) -> bool:
    """Return True for short comma-separated slogans (``稳字当头,协同发力,久久为功``)."""
    phrases = _COMMA.split(text)
    return visible_length(text) <= 25 and all(1 < visible_length(p) <= 8 for p in phrases)


# Words a headline never ends on: a preposition or conjunction, or a verb of going that still
# needs its destination (…代表来 / 我区开展视察).
_CANNOT_END = re.compile(r"(?:于|在|从|自|至|到|的|和|与|及|暨|将|把|对|为|是|了|并|由|向|被|来|赴|前往|走进|深入|莅临|来到|到达|[，,、])$")


def cannot_end_headline(text: str) -> bool:
    """True when the text stops on a word a headline cannot end on: it runs on below."""
    return bool(_CANNOT_END.search(text.strip()))


def leaves_open(text: str) -> bool:
    """True when the text opens a quote or bracket it does not close (``热烈庆祝“某某区第十八届``)."""
    return any(text.count(left) > text.count(right) for left, right in _PAIRS)


def clean_headline(text: str) -> str:
    """Strip markdown markup left by extraction (``# 标题``, ``**标题**``) and a digest item's
    bullet (``■ 标题``) from a headline: neither is part of what the headline says. A web
    topic tag (``#滚动#某某会议开幕``) closes its own ``#`` and is kept."""
    return re.sub(rf"^#+(?![^#\s]{{1,8}}#)\s*|^\*\*|\*\*$|^[{BULLETS}]\s*", "", text.strip()).strip()


@cache
def _jieba():  # noqa: ANN202 - the library's own module type
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=4096)
def cut_words(text: str) -> tuple[str, ...]:
    """jieba's words of ``text``, remembered: a page's headlines and leads are read many times."""
    return tuple(_jieba().lcut(text, HMM=False))


def splits_word(left: str, right: str) -> bool:
    """Return True if joining ``left`` and ``right`` makes a word across the seam.

    ``…两地干部多`` + ``次往来…`` yields the word 多次: the first line is a column-break
    fragment of a body paragraph, not a headline.
    """
    a = re.sub(r"\s", "", left)[-3:]
    b = re.sub(r"\s", "", right)[:3]
    if not a or not b:
        return False
    pos = 0
    for token in cut_words(a + b):
        end = pos + len(token)
        if pos < len(a) < end:
            return True
        pos = end
    return False


def tokens(text: str) -> list[str]:
    """Return the content tokens of a headline: jieba words of 2+ characters.

    Runs of single characters (names jieba does not know, ``钱`` ``甲``) are merged so that
    they can still be found in a body.
    """
    out: list[str] = []
    run = ""
    for token in cut_words(re.sub(r"\s", "", text)):
        if len(token) == 1 and "\u4e00" <= token <= "\u9fff":
            run += token
            continue
        if len(run) >= 2:
            out.append(run)
        run = ""
        if len(token) >= 2 and not token.isascii():
            out.append(token)
        elif len(token) >= 2 and token.isdigit():
            out.append(token)
    if len(run) >= 2:
        out.append(run)
    return list(dict.fromkeys(out))


def is_factual(text: str) -> bool:
    """True when a head line says who did what (举行, 召开, 调研…), as a report's head does."""
    return bool(_FACTUAL.search(text))


def _factual_score(part: str) -> int:
    score = 2 * bool(_KICKER_MARK.search(part.strip()) or SPEECH_KICKER.search(part.strip()))
    score += bool(_FACTUAL.search(part))
    return score


def _one_head_wrapped(first: str, second: str) -> bool:
    """True when two head lines read as one headline cut in two, not a head and its deck.

    The first line is set at a full head's width over a shorter rest (a two-phrase slogan set
    apart by a space, 坚持创新驱动 推动产业转型升级, is a whole head); or the seam cuts a
    word, a number or a clause (``_cut_at_seam``); or the second line is the first's predicate:
    a verb with no subject of its own after a line that does not end on one (全州省人大代表莅临我县
    / 开展集中视察活动), or any predicate under a bare organisation (县十八届人大 / 五次会议举行…);
    or the first line stops on a verb that takes the second as its object (某区召开创建 /
    全国文明城区调度会).
    A deck under a head follows a verb (走访调研 / 让获得感…更加充实), and a deck ending on a
    verb (招商引资再提速) stands alone.
    """
    first, second = first.strip(), second.strip()
    if SPEECH_KICKER.search(first):
        return False  # 某某在某地调研时强调: a kicker whole on its line, over what was stressed
    if visible_length(first) >= _FULL_HEAD and visible_length(second) < visible_length(first) \
            and not _spaced(first):
        return True
    if _cut_at_seam(first, second):
        return True
    head, tail = pos_flags(first), pos_flags(second)
    if not (head and tail):
        return False
    head_verb, tail_verb = _has_verb(head), _has_verb(tail)
    if (tail[0] == "v" or _VISIT_OPENING.match(second)) and not head[-1].startswith("v"):
        return True
    if _BARE_MEETING.match(second) and head[-1] in ("n", "vn", "ns", "nt"):
        return True
    if not head_verb and tail_verb and _names_body(first, head):
        return True
    if len(head) == 2 and head[0] in ("ns", "nr", "nt", "j") and head[1] == "v":
        return True  # who, then a bare verb (某县推动 / 茶叶产业振兴发展): its object is below
    # …or a verb whose object is the second line, which has no verb of its own (nouns made of
    # verbs aside: 当前重点工作, 安全生产这根弦).
    return head[-1].startswith("v") and "v" not in tail and not _spaced(first) and not _KICKER_MARK.search(second)


# A head line never stops on an ordinal, a bare number (十届区政府召开第23 / 次常务会议) or a
# question word without its question mark (…有哪些 / 变化？), and
# never opens on a conjunction or particle that ties it to the line above (和“六个行动”…).
_OPEN_NUMBER = re.compile(r"(?:第|[0-9０-９.]|[0-9０-９][个项名次届]|哪些|第[一二三四五六七八九十]+|[一二三四五六七八九十]+[次届])$")
# A second line that opens on the visit itself (调研信访工作) under who paid it (某某深入某乡).
_VISIT_OPENING = re.compile(r"^(?:调研|视察|考察|检查|督导|督查|走访|慰问|看望|观摩|指导)")
# A second line that is only a meeting and its verb (电视电话会议召开): whose meeting it is
# stands on the line above (某区森林防火工作).
_BARE_MEETING = re.compile(r"^\S{2,10}(?:会议?|会商|座谈会|推进会|调度会|现场会)(?:召开|举行|开幕|闭幕)$")
_CANNOT_START = re.compile(r"^(?:和|与|及|暨|并|、|，|,|的|之|等|了|着)")
# The end of a name of a body that acts: an organisation, a place, an assembly.
_BODY_END = re.compile(r"(?:区|县|市|镇|乡|村|旗|人大|政协|政府|组|部|委|局|办|院|厅|站|所|团|社)$")


def _cut_at_seam(first: str, second: str) -> bool:
    """True when the break between two head lines falls inside a word, number or clause."""
    return bool(cannot_end_headline(first) or leaves_open(first) or _OPEN_NUMBER.search(first)
                or _CANNOT_START.match(second) or splits_word(first, second))


def _has_verb(flags: tuple[str, ...]) -> bool:
    return any(f.startswith("v") for f in flags)


def _names_body(text: str, flags: tuple[str, ...]) -> bool:
    """True when a verbless line ends on who acts (屈原管理区, 县十八届人大): a subject, not a kicker."""
    return flags[-1] in ("ns", "nt", "j", "nr") or bool(_BODY_END.search(text))


def _spaced(text: str) -> bool:
    """A line of two phrases set apart by a space is a whole head (稳字当头 抓好春耕)."""
    return bool(re.search(r"\S\s+\S", text))


@lru_cache(maxsize=4096)
def pos_flags(text: str) -> tuple[str, ...]:
    """jieba's part-of-speech flags of a head line's words (cached: the heads of an
    end-of-page cluster are read again while the cluster is matched)."""
    from jieba import posseg

    return tuple(w.flag for w in posseg.cut(text))


def _join_wrapped_parts(parts: list[str]) -> list[str]:
    """Join the two first lines of a head of three or more lines when they are one headline
    cut in two (双峰7个 / 重点项目集中开工 / ——全县建设再掀高潮): the deck stays apart."""
    if len(parts) >= 3 and not _DASH_START.match(parts[1]) and _cut_at_seam(parts[0], parts[1]):
        return [parts[0] + parts[1], *parts[2:]]
    return parts


def split_title(parts: list[str]) -> tuple[str, str | None]:
    """Return (title, subtitle) from a headline unit's parts.

    The thematic line is the title; the factual line (who did what: 举行/召开/调研, or a
    kicker marked with dashes) is the subtitle. On a tie the longer line is the subtitle.
    Two lines tied by a dash, or one headline run on over two lines (``_one_head_wrapped``),
    are one title in print order.
    """
    parts = _join_wrapped_parts([p for p in parts if p])
    if len(parts) == 1:
        return parts[0], None
    if len(parts) == 2 and (_DASH_END.search(parts[0]) or _DASH_START.match(parts[1])):
        # A dash ties the two lines into one printed head (主题——副题 / 引题—— 主题): read
        # in print order it is one title, whichever line an editor would call the subtitle.
        return parts[0] + parts[1], None
    if len(parts) == 2 and _one_head_wrapped(parts[0], parts[1]):
        return parts[0] + parts[1], None
    if len(parts) == 3:
        scores = [_factual_score(p) for p in parts]
        for fact, (a, b) in ((0, (1, 2)), (2, (0, 1))):
            if scores[fact] and not scores[a] and not scores[b] and not _DASH_START.match(parts[b]):
                # Who did what over (or under) a two-line slogan: the slogan's two lines are
                # the title (某某在某县调研时强调 / 做好开放文章 / 深入推进某某治理).
                return parts[a] + parts[b], parts[fact]
    ranked = sorted(range(len(parts)), key=lambda i: (_factual_score(parts[i]), visible_length(parts[i])))
    title_index = ranked[0]
    rest = [p for i, p in enumerate(parts) if i != title_index]
    return parts[title_index], " ".join(rest)
