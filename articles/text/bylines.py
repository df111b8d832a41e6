"""Find who wrote an article: standalone byline lines, inline leads and source credits.

Local papers print the credit in three ways: a line of its own (``记者 周明``,
``·李文·``) before or after the body; inside the lead (``本报讯(记者 X 通讯员 Y)``),
where it stays part of the body; or as a trailing ``(转载自《桃源日报》)`` that is not
body text at all.
"""
from __future__ import annotations

import re

_NAME = r"[\u4e00-\u9fff]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[、，,\s]\s*{_NAME})*"
_ROLE = (
    r"(?:(?:本报|特约|特聘|首席|见习|实习|融媒体)*(?:记者|通讯员|实习生|摄影|摄像|撰稿|撰文|供稿)\s*[:：/|｜]?|(?:稿件|文稿|新闻)?作者\s*[:：]"
    r"|文\s*/\s*图\s*[:：/]?\s*|[文图摄]\s*[:：/|｜]|[文图摄]\s+)"
)
# One or more "role names" pairs and nothing else on the line.
_ROLE_LINE = re.compile(rf"^(?:{_ROLE}\s*{_NAMES}\s*)+$")
# "·李文·", "·王大山 赵小川·" (middle dots of several code points).
# A photo credit with the role after the names: "张三 摄", "（李四 王五 摄影）".
_PHOTO_LINE = re.compile(rf"^{_NAMES}\s*[/／]?\s*(?:摄|摄影|供图|图)$")
_DOT_LINE = re.compile(rf"^[·•・▪]\s*{_NAMES}\s*[·•・▪]$")
_INLINE = re.compile(
    r"^(?P<lead>本报(?:[\u4e00-\u9fff]{0,4})?讯\s*)[（(](?P<credit>[^()（）]{2,40})[)）]"
)
# The paper or newsroom a credit may name first: 某某日报记者, (某某市融媒体中心记者 张三 通讯员 李四)
_CREDIT_ORG = (
    r"(?:[\u4e00-\u9fff]{2,12}?(?:日报|晚报|报社|时报|周报|报|融媒体中心|传媒中心|新闻中心|电视台|广播电视台|新闻网|网"
    r"|新闻|融媒体|融媒|发布)|今日[\u4e00-\u9fff]{2,4}?|新华社|中新社|融媒体中心|传媒中心|新闻中心)?"
)
# Names in a bracketed credit after a role may be printed with nothing between them
# (（记者：张三李四 见习记者王五）): the bracket and the role already say they are names.
_GLUED_NAMES = r"[\u4e00-\u9fff]{2,12}(?:\s*[、，,\s]\s*[\u4e00-\u9fff]{2,12})*"
# The office that sent a report, credited after its last sentence: (某某区人大常委会代表工委),
# （某县新闻办 张三 李四 图/文）.
_OFFICE = r"[\u4e00-\u9fff]{1,16}?(?:委员会|工委|委|办公室|办|局|中心|宣传部|部|站|所|队|社|处|科|院|庭|人大|政协)"
_OFFICE_CREDIT = rf"{_OFFICE}(?:\s*{_NAMES})?(?:\s*(?:图\s*/\s*文|文\s*/\s*图|供稿|供图|摄))?"
_CREDIT = re.compile(
    r"[（(]\s*(?P<credit>(?:转载自|转自|摘自|原载|来源|稿件来源|据)[^()（）]{1,40}"
    # (某某 某某 某某日报融媒体记者 某某): writers named before the outlet's reporter
    rf"|(?:{_GLUED_NAMES}\s+)?{_CREDIT_ORG}(?:本报|特约|首席|见习)*(?:记者|通讯员|实习生)\s*[:：]?\s*{_GLUED_NAMES}(?:\s*{_ROLE}\s*{_GLUED_NAMES})*"
    # the writer and the source: (作者 某某 来源:某某文化馆), (记者:某某 来源:某某报)
    rf"|(?:作者|撰稿|撰文|记者)\s*[:：]?\s*{_GLUED_NAMES}\s*(?:来源|供稿)\s*[:：]\s*[^()（）]{{2,20}}"
    rf"|(?:(?<=[。！？!?][（(])|(?<=^[（(]))\s*{_OFFICE_CREDIT})\s*[)）]\s*$"
)
# A source credit standing on its own line: "（来源：某某发布）", "来源：某某日报".
_SOURCE_LINE = re.compile(r"^(?:稿件)?来源\s*[:：]\s*\S.{0,24}$|^(?:转载自|转自|摘自|原载)\s*\S.{0,24}$")
_CREDIT_ROLE = re.compile(r"记者|通讯员|实习生|摄影|摄像|撰稿")
# Several roles under one credit: 文、图、视频/某某 某某, 记者/作者：某某镇人民政府.
_ROLE_WORD = r"(?:文|图|视频|摄影|摄像|记者|作者|编辑)"
_GOVERNMENT = r"[\u4e00-\u9fff]{2,12}?(?:人民政府|政府)"
_ROLES_CREDIT = re.compile(rf"^{_ROLE_WORD}(?:\s*[、/／]\s*{_ROLE_WORD})+\s*[:：/／]\s*(?:{_NAMES}|{_OFFICE}|{_GOVERNMENT})$")
# An office, or a site's account, credited as the writer: 作者：某某镇人民政府, 作者:某某微记录.
_OFFICE_AUTHOR = re.compile(
    rf"^(?:稿件|文稿)?(?:作者|供稿)\s*[:：]\s*(?:{_OFFICE}|{_GOVERNMENT})$|^(?:稿件|文稿|新闻)?作者\s*[:：]\s*[\u4e00-\u9fff]{{2,12}}$"
)
# The newsroom alone, set under a head: 某某融媒, 某某县融媒体中心; or the office that sent the
# report: 某某县政府办公室, 某某县委宣传部.
_NEWSROOM = re.compile(
    r"^[\u4e00-\u9fff]{2,8}?(?:融媒体中心|融媒|传媒中心|新闻中心)$"
    r"|^[\u4e00-\u9fff]{1,8}?[县区市旗](?:人民)?(?:政府办公室|委办公室|政府办|委办|委宣传部|人大常委会办公室|政协办公室)$"
)


def names_only(text: str) -> int:
    """Return how many names the text holds when it is nothing but names (``张三 李四``), else 0."""
    from articles.text.person_names import looks_like_name

    names = _rejoin_split_names([n for n in re.split(r"[、，,\s]+", text.strip()) if n])
    return len(names) if all(len(n) <= 4 and looks_like_name(n) for n in names) else 0


def _rejoin_split_names(tokens: list[str]) -> list[str]:
    """A spurious space can split a name (黄 强, 罗卫 国): a one-character token is joined to its
    neighbour when no name is one character long."""
    out: list[str] = []
    for token in tokens:
        if out and (len(token) == 1 or len(out[-1]) == 1) and len(out[-1]) + len(token) <= 4:
            out[-1] += token
        else:
            out.append(token)
    return out


def _bracketed_names(s: str) -> bool:
    return 0 < names_only(re.sub(r"^[（(](.*)[)）]$", r"\1", s)) <= 4


# The writer and the source on one line: 作者：某某    来源：某某网--某某日报.
_AUTHOR_AND_SOURCE = re.compile(r"^(?:作者|记者)\s*[:：]\s*[\u4e00-\u9fff]{2,4}\s+(?:稿件)?来源\s*[:：]\s*[^，,。；;！？!?]{2,24}$")
# Who produced a video report: 某某社音视频部制作, （张三 制作 李四 视频来源 某某县融媒体中心）.
_PRODUCTION_CREDIT = re.compile(
    r"^[\u4e00-\u9fff]{2,12}(?:部|中心|社|台|站)\s*(?:制作|出品)$"
    r"|^[（(][\u4e00-\u9fff]{2,4}\s*(?:制作|剪辑)(?:\s+[\u4e00-\u9fff]{2,12}\s*(?:制作|剪辑|摄像|视频来源|来源)?)*"
    r"(?:\s*(?:视频来源|来源)\s*[:：]?\s*[\u4e00-\u9fff]{2,16})?[)）]$"
)
# A report's whole team in brackets, role by role: （记者: 张三 编辑:李四 制作:王五 审核:赵六 钱七）.
_TEAM_IN_BRACKETS = re.compile(
    rf"^[（(](?:\s*(?:记者|通讯员|编辑|责编|制作|审核|校对|摄影|摄像|剪辑|视频|文|图)\s*[:：]\s*{_NAMES}\s*){{2,}}[)）]$"
)
# Writers' names in brackets broken by spurious spaces, a role among them: （张三 文 平 李 四）.
_SPACED_BRACKETED_NAMES = re.compile(r"^[（(][\u4e00-\u9fff]{1,4}(?:\s+[\u4e00-\u9fff]{1,4}){2,7}[)）]$")


def is_byline_line(line: str) -> bool:
    """Return True if the whole line is a credit such as ``首席记者 钱小红`` or ``·李文·``."""
    s = line.strip().replace("_", " ").replace("\\", "/")  # 本报记者_某某 / 文\\图：某某: a stray mark
    if not s or len(s) > 48:
        return False
    if _AUTHOR_AND_SOURCE.match(s) or _PRODUCTION_CREDIT.match(s) or _TEAM_IN_BRACKETS.match(s):
        return True
    bracketed = bool(re.match(r"^[（(].*[)）]$", s))
    if bracketed and _bracketed_names(s):
        return True  # the writer's name under the last paragraph: （许栋）
    if bracketed and re.fullmatch(_OFFICE_CREDIT, s[1:-1].strip()):
        return True  # the office that wrote it: （某某区人大常委会代表工委）, （区公安分局）
    if bracketed and _SPACED_BRACKETED_NAMES.match(s) and len(re.sub(r"\W", "", s)) <= 20 \
            and len(re.findall(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?![\u4e00-\u9fff])", s)) >= 2:
        return True  # （张三 文 平 李 四）: names a spurious space cut, a role word among them
    if bracketed and _NEWSROOM_PHOTO.match(s):
        return True  # the photographer under a report: （某某日报社记者巴特尔摄）
    s = re.sub(r"^[（(](.*)[)）]$", r"\1", s).strip()
    if _SOURCE_LINE.match(s) and (bracketed or "来源" in s[:4]):
        return not re.search(r"[，,。；;！？!?]", s)
    if _ROLES_CREDIT.match(s) or _OFFICE_AUTHOR.match(s) or _NEWSROOM.match(s):
        return True
    if _WORDS_AND_PICTURES.match(s):
        return True  # 图文：某某电视台 张三
    if s[:1] in "□■" and names_only(s[1:]):
        return True  # the writer after a box: □ 黄 强
    if s[:1] in "□■":
        s = s[1:].strip()  # a box before any credit: □本报记者某某 通讯员某某
    outlet = _OUTLET_NAMES.match(s)
    if outlet and 0 < names_only(outlet.group("names")) <= 3:
        return True
    return bool(_ROLE_LINE.match(s) or _DOT_LINE.match(s) or _box_byline(s) or is_credit_line(s)
                or _ROLE_ONLY.match(s.lstrip("■●◆□ ")) or _REPORTED_BY.match(s.lstrip("■●◆□ ")))


# Words and pictures credited at once, after a colon: 图文：某某电视台 张三, 文图：张三.
_WORDS_AND_PICTURES = re.compile(
    rf"^(?:图文|文图)\s*[:：]\s*(?:[\u4e00-\u9fff]{{2,10}}(?:电视台|融媒体中心|新闻中心|报社|宣传部)\s*)?{_NAMES}$"
)
# A broadcaster's credit under its report: 本台记者:某某报道, 记者 张三 李四 报道.
_REPORTED_BY = re.compile(
    rf"^(?:本台|本报|本网|本站|[\u4e00-\u9fff]{{2,12}}?(?:电视台|融媒体中心))?(?:记者|通讯员)\s*[:：]?\s*{_NAMES}\s*报道$"
    # where the reporter filed from after the name: 某某新闻记者张三某市报道; the outlet may
    # join two names with a middle dot (某某网·某某新闻记者 张三 某市报道)
    rf"|^[\u4e00-\u9fff·•]{{2,16}}?(?:新闻|日报|网|电视台|融媒体中心)(?:记者|通讯员)\s*{_NAME}"
    rf"(?:\s+(?:记者|通讯员)\s*{_NAME})*\s*[\u4e00-\u9fff]{{2,4}}报道$"  # …记者 张三 通讯员 李四 某市报道
)
# The outlet and its writers, no role word: 某某新闻 张三, 某某日报 张三 李四, 某某时报 张三.
_OUTLET_NAMES = re.compile(r"^[\u4e00-\u9fff]{2,10}?(?:新闻|日报|晚报|时报|周报|融媒|客户端|网)\s+(?P<names>[\u4e00-\u9fff\s]{2,14})$")


# Credit lines as papers print them, read as a run of credit items separated by spaces:
# ``某某日报全媒体记者 张三 李四/文 王五/图``, ``某某日报社全媒体特约记者 张三``, ``融媒体中心记者/张三``,
# ``某某日报评论员 张三``, ``■ 通讯员 张三 李四``,
# ``文/张三``, ``记者 张三 摄``.  A role word may carry the paper's name in front of it.
_CREDIT_ROLE_WORD = (
    r"(?:首席|特约|特聘|见习|实习|驻[\u4e00-\u9fff]{1,3})?"
    r"(?:全媒体|融媒体|融媒|新媒体)?(?:首席|特约|特聘|见习|实习)?(?:记者|通讯员|评论员|特约评论员|实习生|摄影记者|摄影|摄像|撰稿人|审稿人|撰稿|撰文|作者|编辑|编导|供稿|整理)"
)
_OFFICE_ITEM = re.compile(_OFFICE)
# The paper's role word alone on its line, the name left out: 本报记者.
# So is a desk's team: 县融媒体中心记者组, 本报联合报道组.
_ROLE_ONLY = re.compile(r"^(?:本报(?:特约|首席)?(?:记者|通讯员)|[\u4e00-\u9fff]{0,12}(?:记者组|报道组|采访组))$")
_CREDIT_HEAD = re.compile(rf"^{_CREDIT_ORG}{_CREDIT_ROLE_WORD}\s*[:：/]?\s*")
# A mark before a credit; also the slash of a credit whose writer the layout cut off (/摄影 某某).
_CREDIT_MARK = re.compile(r"^(?:[■□●◆▲·•・]|[/／](?=\s*(?:摄影|摄像|视频|[文图摄])))\s*")
_NAME_ROLE = re.compile(
    r"^([\u4e00-\u9fff]{2,4})\s*[/／]\s*(?:[文图摄]|文图|图文|摄影|摄像|视频)$|^([\u4e00-\u9fff]{2,4})(?:摄影|摄)$"
)
_ROLE_NAME = re.compile(r"^[文图摄][/／:：]\s*([\u4e00-\u9fff]{2,4})$")


def is_credit_line(line: str) -> bool:
    """Return True if the line is nothing but credit items: role words, names, ``/文`` ``/图`` ``摄``.

    Every bare item must read as a person's name (after a role word, any 2-4 characters),
    and at least one role must be named, so a
    list of officials (``区领导 张三 李四``) or a short headline is never taken for a credit.
    """
    from articles.text.person_names import looks_like_name, opens_with_word

    s = _CREDIT_MARK.sub("", line.strip())
    if not s or re.search(r"[，,。；;！？!?、“”《》]", s):
        return False
    roles = 0
    for item in _credit_items(s):
        if _OFFICE_ITEM.fullmatch(item):
            continue  # the office a credit names (区政府办 供稿); a role must still be named
        head = _CREDIT_HEAD.match(item)
        if head:
            roles += 1
            item = item[head.end():]
            if not item:
                continue
        paired = _NAME_ROLE.match(item) or _ROLE_NAME.match(item)
        if paired:
            roles += 1
            item = next(g for g in paired.groups() if g)
        elif item in ("摄", "摄影", "文", "图", "供图"):
            roles += 1
            continue
        # After a role word any 2-4 characters are a name (豆尚) unless they open with a common
        # word (…记者先后赶往); before one, a known surname.
        if not (looks_like_name(item) or (roles and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", item)
                                          and not opens_with_word(item))):
            return False
    return roles > 0


def _credit_items(s: str) -> list[str]:
    """Split a credit line at spaces, joining a name a spurious space cut (``蒋 栋``, ``吴金 华``)."""
    items: list[str] = []
    for item in re.split(r"\s+", s):
        cut = len(item) == 1 or (items and len(items[-1]) == 1)
        if items and cut and not _CREDIT_HEAD.match(items[-1]) and re.fullmatch(r"[\u4e00-\u9fff]+", items[-1] + item) and len(items[-1] + item) <= 3:
            items[-1] += item
        else:
            items.append(item)
    return items


# A commentary's author after a hollow box: "□ 张三", "□ 李四 王五".
_BOX_LINE = re.compile(rf"^□\s*({_NAMES})$")


def _box_byline(s: str) -> bool:
    from articles.text.person_names import looks_like_name

    match = _BOX_LINE.match(s)
    return bool(match) and all(looks_like_name(n) for n in _rejoin_split_names(
        [n for n in re.split(r"[、，,\s]+", match.group(1)) if n]))


# A bracketed photo credit naming the newsroom and the photographer, whose name may be a long
# transliterated one: （某某日报社融媒体记者巴特尔摄）.
_NEWSROOM_PHOTO = re.compile(r"^[（(][\u4e00-\u9fff]{0,20}?(?:记者|通讯员|摄影师)\s*[\u4e00-\u9fff·]{2,8}\s*摄影?[)）]$")


def is_photo_credit(line: str) -> bool:
    """Return True for a photo credit line such as ``（张三 摄）``, ``摄影 李四`` or
    ``（某某日报社记者巴特尔摄）``."""
    if _NEWSROOM_PHOTO.match(line.strip()):
        return True
    s = re.sub(r"^[（(](.*)[)）]$", r"\1", line.strip()).strip()
    return bool(_PHOTO_LINE.match(s)) or bool(re.match(rf"^(?:摄影|摄)\s*[:：/]?\s*{_NAMES}$", s))


def clean_byline(line: str) -> str:
    """Return a standalone credit as printed, without the brackets around the whole line."""
    s = line.strip()
    match = re.fullmatch(r"[（(]\s*(.*?)\s*[)）]", s)
    return match.group(1) if match else s


def inline_byline(first_paragraph: str) -> str | None:
    """Return the credit inside a ``本报讯(记者 X 通讯员 Y)`` lead, without brackets.

    The lead stays in the body (it is printed as part of the first paragraph); the credit
    is reported as the byline too.
    """
    match = _INLINE.match(first_paragraph.strip())
    if not match or not _CREDIT_ROLE.search(match.group("credit")):
        return None
    return match.group("credit").strip()


def split_source_credit(paragraph: str) -> tuple[str, str | None]:
    """Split a trailing ``(转载自《…》)`` credit off the last paragraph; return (rest, credit)."""
    match = _CREDIT.search(paragraph)
    if not match:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), match.group("credit").strip()
