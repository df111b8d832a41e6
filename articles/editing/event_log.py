"""The event log read as Chinese sentences: "张三 发布了版面 崇明报 2025-04-19 第01版（文章 12 篇）".

Each line links to what it is about while that still exists (the review page of an upload,
the admin page of an issue, article or leader); the log itself keeps text copies, so a line
still reads correctly once the object is gone.
"""
from __future__ import annotations

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from articles.models import Event

# The admin page an event's object links to.
_PAGES = {
    "pendingupload": "admin:articles_pendingupload_review",
    "issue": "admin:articles_issue_change",
    "article": "admin:articles_article_change",
    "leader": "admin:articles_leader_change",
}


def _count_files(details: dict, status: str) -> int:
    return sum(1 for f in details.get("files", []) if isinstance(f, dict) and f.get("status") == status)


def _upload(details: dict) -> tuple[str, str]:
    if "file" in details:  # facts given for one file in review
        return f"为 {details['file']} 指定了报纸和日期并重新分析：", ""
    refused = _count_files(details, "rejected")
    return f"上传了 {len(details.get('files', []))} 个文件" + (f"（{refused} 个被拒收）" if refused else "") + "：", ""


# action -> (words before the object, words after it), from the event's details.
_SENTENCES: dict[str, Callable[[dict], tuple[str, str]]] = {
    "upload": _upload,
    "publish": lambda d: ("发布了版面", f"（文章 {d.get('articles', 0)} 篇，领导出现 {d.get('leaders', 0)} 次）"),
    "unchanged": lambda d: ("重复上传了版面", "，内容完全相同，未作改动"),
    "replace": lambda d: ("用新文件替换了版面", f"（文章 {d.get('articles', 0)} 篇）"),
    "discard": lambda d: ("放弃了", f"中未发布的 {len(d.get('files', []))} 个文件"),
    "purge": lambda d: ("删除了版面", f"及其 {d.get('articles', 0)} 篇文章"),
    "edit": lambda d: ("更正了文章", "的" + "、".join(_FIELD_NAMES.get(k, k) for k in d.get("changes", {}))),
    "split": lambda d: ("拆分了文章", f"，从第 {d.get('at_paragraph', '?')} 段起成为新文章"),
    "merge": lambda d: ("把文章", "与下一篇合并"),
    "merge_leaders": lambda d: ("合并了领导", "的两条记录"),
    "separate_leader": lambda d: ("区分了同名领导", f"，{len(d.get('article_ids', []))} 篇文章归另一人"),
    "edit_leader_title": lambda d: ("更正了领导", f"的职务：“{d.get('old', '')}”改为“{d.get('new', '')}”"),
    "reprocess": lambda d: ("重新解析了版面", ""),
    "corrections_dropped": lambda d: ("重新解析版面", "时，有人工更正未能套用"),
}
_FIELD_NAMES = {"title": "标题", "subtitle": "副标题", "byline": "作者", "event_date": "事件日期",
                "district_id": "区县", "district": "区县"}


def event_link(event: Event) -> str | None:
    """Return the admin address of the event's object, or None when it has none."""
    target = _PAGES.get(event.object_type)
    if target is None or not event.object_id.isdigit():
        return None
    try:
        return reverse(target, args=[int(event.object_id)])
    except NoReverseMatch:
        return None


def event_sentence(event: Event) -> SafeString:
    """Say the event as one sentence with its object linked: "张三 发布了版面 <a>…</a>（文章 12 篇…）"."""
    who = event.username or "系统"
    before, after = _SENTENCES.get(event.action, lambda d: (event.get_action_display() + "：", ""))(event.details or {})
    name = f"上传 #{event.object_id}" if event.object_type == "pendingupload" else event.description
    link = event_link(event)
    if link is None:
        return format_html("{} {} {}{}", who, before, name, after)
    return format_html('{} {} <a href="{}">{}</a>{}', who, before, link, name, after)
