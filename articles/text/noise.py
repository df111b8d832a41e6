"""Recognise page furniture that belongs to no article.

Continuation markers, QR-code boxes and 导读 (digest) teasers sit between or inside
articles. They must be cut out before segmentation, otherwise they end up in bodies or
are mistaken for headlines of articles that have no text on this page.
"""
from __future__ import annotations

import re

from articles.text.clean import BULLETS
from articles.text.web_metadata import FULL_DATE, is_web_metadata

_NUM = "0-9０-９一二三四五六七八九十"
_PAGE = rf"第?\s*[A-Za-zＡ-Ｚａ-ｚ]?\s*[{_NUM}]+\s*版"
_ARROW = "►▶▸→>》＞"

# "下转►2版", "(下转第3版)", "转第2版" at the end of a line.
_CONTINUED_TO = re.compile(
    rf"\s*[（(]?\s*(?:下转|转至|转见|转第|转)\s*[{_ARROW}:：]?\s*{_PAGE}\s*[{_ARROW}]?\s*[)）]?\s*$"
)
_CONTINUED_TO_STRICT = re.compile(r"(?:下转|转至|转见)|转\s*第|[（(]\s*转")
# "(上接第1版)" at the start of a line.
_CONTINUED_FROM = re.compile(
    rf"^\s*[（(]?\s*(?:上接|接上|上转|紧接|续接|承接|接)\s*[{_ARROW}:：]?\s*{_PAGE}\s*[)）]?\s*"
)
# "刊2版►", "详见3版" under a 导读 teaser.
_TEASER_MARKER = re.compile(rf"^(?:刊|见|详见|请看|转)?\s*{_PAGE}\s*[{_ARROW}]*$")
# "某某标题 刊4版►", "某某标题（详见第3版）": a teaser printed with its pointer on one line.
_TEASER_LINE = re.compile(rf"\S\s*[（(]?\s*(?:刊|详见|请看)\s*{_PAGE}\s*[{_ARROW}]*\s*[)）]?$")
_DIGEST_HEADING = re.compile(
    r"^(?:[■□●◆◇▲★☆▪]\s*)?[【\[]?\s*(?:今日|本期|要闻|本版|内容)?(?:导\s*读|提\s*要)\s*[】\]]?$"
)
_QR = re.compile(r"扫描?\s*二\s*维\s*码|扫\s*码|扫\s*一\s*扫|^详情请?$|^更多详情$|^(?:详情)?请?扫描$")


# The roles of the editors a page or a web report credits (责任编辑：…, 初稿：…, 审核：…).
_EDITOR_ROLE = (
    r"(?:责任编辑|责编|编辑|文稿编辑|美编|版式|组版|校对|审校|值班编辑|本版编辑|版面设计|审核|审签|终审|一审|二审|三审"
    r"|监制|总监制|制片人|统筹|初稿|初审|复审|修改|发布|审定)"
)
# Page furniture: editor credits, folios and datelines printed on every page.
_FURNITURE = re.compile(
    rf"^[（(]?(?:本版)?(?:{_EDITOR_ROLE}[、，,]?)+\s*[:：/\s]"
    # The paper asking readers for tips: 欢迎提供新闻线索, 欢迎投稿.
    r"|^欢迎(?:提供|投稿|来稿|来电)[\u4e00-\u9fff]{0,10}$"
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:[（(]?\s*星期|周)[一二三四五六日天]"
    r"|星期[一二三四五六日天].{0,12}第\s*[0-9０-９]+\s*[版期]"
    # A month alone over a month's record of events: 2023年4月.
    r"|^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月$"
    # The number: 第162期(总第8609期).
    r"|^第\s*[0-9０-９]+\s*期\s*[（(]总第\s*[0-9０-９]+\s*期[)）]$"
    # A note on where the page's pictures or copy came from: 本版图片由各地融媒体中心提供.
    r"|^本版(?:图片|照片|稿件|文字|内容).{0,20}(?:提供|供稿|供图)$"
    # A news site's section name over a copied report: 某某新闻网本网要闻.
    r"|^[\u4e00-\u9fff]{2,12}网\s*(?:本网要闻|本网讯|要闻|首页)$"
    # Who supplied the page's copy: 某某新闻由某某县融媒体中心编发, 本版稿件由某某提供.
    r"|^[\u4e00-\u9fff]{2,16}由[\u4e00-\u9fff]{2,20}(?:编发|供稿|提供|发布|编辑|制作)$"
    # The yearbook a record of events is taken from: 某某年鉴 2022, （摘自《某某年鉴2022》）.
    r"|^[（(]?(?:摘自|选自)?《?[\u4e00-\u9fff]{2,10}年鉴》?\s*[（(]?\s*[0-9０-９]{4}\s*(?:年|卷)?\s*》?[）)]?$"
)
# A dateline naming the weekday anywhere in a short line: "某某日报 2024年5月4日 星期六".
_DATELINE = re.compile(
    r"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*[（(]?\s*(?:星期|周)[一二三四五六日天]"
)
# A short line naming the page (``某某报 第2版 综合新闻``) or the paper's colophon
# (publisher, serial number, postcode, printer) printed at the foot of every page.
# The page named as an e-paper names it: 当前版: 02版, 03版:县区新闻.
_FOLIO = re.compile(r"第\s*[0-9０-９A-Za-zＡ-Ｚ一二三四五六七八九十]{1,3}\s*版|^当前版\s*[:：]|^[0-9０-９]{1,3}\s*版\s*[:：]")
# A footer line naming the page's editors after its folio: 2版 综合 责任编辑：某某 版式：某某.
_EDITORS_IN_LINE = re.compile(r"(?:责任编辑|责编|版式|美编|校对|组版)\s*[:：]\s*[\u4e00-\u9fff]{2,4}")
_COLOPHON = re.compile(
    r"出版物号|CN\s*\d{2}\s*[-－]\s*\d{4}|邮发代号|邮\s*编\s*[:：]|印\s*刷\s*[:：]|社\s*址\s*[:：]"
    r"|地\s*址\s*[:：].{0,40}(?:邮编|电话)|[主承]办\s+.{0,20}出版"
)
# A photo caption: ``▲图为…``, ``图为…（张三 摄）``, ``（图为…摄）``.
_CAPTION = re.compile(
    r"^[▲△▼▽↑↓←→◀▶◆◇]\s*(?:图\s*为|上图|下图|左图|右图|图\s*[:：]|组图)"
    r"|^[（(]?\s*(?:图\s*为|上图[:：]|下图[:：]|左图[:：]|右图[:：]|图[:：])"
    r"|^[（(](?:资料图|资料图片|资料照片|图片来源[^（）()]{0,12}|网络图片)[）)]$"
    r"|^图片默认标题|_fororder_"  # a site's default photo title: 图片默认标题_fororder_某某出席会议1
    # a one-line caption with its photographer in brackets, no sentence: 某某在某村调研(张三摄)
    r"|^[^，,。；;！？!?（）()]{6,40}[（(]\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*\s*摄影?\s*[)）]$"
    r"|^[^，,；;]{2,30}。\s*[（(]?资料图片?[）)]?$"  # 新春走访慰问。资料图片
    r"|^(?!.*[到赴在进来去])[\u4e00-\u9fff]{1,8}现场。?$"
    # A short line after the caption mark with no clause in it: ▲走访市代表某某, ▲调研现场。 本报记者 摄
    r"|^[▲△][^，,；;！？!?：:]{2,30}$"
    r"|^《[^》]{2,24}》\s*(?:书影|封面|剧照|海报)$"  # 《某某县乡镇简志》书影
    r"|^[\u4e00-\u9fff]{2,12}\s+(?:作者\s*)?[\u4e00-\u9fff]{2,12}\s*供图$"  # 会议现场 作者 某某区政府 供图
    # Who stands where in the picture: 市委副书记某某（图右）在某地调研, 区委书记某某（左二）参观…
    r"|^[^。！？!?，,；;]{2,40}[（(]\s*(?:图\s*)?(?:[左右中前后]\s*[一二三四五六七八九1-9]?|正?中间?|居中)\s*[)）][^。！？!?，,；;]{2,40}$"
)
# Where a web page's photo stood, the copied text keeps only its placeholder: 图片, [图片].
# What a copied page leaves where a photo stood: 图片, 【视频】, or the picture's number alone (22).
# … or the photo's file name (某某广告片3.jpg).
_PHOTO_PLACEHOLDER = re.compile(
    r"^[\[【（(]?\s*(?:图片|图|照片|视频)\s*[\]】）)]?$|^[0-9]{1,3}$|^\S{1,40}\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE
)
# Classified notices (遗失声明, 招聘启事, 注销公告) are advertisements, not articles.
_NOTICE_HEADING = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}(?:遗失|作废|注销|减资|清算|招聘|寻人|寻物|迁坟|招租|拍卖|更正|致歉)"
    r"(?:声明|启事|公告|通告)|声明|启事|广告|分类广告)$"
)
_NOTICE_BODY = re.compile(r"声明作废|特此声明|特此公告|遗失[^。]{0,30}(?:执照|公章|证书|发票|证明|印章)")
# A page code such as ``A02`` or ``B3`` next to a full date in a page header line
# (``某某日报 A02 某某新闻 2024年5月9日``).
_PAGE_CODE = re.compile(r"(?<![A-Za-z0-9])[A-HJ-NP-Z]\s*[0-9]{1,2}(?![0-9])")
# A column flag printed alone in square brackets: ``【某某短评】``, ``【记者观察】``.
_COLUMN_FLAG = re.compile(r"^【[^【】，,。；;！？!?：:]{2,10}】$")
# A short section label after a box mark: ``■ 要闻速递`` (no punctuation, no sentence).
_LABEL = re.compile(r"^[■□●◆◇▪]\s*[\u4e00-\u9fff]{2,6}$")
_SECTION_LABELS = frozenset(
    "要闻 综合 综合新闻 时政 时政要闻 社会 民生 专版 专刊 副刊 广告 头版 本地新闻 区域新闻 镇村新闻"
    " 区县新闻 县区新闻 要闻速递 新闻速递 简讯 短讯 一周要闻 本地要闻 镇街新闻 乡镇新闻 部门动态 基层动态"
    " 本网要闻 本网讯 两会速递 县市区 市县区 区县 县区 区县动态 县域传真 县域新闻".split()
)
# A page code and the page's name: ``A6 区县新闻``, ``B2·综合``.
_PAGE_NAME = re.compile(
    r"^[A-HJ-NP-ZＡ-Ｚ]\s*[0-9０-９]{1,2}\s*[·・\s]?\s*[\u4e00-\u9fff]{2,8}(?:\s*[·・]\s*[\u4e00-\u9fff]{2,6})?$"  # A2 县域·时政
    r"|^[0-9０-９]{1,2}\s+[\u4e00-\u9fff]{2,8}\s*[·・]\s*[\u4e00-\u9fff]{2,6}$"  # 2  某某新闻·综合
    r"|^[0-9０-９A-Z]{1,3}\s*版\s*[·・\s]\s*[\u4e00-\u9fff]{2,6}$"  # 2版  要闻, 2版·综合
    r"|^[\u4e00-\u9fff]{2,4}\s*[·・]\s*(?:综合|要闻|新闻|时政|民生|社会|专版|专刊)$"  # 县区 · 综合
    r"|^[\u4e00-\u9fff]{2,8}(?:新闻|日报|报)\s*[A-HJ-NP-Z]\s*[0-9０-９]{1,2}$"  # 某某新闻 A2
    # The paper and its page: 某某日报  某某新闻
    r"|^[\u4e00-\u9fff]{2,6}(?:日报|晚报|报)\s+[\u4e00-\u9fff]{2,6}(?:新闻|要闻|综合|时政)$"
)
# The masthead alone on a line: ``某某日报``, ``某某报``, ``今日某某``.
_MASTHEAD = re.compile(r"^(?:[\u4e00-\u9fff]{1,6}(?:日报|晚报|时报|周报|报|新闻网)|[\u4e00-\u9fff]{2,4}新闻|今日[\u4e00-\u9fff]{2,4})$")
_NOT_MASTHEAD = re.compile(r"(?:汇|通|简|快|预|举|申|上|喜|海|捷|情|画|公|回|电|警|年|月|周)报$")


_EDITOR_CREDIT = re.compile(rf"^{_EDITOR_ROLE}\s*[:：][^，,。；;！？!?]{{2,30}}$")


_SPACED_ROLE = re.compile(r"^([\u4e00-\u9fff])\s+([\u4e00-\u9fff])(?=\s*[:：])")


def is_credit_block(line: str) -> bool:
    """A line of the credits a web report closes with (初稿：张三 / 审核：李四): the report above
    is finished, whatever follows."""
    return bool(_EDITOR_CREDIT.match(_SPACED_ROLE.sub(r"\1\2", line.strip())))


# A site's or paper's copyright notice: 凡本网注明“来源：某某”的所有作品，均为某某合法拥有版权的作品.
_COPYRIGHT = re.compile(
    r"^凡本[网站报刊][^。]{0,40}(?:作品|稿件|文章)|版权所有|合法拥有版权|未经(?:本[网站报])?(?:书面)?(?:授权|许可)[^。]{0,16}(?:转载|使用|复制)"
)


def is_page_furniture(line: str) -> bool:
    """Return True for page furniture: editor credits, folios, datelines, section labels."""
    s = line.strip()
    if is_web_metadata(s) or (len(s) <= 120 and _COPYRIGHT.search(s)):
        return True
    if len(s) > 60:
        return False
    s = _SPACED_ROLE.sub(r"\1\2", s)  # 初 审：某某, a role word with a spurious space in it
    if s in _SECTION_LABELS or _FURNITURE.search(s) or _COLOPHON.search(s) or _PAGE_NAME.match(s):
        return True
    if len(s) <= 40 and _DATELINE.search(s) and not re.search(r"[，,。；;！？!?]", s):
        return True
    # "某某日报 A02 某某新闻 2024年5月9日": a page code beside the date.
    if len(s) <= 40 and FULL_DATE.search(s) and _PAGE_CODE.search(FULL_DATE.sub("", s)) \
            and not re.search(r"[，,。；;！？!?]", s):
        return True
    if len(s) <= 50 and _EDITORS_IN_LINE.search(s) and not re.search(r"[，,。；;！？!?（）()]", s):
        return True
    # "某某报 第2版 综合新闻": a folio with no sentence punctuation.
    return len(s) <= 40 and bool(_FOLIO.search(s)) and not re.search(r"[，,。；;！？!?]", s)


def is_masthead(line: str) -> bool:
    """Return True for a paper's name alone on a line (``某某日报``): furniture at a page's top."""
    s = re.sub(r"\s", "", line)
    return bool(_MASTHEAD.match(s)) and not _NOT_MASTHEAD.search(s)


def is_column_flag(line: str) -> bool:
    """Return True for a bracketed column flag standing alone (``【某某短评】``)."""
    return bool(_COLUMN_FLAG.match(re.sub(r"\s", "", line)))


_KEYWORD_LABEL = re.compile(r"^[■□●◆◇▪]?\s*关键词\s*(?:[:：|｜]\s*)?(?!是)[\u4e00-\u9fff]{1,8}$")


def is_keyword_label(line: str) -> bool:
    """Return True for a ``关键词：发展`` label printed above a headline: a tag, not the headline."""
    return bool(_KEYWORD_LABEL.match(line.strip()))


def is_section_label(line: str) -> bool:
    """Return True for a short label after a box mark (``■ 要闻速递``).

    Inside an article such a line is a section head; it is page furniture only when a new
    item or headline follows it, which the segmenter decides.
    """
    return bool(_LABEL.match(line.strip()))


def is_digest_label(line: str) -> bool:
    """Return True for a section label that heads a run of separate items (``■ 简讯``, ``■ 要闻速递``)."""
    return re.sub(rf"^[{BULLETS}]|\s", "", line.strip()) in _SECTION_LABELS


def is_caption(line: str) -> bool:
    """Return True for a photo caption line (``▲图为…``, ``图为…（张三 摄）``)."""
    return bool(_CAPTION.match(line.strip()))


def is_photo_placeholder(line: str) -> bool:
    """Return True for the word a copied web page leaves where a photo stood (``图片``).

    It stands inside a report as often as between two, so it says nothing of a break."""
    return bool(_PHOTO_PLACEHOLDER.match(line.strip()))


def is_notice(line: str) -> bool:
    """Return True for a classified notice: its heading (遗失声明) or its text (…声明作废。)."""
    s = re.sub(r"\s", "", line)
    return is_notice_heading(s) or (len(s) <= 120 and bool(_NOTICE_BODY.search(s)))


def is_notice_heading(line: str) -> bool:
    """Return True for the heading of a classified notice (遗失声明, 招聘启事, 公告)."""
    return bool(_NOTICE_HEADING.match(re.sub(r"\s", "", line)))


def split_wrapped_continued_to(line: str, following: str) -> tuple[str, str | None]:
    """Split a ``（下转第`` / ``2版）`` marker that a hard wrap cut across two lines.

    Returns (rest of ``line``, whole marker) when ``following`` is nothing but the end of a
    marker begun on ``line``; otherwise (line, None).
    """
    if len(following) > 6:
        return line, None
    rest, marker = split_continued_to(line + following)
    if marker is None or len(rest) > len(line) or not line.startswith(rest):
        return line, None
    if len(marker) <= len(following):
        return line, None
    return rest, marker


def split_continued_to(line: str) -> tuple[str, str | None]:
    """Split a trailing ``下转►2版`` marker off a line; return (rest, marker or None)."""
    match = _CONTINUED_TO.search(line)
    if not match or not _CONTINUED_TO_STRICT.search(match.group(0)):
        return line, None
    return line[: match.start()].rstrip(), match.group(0).strip()


def split_continued_from(line: str) -> tuple[str, str | None]:
    """Split a leading ``(上接第1版)`` marker off a line; return (rest, marker or None)."""
    match = _CONTINUED_FROM.match(line)
    if not match or "接" not in match.group(0):
        return line, None
    if not re.search(r"上接|接上|上转|紧接|续接|承接|[（(]", match.group(0)):
        return line, None
    return line[match.end():].lstrip(), match.group(0).strip()


def is_teaser_marker(line: str) -> bool:
    """Return True for a digest pointer such as ``刊2版►`` (the teaser's page reference)."""
    return bool(_TEASER_MARKER.match(line.strip()))


def is_teaser_line(line: str) -> bool:
    """Return True for a teaser headline printed with its page pointer (``某某会议召开 刊4版►``):
    its story is on another page, so nothing on this page is headed by it."""
    return bool(_TEASER_LINE.search(line.strip()))


def is_digest_heading(line: str) -> bool:
    """Return True for the ``导读`` heading of a teaser block (导读, 【导读】, 本期提要)."""
    return bool(_DIGEST_HEADING.match(line.strip()))


def is_qr_line(line: str) -> bool:
    """Return True for the caption of a QR-code box (``详情请`` / ``扫描二维码``)."""
    s = line.strip()
    return len(s) <= 24 and bool(_QR.search(s))


# The rest of a QR instruction on the line below it: 扫描二维码 / 观看某某新闻.
_QR_REST = re.compile(
    r"^(?:观看|收看|查看|了解|阅读|获取|下载|关注|进入|参与|浏览|收听|领取|报名|预约|登录|填写|看|听|即可|可)"
)


def is_qr_continuation(line: str) -> bool:
    """Return True for a short line that finishes a QR caption (``观看某某新闻``, ``了解更多``)."""
    s = line.strip()
    return len(s) <= 16 and bool(_QR_REST.match(s))


_MAX_HEADLINE = 60


def echo_of(line: str) -> str | None:
    """Return the single copy if the line is a headline printed twice, else None.

    Layout software sometimes leaves a hidden copy of a headline next to the visible one;
    extraction then yields ``XX`` or, for a wrapped headline joined on one line,
    ``XXYY``. Whitespace is ignored; every repeated piece has at least two characters.
    """
    s = re.sub(r"\s", "", line)
    n = len(s)
    # Headlines are short: never search a body paragraph (the search is quadratic).
    if n < 4 or n > 2 * _MAX_HEADLINE or s.find(s[:2], 2) == -1:
        return None
    # best[i]: the single copy of s[i:] decomposed into doubled pieces, or None.
    best: list[str | None] = [None] * (n + 1)
    best[n] = ""
    for i in range(n - 4, -1, -1):
        for k in range(2, (n - i) // 2 + 1):
            rest = best[i + 2 * k]
            if rest is not None and s[i : i + k] == s[i + k : i + 2 * k]:
                best[i] = s[i : i + k] + rest
                break
    return best[0] or None


_MENU_LABEL = re.compile(r"^[A-Za-z0-9\u4e00-\u9fff]{2,8}$")


def is_menu(labels: list[str]) -> bool:
    """Return True if consecutive short lines are a web page's menu, not a headline.

    Pages copied from a government site carry their navigation (``微信信访`` / ``APP信访`` /
    ``短信信访``): three or more bare labels that end alike, or five or more bare labels.
    A headline block of that many lines, all under nine characters, does not occur.
    """
    texts = [label.strip() for label in labels]
    if len(texts) < 3 or not all(_MENU_LABEL.match(t) for t in texts):
        return False
    return len(texts) >= 5 or len({t[-2:] for t in texts}) == 1


_DIGEST_TITLE = re.compile(r"大事记|大事|纪要|简报|简讯|要闻|盘点|速递|短讯|快讯|纪事|集锦|摘要|动态")
_ITEM_START = re.compile(r"^\s*(?:[■□●○◎◆◇▲△★☆▪]|(?:[0-9０-９]{1,2}\s*月\s*)?[0-9０-９]{1,2}\s*[日曰])")


_RECORD_HEADING = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:大事记|大事|纪事|大事纪要)$")


def is_record_heading(line: str) -> bool:
    """Return True for the heading of a record of events alone on its line (``执政大事``)."""
    return len(line) <= 20 and bool(_RECORD_HEADING.match(re.sub(r"\s", "", line)))


def is_digest_title(headline: str, first_line_below: str) -> bool:
    """Return True for the heading of a digest (``2023年12月区政府大事记``, ``要闻简报``).

    Its items are separate untitled reports, each opening with a bullet or a date; the
    heading is the digest's furniture, not the first item's headline.
    """
    s = re.sub(r"\s", "", headline)
    return len(s) <= 40 and bool(_DIGEST_TITLE.search(s)) and bool(_ITEM_START.match(first_line_below))


_DATED_ITEM = re.compile(r"^\s*[■□●○◎◆◇▲△★☆▪]\s*(?:[0-9０-９]{4}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日曰]")


def is_dated_item(line: str) -> bool:
    """Return True for a digest item opening with a bullet and a date (``◆9月23日，…``)."""
    return bool(_DATED_ITEM.match(line))
