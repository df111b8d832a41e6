"""A prepared issue as JSON, so the parse an editor reviewed is exactly the parse that is published.

An upload is checked (and parsed) when it arrives; the editor reviews that parse, maybe for
days. Parsing again at publish time could give other articles (the pipeline or the known
leaders may have changed meanwhile), so the upload keeps its prepared issue in
``UploadFile.prepared`` and publishing stores it as it is. The raw bytes stay in
``UploadFile.raw_bytes``; their digest, kept here, ties the two together.
"""
from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from articles.ingest.prepare import PreparedIssue
from articles.ingest.results import IngestError, sha256_of
from articles.text import DateMention, LeaderMention, ParsedArticle, ParsedIssue


class SnapshotMismatch(IngestError):
    """The stored parse does not belong to these bytes (they changed after review)."""


def prepared_to_json(prepared: PreparedIssue) -> dict[str, Any]:
    """Return everything of a prepared issue but its bytes, as JSON-ready values."""
    parsed = prepared.parsed
    return {
        "digest": prepared.digest, "filename": prepared.filename, "paper": prepared.paper_name,
        "issue_date": prepared.issue_date.isoformat(), "page": prepared.page,
        "parsed": {
            "text": parsed.text, "encoding": parsed.encoding, "noise": list(parsed.noise),
            "issue_date": _iso(parsed.issue_date),
            "articles": [_article_json(a) for a in parsed.articles],
        },
    }


def prepared_from_json(stored: dict[str, Any], *, data: bytes) -> PreparedIssue:
    """Rebuild the prepared issue kept for ``data``; raise SnapshotMismatch if it was made from other bytes."""
    if stored.get("digest") != sha256_of(data):
        raise SnapshotMismatch("审核时的解析结果与文件内容不符，请重新上传。")
    parsed = stored["parsed"]
    return PreparedIssue(
        data=data, digest=stored["digest"], filename=stored["filename"], paper_name=stored["paper"],
        issue_date=date.fromisoformat(stored["issue_date"]), page=stored["page"],
        parsed=ParsedIssue(
            text=parsed["text"], encoding=parsed["encoding"], noise=list(parsed["noise"]),
            issue_date=_date(parsed["issue_date"]), articles=[_article(a) for a in parsed["articles"]],
        ),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _article_json(article: ParsedArticle) -> dict[str, Any]:
    row = dataclasses.asdict(article)
    row["event_date"] = _iso(article.event_date)
    row["dates"] = [{"text": d.text, "start": _iso(d.start), "end": _iso(d.end)} for d in article.dates]
    return row


def _article(row: dict[str, Any]) -> ParsedArticle:
    # Only the fields this version knows: a field added to ParsedArticle later keeps its default.
    known = {f.name for f in dataclasses.fields(ParsedArticle)}
    values = {k: v for k, v in row.items() if k in known}
    values["event_date"] = _date(row.get("event_date"))
    values["dates"] = [DateMention(text=d["text"], start=_date(d["start"]), end=_date(d["end"]))
                       for d in row.get("dates", [])]
    values["leaders"] = [LeaderMention(name=m["name"], titles=list(m["titles"])) for m in row.get("leaders", [])]
    return ParsedArticle(**values)
