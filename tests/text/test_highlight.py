"""Snippets and highlighting: every hit marked in the displayed text, everything escaped."""
from unittest import TestCase

from articles.text.highlight import Segment, highlight, snippet, to_html


class HighlightTests(TestCase):
    def test_hit_split_across_a_line_is_marked_in_the_original(self) -> None:
        self.assertIn(Segment("缪\n京", hit=True), highlight("区委书记缪\n京强调", ["缪京"]))

    def test_traditional_text_is_marked_for_a_simplified_term(self) -> None:
        self.assertIn(Segment("縣委書記", hit=True), highlight("青浦縣委書記李峻", ["县委书记"]))

    def test_every_hit_is_marked(self) -> None:
        self.assertEqual([s.text for s in highlight("耕地，耕地，耕地", ["耕地"]) if s.hit], ["耕地"] * 3)

    def test_overlapping_terms_merge(self) -> None:
        self.assertEqual([s.text for s in highlight("东西部协作", ["东西部", "协作"]) if s.hit], ["东西部协作"])


class SnippetTests(TestCase):
    def test_windows_around_distant_hits_are_joined_with_ellipses(self) -> None:
        text = "缪京" + "甲" * 300 + "李峻" + "乙" * 300
        segments = snippet(text, ["缪京", "李峻"], context=5)
        self.assertEqual([s.text for s in segments if s.hit], ["缪京", "李峻"])
        self.assertIn(Segment("…"), segments)

    def test_no_hit_shows_the_beginning(self) -> None:
        self.assertEqual(snippet("甲" * 500, ["缪京"], max_chars=10), [Segment("甲" * 10 + "…")])


class EscapingTests(TestCase):
    def test_markup_in_text_and_query_is_escaped(self) -> None:
        html = to_html(highlight("<script>alert(1)</script><b>缪京</b>", ["<b>", "缪京"]))
        self.assertEqual(html, "&lt;script&gt;alert(1)&lt;/script&gt;<mark>&lt;b&gt;缪京</mark>&lt;/b&gt;")
