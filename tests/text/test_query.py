"""Query syntax: terms, phrases, OR, exclusions, fields; parsing never fails."""
from unittest import TestCase

from hypothesis import given, settings
from hypothesis import strategies as st

from articles.text.query import Term, parse


class ParseTests(TestCase):
    def test_space_means_and(self) -> None:
        self.assertEqual(parse("乡村振兴 耕地").groups, ((Term("乡村振兴"),), (Term("耕地"),)))

    def test_quotes_make_one_phrase_without_spaces_between_chinese(self) -> None:
        self.assertEqual(parse('"长三角 一体化"').groups, ((Term("长三角一体化", phrase=True),),))

    def test_chinese_quotes_work_too(self) -> None:
        self.assertEqual(parse("“东西部协作”").groups, ((Term("东西部协作", phrase=True),),))

    def test_or_joins_neighbours_into_one_group(self) -> None:
        self.assertEqual(parse("缪京 OR 李峻 耕地").groups, ((Term("缪京"), Term("李峻")), (Term("耕地"),)))

    def test_lower_case_or_and_chinese_or_join_too(self) -> None:
        for q in ("缪京 or 李峻", "缪京 或 李峻"):
            self.assertEqual(parse(q).groups, ((Term("缪京"), Term("李峻")),), q)

    def test_quoted_or_is_searched_as_text(self) -> None:
        self.assertEqual(parse('缪京 "或" 李峻').groups, ((Term("缪京"),), (Term("或", phrase=True),), (Term("李峻"),)))

    def test_minus_excludes(self) -> None:
        query = parse("李峻 -耕地")
        self.assertEqual((query.groups, query.excluded), (((Term("李峻"),),), (Term("耕地"),)))

    def test_fields(self) -> None:
        query = parse("标题:生态岛 正文：耕地 作者:张三 领导:缪京")
        self.assertEqual([t.field for t in query.positive_terms], ["title", "body", "author", "leader"])

    def test_traditional_input_is_folded(self) -> None:
        self.assertEqual(parse("縣委書記").groups, ((Term("县委书记"),),))

    def test_unbalanced_quote_runs_to_the_end_with_a_notice(self) -> None:
        query = parse('"缪京 强调')
        self.assertEqual((query.groups, len(query.notices)), (((Term("缪京强调", phrase=True),),), 1))

    def test_tsquery_operators_are_ignored_as_punctuation(self) -> None:
        self.assertTrue(parse("& | ! : * ( ) <->").is_empty)

    def test_control_characters_become_spaces(self) -> None:
        self.assertEqual(parse("缪京\x00李峻").groups, ((Term("缪京"),), (Term("李峻"),)))

    def test_single_character_is_not_indexable(self) -> None:
        self.assertFalse(parse("峻").has_index)

    def test_too_many_terms_are_cut_with_a_notice(self) -> None:
        query = parse(" ".join(f"词{i}" for i in range(30)))
        self.assertEqual((len(query.positive_terms), bool(query.notices)), (12, True))


class ParseNeverFailsTests(TestCase):
    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=300))
    def test_any_string_parses(self, raw: str) -> None:
        query = parse(raw)
        for term in [*query.positive_terms, *query.excluded]:
            self.assertTrue(term.text)
            self.assertNotIn("\x00", term.text)
