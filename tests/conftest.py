"""Test-wide settings: plain HTTP and unhashed static files, so tests need no collectstatic.

The text-pipeline tests also run without pytest-django (``-p no:django``); then there is
nothing to configure.
"""
import pytest


@pytest.fixture(autouse=True)
def _test_settings(request: pytest.FixtureRequest) -> None:
    if not request.config.pluginmanager.hasplugin("django"):
        return
    settings = request.getfixturevalue("settings")
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A search index per test, built from the test's database on its first search (the
    # database is rolled back after each test; an index shared between tests would not be).
    # (Not under tmp_path: some tests read every file there.)
    settings.NEWSARCHIVE_SEARCH_INDEX = str(request.getfixturevalue("tmp_path_factory").mktemp("search-index"))
