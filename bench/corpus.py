"""A deterministic synthetic archive for the search benchmark, built from the seed pages.

Sentences and titles come from the five seed issues, parsed by the real text pipeline
(so they are reflowed exactly as ingest stores them); they are recombined into articles
across 40 districts, ~60 papers, 2010–2025 and a pool of synthetic leaders whose names
are drawn Zipf-style (a few very common, a long tail of rare ones). Issue ``i`` is always
generated from ``Random(SEED + i)``, so a corpus can be extended later and stays the same.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

SEED = 20251
ROOT = Path(__file__).resolve().parents[1]
SEED_DIRS = (ROOT / "tests" / "data" / "seeds", ROOT / "sample_data")
FIRST_DAY, LAST_DAY = date(2010, 1, 1), date(2025, 12, 31)

DISTRICTS = [
    ("崇明区", "上海市", "上海市"), ("青浦区", "上海市", "上海市"), ("金山区", "上海市", "上海市"),
    ("松江区", "上海市", "上海市"), ("奉贤区", "上海市", "上海市"), ("嘉定区", "上海市", "上海市"),
    ("宝山区", "上海市", "上海市"), ("闵行区", "上海市", "上海市"), ("余杭区", "杭州市", "浙江省"),
    ("萧山区", "杭州市", "浙江省"), ("临安区", "杭州市", "浙江省"), ("富阳区", "杭州市", "浙江省"),
    ("吴江区", "苏州市", "江苏省"), ("昆山市", "苏州市", "江苏省"), ("常熟市", "苏州市", "江苏省"),
    ("张家港市", "苏州市", "江苏省"), ("太仓市", "苏州市", "江苏省"), ("平湖市", "嘉兴市", "浙江省"),
    ("海宁市", "嘉兴市", "浙江省"), ("桐乡市", "嘉兴市", "浙江省"), ("嘉善县", "嘉兴市", "浙江省"),
    ("海盐县", "嘉兴市", "浙江省"), ("佛坪县", "汉中市", "陕西省"), ("宁陕县", "安康市", "陕西省"),
    ("石泉县", "安康市", "陕西省"), ("如皋市", "南通市", "江苏省"), ("海门区", "南通市", "江苏省"),
    ("启东市", "南通市", "江苏省"), ("海安市", "南通市", "江苏省"), ("通州区", "南通市", "江苏省"),
    ("德清县", "湖州市", "浙江省"), ("长兴县", "湖州市", "浙江省"), ("安吉县", "湖州市", "浙江省"),
    ("义乌市", "金华市", "浙江省"), ("东阳市", "金华市", "浙江省"), ("永康市", "金华市", "浙江省"),
    ("慈溪市", "宁波市", "浙江省"), ("余姚市", "宁波市", "浙江省"), ("象山县", "宁波市", "浙江省"),
    ("宁海县", "宁波市", "浙江省"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤缪"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣晨阳嘉瑞佳琪雪婷昊睿峻京骏慧泉朴珍岗颖轩卿然晓梅蕾蓉薇菲丹婕倩璐晶莉莹锋毅鑫博宏志国建文新海"
TITLES = ["区委书记", "区长", "副区长", "县委书记", "县长", "副县长", "市委副书记", "镇长", "镇党委书记", "区委常委", "区政协主席", "区人大常委会主任"]
VERBS = ["出席会议并讲话。", "强调，要抓好各项工作落实。", "一行调研了相关工作。", "主持召开专题会议。", "在会上作动员讲话。", "参加活动并为获奖者颁奖。"]
TITLE_VERBS = ["调研乡村振兴工作", "主持召开常务会议", "检查安全生产", "会见客商一行", "走访慰问困难群众"]
NAME_POOL_SIZE = 20000


@dataclass
class BenchArticle:
    title: str
    byline: str
    body: str
    event_date: date | None
    leaders: list[tuple[int, str]] = field(default_factory=list)  # (name index, title printed)


@dataclass
class BenchIssue:
    index: int
    paper: int  # index into papers()
    issue_date: date
    page: str
    articles: list[BenchArticle]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(f"bench-issue-{self.index}".encode()).hexdigest()


@cache
def papers() -> list[tuple[str, int]]:
    """Return (paper name, district index): one paper per district, a second one for every third."""
    out = []
    for i, (name, _city, _province) in enumerate(DISTRICTS):
        stem = re.sub(r"(新区|区|县|市)$", "", name)
        out.append((f"{stem}报", i))
        if i % 3 == 0:
            out.append((f"今日{stem}", i))
    return out


@cache
def names() -> list[str]:
    """Return the leader-name pool, most frequent first: half two characters, half three."""
    rng = random.Random(SEED)
    seen: dict[str, None] = {}
    while len(seen) < NAME_POOL_SIZE:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")
        seen.setdefault(rng.choice(SURNAMES) + given, None)
    return list(seen)


def name_district(index: int) -> int:
    """Each name belongs to one district, so a leader is one person."""
    return index % len(DISTRICTS)


@cache
def _zipf_weights() -> list[float]:
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(NAME_POOL_SIZE)]
    total = 0.0
    cumulative = []
    for w in weights:
        total += w
        cumulative.append(total)
    return cumulative


@cache
def seed_units() -> tuple[list[str], list[list[str]]]:
    """Return (titles, articles as sentence lists) from the seed pages, through the real pipeline."""
    from articles.text import decode, parse_issue

    titles: list[str] = []
    articles: list[list[str]] = []
    seen: set[str] = set()
    for folder in SEED_DIRS:
        for path in sorted(folder.glob("*.txt")):
            if path.name in seen:
                continue
            seen.add(path.name)
            parsed = parse_issue(decode(path.read_bytes()).text)
            for article in parsed.articles:
                if article.title:
                    titles.append(article.title)
                sentences = [s for s in re.findall(r"[^。！？\n]+[。！？]?", article.body) if len(s) >= 6]
                if sentences:
                    articles.append(sentences)
    return titles, articles


def make_issue(index: int) -> BenchIssue:
    """Generate issue ``index`` (always the same one)."""
    rng = random.Random(SEED + index)
    titles, units = seed_units()
    paper = rng.randrange(len(papers()))
    day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    count = rng.randint(3, 7)
    return BenchIssue(
        index=index, paper=paper, issue_date=day, page=f"{rng.randint(1, 8):02d}",
        articles=[_article(rng, titles, units, day) for _ in range(count)],
    )


def _article(rng: random.Random, titles: list[str], units: list[list[str]], day: date) -> BenchArticle:
    target = rng.randint(300, 1500)
    source = rng.choice(units)
    start = rng.randrange(len(source))
    sentences: list[str] = []
    length = 0
    while length < target:
        sentence = source[start % len(source)] if rng.random() < 0.7 else rng.choice(rng.choice(units))
        start += 1
        sentences.append(sentence)
        length += len(sentence)
    leaders = []
    cumulative = _zipf_weights()
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        index = rng.choices(range(NAME_POOL_SIZE), cum_weights=cumulative)[0]
        office = rng.choice(TITLES)
        leaders.append((index, office))
        sentences.insert(rng.randrange(len(sentences) + 1), f"{office}{names()[index]}{rng.choice(VERBS)}")
    title = rng.choice(titles)
    if leaders and rng.random() < 0.2:
        title = f"{names()[leaders[0][0]]}{rng.choice(TITLE_VERBS)}"
    paragraphs = ["".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    byline = f"本报记者 {names()[rng.randrange(NAME_POOL_SIZE)]}" if rng.random() < 0.5 else ""
    event = day - timedelta(days=rng.randint(0, 3)) if rng.random() < 0.8 else None
    return BenchArticle(title=title, byline=byline, body="\n".join(paragraphs), event_date=event, leaders=leaders)


# ---------------------------------------------------------------- COPY rows for a fast initial load

# Explicit ids keep every batch independent (so two processes can load at once, and a stopped
# build resumes batch by batch): issue ``i`` has id i + 1, its k-th article (k <= 7) id
# (i + 1) * 8 + k, and that article's j-th mention (j <= 3) id article_id * 4 + j.
ARTICLE_ID_STRIDE = 8
MENTION_ID_STRIDE = 4

ISSUE_COLUMNS = ("id", "paper_id", "issue_date", "page", "original_filename", "raw_bytes", "text", "encoding",
                 "sha256", "uploaded_at", "processed_at")
ARTICLE_COLUMNS = ("id", "issue_id", "paper_id", "issue_date", "position", "title", "subtitle", "derived_title",
                   "byline", "body", "event_date", "dates", "district_id", "continues_elsewhere",
                   "continued_from_elsewhere", "warnings", "content_hash", "corrections", "search_text",
                   "search_vector")
MENTION_COLUMNS = ("id", "article_id", "leader_id", "titles", "position", "issue_date")

_COPY_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _cell(value: object) -> str:
    if value is None:
        return "\\N"
    return str(value).translate(_COPY_ESCAPE)


def copy_rows(start: int, stop: int, *, papers_ids: list[int], paper_district: list[int], district_ids: list[int],
              leader_ids: list[int]) -> tuple[str, str, str, int]:
    """Return COPY text (issues, articles, mentions) for issues [start, stop) and the article count.

    Search fields come from ``ingest.search_fields``, the same code every ingest path uses.
    ``leader_ids[n]`` is the Leader id of name ``n`` (each name belongs to one district).
    """
    from articles.ingest import search_fields

    issues, articles, mentions = [], [], []
    count = 0
    for index in range(start, stop):
        g = make_issue(index)
        issue_id = index + 1
        day = g.issue_date.isoformat()
        issues.append("\t".join(_cell(v) for v in (
            issue_id, papers_ids[g.paper], day, f"{g.page}-{g.index}", f"bench_{g.index}.txt", "\\x",
            f"bench issue {g.index}", "utf-8", g.sha256, "2025-12-31 00:00:00+00", "2025-12-31 00:00:00+00")))
        district = district_ids[paper_district[g.paper]]
        for position, a in enumerate(g.articles, start=1):
            article_id = issue_id * ARTICLE_ID_STRIDE + position
            text, vector = search_fields(titles=(a.title, "", ""), byline=a.byline, body=a.body)
            articles.append("\t".join([
                str(article_id), str(issue_id), str(papers_ids[g.paper]), day, str(position), _cell(a.title), "", "",
                _cell(a.byline), _cell(a.body), _cell(a.event_date.isoformat() if a.event_date else None), "[]",
                str(district), "f", "f", "[]", f"bench-{g.index}-{position}", "{}", _cell(text), vector,
            ]))
            count += 1
            for k, (n, office) in enumerate(dict(a.leaders).items(), start=1):
                mentions.append("\t".join((
                    str(article_id * MENTION_ID_STRIDE + k), str(article_id), str(leader_ids[n]),
                    "{" + office + "}", str(k), day)))
    return ("\n".join(issues) + "\n", "\n".join(articles) + "\n", "\n".join(mentions) + "\n" if mentions else "",
            count)
