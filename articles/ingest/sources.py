"""Find issue files on disk and what a folder's ``manifest.json`` says about them.

A manifest maps file names to their paper, date and page, for files whose names do not
follow the convention (see ``articles/ingest/filenames.py``)::

    {"files": {"000_1812f75c900816aa.txt": {"paper": "崇明报", "date": "2025-04-19", "page": "01"}}}
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Source:
    """One file to ingest, with whatever its folder's manifest says about it."""

    path: Path
    paper: str | None = None
    issue_date: date | None = None
    page: str | None = None


class ManifestError(ValueError):
    """A manifest that cannot be read."""


def collect_sources(paths: Iterable[Path]) -> list[Source]:
    """Expand files and folders (recursively, skipping hidden files) into sources, in name order."""
    sources: list[Source] = []
    for path in paths:
        if path.is_dir():
            manifest = read_manifest(path / MANIFEST)
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = file.relative_to(path)
                if file.name == MANIFEST or any(part.startswith(".") for part in relative.parts):
                    continue
                sources.append(_with_manifest(file, manifest.get(relative.as_posix(), {})))
        else:
            sources.append(Source(path=path))
    return sources


def read_manifest(path: Path) -> dict[str, dict]:
    """Return the manifest's ``files`` table, or an empty one when there is no manifest."""
    if not path.exists():
        return {}
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ManifestError(f"{path}: not a manifest ({exc})") from exc
    if not isinstance(files, dict):
        raise ManifestError(f"{path}: 'files' must map file names to their facts")
    return files


def _with_manifest(path: Path, facts: dict) -> Source:
    raw_date = facts.get("date")
    try:
        issue_date = date.fromisoformat(raw_date) if raw_date else None
    except ValueError as exc:
        raise ManifestError(f"{path.name}: bad date {raw_date!r} in manifest") from exc
    return Source(path=path, paper=facts.get("paper"), issue_date=issue_date, page=facts.get("page"))
