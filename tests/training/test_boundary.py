"""Training the article-break model from simulated pages of the corpus's train split."""
from __future__ import annotations

import json

from articles.text import boundaries
from training.boundary import Example, collect, f1_at, fit, page_f1, tune_pages, tune_threshold, tune_threshold_on_pages


def test_collect_labels_decisions_from_the_gold_line_roles() -> None:
    examples = collect(pages=30, seed=3)
    assert len(examples) > 50
    assert {e.label for e in examples} == {0, 1}
    assert all(set(e.features) == set(examples[0].features) for e in examples)


def test_collect_is_deterministic() -> None:
    a = collect(pages=5, seed=4)
    b = collect(pages=5, seed=4)
    assert [(e.features, e.label) for e in a] == [(e.features, e.label) for e in b]


def test_fit_learns_a_separating_feature() -> None:
    base = {"day_start": 0.0, "speech": 0.0}
    examples = [Example(dict(base, day_start=1.0), 1) for _ in range(20)]
    examples += [Example(dict(base, speech=1.0), 0) for _ in range(80)]
    model = tune_threshold(fit(examples, steps=500), examples)
    assert model.weights["day_start"] > 0 > model.weights["speech"]
    assert f1_at(model, examples, model.threshold) == 1.0
    assert isinstance(model, boundaries.Model)


def test_threshold_is_chosen_by_whole_page_article_f1() -> None:
    pages = tune_pages(pages=12, seed=5)
    shipped = boundaries.shipped_model()
    tuned = tune_threshold_on_pages(shipped, pages)
    never = boundaries.Model(shipped.weights, shipped.bias, threshold=1.01)  # never breaks untitled text
    assert page_f1(tuned, pages) >= page_f1(never, pages)
    assert 0.4 <= tuned.threshold < 1.0


def test_among_thresholds_as_good_the_one_nearest_even_odds_is_taken(monkeypatch) -> None:
    from training import boundary

    scores = {0.45: 0.9061, 0.475: 0.9065, 0.5: 0.9065, 0.525: 0.9065, 0.6: 0.80}
    monkeypatch.setattr(boundary, "page_f1", lambda model, pages: scores.get(model.threshold, 0.0))
    shipped = boundaries.shipped_model()
    assert tune_threshold_on_pages(shipped, []).threshold == 0.5


def test_make_train_reproduces_the_shipped_model() -> None:
    """The committed weights are exactly what ``make train`` builds from today's simulator."""
    from training.__main__ import train_boundary_model

    model, _, _ = train_boundary_model()
    assert model.to_json() == boundaries.MODEL_PATH.read_text(encoding="utf-8")


def test_real_pages_beside_the_repository_are_read_with_their_gold(tmp_path) -> None:
    from training.boundary import real_pages

    (tmp_path / "issues").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "issues" / "p1.txt").write_bytes("某某镇召开会议\n\n5月6日，某某镇召开会议。\n".encode("gb18030"))
    gold = {"file": "p1.txt", "articles": [{"n": 1, "body_first": "5月6日", "body_last": "召开会议。"}]}
    (tmp_path / "gold" / "p1.txt.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    pages = real_pages(tmp_path)
    assert [p.text.splitlines()[0] for p in pages] == ["某某镇召开会议"]
    assert pages[0].gold == gold["articles"]
    assert real_pages(tmp_path / "absent") == []


def test_real_pages_have_equal_say_with_the_simulated_ones_in_the_threshold(monkeypatch) -> None:
    from training import boundary

    simulated, real = [object()], [object()]
    # Simulated pages favour a high threshold a little; the real ones a low threshold a lot.
    f1 = {(0.5, 0): 0.90, (0.875, 0): 0.91, (0.5, 1): 1.00, (0.875, 1): 0.90}
    monkeypatch.setattr(boundary, "page_f1",
                        lambda model, pages: f1.get((model.threshold, int(pages is real)), 0.0))
    shipped = boundaries.shipped_model()
    assert tune_threshold_on_pages(shipped, simulated).threshold == 0.875
    assert tune_threshold_on_pages(shipped, simulated, real).threshold == 0.5
