"""Run the text pipeline on one file and print what it found; needs no database."""
from __future__ import annotations

import contextlib
import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.text import DecodeError, ParsedIssue, decode, parse_issue


def issue_as_json(parsed: ParsedIssue) -> dict:
    """Return the JSON document the parser is scored on (see README "parse_issue")."""
    return {
        "encoding": parsed.encoding,
        "issue_date": parsed.issue_date.isoformat() if parsed.issue_date else None,
        "articles": [
            {
                "title": a.title,
                "subtitle": a.subtitle,
                "byline": a.byline,
                "derived_title": a.derived_title,
                "body": a.body,
                "event_date": a.event_date.isoformat() if a.event_date else None,
                "dates": [
                    {"text": d.text, "start": d.start.isoformat() if d.start else None,
                     "end": d.end.isoformat() if d.end else None}
                    for d in a.dates
                ],
                "district": a.district,
                "leaders": [{"name": m.name, "titles": list(m.titles)} for m in a.leaders],
                "continues_elsewhere": a.continues_elsewhere,
                "continued_from_elsewhere": a.continued_from_elsewhere,
                "warnings": list(a.warnings),
            }
            for a in parsed.articles
        ],
        "noise": list(parsed.noise),
    }


class Command(BaseCommand):
    help = "解析一个版面文件并输出文章（不需要数据库）。Parse one issue file and print its articles."
    requires_system_checks = []

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("file", type=Path)
        parser.add_argument("--date", type=date.fromisoformat, help="issue date, YYYY-MM-DD")
        parser.add_argument("--json", action="store_true", help="print one JSON document (the default)")

    def handle(self, *args, file: Path, date: date | None, **options) -> None:  # noqa: A002
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"{file}: {exc.strerror}") from exc
        try:
            decoded = decode(data)
        except DecodeError as exc:
            raise CommandError(f"{file}: {exc}") from exc
        # Some NLP libraries print banners on import; stdout must carry the JSON alone.
        with contextlib.redirect_stdout(sys.stderr):
            parsed = parse_issue(decoded.text, encoding=decoded.encoding, issue_date=date)
        self.stdout.write(json.dumps(issue_as_json(parsed), ensure_ascii=False, indent=1))
