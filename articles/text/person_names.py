"""Read a Chinese personal name at a given position of a sentence.

Names in news copy follow a title with no separator (``区长张三在会上指出``), so the name's
right edge must be guessed: 2 or 3 characters (4 with a compound surname), ending where a
verb or particle starts (出席, 主持, 在, 说, 等) or at punctuation.  The first character
must be a surname from the 百家姓 table shipped with jionlp (plus common modern surnames
the classic table lacks).  Pure Python: no Django imports.
"""
from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

# Surnames common today but missing from the classic 百家姓 text jionlp ships (肖, 承, 邝,
# 麦, 寻…): the modern household-register surname rankings list each of them with tens of
# thousands of bearers or more.  A name still has to follow a title and end cleanly, so a
# surname that is also a common character (初, 展) costs no precision.
_EXTRA_SURNAMES = (
    "信付代覃冼揭敬谌母苟粟铁仝幺兰邸矫禤丛栗过补寸"
    "肖邝麦承寻修练隋占卿库辜植旷战尉綦眭郇银衣初展迟智雒剧续郅檀亓庹肇郄苑靖官税蹇奉芦操宾朴楼巨粘佀令"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Two-character words right after a name (verbs, adverbs, 同志, 一行).
_AFTER_WORDS = frozenset("""
出席 主持 参加 指出 强调 表示 要求 介绍 讲话 致辞 宣布 带队 带领 率领 率队 前往 来到 深入 走进 走访 专题
参观 调研 察看 查看 视察 考察 看望 慰问 会见 接见 听取 主讲 作了 做了 分别 先后 一行 同志 认真 详细
实地 亲切 充分 结合 陪同 感叹 告诉 希望 代表 随后 首先 最后 一同 共同 认为 提出 部署 点评 总结 宣读
颁发 学习 作为 对此 对于 围绕 就此 同时 也是 还是 主动 专程 一起 及时 现场 说道 坦言 透露 强调 指示
批示 出面 牵头 负责 担任 当选 为此 向其 等人 等同 等领 等出 上台 登台 讲述 作报 作出 做出 带头 领衔
逐一 仔细 详细 主张 发表 回顾 通报 传达 部署 布置 签署 签订 启动 揭牌 授牌 点赞 感谢 肯定 赴京 赴沪
发言 谈到 提到 说明 解读 汇报 回答 答复 宣讲 参与 出任 致以 送上 送去 为大 为全 向大 寄语 勉励 鼓励
叮嘱 嘱咐 关心 问候 询问 了解 倾听 检查 督导 督查 暗访 巡查 巡河 巡视 走访 入户 蹲点 现场 亲自 再次
列席 颁奖 莅临 应邀 受邀 到会 到场 出镜 授课 讲授 宣誓 致信 致函 见证 主讲 主办 接受 作客 做客 点题
关于 所作 所做 领学 领读 解读 多次 一直 始终 专门 积极 多年 连续 近日 日前
针对 通过 按照 根据 依据 利用 围绕 借助
""".split())
# Single characters that end a name when they follow it (张三在…, 李芸说, 王晓东等).
_AFTER_CHARS = frozenset("在说等率和与及为到赴来对向作同陪讲称也还就又将则曾已都亦携的用以把被给从共均")
# Of those, the ones that can end a clause (李芸说。 王刚等，): before punctuation they mark
# a two-character name.  A conjunction or preposition (和, 为, 同) never stands before
# punctuation, so 张志和， is the three-character name 张志和.
_CLAUSE_FINAL = frozenset("说等讲称也的")
_PUNCT = frozenset("，,。.；;：:！!？?、（）()“”\"'‘’《》【】[]■·—…-|/ \n\t")
# Characters that never occur inside a name.  等 ends a list (张三等参加), and 某 marks an
# anonymised person (李某某, 张某) in notices: such a person is never reported by name.
# 月 is not among them: dates are printed with digits, and 月芬, 秋月 are common given names.
_NOT_IN_NAME = frozenset("的了是着过们这那其之所被把让给从于即并而或但个年日号区县市镇乡村在等某")
_LISTED_OK = frozenset("其于让")
# What follows 于 as a preposition (于会上, 于今年, 于本月, 于全县) rather than as a surname.
_AFTER_PREPOSITION_YU = frozenset("会此是今昨明近本该全各当次上下中前后")
# 区 is also a (Cantonese) surname, but mostly the district word: 区秀英 is read as a name
# only when neither 区+next nor the two characters after it form a word (区委, 区长,
# 区域, 区文明办…) and the second character is not one that builds a district term.
_QU = "区"
_QU_NOT_AFTER = frozenset("委长政人府属级内外直域县镇街里划位块间分别党领代纪法检团妇工武财发教卫公交城农文商民")
# A name glued to these is a place (江路, 兴镇): 区长兴镇 is 区 + 长兴镇.
_PLACE_AFTER = frozenset("镇乡路街村道桥湾港岛县市区省州")


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Return (single-character surnames, two-character surnames).

    jionlp's ``rule_pattern.py`` first assigns the full 百家姓 string and later overwrites it
    with a filtered copy, so the full table is read from the module source.
    """
    from jionlp.rule import rule_pattern

    source = Path(rule_pattern.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source)
    single, double = "", ""
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name == "SINGLE_CHINESE_FAMILY_NAME" and not single:
                single = ast.literal_eval(node.value)
            elif name == "TWO_CHAR_CHINESE_FAMILY_NAME" and not double:
                double = ast.literal_eval(node.value)
    return frozenset(single + _EXTRA_SURNAMES), frozenset(x for x in double.split("|") if x)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Two-character jieba dictionary words that are not person names (高度, 文明, 安全)."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            # Place words stay possible names: 黄海, 江南 and 高峰 are also people.
            if len(parts) == 3 and len(parts[0]) == 2 and not parts[2].startswith(("nr", "ns")) \
                    and int(parts[1]) >= 50:
                words.add(parts[0])
    return frozenset(words)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Two-character verbs of the jieba dictionary (推介, 点评…): a name often ends before one."""
    import jieba

    path = Path(jieba.__file__).with_name("dict.txt")
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and len(parts[0]) == 2 and parts[2] in ("v", "vn", "vd") and int(parts[1]) >= 20:
                words.add(parts[0])
    return frozenset(words)


def opens_with_word(text: str) -> bool:
    """True when ``text`` opens with a two-character dictionary word that is no name (先后赶往):
    such a run is the start of a clause, not a writer's name after a role word."""
    return text[:2] in _common_words()


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def looks_like_name(name: str, *, listed: bool = False) -> bool:
    """True for 2–4 CJK characters starting with a surname and free of function characters.

    ``listed``: the token stands between 、 in a list of names, which is context enough for a
    two-character name that is also a dictionary word (高峰) or a surname that is also a
    function character (于智).
    """
    single, double = surnames()
    if not 2 <= len(name) <= 4 or not all(_is_cjk(c) for c in name):
        return False
    if name[0] == _QU and len(name) == 3:
        return _qu_name(name)
    # 于 is a common surname (于晓东) as well as a preposition: as the first character it
    # counts as a surname, and the checks below still refuse 于是 and its like. Between 、
    # in a list the name's edges are printed, so 其 may stand inside it too (刘其昕).
    if name[0] == "于" and name[1] in _AFTER_PREPOSITION_YU:
        return False  # 于会上, 于今年: the preposition
    if name[0] in "和与" and len(name) == 3 and name[1:] in _common_words():
        return False  # 委员和专家: the conjunction before a noun, not the surname 和
    forbidden = _NOT_IN_NAME - _LISTED_OK if listed else _NOT_IN_NAME
    if len(name) == 3 and name[1] == "之" and name[1:] not in _common_words():
        forbidden = forbidden - {"之"}  # 陈之常, 王之涣; never 之后, 之间, 之一
    if len(name) == 3 and name[2] == "年" and name[1:] not in _common_words():
        forbidden = forbidden - {"年"}  # 刘浩年, 李永年 (read only when a word or a mark follows)
    if any(c in forbidden for c in (name[1:] if name[0] == "于" else name)):
        return False
    if len(name) == 4 and name[:2] not in double:
        return False
    if name[:2] not in double and name[0] not in single:
        return False
    return listed or not (len(name) == 2 and name in _common_words())


def _qu_name(name: str) -> bool:
    """True for a three-character name with the surname 区 (区秀英), never a district term."""
    if name[1] in _QU_NOT_AFTER or any(c in _NOT_IN_NAME for c in name[1:]):
        return False
    words = _common_words()
    return name[:2] not in words and name[1:] not in words and name[1:] not in _verbs()


_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _ends_cleanly(text: str, end: int) -> str | None:
    """Classify what follows a name candidate: 'word', 'char', 'punct', 'end' or None."""
    if end >= len(text):
        return "end"
    if text[end] in _PUNCT or text[end] in _DIGITS:
        return "punct"  # 县长张龙11月4日主持…: a date right after the name
    if text[end] in _PLACE_AFTER:
        return None
    if text[end:end + 2] in _AFTER_WORDS:
        return "word"
    if text[end] in _AFTER_CHARS:
        return "char"
    if text[end:end + 2] in _verbs():
        return "verb"
    return None


_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,8})+")


def _dotted_name(text: str, i: int) -> str | None:
    """A transliterated name whose parts a middle dot joins (麦麦提·吐拉甫, 阿克拜尔·阿克拉木),
    as Uyghur, Kazakh and Mongolian names are printed: no surname list knows them. The name
    ends at the first place after the dot where a word, verb or punctuation follows."""
    m = _DOTTED.match(text, i)
    if not m:
        return None
    last_part = max(text.rfind(dot, i, m.end()) for dot in "·•・") + 1
    for end in range(last_part + 2, m.end() + 1):
        if _ends_cleanly(text, end) in ("word", "verb", "punct", "end"):
            return text[i:end]
    return None


# Common syllables of Tibetan names, printed without a surname as two of them (卓玛当周, 扎西多吉).
_TIBETAN = frozenset(
    "扎西 卓玛 格桑 次仁 多吉 多杰 达瓦 旦增 丹增 尼玛 央金 拉姆 才让 索南 洛桑 平措 顿珠 罗布 边巴 普布 益西 德吉 "
    "白玛 巴桑 群培 贡布 曲珍 桑杰 仁青 仁增 才旦 加措 嘉措 华旦 久美 更登 更藏 切吉 当周 东周 吉太 公保 完玛 昂秀 "
    "南加 拉毛 才仁 措姆 德庆 卓嘎 琼达 强巴 次旦 旺堆 旺姆 索朗 米玛 晋美 多布 桑珠 阿旺 土登 坚参 欧珠".split()
)


def _tibetan_name(text: str, i: int) -> str | None:
    """Two syllables of a Tibetan name (卓玛当周带队…): no surname list knows them."""
    cand = text[i:i + 4]
    if len(cand) == 4 and cand[:2] in _TIBETAN and cand[2:] in _TIBETAN \
            and _ends_cleanly(text, i + 4) is not None:
        return cand
    return None


def read_name(text: str, i: int, known: Iterable[str] = (), *, listed: bool = False) -> str | None:
    """Return the personal name starting at ``text[i]``, or None.

    A known name (a leader already on file) wins outright.  Otherwise the candidate lengths
    are ranked by what follows them: a two-character verb beats a single particle, which
    beats punctuation, because ``李芸说。`` must read as 李芸 while ``王晓东。`` is 王晓东.
    """
    special = max((k for k in known if k and text.startswith(k, i)), key=len, default=None) \
        or _dotted_name(text, i) or _tibetan_name(text, i)
    if special:
        return special
    _, double = surnames()
    lengths = (3, 4, 2) if text[i:i + 2] in double else (2, 3)
    ranked: list[tuple[int, str]] = []
    order = {"word": 0, "verb": 0.5, "char": 1, "punct": 2, "end": 2}
    for length in lengths:
        cand = text[i:i + length]
        if len(cand) < length or not looks_like_name(cand, listed=listed):
            continue
        kind = _ends_cleanly(text, i + length)
        if kind is None:
            continue
        # A third character that is itself a particle (李芸说) marks a two-character name.
        if length == 3 and kind in ("punct", "end") and cand[2] in _CLAUSE_FINAL:
            continue
        # 张志|和， : a conjunction or preposition right before punctuation is part of the name.
        end = i + length
        if kind == "char" and text[end] not in _CLAUSE_FINAL and (end + 1 >= len(text) or text[end + 1] in _PUNCT):
            continue
        rank = order[kind] * 10 + (0 if length != 2 or kind != "punct" else 1)
        # 王志和和, 陈家为作: when the third character could end a two-character name but
        # is itself followed by a particle, two particles in a row are unlikely: read three.
        if length == 3 and kind == "char" and cand[2] in _AFTER_CHARS:
            rank -= 1
        ranked.append((rank, cand))
    if not ranked:
        return None
    ranked.sort(key=lambda x: x[0])
    return ranked[0][1]
