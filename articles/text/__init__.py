"""The text pipeline (pure Python, no Django): decode a page and cut it into articles."""
from __future__ import annotations

from articles.text.decode import DecodedText, DecodeError, decode
from articles.text.parsed import DateMention, LeaderMention, ParsedArticle, ParsedIssue
from articles.text.pipeline import parse_issue

__all__ = [
    "DateMention",
    "DecodeError",
    "DecodedText",
    "LeaderMention",
    "ParsedArticle",
    "ParsedIssue",
    "decode",
    "parse_issue",
]
