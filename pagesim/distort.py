"""Print and OCR artefacts seen in real page exports, applied to body text.

Each function takes a paragraph and returns the distorted paragraph; the gold is read from
the distorted text afterwards, so the artefacts never have to be undone. They are used
sparingly: a page gets one or two of them, not all.
"""
from __future__ import annotations

import random
import re

# Look-alike characters that OCR confuses (seed 004: 喜定=嘉定, 人党=入党, 十地=土地, 新讲展).
OCR_CONFUSIONS = {
    "入": "人", "土": "十", "嘉": "喜", "进": "讲", "己": "已", "未": "末", "日": "曰",
    "千": "干", "天": "夭", "王": "玉", "贝": "见", "戊": "戌", "菁": "善", "体": "休",
    "今": "令", "免": "兔", "析": "折", "候": "侯", "拔": "拨", "准": "淮",
}
FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_DATE = re.compile(r"\d{1,4}年\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?|\d{1,2}月\d{1,2}日(?:至\d{1,2}日)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def spaced_dates(text: str) -> str:
    """Put spaces between the digits and characters of dates: ``4 月 17 日至 18 日``."""
    def spread(m: re.Match) -> str:
        return re.sub(r"(?<=\d)(?=\D)|(?<=\D)(?=\d)", " ", m.group())
    return _DATE.sub(spread, text)


def fullwidth_dates(text: str, *, first_only: bool) -> str:
    """Print date digits full-width (``２月３日``), in the first date or in all of them."""
    return _DATE.sub(lambda m: m.group().translate(FULLWIDTH_DIGITS), text, count=1 if first_only else 0)


def stray_spaces(text: str, rng: random.Random, *, count: int) -> str:
    """Insert spaces between two Chinese characters, like a PDF's lost kerning (``吴金 华``)."""
    chars = list(text)
    spots = [i for i in range(1, len(chars)) if _CJK.match(chars[i - 1]) and _CJK.match(chars[i])]
    for i in sorted(rng.sample(spots, min(count, len(spots))), reverse=True):
        chars.insert(i, " ")
    return "".join(chars)


def ocr_confusions(text: str, rng: random.Random, *, count: int) -> str:
    """Replace a few characters with their OCR look-alikes."""
    chars = list(text)
    spots = [i for i, ch in enumerate(chars) if ch in OCR_CONFUSIONS]
    for i in rng.sample(spots, min(count, len(spots))):
        chars[i] = OCR_CONFUSIONS[chars[i]]
    return "".join(chars)
