from datetime import date
from xml.etree import ElementTree

from django.test import SimpleTestCase

from articles.charts import bar_chart_svg, month_points

SVG = "{http://www.w3.org/2000/svg}"


class MonthPointsTests(SimpleTestCase):
    def test_months_without_data_are_zero(self):
        counts = {date(2025, 11, 1): 2, date(2026, 2, 1): 5}
        self.assertEqual(
            month_points(counts), [("2025-11", 2), ("2025-12", 0), ("2026-01", 0), ("2026-02", 5)]
        )

    def test_days_in_the_same_month_add_up(self):
        self.assertEqual(month_points({date(2025, 4, 1): 1, date(2025, 4, 19): 2}), [("2025-04", 3)])

    def test_empty_is_empty(self):
        self.assertEqual(month_points({}), [])

    def test_explicit_range_pads_both_ends(self):
        points = month_points({date(2025, 2, 1): 1}, start=date(2025, 1, 5), end=date(2025, 3, 1))
        self.assertEqual(points, [("2025-01", 0), ("2025-02", 1), ("2025-03", 0)])


class BarChartSvgTests(SimpleTestCase):
    def test_is_well_formed_svg_with_one_bar_per_point(self):
        svg = bar_chart_svg([("2025-01", 3), ("2025-02", 0), ("2025-03", 6)], title="每月提及")
        root = ElementTree.fromstring(svg)
        self.assertEqual(root.get("role"), "img")
        self.assertEqual(root.find(f"{SVG}title").text, "每月提及")
        bars = root.findall(f"{SVG}rect")
        self.assertEqual(len(bars), 3)
        self.assertEqual(bars[1].get("height"), "0.0")
        self.assertEqual(bars[2].find(f"{SVG}title").text, "2025-03：6 篇")

    def test_labels_are_escaped(self):
        svg = bar_chart_svg([("<b>", 1)], title="a & b")
        self.assertNotIn("<b>", svg)
        ElementTree.fromstring(svg)

    def test_long_series_prints_at_most_twelve_axis_labels(self):
        root = ElementTree.fromstring(bar_chart_svg([(f"m{i}", i) for i in range(60)], title="t"))
        labels = [t for t in root.findall(f"{SVG}text") if t.text and t.text.startswith("m")]
        self.assertLessEqual(len(labels), 12)

    def test_no_points_no_chart(self):
        self.assertEqual(bar_chart_svg([], title="t"), "")
