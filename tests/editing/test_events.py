"""The event log copies names as text, so it outlives the users and objects it describes."""
from __future__ import annotations

from django.contrib.auth.models import User
from django.test import TestCase

from articles.editing.events import record_event
from articles.models import Event
from tests.factories import make_issue


class RecordEventTests(TestCase):
    def test_an_event_copies_the_user_and_the_object_as_text(self) -> None:
        user = User.objects.create_user("editor")
        issue = make_issue()
        event = record_event(action="purge", user=user, obj=issue, details={"articles": 3})
        self.assertEqual((event.username, event.object_type, event.object_id), ("editor", "issue", str(issue.pk)))
        self.assertEqual(event.description, str(issue))

    def test_the_event_outlives_its_user_and_object(self) -> None:
        user = User.objects.create_user("editor")
        issue = make_issue()
        event = record_event(action="purge", user=user, obj=issue)
        description = event.description
        issue.delete()
        user.delete()
        event.refresh_from_db()
        self.assertEqual((event.username, event.description), ("editor", description))

    def test_no_user_means_a_blank_name(self) -> None:
        self.assertEqual(record_event(action="reprocess").username, "")

    def test_the_log_offers_only_the_view_permission(self) -> None:
        self.assertEqual(Event._meta.default_permissions, ("view",))

    def test_long_descriptions_are_cut(self) -> None:
        self.assertEqual(len(record_event(action="edit", description="长" * 900).description), 500)
