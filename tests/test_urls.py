"""reverse()/resolve() round-trips for the browsing addresses; dates always print zero-padded."""
from django.test import SimpleTestCase
from django.urls import resolve, reverse


class BrowseUrlTests(SimpleTestCase):
    CASES = [
        ("home", {}, "/"),
        ("issue_detail", {"pk": 12}, "/issue/12/"),
        ("issue_raw", {"pk": 12}, "/issue/12/raw/"),
        ("issue_raw_text", {"pk": 12}, "/issue/12/raw.txt"),
        ("article_detail", {"pk": 345}, "/article/345/"),
        ("district_detail", {"slug": "chongming"}, "/district/chongming/"),
        ("district_leaders", {"slug": "chongming"}, "/district/chongming/leaders/"),
        ("paper_detail", {"slug": "cmb"}, "/paper/cmb/"),
        ("leader_detail", {"pk": 7}, "/leader/7/"),
        ("paper_year", {"slug": "cmb", "year": 2025}, "/paper/cmb/2025/"),
        ("paper_month", {"slug": "cmb", "year": 2025, "month": 4}, "/paper/cmb/2025/04/"),
        ("paper_day", {"slug": "cmb", "year": 2025, "month": 4, "day": 9}, "/paper/cmb/2025/04/09/"),
        ("district_year", {"slug": "chongming", "year": 2025}, "/district/chongming/2025/"),
        ("district_month", {"slug": "chongming", "year": 2025, "month": 4}, "/district/chongming/2025/04/"),
        ("district_day", {"slug": "chongming", "year": 2025, "month": 4, "day": 19}, "/district/chongming/2025/04/19/"),
        ("date_month", {"year": 2025, "month": 4}, "/date/2025/04/"),
        ("date_day", {"year": 2025, "month": 4, "day": 19}, "/date/2025/04/19/"),
        ("district_feed", {"slug": "chongming"}, "/district/chongming/feed/"),
        ("paper_feed", {"slug": "cmb"}, "/paper/cmb/feed/"),
        ("leader_feed", {"pk": 7}, "/leader/7/feed/"),
    ]

    def test_round_trips(self):
        for name, kwargs, url in self.CASES:
            with self.subTest(name):
                self.assertEqual(reverse(f"articles:{name}", kwargs=kwargs), url)
                match = resolve(url)
                self.assertEqual(match.view_name, f"articles:{name}")
                self.assertEqual(match.kwargs, kwargs)

    def test_unicode_slug_resolves(self):
        self.assertEqual(resolve("/district/崇明区/").kwargs, {"slug": "崇明区"})

    def test_unpadded_date_does_not_resolve(self):
        from django.urls import Resolver404
        with self.assertRaises(Resolver404):
            resolve("/date/2025/4/19/")
