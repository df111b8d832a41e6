"""The search index beside PostgreSQL: its schema, its documents and where it lives on disk.

PostgreSQL stays the record; this Tantivy index is derived from it and can be rebuilt at any
time (``manage.py search_index --rebuild``). Each text field holds the overlapping character
bigrams of the folded section with one position per character, so a term of two or more
characters is an exact phrase of its bigrams (a substring test answered by the index alone,
hence exact counts); a unigram field per section answers one-character terms. Dates, paper,
district and leaders are fast fields: filters, facets and the month chart come from them.

On disk: ``NEWSARCHIVE_SEARCH_INDEX/CURRENT`` names the live generation directory. A rebuild
writes a new generation and switches ``CURRENT`` in one rename, so readers never see half an index.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import connections

from articles.text import tokens

# Text fields and the section of the article each holds; "<name>1" is its unigram twin.
TEXT_FIELDS = ("title", "subtitle", "byline", "body")
UNIGRAM = "1"
# Dates are stored as proleptic ordinals; the order key packs (issue date, id) into one integer.
ID_BITS = 40
WRITER_HEAP = 200_000_000
_lock = threading.Lock()
_open: dict[str, tantivy.Index] = {}


@dataclass(frozen=True)
class ArticleDoc:
    """What the index knows of one article (read from PostgreSQL by ``documents``)."""

    id: int
    issue_date: date
    event_date: date | None
    paper_id: int
    district_id: int | None
    title: str
    subtitle: str
    byline: str
    body: str
    leader_ids: tuple[int, ...]


def schema() -> tantivy.Schema:
    """The index schema: bigram and unigram text fields per section, integer fast fields for the rest."""
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", indexed=True, fast=True)
    for name in ("order", "day", "event", "month"):
        builder.add_integer_field(name, fast=True)
    for name in ("paper", "district", "leader"):
        builder.add_integer_field(name, indexed=True, fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="position")
        builder.add_text_field(name + UNIGRAM, tokenizer_name="unigram", index_option="freq")
    return builder.build()


def order_key(issue_date: date, article_id: int) -> int:
    """One integer that sorts like (issue date, id): the newest-first and oldest-first orders."""
    return (issue_date.toordinal() << ID_BITS) | article_id


def month_key(day: date) -> int:
    return day.year * 100 + day.month


def _bigrams(text: str) -> tantivy.PreTokenizedString:
    """Bigrams at one position per character (tantivy's n-gram tokenizer puts them all at 0)."""
    grams = [tantivy.Token(text[i : i + 2], i, i, i + 2) for i in range(len(text) - 1)]
    return tantivy.PreTokenizedString(text, grams)


def to_document(doc: ArticleDoc) -> tantivy.Document:
    """Build the index document of one article."""
    out = tantivy.Document()
    out.add_integer("id", doc.id)
    out.add_integer("order", order_key(doc.issue_date, doc.id))
    out.add_integer("day", doc.issue_date.toordinal())
    out.add_integer("event", doc.event_date.toordinal() if doc.event_date else -1)
    out.add_integer("month", month_key(doc.issue_date))
    out.add_integer("paper", doc.paper_id)
    out.add_integer("district", doc.district_id if doc.district_id is not None else -1)
    for leader_id in doc.leader_ids:
        out.add_integer("leader", leader_id)
    for name in TEXT_FIELDS:
        text = getattr(doc, name)
        if len(text) > 1:
            out.add_pre_tokenized_text(name, _bigrams(text))
        if text:
            out.add_text(name + UNIGRAM, text)
    return out


_DOC_SQL = """
    SELECT a.id, a.issue_date, a.event_date, a.paper_id, a.district_id, a.title, a.subtitle, a.derived_title,
           a.search_text, COALESCE((SELECT array_agg(m.leader_id) FROM articles_mention m WHERE m.article_id = a.id),
           '{}')
    FROM articles_article a
"""


def _doc(row: tuple) -> ArticleDoc:
    """Fold one article row: titles here, byline and body from the stored ``search_text`` sections."""
    _titles, byline, body = (row[8].split(tokens.FIELD_SEP) + ["", "", ""])[:3]
    title = tokens.normalize(row[5])
    if row[7]:
        # A control character no query can contain: no bigram phrase spans title and derived title.
        title = f"{title}{tokens.FIELD_SEP}{tokens.normalize(row[7])}" if title else tokens.normalize(row[7])
    return ArticleDoc(id=row[0], issue_date=row[1], event_date=row[2], paper_id=row[3], district_id=row[4],
                      title=title, subtitle=tokens.normalize(row[6]), byline=byline, body=body,
                      leader_ids=tuple(row[9]))


def documents(ids: Iterable[int] | None = None, *, using: str = "default", batch: int = 2000) -> Iterator[ArticleDoc]:
    """Read articles from PostgreSQL as index documents (all of them, or those of ``ids``)."""
    if ids is not None:
        with connections[using].cursor() as cur:
            cur.execute(_DOC_SQL + " WHERE a.id = ANY(%s)", [list(ids)])
            yield from (_doc(r) for r in cur.fetchall())
        return
    # A named (server-side) cursor streams the archive instead of holding it in memory.
    with connections[using].chunked_cursor() as cur:
        cur.execute(_DOC_SQL)
        while rows := cur.fetchmany(batch):
            yield from (_doc(r) for r in rows)


def root() -> Path:
    return Path(settings.NEWSARCHIVE_SEARCH_INDEX)


def live_path() -> Path | None:
    """The directory of the live generation, or None before the first build."""
    return _live_generation()


def _live_generation() -> Path | None:
    try:
        name = (root() / "CURRENT").read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    path = root() / name
    return path if path.is_dir() else None


def _register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer("unigram", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(1, 1, False)).build())
    return index


def open_live() -> tantivy.Index | None:
    """Return the live index (opened once per process and generation), or None when none was built."""
    path = _live_generation()
    if path is None:
        return None
    with _lock:
        index = _open.get(str(path))
        if index is None:
            _open.clear()
            index = _open[str(path)] = _register(tantivy.Index(schema(), path=str(path)))
    return index


def new_generation() -> tuple[tantivy.Index, Path]:
    """Create an empty index in a new generation directory (not live until ``make_live``)."""
    root().mkdir(parents=True, exist_ok=True)
    path = root() / f"gen-{time.time_ns()}"
    path.mkdir()
    return _register(tantivy.Index(schema(), path=str(path), reuse=False)), path


def make_live(path: Path) -> None:
    """Switch ``CURRENT`` to ``path`` atomically and remove older generations."""
    tmp = root() / f"CURRENT.{os.getpid()}"
    tmp.write_text(path.name, encoding="ascii")
    tmp.replace(root() / "CURRENT")
    for old in root().glob("gen-*"):
        if old != path and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def writer(index: tantivy.Index, threads: int = 1) -> tantivy.IndexWriter:
    """An index writer; one thread by default (the machine's cores serve the web and PostgreSQL)."""
    return index.writer(WRITER_HEAP, threads)


def add_all(index_writer: tantivy.IndexWriter, docs: Iterable[ArticleDoc]) -> int:
    """Add documents to a writer; return how many."""
    n = 0
    for doc in docs:
        index_writer.add_document(to_document(doc))
        n += 1
    return n
