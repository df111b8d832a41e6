"""The write side of the archive: the only code that creates, replaces or deletes issues and articles.

Every issue is written in one transaction, so a file that fails leaves nothing behind. The
same bytes never make a second issue (``Issue.sha256`` is unique); a corrected file for the
same paper, date and page replaces the old issue's articles, and an article whose body is
unchanged keeps its id, so permalinks survive corrections and ``reprocess``.
"""
from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.text import slugify

from articles.events import record_event
from articles.filenames import parse_filename
from articles.models import Article, District, Issue, Leader, Mention, Paper
from articles.text import DecodeError, ParsedArticle, ParsedIssue, decode, parse_issue
from articles.text import tokens
from articles.text.jurisdiction import serving_district
from articles.structure import leader_for, restructure

NO_PAPER = "无法确定报名：请用 --paper 指定，或把文件命名为 报名_YYYY-MM-DD_版次.txt（如 崇明报_2025-04-19_01.txt）。"
NO_DATE = "无法确定出版日期：请用 --date YYYY-MM-DD 指定，或把文件命名为 报名_YYYY-MM-DD_版次.txt。"
NO_ARTICLES = "文件中没有找到任何文章。"

# Fields an editor may correct by hand; reprocess re-applies them over the pipeline's output.
CORRECTABLE_FIELDS = ("title", "subtitle", "byline", "event_date", "district_id")
# How alike (0-1) a re-parsed article must be to the corrected one it replaces to inherit its corrections.
CARRY_MIN_SIMILARITY = 0.6


class IngestError(Exception):
    """A file that cannot become an issue; the message says why, in words an editor understands."""


@dataclass
class IngestResult:
    """What happened to one file."""

    issue: Issue
    status: str  # "new", "unchanged" or "replaced"
    articles: int = 0
    leaders: int = 0
    warnings: list[str] = field(default_factory=list)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest_issue(
    data: bytes,
    *,
    filename: str,
    paper: str | None = None,
    issue_date: date | None = None,
    page: str | None = None,
    uploaded_by=None,  # noqa: ANN001 - a User or None
    known_leaders: Iterable[str] | None = None,
) -> IngestResult:
    """Store one issue file and its articles; a file already stored is a no-op.

    Paper, date and page come from the arguments, else from the file name, else (date only)
    from the text. Raises IngestError, having written nothing, when the file cannot be stored.
    """
    digest = sha256_of(data)
    existing = Issue.objects.filter(sha256=digest).first()
    if existing is not None:
        return IngestResult(issue=existing, status="unchanged", articles=existing.articles.count())
    known = list(known_leaders) if known_leaders is not None else known_leader_names()
    prepared = prepare_issue(data, filename=filename, paper=paper, issue_date=issue_date, page=page,
                             known_leaders=known, paper_names=None)
    return store_prepared(prepared, uploaded_by=uploaded_by)


@dataclass
class PreparedIssue:
    """One file decoded and parsed, ready to store (no database was touched to make it)."""

    data: bytes
    digest: str
    filename: str
    paper_name: str
    issue_date: date
    page: str
    parsed: ParsedIssue


def prepare_issue(
    data: bytes, *, filename: str, paper: str | None = None, issue_date: date | None = None,
    page: str | None = None, known_leaders: list[str], paper_names: list[str] | None,
) -> PreparedIssue:
    """Decode and parse one file (pure CPU when ``paper_names`` is given); raises IngestError."""
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from exc
    facts = parse_filename(filename)
    paper_name = (paper or facts.paper or paper_named_in(decoded.text, paper_names) or "").strip()
    if not paper_name:
        raise IngestError(NO_PAPER)
    parsed = parse_issue(decoded.text, issue_date=issue_date or facts.issue_date, paper=paper_name,
                         known_leaders=known_names_in(decoded.text, known_leaders))
    parsed.encoding = decoded.encoding
    the_date = issue_date or facts.issue_date or parsed.issue_date
    if the_date is None:
        raise IngestError(NO_DATE)
    if not parsed.articles:
        raise IngestError(NO_ARTICLES)
    return PreparedIssue(data=data, digest=sha256_of(data), filename=filename, paper_name=paper_name,
                         issue_date=the_date, page=page if page is not None else (facts.page or ""), parsed=parsed)


def store_prepared(prepared: PreparedIssue, *, uploaded_by=None) -> IngestResult:  # noqa: ANN001
    """Store a prepared issue in one transaction (the same bytes twice make one issue)."""
    try:
        return _store(
            data=prepared.data, digest=prepared.digest, filename=prepared.filename, paper_name=prepared.paper_name,
            issue_date=prepared.issue_date, page=prepared.page, parsed=prepared.parsed, uploaded_by=uploaded_by,
        )
    except IntegrityError:
        # Another upload of the same bytes won the race; it is the same issue.
        existing = Issue.objects.filter(sha256=prepared.digest).first()
        if existing is None:
            raise
        return IngestResult(issue=existing, status="unchanged", articles=existing.articles.count())


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
    import multiprocessing

    files = [f if isinstance(f, IssueFile) else IssueFile(*f) for f in files]
    results: list[IngestResult | IngestError | None] = [None] * len(files)
    todo: list[int] = []
    stored = dict(Issue.objects.filter(sha256__in=[sha256_of(f.data) for f in files]).values_list("sha256", "pk"))
    for i, file in enumerate(files):
        pk = stored.get(sha256_of(file.data))
        if pk is not None:
            existing = Issue.objects.get(pk=pk)
            results[i] = IngestResult(issue=existing, status="unchanged", articles=existing.articles.count())
            if progress:
                progress()
        else:
            todo.append(i)
    known = list(known_leaders) if known_leaders is not None else known_leader_names()
    papers = list(Paper.objects.values_list("name", flat=True))
    jobs = [files[i] for i in todo]
    with contextlib.ExitStack() as stack:
        if workers > 1 and len(jobs) > 1:
            pool = stack.enter_context(multiprocessing.get_context("fork").Pool(workers, _prepare_init, (known, papers)))
            prepared = pool.imap(_prepare_job, jobs, chunksize=max(1, min(8, len(jobs) // (workers * 8))))
        else:
            _prepare_init(known, papers)
            prepared = map(_prepare_job, jobs)
        seen: set[str] = set()
        for i, item in zip(todo, prepared):
            digest = sha256_of(files[i].data)
            earlier = Issue.objects.filter(sha256=digest).first() if digest in seen else None
            seen.add(digest)
            if earlier is not None:  # the same bytes twice in one batch: the first one was stored
                results[i] = IngestResult(issue=earlier, status="unchanged", articles=earlier.articles.count())
            else:
                results[i] = item if isinstance(item, IngestError) else store_prepared(item)
            if progress:
                progress()
    return results  # type: ignore[return-value]


_prepare_state: dict[str, list[str]] = {}


def _prepare_init(known: list[str], papers: list[str]) -> None:
    _prepare_state.update(known=known, papers=papers)


def _prepare_job(file: IssueFile) -> PreparedIssue | IngestError:
    try:
        return prepare_issue(file.data, filename=file.filename, paper=file.paper, issue_date=file.issue_date,
                             page=file.page, known_leaders=_prepare_state["known"], paper_names=_prepare_state["papers"])
    except IngestError as exc:
        return exc


@transaction.atomic
def _store(
    *, data: bytes, digest: str, filename: str, paper_name: str, issue_date: date, page: str,
    parsed: ParsedIssue, uploaded_by,  # noqa: ANN001
) -> IngestResult:
    paper = paper_for(paper_name, district_name=dominant_district(parsed))
    issue = (
        Issue.objects.select_for_update()
        .filter(paper=paper, issue_date=issue_date, page=page)
        .first()
    )
    status = "replaced" if issue is not None else "new"
    if issue is None:
        issue = Issue(paper=paper, issue_date=issue_date, page=page)
    issue.original_filename = filename[:255]
    issue.raw_bytes = data
    issue.text = parsed.text
    issue.encoding = parsed.encoding
    issue.sha256 = digest
    issue.uploaded_by = uploaded_by
    issue.uploaded_at = timezone.now()
    issue.processed_at = timezone.now()
    issue.save()
    articles, leaders = sync_articles(issue, parsed)
    warnings = [w for a in parsed.articles for w in a.warnings]
    return IngestResult(issue=issue, status=status, articles=articles, leaders=leaders, warnings=warnings)


def reprocess_issue(issue: Issue, *, known_leaders: Iterable[str] | None = None) -> IngestResult:
    """Run the pipeline again over the stored raw bytes and refresh everything derived."""
    decoded = decode(bytes(issue.raw_bytes))
    known = list(known_leaders) if known_leaders is not None else known_leader_names()
    parsed = parse_issue(decoded.text, issue_date=issue.issue_date, paper=issue.paper.name,
                         known_leaders=known_names_in(decoded.text, known))
    parsed.encoding = decoded.encoding
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        issue.text = parsed.text
        issue.encoding = parsed.encoding
        issue.processed_at = timezone.now()
        issue.save(update_fields=["text", "encoding", "processed_at"])
        articles, leaders = sync_articles(issue, parsed)
    return IngestResult(issue=issue, status="reprocessed", articles=articles, leaders=leaders)


def known_leader_names() -> list[str]:
    """Names of every leader in the archive, fed back to the pipeline for recall."""
    return list(Leader.objects.values_list("name", flat=True).distinct())


def known_names_in(text: str, names: Iterable[str]) -> list[str]:
    """Return the known leader names that can occur in ``text`` (a superset: nothing is lost).

    The pipeline reads known names from the article text with every space removed, and indexes
    the whole list once per article: with thousands of leaders on file that indexing cost more
    than the rest of the parse. A name is kept when each of its adjacent character pairs occurs
    in the de-spaced page, as printed or folded (NFKC, lower case, traditional to simplified).
    """
    flat = "".join(text.split())
    folded = "".join(tokens.normalize(text).split())
    pairs = {flat[i : i + 2] for i in range(len(flat) - 1)} | {folded[i : i + 2] for i in range(len(folded) - 1)}
    def possible(name: str) -> bool:
        squeezed = "".join(name.split())
        return len(squeezed) < 2 or all(squeezed[i : i + 2] in pairs for i in range(len(squeezed) - 1))

    # Two- and three-character names (nearly all) are tested inline: this loop runs over every leader.
    return [
        n for n in names
        if (n[:2] in pairs and (len(n) == 2 or (len(n) == 3 and n[1:] in pairs)))
        if n.isalnum() and len(n) in (2, 3)
    ] + [n for n in names if n and not (n.isalnum() and len(n) in (2, 3)) and possible(n)]


def paper_named_in(text: str, paper_names: Iterable[str] | None = None) -> str | None:
    """Return the archive's paper whose name the page prints (a masthead or 《崇明报》), if exactly one."""
    if paper_names is None:
        paper_names = Paper.objects.values_list("name", flat=True)
    names = [name for name in paper_names if name in text]
    return names[0] if len(names) == 1 else None


def dominant_district(parsed: ParsedIssue) -> str | None:
    """The district most of the page's articles are about."""
    counts: dict[str, int] = {}
    for article in parsed.articles:
        if article.district:
            counts[article.district] = counts.get(article.district, 0) + 1
    return max(counts, key=counts.get) if counts else None


def paper_for(name: str, *, district_name: str | None) -> Paper:
    """Return the paper called ``name``, creating it (in the page's district) the first time."""
    paper = Paper.objects.filter(name=name).first()
    if paper is not None:
        return paper
    district = district_for(district_name) if district_name else None
    return Paper.objects.create(name=name, slug=_unique_slug(Paper, name), district=district)


# Within one ``sync_articles`` call (one transaction) district answers are remembered: an issue
# names a few districts over and over. None outside such a call.
_districts_seen: dict[str, District] | None = None


def district_for(name: str) -> District:
    """Return the district called ``name``, creating it with its city and province when known."""
    seen = _districts_seen
    if seen is None:
        return _district_for(name)
    if name not in seen:
        seen[name] = _district_for(name)
    return seen[name]


def _district_for(name: str) -> District:
    district = District.objects.filter(name=name).order_by("pk").first()
    if district is not None:
        return district
    province, city = _place_of(name)
    district, _ = District.objects.get_or_create(
        province=province, city=city, name=name, defaults={"slug": _unique_slug(District, name)}
    )
    return district


def _place_of(name: str) -> tuple[str, str]:
    """Return (province, city) of a district from the pipeline's place data, or blanks."""
    try:
        from articles.text.districts import locate  # optional: the dataset may not know it
    except ImportError:
        return "", ""
    found = locate(name)
    return (found[0] or "", found[1] or "") if found else ("", "")


def _unique_slug(model: type, name: str) -> str:
    base = slugify(name, allow_unicode=True) or "x"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def sync_articles(issue: Issue, parsed: ParsedIssue) -> tuple[int, int]:
    """Make the issue's articles match ``parsed``: keep ids of unchanged bodies, apply hand corrections.

    Returns (articles, leader mentions) written.
    """
    global _districts_seen  # noqa: PLW0603 - a per-call memo, reset in finally
    _districts_seen = {}
    try:
        return _sync_articles(issue, parsed)
    finally:
        _districts_seen = None


def _sync_articles(issue: Issue, parsed: ParsedIssue) -> tuple[int, int]:
    old_by_hash: dict[str, list[Article]] = {}
    for old in issue.articles.all():
        old_by_hash.setdefault(old.content_hash, []).append(old)
    old_leader_ids = set(Mention.objects.filter(article__issue=issue).values_list("leader_id", flat=True))
    # Hand splits and merges are applied again before matching, so their articles keep their ids.
    parsed_articles = restructure(issue, parsed.articles)
    digests = [sha256_of(a.body.encode("utf-8")) for a in parsed_articles]
    orphans = _corrected_articles_changed(old_by_hash, digests)
    kept: list[Article] = []
    for position, (parsed_article, digest) in enumerate(zip(parsed_articles, digests), start=1):
        candidates = old_by_hash.get(digest) or []
        article = candidates.pop(0) if candidates else Article(issue=issue)
        if not article.pk:
            article.corrections = _carry_corrections(orphans, position, parsed_article.body)
        _fill_article(article, parsed_article, issue=issue, position=position, digest=digest)
        write_search_fields(article, save=False)  # written by the save below, in the same statement
        if article.pk:
            article.save()
        kept.append(article)
    Article.objects.bulk_create([a for a in kept if not a.pk])  # new articles: one INSERT
    mentions = _write_mentions(kept, parsed_articles)
    issue.articles.exclude(pk__in=[a.pk for a in kept]).delete()
    prune_leaders(old_leader_ids)
    _report_dropped_corrections(issue, orphans)
    return len(kept), mentions


def _corrected_articles_changed(old_by_hash: dict[str, list[Article]], digests: list[str]) -> dict[int, Article]:
    """Return {position: article} for hand-corrected articles whose text the new parse changed."""
    wanted = set(digests)
    return {
        old.position: old
        for digest, olds in old_by_hash.items() if digest not in wanted
        for old in olds if old.corrections
    }


def _carry_corrections(orphans: dict[int, Article], position: int, body: str) -> dict:
    """Give a changed article the corrections of the corrected article it replaces (same place, similar text)."""
    old = orphans.get(position)
    if old is None or SequenceMatcher(None, old.body, body, autojunk=False).ratio() < CARRY_MIN_SIMILARITY:
        return {}
    del orphans[position]
    return dict(old.corrections)


def _report_dropped_corrections(issue: Issue, orphans: dict[int, Article]) -> None:
    """Log corrections that no longer fit any article, so they are never lost silently."""
    for old in orphans.values():
        record_event(
            action="corrections_dropped", obj=issue,
            details={"article_id": old.pk, "title": old.display_title, "corrections": old.corrections},
        )


def _fill_article(article: Article, parsed: ParsedArticle, *, issue: Issue, position: int, digest: str) -> None:
    article.paper_id = issue.paper_id
    article.issue_date = issue.issue_date
    article.position = position
    article.title = (parsed.title or "")[:300]
    article.subtitle = (parsed.subtitle or "")[:300]
    article.derived_title = (parsed.derived_title or "")[:300]
    article.byline = (parsed.byline or "")[:200]
    article.body = parsed.body
    article.event_date = parsed.event_date
    article.dates = [
        {"text": d.text, "start": d.start.isoformat() if d.start else None, "end": d.end.isoformat() if d.end else None}
        for d in parsed.dates
    ]
    article.district = district_for(parsed.district) if parsed.district else issue.paper.district
    article.continues_elsewhere = parsed.continues_elsewhere
    article.continued_from_elsewhere = parsed.continued_from_elsewhere
    article.warnings = list(parsed.warnings)
    article.content_hash = digest
    apply_corrections(article)


def apply_corrections(article: Article) -> None:
    """Re-apply an editor's hand corrections over what the pipeline produced."""
    for name, value in (article.corrections or {}).items():
        if name not in CORRECTABLE_FIELDS:
            continue
        if name == "event_date" and value:
            value = date.fromisoformat(value)
        setattr(article, name, value)


def search_document(article: Article) -> str:
    """The text an article is searched in: titles, byline and body, folded, as sections (see tokens)."""
    return tokens.search_text(
        titles=(article.title, article.subtitle, article.derived_title), byline=article.byline, body=article.body
    )


def search_fields(*, titles: Iterable[str], byline: str, body: str) -> tuple[str, str]:
    """Return (search_text, tsvector literal) of an article's text: what every ingest path stores."""
    text = tokens.search_text(titles=titles, byline=byline, body=body)
    return text, tokens.tsvector_literal(text)


def write_search_fields(article: Article, *, save: bool = True) -> None:
    """Fill the article's search columns from its current text (``save=False``: only in memory,
    for the caller's own save: the tsvector literal is cast by PostgreSQL in that INSERT/UPDATE)."""
    article.search_text = search_document(article)
    if not save:
        article.search_vector = tokens.tsvector_literal(article.search_text)
        return
    Article.objects.filter(pk=article.pk).update(
        search_text=article.search_text,
        search_vector=RawSQL("%s::tsvector", [tokens.tsvector_literal(article.search_text)]),
    )


def bulk_insert_articles(articles: list[Article], mentions: list[list[Mention]] | None = None) -> None:
    """Insert many new articles (and their mentions) in a few statements: backfills and benchmarks.

    Search fields are computed exactly as ``write_search_fields`` does; ``mentions[i]`` are the
    unsaved mentions of ``articles[i]`` (their article is set here, once it has an id).
    """
    for article in articles:
        article.search_text = search_document(article)
        # A plain literal: Django sends it untyped in VALUES and PostgreSQL parses it as a tsvector
        # (an expression per row would cost more to compile than the insert itself).
        article.search_vector = tokens.tsvector_literal(article.search_text)
    Article.objects.bulk_create(articles)
    rows = []
    for article, its_mentions in zip(articles, mentions or []):
        for mention in its_mentions:
            mention.article_id, mention.issue_date = article.pk, article.issue_date
            rows.append(mention)
    Mention.objects.bulk_create(rows)


def prune_leaders(leader_ids: Iterable[int]) -> None:
    """Delete leader records a re-parse left without mentions, unless an editor gave them aliases."""
    Leader.objects.filter(pk__in=list(leader_ids), mentions__isnull=True, aliases__isnull=True).delete()


def _serving_district(article: Article, titles: list[str]) -> District | None:
    """The district an official serves in: a named one, the article's, or None above district level."""
    own = article.district.name if article.district else None
    name = serving_district(titles, article_district=own)
    if name is None:
        return None
    return article.district if name == own else district_for(name)


def _write_mentions(articles: list[Article], parsed: list[ParsedArticle]) -> int:
    """Replace the mentions of an issue's articles: one alias lookup and one leader lookup per issue."""
    Mention.objects.filter(article__in=[a.pk for a in articles]).delete()
    # The district comes from the printed titles (city and visiting officials are not the article's).
    serving = [[_serving_district(a, list(m.titles)) for m in p.leaders] for a, p in zip(articles, parsed)]
    wanted = {(m.name, d.pk if d else None) for p, ds in zip(parsed, serving) for m, d in zip(p.leaders, ds)}
    leaders = leaders_for(wanted)
    rows: list[Mention] = []
    for article, parsed_article, districts in zip(articles, parsed, serving):
        by_leader: dict[int, Mention] = {}
        for position, (mention, district) in enumerate(zip(parsed_article.leaders, districts), start=1):
            # An editor's leader merge (alias) wins.
            leader = leaders[(mention.name, district.pk if district else None)]
            if leader.pk in by_leader:  # the same person twice: keep every title once
                by_leader[leader.pk].titles += [t for t in mention.titles if t not in by_leader[leader.pk].titles]
                continue
            by_leader[leader.pk] = Mention(article=article, leader=leader, titles=list(mention.titles),
                                           position=position, issue_date=article.issue_date)
        rows += by_leader.values()
    Mention.objects.bulk_create(rows)
    return len(rows)


def leaders_for(pairs: set[tuple[str, int | None]]) -> dict[tuple[str, int | None], Leader]:
    """``structure.leader_for`` for many (name, district id) pairs at once: alias first, else the record."""
    if not pairs:
        return {}
    from articles.models import LeaderAlias

    names = {n for n, _ in pairs}
    out: dict[tuple[str, int | None], Leader] = {}
    for alias in LeaderAlias.objects.select_related("leader").filter(name__in=names):
        if (alias.name, alias.district_id) in pairs:
            out[(alias.name, alias.district_id)] = alias.leader
    missing = pairs - set(out)
    found = {(l.name, l.district_id): l for l in Leader.objects.filter(name__in={n for n, _ in missing})}
    for key in missing:
        if key not in found:
            found[key] = Leader.objects.get_or_create(name=key[0], district_id=key[1])[0]
        out[key] = found[key]
    return out


def purge_issue(issue: Issue) -> None:
    """Delete an issue and everything derived from it."""
    with transaction.atomic():
        issue.delete()


# Summary rows behind the browsing pages (District.article_count; Leader.mention_count, first_seen,
# last_seen, current_titles; LeaderMonth; LeaderTitle) are kept by database triggers on Article and
# Mention (migration 0005), so every path above keeps them exact without code here. This rebuilds
# them from scratch, for data loaded with those triggers disabled.
BROWSE_SUMMARY_REFRESH = (
    "LOCK TABLE articles_article, articles_mention IN SHARE MODE",
    "UPDATE articles_district d SET article_count = (SELECT count(*) FROM articles_article a WHERE a.district_id = d.id)",
    "UPDATE articles_leader SET mention_count = 0, first_seen = NULL, last_seen = NULL, current_titles = '{}'",
    "UPDATE articles_leader l SET mention_count = s.n, first_seen = s.first_seen, last_seen = s.last_seen, "
    "current_titles = s.titles FROM (SELECT c.leader_id, c.n, c.first_seen, c.last_seen, t.titles FROM "
    "(SELECT leader_id, count(*) AS n, min(issue_date) AS first_seen, max(issue_date) AS last_seen "
    "FROM articles_mention GROUP BY leader_id) c JOIN (SELECT DISTINCT ON (leader_id) leader_id, titles "
    "FROM articles_mention ORDER BY leader_id, issue_date DESC, article_id DESC) t USING (leader_id)) s "
    "WHERE l.id = s.leader_id",
    "DELETE FROM articles_leadermonth",
    "INSERT INTO articles_leadermonth (leader_id, month, mentions) "
    "SELECT leader_id, date_trunc('month', issue_date)::date, count(*) FROM articles_mention GROUP BY 1, 2",
    "DELETE FROM articles_leadertitle",
    "INSERT INTO articles_leadertitle (leader_id, title, mentions, first_seen, last_seen) "
    "SELECT m.leader_id, t.title, count(*), min(m.issue_date), max(m.issue_date) FROM articles_mention m "
    "CROSS JOIN LATERAL (SELECT DISTINCT unnest(m.titles)) AS t(title) GROUP BY 1, 2",
)


def refresh_browse_summaries() -> None:
    """Recompute every browsing summary row from Article and Mention (one transaction, writers wait)."""
    from django.db import connection

    with transaction.atomic(), connection.cursor() as cursor:
        for sql in BROWSE_SUMMARY_REFRESH:
            cursor.execute(sql)
