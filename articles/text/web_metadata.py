"""A web page's metadata lines, carried into a page's text when a report was copied from a site.

Under a copied report's head a site prints when it was posted, where it came from and how often
it was read (``发布日期：2024-02-24 11:20 信息来源：某某办公室``); at its foot, who runs the site
(``某ICP备…``, ``技术支持：…``). None of it is the report's text, and its date is the report's.
Pure Python: no Django imports.
"""
from __future__ import annotations

import re

FULL_DATE = re.compile(r"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日")


# The metadata line a web page prints under its headline, carried into the text when the
# page was exported from a site: ``发布日期：2024-02-24 11:20 信息来源：某某办公室``,
# ``来源： 发布日期：2024-03-04 浏览次数：``, ``2018-05-09 08:58:13 来源：某某``.
_WEB_META = re.compile(
    r"发布日期|发布时间|发表时间|更新时间|浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击率|信息来源|文章来源"
    r"|字号\s*[:：]|字体\s*[:：]|【\s*(?:打印|关闭|字体|大|中|小)\s*】|分享到|^(?:日期|时间)\s*[:：]\s*[0-9０-９]"
    # a posting time wrapped onto the next line with its writer (09:22 作者:某某), a source named
    # after a space (…2019-11-2 / 5  来源:某某在线  发布…)
    r"|^[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}(?:\s*[:：]\s*[0-9０-９]{2})?\s+(?:作者|来源|编辑|责任编辑|记者)"
    r"|\s来源\s*[:：]\s*\S"
    r"|^来源\s*[:：]\s*\S{2,20}\s+(?:时间|日期)\s*[:：]\s*[0-9０-９]"  # 来源:某某宣传部 时间:2022年03月25日
    # 发文单位:某某市政府 时间:2019-10-17, 某某 发表于 2020-11-20 23:33:19, 会议时间: 10月16日
    r"|撰写时间|发文单位|发文机关|发布单位|发布机构|发表于\s*[0-9０-９]{4}|^会议(?:时间|地点)\s*[:：]"
    r"|^原标题\s*[:：]"  # the title a reposted report first ran under
    # A site's footer: 某某县人民政府主办 某某局承办, 某ICP备13001076号, 技术支持:… 网站标识码:…
    r"|ICP备|网站标识码|技术支持\s*[:：]|^[\u4e00-\u9fff]{2,20}主办(?:\s*[\u4e00-\u9fff]{2,20}承办)?$"
)
# A copied page's address and posting time: http://某某.cn   2009-12-25 15:44:25.
_ADDRESS_STAMP = re.compile(r"^(?:https?://|www\.)[\w./?=&%-]+(?:\s+[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:\s+[0-9:]+)?)?$")
# A posting date alone on its line, under a copied report's head: 2017年10月23日, 2025年03月19日 09:30.
_DATE_ALONE = re.compile(
    r"^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日(?:\s*[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2})?$"
)
_TIMESTAMP = re.compile(
    r"(?:[0-9０-９]{4}\s*[-/.－／．]\s*[0-9０-９]{1,2}\s*[-/.－／．]\s*[0-9０-９]{1,2}"
    rf"|{FULL_DATE.pattern}(?=\s*[0-9０-９]{{1,2}}\s*[:：]))"  # 2023年05月03日09:51
    r"(?:\s+[0-9０-９]{1,2}\s*[:：]\s*[0-9０-９]{2}(?:\s*[:：]\s*[0-9０-９]{2})?)?"
)


def is_web_metadata(line: str) -> bool:
    """Return True for a web page's date/source/hits line (no sentence, a metadata word or timestamp)."""
    s = line.strip()
    if not s or len(s) > 90 or re.search(r"[，,。；;！？!?]", s):
        return False
    if _WEB_META.search(s) or _DATE_ALONE.match(s) or _ADDRESS_STAMP.match(s):
        return True
    s = _posting_stamp(s)
    stamp = _TIMESTAMP.search(s)
    if not stamp:
        return False
    rest = _TIMESTAMP.sub("", s).strip()
    # ``2021-05-14 19:25:06 某某融媒`` / ``某某县人民政府 2023-07-27 09:07:00``: a posting time
    # and the site's name, on either side of it.
    timed = (stamp.start() == 0 or stamp.end() == len(s)) and ":" in stamp.group(0).replace("：", ":")
    # ``2015-11-08 《某某日报》``: a posting day and the paper it came from.
    return "来源" in s or len(rest) <= 2 or (timed and len(rest) <= 12) or bool(re.fullmatch(r"《[^》]{2,12}》", rest))


def _posting_stamp(s: str) -> str:
    """The line without the word a site prints after its posting time (…17:19:07原创)."""
    return re.sub(r"(?<=[0-9])\s*(?:原创|转载)$", "", s)


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def web_metadata_date(line: str) -> tuple[int, int, int] | None:
    """Return (year, month, day) of the date on a web metadata line (``发布日期：2024-03-04``)."""
    if not is_web_metadata(line):
        return None
    stamp = _TIMESTAMP.search(line) or FULL_DATE.search(line)
    if not stamp:
        return None
    digits = re.findall(r"[0-9０-９]+", stamp.group(0).translate(_FULLWIDTH_DIGITS))
    year, month, day = (int(d) for d in digits[:3])
    return (year, month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None
