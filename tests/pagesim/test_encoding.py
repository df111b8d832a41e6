"""Pages come in every encoding seen in uploads and decode back to the gold's text."""
from __future__ import annotations

from pagesim.encoding import decode_page, encode_page
from pagesim.page import SimPage


def test_encodings_round_trip() -> None:
    text = "甲乙，丙（丁）\n２月３日 ►\n"
    for enc in ("utf-8", "utf-8 with BOM", "gb18030"):
        for crlf in (False, True):
            assert decode_page(encode_page(text, encoding=enc, crlf=crlf), enc) == text


def test_bom_only_on_bom_pages(all_pages: list[SimPage]) -> None:
    for page in all_pages:
        assert page.data.startswith(b"\xef\xbb\xbf") == (page.gold["encoding"] == "utf-8 with BOM")


def test_gb18030_pages_are_not_utf8(all_pages: list[SimPage]) -> None:
    gb = [p for p in all_pages if p.gold["encoding"] == "gb18030"]
    assert gb
    for page in gb:
        page.data.decode("gb18030")
        try:
            page.data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        raise AssertionError(f"{page.name} decodes as UTF-8")


def test_crlf_pages_use_crlf_throughout(all_pages: list[SimPage]) -> None:
    crlf = [p for p in all_pages if "crlf" in p.tags]
    assert crlf
    for page in crlf:
        assert page.data.count(b"\n") == page.data.count(b"\r\n")
    for page in all_pages:
        if "crlf" not in page.tags:
            assert b"\r" not in page.data
