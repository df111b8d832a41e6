"""The admin login refuses a username+address after repeated failures, then lets them try again."""
from __future__ import annotations

from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import TestCase, override_settings
from django.urls import reverse

from articles import throttle


@override_settings(NEWSARCHIVE_LOGIN_MAX_FAILURES=3, NEWSARCHIVE_LOGIN_WINDOW_SECONDS=60)
class LoginThrottleTests(TestCase):
    def setUp(self) -> None:
        # Created here, not in setUpTestData: the password must be hashed with the test hasher.
        User.objects.create_user("editor", password="right-password-1", is_staff=True)
        cache.clear()
        self.url = reverse("admin:login")

    def login(self, password: str, *, username: str = "editor", address: str = "10.0.0.1"):  # noqa: ANN201
        return self.client.post(self.url, {"username": username, "password": password}, REMOTE_ADDR=address)

    def test_the_login_url_is_the_throttled_one(self) -> None:
        self.assertEqual(self.url, "/admin/login/")
        self.assertEqual(self.client.get(self.url).status_code, 200)

    def test_after_n_failures_even_the_right_password_is_refused(self) -> None:
        for _ in range(3):
            self.assertEqual(self.login("wrong").status_code, 200)
        response = self.login("right-password-1")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "登录失败次数过多", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_other_addresses_and_usernames_are_not_affected(self) -> None:
        for _ in range(3):
            self.login("wrong")
        self.assertEqual(self.login("right-password-1", address="10.0.0.2").status_code, 302)
        self.client.logout()
        self.assertEqual(self.login("wrong", username="someone").status_code, 200)

    def test_a_success_clears_the_count(self) -> None:
        for _ in range(2):
            self.login("wrong")
        self.assertEqual(self.login("right-password-1").status_code, 302)
        self.client.logout()
        for _ in range(2):
            self.assertEqual(self.login("wrong").status_code, 200)

    def test_usernames_are_counted_case_insensitively(self) -> None:
        for name in ("editor", "Editor", "EDITOR"):
            self.login("wrong", username=name)
        self.assertTrue(throttle.is_locked(username="eDiToR", address="10.0.0.1"))

    def test_the_window_expires(self) -> None:
        for _ in range(3):
            throttle.record_failure(username="editor", address="10.0.0.1")
        self.assertTrue(throttle.is_locked(username="editor", address="10.0.0.1"))
        cache.clear()  # what the cache does when the window's timeout passes
        self.assertFalse(throttle.is_locked(username="editor", address="10.0.0.1"))
