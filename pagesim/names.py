"""Person names for credits and page furniture: read from corpus bylines, or made up.

Credits on printed pages name people (``记者 张三 通讯员 李四``). The corpus bylines are
messy (``来源:…``, ``(记者廖晓娟 叶超)``, ``撰稿:… 编辑:…``), so the names are picked out of
them; where a byline names nobody, or for editors in the page footer, a synthetic name is
drawn from common surnames and given-name characters.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
            "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹"
            "薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤阮缪季华俞葛倪柴祁翟常屈樊"
            "虞裴施殷庞鲁凌兰伍聂单包牛易鲍焦左甘詹关宁耿温柳申管纪")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍鹏辉俊峰建波宁海燕晨雪琳欣怡浩宇昊然子轩梓涵佳慧婷倩颖蕾雯悦晓"
REPORTER_ROLES = ("全媒体记者", "首席记者", "特约记者", "见习记者", "融媒记者", "记者")
ROLE_WORDS = REPORTER_ROLES + ("通讯员", "实习生", "摄影", "摄像", "撰稿", "编辑", "责编", "审核",
                               "作者", "文字", "图片", "来源", "供稿", "报道", "监制", "视觉", "本报讯")
_NOT_NAME = set("区县市省镇乡村街局办委网站中心部会院所台报社队组团科厅处室")
_ROLE_RE = re.compile("|".join(sorted(ROLE_WORDS, key=len, reverse=True)))
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass
class People:
    """The named people of a credit: reporters and correspondents."""

    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.reporters or self.correspondents)


def synthetic_name(rng: random.Random) -> str:
    """Return a made-up two- or three-character name."""
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(SURNAMES) + given


def _looks_like_name(token: str) -> bool:
    return 2 <= len(token) <= 3 and token[0] in SURNAMES and not (set(token) & _NOT_NAME)


def _tokens_after_roles(byline: str) -> list[tuple[str, str]]:
    """Split a byline into (role, token) pairs; a token takes the last role word before it."""
    text = _ROLE_RE.sub(lambda m: f" \u0000{m.group()} ", byline)
    role, out = "", []
    for raw in re.split(r"[\s、,，:：/|()（）【】\[\]·■]+", text):
        if raw.startswith("\u0000"):
            role = raw[1:]
        elif raw:
            out.extend((role, t) for t in _CJK_RUN.findall(raw))
    return out


def people_in_byline(byline: str | None) -> People:
    """Return the reporters and correspondents a corpus byline names (maybe nobody)."""
    people = People()
    if not byline or any(w in byline for w in ("来源", "供稿", "网站")):
        return people
    for role, token in _tokens_after_roles(byline):
        if not _looks_like_name(token):
            continue
        if role == "通讯员":
            people.correspondents.append(token)
        elif role in ("", "作者", "撰稿", "文字", "报道", *REPORTER_ROLES):
            people.reporters.append(token)
    return people


def synthetic_people(rng: random.Random) -> People:
    """Return one or two made-up reporters and maybe a correspondent."""
    people = People([synthetic_name(rng) for _ in range(rng.choice((1, 1, 2)))])
    if rng.random() < 0.4:
        people.correspondents.append(synthetic_name(rng))
    return people
