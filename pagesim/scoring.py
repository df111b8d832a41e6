"""Score parse_issue() in-process against gold annotations (same rules as score_parse.py).

The shared scorer (``../shared/tools/score_parse.py``) runs ``manage.py parse_issue`` once per
page; this does the same comparison without a subprocess, so tests and the page simulator
can score hundreds of pages in seconds. One addition: a gold file may list figures it does
not annotate in a top-level ``"unannotated"`` (simulated pages cannot know leaders or event
dates by construction); those figures are skipped, so they read n/a instead of zero.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

EDGE = 12  # characters of slack at each end of a body (a kept 本报讯 or 下转 marker)
_WS = re.compile(r"\s+")


def norm(s: str | None) -> str:
    """Remove all whitespace: the scorer never penalises reflowed lines or spurious spaces."""
    return _WS.sub("", s or "")


def district_key(s: str | None) -> str:
    """Drop the administrative suffix so 崇明 and 崇明区 compare equal."""
    s = norm(s)
    for suffix in ("新区", "区", "市", "县"):
        if len(s) > len(suffix) + 1 and s.endswith(suffix):
            return s[: -len(suffix)]
    return s


def as_json(data: bytes) -> dict:
    """Parse a page and return the parser output in the shape score_parse.py expects."""
    # Imported here so pagesim stays importable (and fast to start) without the parser.
    from articles.text import decode, parse_issue

    decoded = decode(data)
    parsed = parse_issue(decoded.text, encoding=decoded.encoding)
    return {"articles": [
        {"title": a.title, "subtitle": a.subtitle, "byline": a.byline, "body": a.body,
         "event_date": a.event_date.isoformat() if a.event_date else None, "district": a.district,
         "leaders": [{"name": m.name, "titles": list(m.titles)} for m in a.leaders]}
        for a in parsed.articles
    ]}


def match(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Map gold index -> predicted index for exact-boundary matches."""
    firsts = [norm(g["body_first"]) for g in gold]
    lasts = [norm(g["body_last"]) for g in gold]
    pairs: dict[int, int] = {}
    for pi, p in enumerate(pred):
        body = norm(p.get("body"))
        for gi in range(len(gold)):
            if gi in pairs:
                continue
            head, tail = body[: len(firsts[gi]) + EDGE], body[-(len(lasts[gi]) + EDGE):]
            if firsts[gi] not in head or lasts[gi] not in tail:
                continue
            if any(firsts[j] in body or lasts[j] in body for j in range(len(gold)) if j != gi):
                continue  # swallowed another article
            pairs[gi] = pi
            break
    return pairs


def title_ok(g: dict, p: dict) -> bool:
    """Accept the title, title+subtitle joined either way, or the pair swapped."""
    gt, gs = norm(g.get("title")), norm(g.get("subtitle"))
    pt, ps = norm(p.get("title")), norm(p.get("subtitle"))
    accepted = {gt, gt + gs, gs + gt} if gs else {gt}
    return pt in accepted or (bool(gs) and {pt, ps} == {gt, gs})


def _new_counts(gold: dict, pred: dict, matched: int) -> dict:
    return dict(gold=len(gold["articles"]), pred=len(pred["articles"]), matched=matched, titled=0,
                title_hit=0, l_gold=0, l_pred=0, l_hit=0, lt_hit=0, dated=0, date_hit=0,
                district_hit=0, noise=len(gold.get("noise", [])), noise_leak=0)


def _score_leaders(g: dict, p: dict, c: dict, say) -> None:
    g_lead = {norm(x["name"]): {norm(t) for t in x["titles"]} for x in g.get("leaders") or []}
    p_lead = {norm(x["name"]): {norm(t) for t in x["titles"]} for x in p.get("leaders") or []}
    c["l_gold"] += len(g_lead)
    c["l_pred"] += len(p_lead)
    for name, titles in g_lead.items():
        if name in p_lead:
            c["l_hit"] += 1
            ok = all(any(t in f or f in t for f in p_lead[name]) for t in titles)
            c["lt_hit"] += ok
            if not ok:
                say(f"  art {g['n']} titles of {name}: gold {sorted(titles)} got {sorted(p_lead[name])}")
    for name in g_lead.keys() - p_lead.keys():
        say(f"  art {g['n']} missed leader {name} {sorted(g_lead[name])}")
    for name in p_lead.keys() - g_lead.keys():
        say(f"  art {g['n']} extra leader {name} {sorted(p_lead[name])}")


def _score_pair(g: dict, p: dict, c: dict, skip: set[str], say) -> None:
    if g.get("title"):
        c["titled"] += 1
        ok = title_ok(g, p)
        c["title_hit"] += ok
        if not ok:
            say(f"  art {g['n']} title: gold {g['title']!r}/{g.get('subtitle')!r} "
                f"got {p.get('title')!r}/{p.get('subtitle')!r}")
    if "leaders" not in skip:
        _score_leaders(g, p, c, say)
    if "event_date" not in skip and g.get("event_date"):
        c["dated"] += 1
        c["date_hit"] += p.get("event_date") == g["event_date"]
        if p.get("event_date") != g["event_date"]:
            say(f"  art {g['n']} date: gold {g['event_date']} got {p.get('event_date')}")
    hit = district_key(p.get("district")) == district_key(g.get("district_of_article"))
    c["district_hit"] += hit
    if not hit:
        say(f"  art {g['n']} district: gold {g.get('district_of_article')} got {p.get('district')}")


def score_file(gold: dict, pred: dict, log: list[str] | None = None) -> dict:
    """Count hits for one page; figures named in gold["unannotated"] are left at zero."""
    g_arts, p_arts = gold["articles"], pred["articles"]
    pairs = match(g_arts, p_arts)
    c = _new_counts(gold, pred, len(pairs))
    skip = set(gold.get("unannotated", []))
    say = log.append if log is not None else (lambda _m: None)
    for gi, g in enumerate(g_arts):
        if gi not in pairs:
            say(f"  gold art {g['n']} unmatched: {g['body_first']}…{g['body_last']}")
    for gi, pi in pairs.items():
        _score_pair(g_arts[gi], p_arts[pi], c, skip, say)
    bodies = [norm(p.get("body")) for p in p_arts]
    for n in gold.get("noise", []):
        n = norm(n)
        if len(n) >= 4 and any(n in b for b in bodies):
            c["noise_leak"] += 1
            say(f"  noise leaked: {n}")
    return c


def add_counts(total: dict, c: dict) -> None:
    """Add one page's counts into a running total."""
    for k, v in c.items():
        total[k] = total.get(k, 0) + v


def score_dir(issues: Path, gold_dir: Path, log: list[str] | None = None) -> tuple[dict, dict[str, dict]]:
    """Score every ``*.json`` gold file in gold_dir against its page in issues."""
    total: dict[str, int] = {}
    per_file: dict[str, dict] = {}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = as_json((issues / gold["file"]).read_bytes())
        file_log: list[str] = []
        c = score_file(gold, pred, file_log)
        per_file[gold["file"]] = c
        if log is not None:
            log.append(f"{gold['file']}: {summary(c)}")
            log.extend(file_log)
            if c["matched"] < c["gold"] or c["matched"] < c["pred"]:
                log.extend(f"    pred {i}: {norm(a['body'])[:20]}…{norm(a['body'])[-15:]} | {a['title']}"
                           for i, a in enumerate(pred["articles"]))
        add_counts(total, c)
    return total, per_file


def ratio(a: int, b: int) -> float | None:
    """Return a/b, or None when there is nothing to divide (printed as n/a)."""
    return a / b if b else None


def f1(hit: int, pred: int, gold: int) -> float:
    """F1 from hit/predicted/gold counts (0.0 when either side is empty)."""
    p, r = ratio(hit, pred), ratio(hit, gold)
    return 2 * p * r / (p + r) if p and r else 0.0


def fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def summary(c: dict) -> str:
    """One line in score_parse.py's order; leader figures read n/a when nothing was annotated."""
    leaders = fmt(f1(c["l_hit"], c["l_pred"], c["l_gold"])) if c["l_gold"] else "n/a"
    return (f"articles F1={f1(c['matched'], c['pred'], c['gold']):.2f} ({c['matched']}/{c['gold']} gold, "
            f"{c['pred']} pred) title={fmt(ratio(c['title_hit'], c['titled']))} "
            f"leaders F1={leaders} "
            f"ltitle={fmt(ratio(c['lt_hit'], c['l_hit']))} date={fmt(ratio(c['date_hit'], c['dated']))} "
            f"district={fmt(ratio(c['district_hit'], c['matched']))} noise={c['noise_leak']}/{c['noise']}")
