"""The write side of the archive: the only code that creates, replaces or deletes issues and articles.

Every issue is written in one transaction, so a file that fails leaves nothing behind. The
same bytes never make a second issue (``Issue.sha256`` is unique); a corrected file for the
same paper, date and page replaces the old issue's articles, and an article whose body is
unchanged keeps its id, so permalinks survive corrections and ``reprocess``.

Layout: ``prepare`` (the one door from bytes to a prepared issue: decode, ``facts`` for paper,
date and page, parse; no database when given the paper names), ``snapshot`` (a prepared issue
kept as JSON between review and publishing), ``store`` (one issue per transaction: store,
reprocess, purge), ``sync`` (articles matched to the new parse, corrections re-applied),
``mentions`` (leader records), ``places`` (papers and districts), ``search_fields``, ``batch``
(a process pool for many files) and ``summaries`` (browsing summary rows).
"""
from articles.ingest.batch import IssueFile, ingest_issues_batched
from articles.ingest.facts import NO_ARTICLES, NO_DATE, NO_PAPER, Facts, Hints, chinese_only, paper_named_in
from articles.ingest.mentions import leaders_for, prune_leaders
from articles.ingest.places import district_for, paper_for
from articles.ingest.prepare import (
    PreparedIssue, dominant_district, known_leader_names, known_names_in, prepare_issue,
)
from articles.ingest.results import CORRECTABLE_FIELDS, IngestError, IngestResult, sha256_of
from articles.ingest.search_fields import bulk_insert_articles, search_document, search_fields, write_search_fields
from articles.ingest.snapshot import prepared_from_json, prepared_to_json
from articles.ingest.store import ingest_issue, purge_issue, reprocess_issue, store_prepared
from articles.ingest.summaries import refresh_browse_summaries
from articles.ingest.sync import apply_corrections, sync_articles

__all__ = [
    "CORRECTABLE_FIELDS", "NO_ARTICLES", "NO_DATE", "NO_PAPER", "Facts", "Hints", "IngestError", "IngestResult",
    "IssueFile", "PreparedIssue", "apply_corrections", "bulk_insert_articles", "chinese_only", "district_for",
    "dominant_district", "ingest_issue", "ingest_issues_batched", "known_leader_names", "known_names_in",
    "leaders_for", "paper_for", "paper_named_in", "prepare_issue", "prepared_from_json", "prepared_to_json",
    "prune_leaders", "purge_issue", "refresh_browse_summaries", "reprocess_issue", "search_document",
    "search_fields", "sha256_of", "store_prepared", "sync_articles", "write_search_fields",
]
