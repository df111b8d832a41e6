"""Build the invented "unseen" pages and their gold annotations.

Every page here is invented (districts, people, events): none is copied from a real paper
or from the seed pages. Each page is written once in logical form (one paragraph per line)
and then rendered the way a PDF/OCR export of that paper would look: hard-wrapped at a
column width or one line per paragraph, with or without blank lines, in UTF-8, UTF-8 with
BOM and CRLF, or GB18030. The gold uses the schema and conventions of the seed gold
(the seed pages' annotation conventions); ``body_first``/``body_last`` are cut from the rendered file's
text with every newline removed, from body anchors written here.

Run from the project root: ``.venv/bin/python tests/data/unseen_gold/build_unseen.py``.
Line prefixes in the logical text: ``@`` keeps the line unwrapped (headlines, furniture);
``¦`` inside a paragraph marks a column break (a blank line after that wrapped line).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "unseen"
sys.path.insert(0, str(HERE))

from unseen_pages import ALL_PAGES  # noqa: E402


CLOSING = "，。、；：！？）”』」》,.;:!?)"


def render(page: dict) -> str:
    width = page.get("wrap")
    out: list[str] = []
    for raw in page["text"].strip("\n").split("\n"):
        if raw.startswith("@") or not width or not raw:
            out.append(raw.lstrip("@").replace("¦", ""))
            continue
        breaks = [m.start() - i for i, m in enumerate(re.finditer("¦", raw))]
        line = raw.replace("¦", "")
        chunks = [line[i:i + width] for i in range(0, len(line), width)] or [""]
        # Typesetting never starts a line with closing punctuation: it stays on the line above.
        for k in range(1, len(chunks)):
            while chunks[k] and chunks[k][0] in CLOSING:
                chunks[k - 1] += chunks[k][0]
                chunks[k] = chunks[k][1:]
        chunks = [c for c in chunks if c]
        for k, chunk in enumerate(chunks):
            out.append(chunk)
            if any(k * width <= b < (k + 1) * width for b in breaks) and k < len(chunks) - 1:
                out.append("")
    text = "\n".join(out) + "\n"
    if page.get("crlf"):
        text = text.replace("\n", "\r\n")
    return text


def anchor_span(flat: str, start: str, end: str, after: int) -> tuple[int, int]:
    i = flat.find(start, after)
    assert i >= 0, ("start anchor not found", start)
    assert flat.count(start) == 1, ("start anchor not unique", start)
    j = flat.find(end, i)
    assert j >= 0, ("end anchor not found", end)
    assert flat.count(end) == 1, ("end anchor not unique", end)
    return i, j + len(end)


def build() -> None:
    PAGES.mkdir(parents=True, exist_ok=True)
    for page in ALL_PAGES:
        text = render(page)
        data = text.encode(page["encoding"])
        (PAGES / page["file"]).write_bytes(data)
        flat = data.decode(page["encoding"]).replace("\r\n", "\n").replace("\n", "")
        bare = re.sub(r"\s", "", flat)
        articles = []
        pos = 0
        for n, art in enumerate(page["articles"], start=1):
            i, j = anchor_span(flat, art["start"], art["end"], pos)
            assert i >= pos, ("articles overlap or out of order", page["file"], n)
            pos = j
            body = flat[i:j]
            assert body == body.strip() and len(body) >= 15
            bare_body = re.sub(r"\s", "", body)
            for field in ("title", "subtitle", "byline"):
                value = art.get(field)
                if value and field != "subtitle":
                    assert value in flat, (page["file"], n, field, value)
            for leader in art.get("leaders", []):
                assert leader["name"] in bare_body, (page["file"], n, leader["name"])
                for t in leader["titles"]:
                    assert t in bare_body, (page["file"], n, t)
            for d in art.get("dates", []):
                assert d["text"] in body, (page["file"], n, d["text"])
            articles.append({
                "n": n,
                "title": art.get("title"),
                "subtitle": art.get("subtitle"),
                "title_location": art.get("loc", "before" if art.get("title") else "missing"),
                "byline": art.get("byline"),
                "body_first": body[:15],
                "body_last": body[-15:],
                "continues_elsewhere": art.get("cont", False),
                "continued_from_elsewhere": art.get("from", False),
                "dates_mentioned": art.get("dates", []),
                "event_date": art.get("event_date"),
                "leaders": art.get("leaders", []),
                "places": art.get("places", []),
                "district_of_article": art["district"],
            })
        bodies = [re.sub(r"\s", "", flat[flat.find(a["start"]):flat.find(a["end"]) + len(a["end"])])
                  for a in page["articles"]]
        for item in page.get("noise", []):
            assert item in flat, (page["file"], item)
            assert not any(re.sub(r"\s", "", item) in b for b in bodies if len(item) >= 4), (page["file"], item)
        gold = {
            "file": page["file"],
            "paper_guess": page["paper"],
            "district_of_paper": page["district"],
            "province_or_city": page["province"],
            "year_guess": page["year"],
            "year_evidence": page["year_evidence"],
            "articles": articles,
            "noise": page.get("noise", []),
            "notes": page.get("notes", ""),
        }
        assert bare  # the page is not empty
        (HERE / (page["file"] + ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(ALL_PAGES)} pages to {PAGES} and their gold to {HERE}")


if __name__ == "__main__":
    build()
