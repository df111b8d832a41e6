"""Ingest many files: parsing in a process pool, storing one transaction per issue here."""
from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from articles.ingest.facts import Hints
from articles.ingest.prepare import PreparedIssue, known_leader_names, prepare_issue
from articles.ingest.results import IngestError, IngestResult, sha256_of, unchanged
from articles.ingest.store import store_prepared
from articles.models import Issue, Paper


@dataclass(frozen=True)
class IssueFile:
    """One file to ingest, with whatever the caller knows of its paper, date and page."""

    data: bytes
    filename: str
    paper: str | None = None
    issue_date: date | None = None
    page: str | None = None


def ingest_issues_batched(
    files: Iterable[IssueFile | tuple[bytes, str]], *, workers: int = 2, known_leaders: Iterable[str] | None = None,
    progress: Callable[[], None] | None = None,
) -> list[IngestResult | IngestError]:
    """Ingest many files: parsing runs in ``workers`` processes while this one stores.

    The unit of failure is still one issue: each is stored in its own transaction exactly as
    ``ingest_issue`` stores it, and a file that cannot be stored yields its IngestError in the
    returned list (in input order) without stopping the others. Files already stored are
    "unchanged". Known leader names are read once for the whole batch. ``progress`` is called
    once per file as it is done.
    """
    files = [f if isinstance(f, IssueFile) else IssueFile(*f) for f in files]
    results: list[IngestResult | IngestError | None] = [None] * len(files)
    todo = _skip_stored(files, results, progress)
    known = list(known_leaders) if known_leaders is not None else known_leader_names()
    papers = list(Paper.objects.values_list("name", flat=True))
    with _prepared_in_pool([files[i] for i in todo], workers=workers, known=known, papers=papers) as prepared:
        seen: set[str] = set()
        for i, item in zip(todo, prepared):
            results[i] = _store_one(files[i], item, seen)
            if progress:
                progress()
    return results  # type: ignore[return-value]


def _skip_stored(files: list[IssueFile], results: list, progress: Callable[[], None] | None) -> list[int]:
    """Report files whose bytes are already stored as unchanged; return the indexes of the others."""
    stored = dict(Issue.objects.filter(sha256__in=[sha256_of(f.data) for f in files]).values_list("sha256", "pk"))
    todo = []
    for i, file in enumerate(files):
        pk = stored.get(sha256_of(file.data))
        if pk is None:
            todo.append(i)
            continue
        results[i] = unchanged(Issue.objects.get(pk=pk))
        if progress:
            progress()
    return todo


@contextlib.contextmanager
def _prepared_in_pool(jobs: list[IssueFile], *, workers: int, known: list[str],
                      papers: list[str]) -> Iterator[Iterator[PreparedIssue | IngestError]]:
    """Yield the jobs' prepared issues in order, from a process pool when it is worth starting."""
    if workers > 1 and len(jobs) > 1:
        with multiprocessing.get_context("fork").Pool(workers, _prepare_init, (known, papers)) as pool:
            yield pool.imap(_prepare_job, jobs, chunksize=max(1, min(8, len(jobs) // (workers * 8))))
    else:
        _prepare_init(known, papers)
        yield map(_prepare_job, jobs)


def _store_one(file: IssueFile, item: PreparedIssue | IngestError, seen: set[str]) -> IngestResult | IngestError:
    """Store one prepared file; the same bytes twice in one batch are stored once."""
    digest = sha256_of(file.data)
    earlier = Issue.objects.filter(sha256=digest).first() if digest in seen else None
    seen.add(digest)
    if earlier is not None:
        return unchanged(earlier)
    return item if isinstance(item, IngestError) else store_prepared(item)


_prepare_state: dict[str, list[str]] = {}


def _prepare_init(known: list[str], papers: list[str]) -> None:
    _prepare_state.update(known=known, papers=papers)


def _prepare_job(file: IssueFile) -> PreparedIssue | IngestError:
    try:
        explicit = Hints(paper=file.paper or "", issue_date=file.issue_date, page=file.page)
        return prepare_issue(file.data, filename=file.filename, explicit=explicit,
                             known_leaders=_prepare_state["known"], paper_names=_prepare_state["papers"])
    except IngestError as exc:
        return exc
