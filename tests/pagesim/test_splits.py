"""Pages of one split use that split's articles only, and never the blind ones."""
from __future__ import annotations

from pagesim.corpus import load_corpus, split_of
from pagesim.encoding import decode_page
from pagesim.page import SimPage
from pagesim.scoring import norm


def _split_by_id() -> dict[str, str]:
    return {r.id: split_of(r) for r in load_corpus()}


def test_train_pages_use_train_articles_only(train_pages: list[SimPage]) -> None:
    split = _split_by_id()
    assert {split[a["corpus_id"]] for p in train_pages for a in p.gold["articles"]} == {"train"}


def test_eval_pages_use_eval_articles_only(eval_pages: list[SimPage]) -> None:
    split = _split_by_id()
    assert {split[a["corpus_id"]] for p in eval_pages for a in p.gold["articles"]} == {"eval"}


def test_no_title_from_another_split_is_printed(all_pages: list[SimPage]) -> None:
    """QR-box and 导读 headlines are real titles too: they must come from the page's split."""
    titles = [(norm(r.title).replace(",", "，"), split_of(r)) for r in load_corpus() if r.title and len(r.title) > 8]
    for page in all_pages:
        flat = norm(decode_page(page.data, page.gold["encoding"]))
        own = "train" if "_train_" in page.name else "eval"
        for title, split in titles:
            if split != own:
                assert title not in flat, (page.name, title)


def test_no_blind_body_text_is_printed(all_pages: list[SimPage]) -> None:
    blind = [norm(r.body[0])[:20] for r in load_corpus() if split_of(r) == "blind"]
    for page in all_pages[::10]:
        flat = norm(decode_page(page.data, page.gold["encoding"]))
        assert not any(b in flat for b in blind), page.name
