"""The prepared issue kept at review is the one published (articles/ingest/snapshot.py)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import User

from articles.editing import publishing, uploads
from articles.ingest import Hints, IngestError, prepare_issue, prepared_from_json, prepared_to_json
from articles.models import Article, UploadFile
from tests.factories import make_paper

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
CHONGMING = (SEEDS / "000_1812f75c900816aa.txt").read_bytes()
NAME = "崇明报_2025-04-19_01.txt"


def test_a_prepared_issue_survives_json_unchanged() -> None:
    prepared = prepare_issue(CHONGMING, filename=NAME, explicit=Hints(), known_leaders=[], paper_names=["崇明报"])
    assert prepared_from_json(prepared_to_json(prepared), data=CHONGMING) == prepared


def test_a_stored_parse_is_refused_for_other_bytes() -> None:
    prepared = prepare_issue(CHONGMING, filename=NAME, known_leaders=[], paper_names=["崇明报"])
    with pytest.raises(IngestError):
        prepared_from_json(prepared_to_json(prepared), data=CHONGMING + b"\n")


@pytest.mark.django_db
def test_publishing_stores_the_parse_the_editor_reviewed_without_parsing_again() -> None:
    make_paper(name="崇明报", slug="chongming")
    editor = User.objects.create_superuser("editor", password="pw-editor-123")
    upload = uploads.stage_upload(files=[(NAME, CHONGMING, len(CHONGMING))], user=editor)
    upload_file = upload.files.get()
    # Mark the reviewed parse: a second parse at publish time would lose the mark.
    upload_file.prepared["parsed"]["articles"][0]["title"] = "审核时的标题"
    upload_file.save()
    publishing.publish_upload(upload, user=editor)
    upload_file.refresh_from_db()
    assert upload_file.status == UploadFile.NEW
    first = Article.objects.get(issue_id=upload_file.issue_id_copy, position=1)
    assert (first.title, first.issue.issue_date) == ("审核时的标题", date(2025, 4, 19))
