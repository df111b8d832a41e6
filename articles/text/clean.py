"""Line-level cleanup and reflow of extracted newspaper text.

PDF and OCR extraction hard-wraps columns every dozen characters, splits names across
lines (``赵立\\n新``) and inserts spaces between characters (``钱国 华``). Bodies must keep
every printed character, so these helpers only join lines and drop whitespace; they never
normalise punctuation or digits.
"""
from __future__ import annotations

import re
from collections import Counter
from statistics import median

# The marks papers set before a digest item, a sub-head or a section label (■ 5月6日，…).
BULLETS = "■●◆▲★□○◇△◎※"

# Ideographs plus CJK/full-width punctuation: a space next to one of these is never meaningful.
CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u30fb\u25a0\u25ba"
_CJK_OR_PUNCT = f"{CJK_CHARS}{CJK_PUNCT}"
_SPACES = "[ \t\u00a0\u3000]+"
_SPURIOUS_SPACE = re.compile(
    rf"(?<=[{_CJK_OR_PUNCT}]){_SPACES}|{_SPACES}(?=[{_CJK_OR_PUNCT}])"
)
_HAS_CJK = re.compile(f"[{CJK_CHARS}]")

# A sentence is over after these; a closing quote/bracket counts when a full stop precedes it.
SENTENCE_END = "。！？!?…"
CLOSERS = "”」』’\"')）】"
# A reporter's or writer's name in brackets after the last sentence: …参加会议。（田涛宇）
_TRAILING_CREDIT = re.compile(r"[。！？!?][”」’\"]?\s*[（(][^（）()。]{1,30}[）)]$")


def remove_spurious_spaces(text: str) -> str:
    """Drop whitespace next to CJK characters or punctuation (``钱国 华`` -> ``钱国华``).

    Spaces between two Latin words or numbers (``5G Wi-Fi``, ``2020 2021``) are kept
    because there they separate tokens. Newlines are untouched.
    """
    return _SPURIOUS_SPACE.sub("", text)


def has_cjk(text: str) -> bool:
    """Return True if the text holds at least one CJK ideograph."""
    return bool(_HAS_CJK.search(text))


def ends_sentence(line: str) -> bool:
    """Return True if the line ends a sentence (。！？, or one of them before a closing quote).

    An ASCII full stop after a CJK character also counts: OCR often reads 。 as ``.``.
    A closing quote alone (``“农家书屋”``) does not end a sentence. A name in brackets
    after a full stop (``…参加会议。（田涛宇）``) is the report's credit: the sentence ended.
    """
    if ends_with_credit(line):
        return True
    s = line.rstrip().rstrip(CLOSERS).rstrip()
    if not s:
        return False
    if s[-1] in SENTENCE_END:
        return True
    return s[-1] == "." and len(s) > 1 and bool(_HAS_CJK.match(s[-2]))


def ends_with_credit(text: str) -> bool:
    """Return True if the text closes with a name in brackets after its last sentence (…参加。（田涛宇）)."""
    return bool(_TRAILING_CREDIT.search(text.rstrip()))


def ends_mid_sentence(line: str) -> bool:
    """Return True if the line stops after a comma-like mark: the sentence runs on elsewhere."""
    s = line.rstrip()
    return bool(s) and s[-1] in "，,、；;：:"


def join_wrapped(lines: list[str]) -> str:
    """Join hard-wrapped lines of one paragraph with no separator (CJK has no word spaces).

    A single space is kept only where two Latin words (or a word and a number) meet across
    the break, so ``Wi-Fi\\nhotspot`` does not become ``Wi-Fihotspot``.  A number cut by the
    wrap (``召开20\\n24年``) is joined back with no space.
    """
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if out and out[-1].isdigit() and line[0].isdigit():
            pass
        elif out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " "
        out += line
    return out


def visible_length(line: str) -> int:
    """Return the number of non-space characters, the unit columns are measured in."""
    return len(re.sub(r"\s", "", line))


def column_width(lines: list[str]) -> float:
    """Return the median visible length of the non-blank lines (the typical column width)."""
    lengths = [visible_length(line) for line in lines if line.strip()]
    return float(median(lengths)) if lengths else 0.0


# Columns up to this width are common; wider ones (a page set in two wide columns, 26–42
# characters) must also show that their full lines stop mid-sentence.
_NARROW = 24


def _cut_mid_sentence(lines: list[str], width: int, *, slack: int = 1, least: int = 4, share: float = 0.5) -> bool:
    """Most lines of the column's width (give or take ``slack``) stop inside a sentence: the
    text was cut to fit."""
    full = [line for line in lines if abs(visible_length(line) - width) <= slack]
    return len(full) >= least and sum(1 for line in full if not ends_sentence(line)) >= share * len(full)


def _peak_width(lengths: list[int], max_width: int) -> tuple[int | None, float]:
    """The line length at the centre of the densest window [w-2, w+1], and that window's share."""
    counts = Counter(lengths)
    best, best_share = _densest_window(counts, len(lengths), range(4, max_width + 1), above=1)
    if best is None:
        return None, 0.0
    # Report the most common length inside the winning window (the longer on a tie).
    return max(range(best - 2, best + 2), key=lambda n: (counts.get(n, 0), n)), best_share


def _densest_window(counts: Counter, total: int, centres: range, *, above: int) -> tuple[int | None, float]:
    """The centre w of the window [w-2, w+above] holding the largest share of the lines, and that share."""
    best, best_share = None, 0.0
    for w in centres:
        share = sum(counts.get(n, 0) for n in range(w - 2, w + above + 1)) / total
        if share > best_share + 1e-9:
            best, best_share = w, share
    return best, best_share


def wrap_width(lines: list[str], *, max_width: int = 45, min_share: float = 0.5) -> int | None:
    """Return the column width a page is hard-wrapped at, or None for one line per paragraph.

    Wrapped text has most of its lines at (or a character or two under) one narrow width:
    half-width digits and punctuation kept on the line make full lines vary a little. The
    width is the one whose window [w-2, w+1] holds most lines; headlines, bylines and the
    short last lines of paragraphs fall outside it. A page of short paragraphs has scattered
    lengths and no such window; a one-line-per-paragraph page has many longer lines.
    """
    lengths = [visible_length(line) for line in lines if line.strip()]
    if not lengths:
        return None
    best, best_share = _peak_width(lengths, max_width)
    if best is None:
        return None
    if best > _NARROW and not _cut_mid_sentence(lines, best):
        return None  # lines of one wide length that end their sentences are paragraphs
    # Few lines run longer than the column (headlines set wider than one column may).
    longer = sum(1 for n in lengths if n > best + 1) / len(lengths)
    if best_share >= min_share and longer <= 0.2:
        return best
    # A page crowded with headlines, furniture and short items: the column is still the
    # clear peak, and almost no line is longer than it.
    if best_share >= 0.35 and best_share * len(lengths) >= 5 and longer <= 0.1:
        return best
    # Pages with many headlines and short paragraph ends: fall back to the median test.
    width = column_width(lines)
    if 0 < width <= max_width and sum(1 for n in lengths if abs(n - width) <= 2) / len(lengths) >= min_share:
        if sum(1 for n in lengths if n > width + 2) / len(lengths) <= 0.2:
            return round(width)
    return _ragged_width(lines, lengths, max_width)


def _ragged_width(lines: list[str], lengths: list[int], max_width: int) -> int | None:
    """The centre of a ragged column: lines cut mid-sentence anywhere within five widths.

    A page laid out by hand (or exported from a column with loose justification) breaks its
    lines at 14, 15, … 18 characters rather than at one width; the text is still cut to fit,
    and the page's rules read it with the same two characters of slack either side.
    """
    best, best_share = _densest_window(Counter(lengths), len(lengths), range(6, max_width - 1), above=2)
    if best is None or best_share < 0.6 or sum(1 for n in lengths if n > best + 2) / len(lengths) > 0.1:
        return None
    return best if _cut_mid_sentence(lines, best, slack=2, least=8, share=0.6) else None


def is_hard_wrapped(lines: list[str], *, max_width: int = 24, min_share: float = 0.5) -> bool:
    """Return True if the page is wrapped at a narrow column width rather than one line per paragraph."""
    return wrap_width(lines, max_width=max_width, min_share=min_share) is not None
