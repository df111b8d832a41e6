"""Name the phenomena a simulated page shows, for the per-phenomenon score breakdown."""
from __future__ import annotations

from pagesim.layout import Digest
from pagesim.lines import Line
from pagesim.story import Story
from pagesim.style import PageStyle


def _style_tags(style: PageStyle) -> set[str]:
    tags = {f"wrap_{style.wrap.mode}", f"enc_{style.encoding.replace(' ', '_')}"}
    flags = {"no_blank_lines": style.blank_lines == 0, "ascii_punct": style.ascii_punct,
             "spaced_dates": style.spaced_dates, "stray_spaces": style.stray_spaces, "ocr": style.ocr,
             "fullwidth_digits": style.fullwidth_digits, "crlf": style.crlf, "wrap_ragged": bool(style.wrap.spread)}
    return tags | {k for k, on in flags.items() if on}


def _story_tags(story: Story) -> set[str]:
    tags = set(story.tags)
    if story.head:
        tags.add(f"title_{story.placement}")
        roles = [role for _, role in story.head.lines]
        if "kicker" in roles:
            tags.add("kicker")
        if len(roles) == 3:
            tags.add("three_line_head")
    if story.doubled:
        tags.add("doubled_title")
    if story.credit.style in ("before", "after_dots", "after_photo"):
        tags.add("credit_line")
    if story.credit.style in ("lead_credit", "lead_plain", "trailing"):
        tags.add({"lead_credit": "inline_lead", "lead_plain": "plain_lead"}.get(story.credit.style, "trailing_credit"))
    if story.caption:
        tags.add("caption")
    return tags


def _untitled_run(stories: list[Story]) -> bool:
    """Two articles in a row with no headline before the second and no lead or credit line."""
    for a, b in zip(stories, stories[1:]):
        if (a.placement != "before" and b.placement != "before" and b.kind == "article"
                and not b.credit.lead and not b.credit.before and b.credit.style != "own_lead"):
            return True
    return False


def page_tags(style: PageStyle, items: list, furniture: dict, lines: list[Line]) -> set[str]:
    """Return the set of phenomenon names present on the page."""
    stories = [s for i in items for s in (i.items if isinstance(i, Digest) else [i])]
    tags = _style_tags(style)
    for story in stories:
        tags |= _story_tags(story)
    roles = {line.role for line in lines}
    tags |= {r for r in ("header", "footer", "qr", "echo", "teaser") if r in roles}
    if any(len(line.segs) == 1 and line.role == "title" for line in lines) and style.wrap_heads:
        tags.add("wrapped_head_possible")
    if "title_end_block" in tags:
        tags.add("end_cluster")
    if _untitled_run(stories):
        tags.add("untitled_run")
    if all(s.head and s.placement == "before" for s in stories):
        tags.add("all_titled_before")
    return tags
