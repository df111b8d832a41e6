"""Every phenomenon of the seeds and realpages shows up in a batch of pages."""
from __future__ import annotations

import re

import pytest

from pagesim.encoding import decode_page
from pagesim.page import SimPage

TAGS = [
    "wrap_hard", "wrap_para", "wrap_spaced", "no_blank_lines", "title_before", "title_after",
    "title_end_block", "end_cluster", "doubled_title", "dropped_title", "untitled_corpus", "untitled_run",
    "kicker", "three_line_head", "credit_line", "inline_lead", "plain_lead", "trailing_credit",
    "caption", "header", "footer", "digest", "column", "continues", "broken_off", "continued_from",
    "qr", "echo", "teaser", "spaced_dates", "stray_spaces", "ocr", "fullwidth_digits", "ascii_punct",
    "enc_utf-8", "enc_utf-8_with_BOM", "enc_gb18030", "crlf", "column_break", "wrap_ragged",
]


@pytest.fixture(scope="module")
def tags(train_pages: list[SimPage]) -> set[str]:
    return set().union(*(p.tags for p in train_pages))


@pytest.mark.parametrize("tag", TAGS)
def test_phenomenon_occurs(tag: str, tags: set[str]) -> None:
    assert tag in tags


@pytest.fixture(scope="module")
def texts(train_pages: list[SimPage]) -> list[str]:
    return [decode_page(p.data, p.gold["encoding"]) for p in train_pages]


PATTERNS = {
    "doubled headline on one line": r"^(.{4,})\1$",
    "page header with weekday": r"星期[一二三四五六日]",
    "editor footer": r"责任编辑|本版编辑",
    "下转 marker": r"下转",
    "上接 marker": r"上接",
    "QR line": r"扫描二维码|扫码",
    "导读 teaser pointer": r"刊\d版►",
    "inline lead with credit": r"^[^，。]{0,6}讯（[^）]*(记者|通讯员)?[^）]*）",
    "dotted credit after an article": r"^·[^·]+·$",
    "photo credit": r"^记者 \S+.* 摄$",
    "text/picture credit": r"/文 \S+/图|^文/",
    "paper reporter credit": r"全媒体记者",
    "dash subtitle": r"^——",
    "spaced date": r"\d+ 月 \d+ 日",
    "full-width date digits": r"[０-９]+月[０-９]+日",
    "■ sub-head": r"^■ ",
    "● digest bullet": r"^●",
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_printed_form_occurs(name: str, texts: list[str]) -> None:
    pattern = re.compile(PATTERNS[name], re.M)
    assert any(pattern.search(t) for t in texts), name


def test_hard_wraps_are_12_to_16_characters(train_pages: list[SimPage]) -> None:
    for page in train_pages:
        if "wrap_hard" not in page.tags:
            continue
        text = decode_page(page.data, page.gold["encoding"])
        widths = [len(line) for line, lab in zip(text.split("\n"), page.gold["lines"]) if lab["role"] == "body"]
        assert widths and 11 <= sorted(widths)[len(widths) // 2] <= 17, page.name


def test_ragged_columns_break_lines_at_several_widths(train_pages: list[SimPage]) -> None:
    ragged = [p for p in train_pages if "wrap_ragged" in p.tags]
    assert ragged
    for page in ragged:
        text = decode_page(page.data, page.gold["encoding"])
        widths = {len(line) for line, lab in zip(text.split("\n"), page.gold["lines"])
                  if lab["role"] == "body" and not line.endswith("。")}
        assert len(widths) >= 4, page.name


def test_digest_items_are_separate_articles(train_pages: list[SimPage]) -> None:
    digests = [p for p in train_pages if "digest" in p.tags]
    assert digests
    for page in digests:
        assert len(page.gold["articles"]) >= 3


def test_roles_cover_every_kind_of_line(train_pages: list[SimPage]) -> None:
    from pagesim.lines import ROLES

    seen = {lab["role"] for p in train_pages for lab in p.gold["lines"]}
    assert seen == set(ROLES)
