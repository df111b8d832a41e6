"""Training the article-break model from simulated pages of the corpus's train split."""
from __future__ import annotations

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
