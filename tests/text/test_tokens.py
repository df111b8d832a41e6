"""Search tokens: folding, sections, bigrams and the tsquery they make."""
from unittest import TestCase

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.text import tokens


class NormalizeTests(TestCase):
    def test_traditional_becomes_simplified(self) -> None:
        self.assertEqual(tokens.normalize("縣委書記"), "县委书记")

    def test_spaces_and_line_breaks_between_chinese_go(self) -> None:
        self.assertEqual(tokens.normalize("缪 京\n强调"), "缪京强调")

    def test_full_width_latin_is_folded(self) -> None:
        self.assertEqual(tokens.normalize("５Ｇ网络"), "5g网络")

    def test_folding_is_per_character_so_substrings_stay_substrings(self) -> None:
        self.assertIn(tokens.normalize("乾"), tokens.normalize("乾隆年间"))


class SearchTextTests(TestCase):
    def test_sections_are_separated(self) -> None:
        text = tokens.search_text(titles=["标题", ""], byline="记者", body="正文")
        self.assertEqual(text.split(tokens.FIELD_SEP), ["标题", "记者", "正文"])


class TermsTests(TestCase):
    def test_bigrams_overlap(self) -> None:
        self.assertEqual(tokens.terms("缪京强调"), ["缪京", "京强", "强调"])

    def test_query_terms_of_one_character_are_empty(self) -> None:
        self.assertEqual(tokens.query_terms("峻"), [])

    def test_tsquery_ands_the_bigrams(self) -> None:
        self.assertEqual(tokens.tsquery_for("縣委書記"), "'书记' & '县委' & '委书'")

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet="缪京强调区委书记乡村振兴 abc5G", min_size=2, max_size=40), st.data())
    def test_a_substring_has_every_query_term_in_the_text_terms(self, text: str, data: st.DataObject) -> None:
        folded = tokens.normalize(text)
        start = data.draw(st.integers(0, len(folded)))
        part = folded[start : start + data.draw(st.integers(2, 6))]
        cjk_only = all("\u3400" <= c <= "\u9fff" for c in part)
        if cjk_only:
            self.assertLessEqual(set(tokens.query_terms(part)), set(tokens.terms(folded)))
