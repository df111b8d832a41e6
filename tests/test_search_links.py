from django.http import QueryDict
from django.test import SimpleTestCase

from articles.search_links import page_links, search_url


class PageLinksTests(SimpleTestCase):
    def labels(self, page: int, num_pages: int) -> list[str]:
        return [link.label if link else "…" for link in page_links(QueryDict("q=缪京"), page=page, num_pages=num_pages)]

    def test_pages_around_the_current_one_with_gaps_to_the_ends(self):
        self.assertEqual(self.labels(10, 20), ["1", "…", "8", "9", "10", "11", "12", "…", "20"])

    def test_no_gap_where_the_runs_touch(self):
        self.assertEqual(self.labels(3, 5), ["1", "2", "3", "4", "5"])

    def test_page_one_has_no_page_parameter(self):
        first = page_links(QueryDict("q=缪京&page=3"), page=3, num_pages=3)[0]
        self.assertNotIn("page=", first.url)


class SearchUrlTests(SimpleTestCase):
    def test_unknown_parameters_are_dropped_and_the_address_lands_on_the_results(self):
        url = search_url(QueryDict("q=缪京&next=//evil.example&page=4"), sort="newest")
        self.assertEqual(url, "/search/?q=%E7%BC%AA%E4%BA%AC&sort=newest#results-heading")
