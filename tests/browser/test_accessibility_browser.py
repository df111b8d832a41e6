"""axe-core on every public page type, at desktop and phone width: no critical or serious violation.

axe runs inside the page in the same Debian Chromium as the other browser tests, so it judges
the layout the visitor gets at that width (contrast, target size, names of links and fields).
"""
import pytest
from axe_core_python.selenium import Axe

from tests.browser.conftest import PHONE, set_viewport
from tests.site_pages import build_archive, page_addresses

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP_WIDE = (1366, 900)
BLOCKING = {"critical", "serious"}


def blocking_violations(browser) -> list[str]:
    """Return one line per critical or serious axe violation on the page loaded in the browser."""
    results = Axe().run(browser)
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:3])}"
        for v in results["violations"] if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("viewport", [DESKTOP_WIDE, PHONE], ids=["desktop", "phone"])
def test_every_page_type_has_no_serious_accessibility_violation(browser, live_server, viewport):
    addresses = page_addresses(build_archive())
    set_viewport(browser, *viewport)
    found = {}
    for name, address in addresses.items():
        browser.get(live_server.url + address)
        violations = blocking_violations(browser)
        if violations:
            found[name] = violations
    assert found == {}
