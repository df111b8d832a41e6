"""What counts as an official's title in Chinese news copy, and how far left it reaches.

A title is an organisation followed by a post word: ``市委组织部`` + ``副部长``,
``区委网络安全和信息化委员会`` + ``委员``, ``巡察二组`` + ``副组长``.  Post words of staff
in companies, schools, law firms and research institutes look the same (``党支部书记``,
``主任``, ``院长``), so the organisation part decides: those titles are rejected.
Pure Python: no Django imports.
"""
from __future__ import annotations

import re

# Post words that make a title when a name follows.  Longer forms first so the regex
# reports the whole word; 副 is part of the title span anyway.
POST_WORDS = (
    "党组成员", "主任委员", "检察长", "秘书长", "参谋长", "司令员", "巡视员", "调研员", "督察长",
    "书记", "常委", "委员", "主任", "主席", "部长", "局长", "厅长", "处长", "科长", "股长", "所长",
    "院长", "庭长", "区长", "县长", "市长", "镇长", "乡长", "村长", "省长", "州长", "旗长", "盟长",
    "组长", "政委", "专员", "领导", "代表",
)
POST_RE = re.compile("|".join(POST_WORDS))
# "领导" is a list title only after a unit: 区领导, 某某县领导, 市领导, 县级领导, 街道领导, 班子领导,
# or one of the district's bodies: 区政协领导, 县人大领导, 区委领导.
_LEADERS_LIST = re.compile(r"(?:[区县市省镇乡州旗]级?|[区县市旗](?:委|政府|人大|政协|人大常委会)|街道|班子|党政)领导$")
# "代表" is a title only for an elected deputy: 市人大代表, 区党代会代表 (not 企业代表).
_DEPUTY = re.compile(r"(?:人大|人民代表大会|党代会|党代表大会|政协)代表$")

# Organisations whose staff are not officials, and jobs that are not offices.
_NOT_OFFICIAL = re.compile(
    r"公司|集团|企业|有限|股份|银行|证券|保险|中学|小学|学校|党校|幼儿园|学院|大学|高校|研究院|研究所"
    r"|研究中心|科学院|事务所|律所|医院|卫生院|诊所|协会|商会|学会|基金会|报社|杂志|出版社|电视台"
    r"|电台|记者|通讯员|编辑|志愿|班主任|董事|总裁|经理|联盟|俱乐部|合作社|工作室|门店|站长|学生|少先队"
    r"|业委会|物业|楼组|家委会"
)
# Characters at which a left walk stops: punctuation and sentence furniture.
DELIMITERS = frozenset("，,。；;：:！!？?、（）()“”\"'‘’《》【】[]■·—…|/ \n\t")
# Lead-in words glued to the front of a title (会上区委书记…, 由区长…主持).
_LEAD_IN = re.compile(
    r"^(?:本报讯|讯|会上|会议上|会议|会前|会后|随后|同时|此外|另外|其中|期间|当天|当日|今天|昨天|上午|下午"
    r"|晚上|由|在|据|陪同|邀请|会同|听取|受|和|与|及|以及|这是|还有|包括|出席的有|参加的有|另有|并"
    r"|[0-9０-９]+[年月日]|[0-9０-９]+|[年月日号]|晚|即"
    # A purpose clause before the post: 为贯彻落实市委书记某某…, 按照省委书记某某…
    r"|为?(?:深入)?(?:学习)?贯彻(?:落实)?|为?落实|按照|根据|遵照)+"
)
# Inside a left span these characters end a clause: keep only what follows the last one.
_CLAUSE_BREAK = re.compile(r".*[的了是说将把被让给]")
MAX_TITLE_CHARS = 28


def trim_title(span: str) -> str:
    """Strip clause debris and lead-in words from the left of a raw title span."""
    span = _CLAUSE_BREAK.sub("", span)
    return _LEAD_IN.sub("", span)


def is_title(title: str) -> bool:
    """True when ``title`` ends with a post word and is not a company, school or media job."""
    if not title or len(title) > MAX_TITLE_CHARS:
        return False
    m = None
    for m in POST_RE.finditer(title):
        pass
    if m is None or m.end() != len(title):
        return False
    if title.endswith("领导") and not _LEADERS_LIST.search(title):
        return False
    if title.endswith("代表") and not _DEPUTY.search(title):
        return False
    return not is_unofficial(title)


def is_unofficial(title: str) -> bool:
    """True when the organisation in the title is a company, school, firm or institute."""
    return bool(_NOT_OFFICIAL.search(title))
