"""Score parse_issue() in-process against gold annotations (same rules as score_parse.py).

The shared scorer runs ``manage.py parse_issue`` once per page; this does the same
comparison without a subprocess so the tests and quick checks stay fast.

    .venv/bin/python -m tests.text.page_scoring [--issues DIR --gold DIR] [-v]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from articles.text import parse_issue

DATA = Path(__file__).resolve().parent.parent / "data"
EDGE = 12
_WS = re.compile(r"\s+")


def norm(s: str | None) -> str:
    return _WS.sub("", s or "")


def district_key(s: str | None) -> str:
    s = norm(s)
    for suffix in ("新区", "区", "市", "县"):
        if len(s) > len(suffix) + 1 and s.endswith(suffix):
            return s[: -len(suffix)]
    return s


def as_json(data: bytes) -> dict:
    parsed = parse_issue(data)
    return {"articles": [
        {"title": a.title, "subtitle": a.subtitle, "byline": a.byline, "body": a.body,
         "event_date": a.event_date.isoformat() if a.event_date else None, "district": a.district,
         "leaders": [{"name": m.name, "titles": list(m.titles)} for m in a.leaders]}
        for a in parsed.articles
    ]}


def match(gold: list[dict], pred: list[dict]) -> dict[int, int]:
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
                continue
            pairs[gi] = pi
            break
    return pairs


def title_ok(g: dict, p: dict) -> bool:
    gt, gs = norm(g.get("title")), norm(g.get("subtitle"))
    pt, ps = norm(p.get("title")), norm(p.get("subtitle"))
    accepted = {gt, gt + gs, gs + gt} if gs else {gt}
    return pt in accepted or (bool(gs) and {pt, ps} == {gt, gs})


def score_file(gold: dict, pred: dict, log: list[str] | None = None) -> dict:
    g_arts, p_arts = gold["articles"], pred["articles"]
    pairs = match(g_arts, p_arts)
    c = dict(gold=len(g_arts), pred=len(p_arts), matched=len(pairs), titled=0, title_hit=0,
             l_gold=0, l_pred=0, l_hit=0, lt_hit=0, dated=0, date_hit=0, district_hit=0,
             noise=len(gold.get("noise", [])), noise_leak=0)
    say = log.append if log is not None else (lambda _m: None)
    for gi, g in enumerate(g_arts):
        if gi not in pairs:
            say(f"  gold art {g['n']} unmatched: {g['body_first']}…{g['body_last']}")
    for gi, pi in pairs.items():
        g, p = g_arts[gi], p_arts[pi]
        if g.get("title"):
            c["titled"] += 1
            ok = title_ok(g, p)
            c["title_hit"] += ok
            if not ok:
                say(f"  art {g['n']} title: gold {g['title']!r}/{g.get('subtitle')!r} got {p['title']!r}/{p['subtitle']!r}")
        g_lead = {norm(x["name"]): {norm(t) for t in x["titles"]} for x in g.get("leaders", [])}
        p_lead = {norm(x["name"]): {norm(t) for t in x["titles"]} for x in p.get("leaders", [])}
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
        if g.get("event_date"):
            c["dated"] += 1
            c["date_hit"] += p.get("event_date") == g["event_date"]
            if p.get("event_date") != g["event_date"]:
                say(f"  art {g['n']} date: gold {g['event_date']} got {p.get('event_date')}")
        hit = district_key(p.get("district")) == district_key(g.get("district_of_article"))
        c["district_hit"] += hit
        if not hit:
            say(f"  art {g['n']} district: gold {g.get('district_of_article')} got {p.get('district')}")
    bodies = [norm(p.get("body")) for p in p_arts]
    for n in gold.get("noise", []):
        n = norm(n)
        if len(n) >= 4 and any(n in b for b in bodies):
            c["noise_leak"] += 1
            say(f"  noise leaked: {n}")
    return c


def score_dir(issues: Path, gold_dir: Path, log: list[str] | None = None) -> tuple[dict, dict[str, dict]]:
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
            if any(not line.startswith("  noise") or True for line in file_log):
                log.extend(file_log)
                if c["matched"] < c["gold"] or c["matched"] < c["pred"]:
                    log.extend(f"    pred {i}: {norm(a['body'])[:20]}…{norm(a['body'])[-15:]} | {a['title']}"
                               for i, a in enumerate(pred["articles"]))
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
    return total, per_file


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def f1(hit: int, pred: int, gold: int) -> float:
    p, r = _ratio(hit, pred), _ratio(hit, gold)
    return 2 * p * r / (p + r) if p and r else 0.0


def summary(c: dict) -> str:
    def fmt(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.2f}"
    return (f"articles F1={f1(c['matched'], c['pred'], c['gold']):.2f} ({c['matched']}/{c['gold']} gold, "
            f"{c['pred']} pred) title={fmt(_ratio(c['title_hit'], c['titled']))} "
            f"leaders F1={f1(c['l_hit'], c['l_pred'], c['l_gold']):.2f} "
            f"ltitle={fmt(_ratio(c['lt_hit'], c['l_hit']))} date={fmt(_ratio(c['date_hit'], c['dated']))} "
            f"district={fmt(_ratio(c['district_hit'], c['matched']))} noise={c['noise_leak']}/{c['noise']}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--issues", type=Path, default=DATA / "unseen")
    ap.add_argument("--gold", type=Path, default=DATA / "unseen_gold")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    log: list[str] = []
    total, _ = score_dir(args.issues, args.gold, log)
    for line in log:
        if args.v or not line.startswith(" "):
            print(line)
    print("overall:", summary(total))


if __name__ == "__main__":
    main()
