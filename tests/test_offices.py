from datetime import date

from django.test import SimpleTestCase

from articles.browse import TitleSpan
from articles.models import District
from articles.offices import district_stem, merge_title_spans, normalise_title, normalise_titles


class NormaliseTitleTests(SimpleTestCase):
    CHONGMING = District(name="崇明区")
    CASES = [
        ("own district dropped", "崇明区委书记", CHONGMING, "区委书记"),
        ("already short", "区委书记", CHONGMING, "区委书记"),
        ("own district, government", "崇明区区长", CHONGMING, "区区长"),
        ("city office kept", "上海市委书记", CHONGMING, "上海市委书记"),
        ("other district kept", "青浦区委书记", CHONGMING, "青浦区委书记"),
        ("no district", "崇明区委书记", None, "崇明区委书记"),
        ("county", "佛坪县县长", District(name="佛坪县"), "县县长"),
    ]

    def test_cases(self):
        for name, title, district, expected in self.CASES:
            with self.subTest(name):
                self.assertEqual(normalise_title(title, district), expected)

    def test_stem_keeps_one_character_names_whole(self):
        self.assertEqual(district_stem("崇明区"), "崇明")
        self.assertEqual(district_stem("萧县"), "萧县")

    def test_titles_that_become_equal_are_listed_once(self):
        self.assertEqual(normalise_titles(["崇明区委书记", "区委书记", "区长"], self.CHONGMING), ["区委书记", "区长"])


class MergeTitleSpansTests(SimpleTestCase):
    def test_one_office_is_one_row_with_summed_mentions_and_widest_dates(self):
        spans = [TitleSpan("区委书记", date(2025, 4, 1), date(2025, 5, 1), 3),
                 TitleSpan("崇明区委书记", date(2025, 3, 1), date(2025, 4, 2), 2)]
        self.assertEqual(merge_title_spans(spans, District(name="崇明区")),
                         [TitleSpan("区委书记", date(2025, 3, 1), date(2025, 5, 1), 5)])
