"""The admin login refuses a username+address after repeated failures, then lets them try again."""
from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import User
from django.test import Client, TestCase, TransactionTestCase, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.editing import throttle
from articles.models import LoginAttempt
from tests.concurrency import run_together


@override_settings(NEWSARCHIVE_LOGIN_MAX_FAILURES=3, NEWSARCHIVE_LOGIN_WINDOW_SECONDS=60)
class LoginThrottleTests(TestCase):
    def setUp(self) -> None:
        # Created here, not in setUpTestData: the password must be hashed with the test hasher.
        User.objects.create_user("editor", password="right-password-1", is_staff=True)
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
            throttle.count_attempt(username="editor", address="10.0.0.1")
        self.assertTrue(throttle.is_locked(username="editor", address="10.0.0.1"))
        self.assertEqual(self.login("right-password-1").status_code, 429)
        # The window started 61 s ago: it has passed (the window is 60 s here).
        LoginAttempt.objects.update(window_started=timezone.now() - timedelta(seconds=61))
        self.assertFalse(throttle.is_locked(username="editor", address="10.0.0.1"))
        self.assertEqual(self.login("right-password-1").status_code, 302)


@override_settings(NEWSARCHIVE_LOGIN_MAX_FAILURES=5, NEWSARCHIVE_LOGIN_WINDOW_SECONDS=600)
class ParallelLoginTests(TransactionTestCase):
    """Attempts made at the same moment are counted one by one before any password is checked."""

    def test_of_30_parallel_wrong_passwords_only_the_allowed_5_are_checked(self) -> None:
        User.objects.create_user("editor", password="right-password-1", is_staff=True)

        def attempt() -> int:
            response = Client().post(reverse("admin:login"), {"username": "editor", "password": "wrong"},
                                     REMOTE_ADDR="10.0.0.9")
            return response.status_code

        statuses, errors = run_together(*[attempt] * 30)
        self.assertEqual(errors, [])
        self.assertEqual(sorted(statuses), [200] * 5 + [429] * 25)
        self.assertEqual(LoginAttempt.objects.get().attempts, 30)
