"""`evaluate`: precision, recall and F1 of extraction against gold annotations.

The documents are built into a temporary store and read back through the contract queries, exactly as a
user (and the project's external scorer) sees them, so what is measured is what is published. Names match
after folding case and punctuation, by alias, or by close similarity; a gold name may list alternatives
separated by " | ". The matching is one-to-one, best pairs first. These rules are the gold format's contract
(see the dev corpus' SOURCES.md): the figures equal those of the scorer the project is judged by.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from edukg.core.errors import InputError

ENTITY = ["organisations", "people", "projects", "events", "awards", "coalitions"]
RELATION = ["participation", "coordinator", "funding", "amounts", "membership", "affiliation", "dates", "recipient"]
QUERIES = ["organisations", "people", "projects", "participants", "funding", "coalitions", "events", "awards"]


def norm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or "")).casefold()
    s = re.sub(r"[\"'“”‘’«»()\[\],.:;!?]", " ", s)
    s = s.replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip()


def alternatives(name, aliases=()) -> list[str]:
    out = [norm(a) for a in str(name or "").split(" | ") if a.strip()]
    out += [norm(a) for a in aliases or () if a]
    return [a for a in out if a]


def similarity(pred: str, gold_alts: list[str]) -> float:
    """In [0, 1]; 0 = different names. Names that differ in their first word are different actors."""
    p = norm(pred)
    best = 0.0
    if not p:
        return best
    for g in gold_alts:
        if p == g:
            return 1.0
        short, long_ = sorted((p, g), key=len)
        if len(short) >= 4 and short in long_ and len(short) / len(long_) >= 0.6:
            best = max(best, 0.95)
            continue
        a, b = p.split(" ")[0], g.split(" ")[0]
        if len(os.path.commonprefix([a, b])) < min(4, len(a), len(b)):
            continue
        r = difflib.SequenceMatcher(None, p, g).ratio()
        if r >= 0.85:
            best = max(best, r)
    return best


def match(pred: list, gold: list, score) -> tuple[int, int, int, int]:
    """Best-first one-to-one matching: (matched predictions, predictions, matched gold, gold)."""
    pairs = sorted(((score(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)), reverse=True)
    used_p, used_g = set(), set()
    for s, i, j in pairs:
        if s <= 0:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p), len(pred), len(used_g), len(gold)


def _dedup(keys: list) -> list:
    seen, out = set(), []
    for k in keys:
        nk = tuple(norm(x) for x in (k if isinstance(k, tuple) else (k,)))
        if nk not in seen:
            seen.add(nk)
            out.append(k)
    return out


def _distinct(items: list[list[str]]) -> list[list[str]]:
    seen, out = set(), []
    for a in items:
        if tuple(a) not in seen:
            seen.add(tuple(a))
            out.append(a)
    return out


def score_document(gold: dict, rows: dict[str, list[dict]]) -> dict[str, tuple[int, int, int, int]]:
    """Counts per category for one gold document, from the rows of the contract queries."""
    stem = Path(gold["doc"]).stem
    alias: dict[str, list[str]] = {}
    for o in gold.get("organisations", []):
        al = alternatives(o["name"], o.get("aliases"))
        for x in al:
            alias[x] = al

    def mine(query: str) -> list[dict]:
        return [r for r in rows[query] if stem in r.get("source", "")]

    def org_alts(name: str) -> list[str]:
        return alias.get(norm(name.split(" | ")[0]), alternatives(name))

    def pair(p, g) -> float:
        return min(similarity(p[0], g[0]), similarity(p[1], g[1]))

    res = {}
    res["organisations"] = match(_dedup([r.get("name") for r in mine("organisations")]),
                                 [alternatives(o["name"], o.get("aliases")) for o in gold.get("organisations", [])], similarity)
    res["people"] = match(_dedup([r.get("name") for r in mine("people")]),
                          [alternatives(p["name"]) for p in gold.get("people", [])], similarity)
    for key in ("projects", "events", "awards"):
        res[key] = match(_dedup([r.get("name") for r in mine(key)]),
                         _distinct([alternatives(x["name"]) for x in gold.get(key, [])]), similarity)
    res["coalitions"] = match(_dedup([r.get("coalition") for r in mine("coalitions")]),
                              _distinct([alternatives(c["name"]) for c in gold.get("coalitions", [])]), similarity)

    projects = gold.get("projects", [])
    g_part = [(alternatives(p["name"]), org_alts(o)) for p in projects
              for o in set(p.get("participants", []) + ([p["coordinator"]] if p.get("coordinator") else []))]
    part = _dedup([(r.get("project"), r.get("organisation")) for r in mine("participants")
                   if r.get("organisation") and r.get("role", "").lower() != "funder"])
    res["participation"] = match(part, g_part, pair)
    g_coord = [(alternatives(p["name"]), org_alts(p["coordinator"])) for p in projects if p.get("coordinator")]
    coord = _dedup([(r.get("project"), r.get("organisation")) for r in mine("participants")
                    if r.get("role", "").lower() == "coordinator"])
    res["coordinator"] = match(coord, g_coord, pair)
    g_fund = [(alternatives(p["name"]), org_alts(f)) for p in projects for f in p.get("funders", [])]
    fund = _dedup([(r.get("project"), r.get("funder")) for r in mine("funding") if r.get("funder")])
    res["funding"] = match(fund, g_fund, pair)

    g_amt = [(alternatives(p["name"]), float(p["amount"]), p.get("currency")) for p in projects if p.get("amount")]

    def amount_eq(p, g) -> float:
        try:
            v = float(str(p[1]).replace(" ", "").replace(",", "."))
        except ValueError:
            return 0
        return similarity(p[0], g[0]) if abs(v - g[1]) < 0.5 and norm(p[2]) == norm(g[2] or "") else 0

    amts = _dedup([(r.get("project"), r.get("amount"), r.get("currency")) for r in mine("funding") if r.get("amount")])
    res["amounts"] = match(amts, g_amt, amount_eq)

    g_mem = [(alternatives(c["name"]), org_alts(o)) for c in gold.get("coalitions", [])
             for o in set(c.get("members", []) + c.get("organisers", []))]
    mem = _dedup([(r.get("coalition"), r.get("organisation")) for r in mine("coalitions") if r.get("organisation")])
    res["membership"] = match(mem, g_mem, pair)

    g_dates = [(kind, alternatives(x["name"]), str(x[key])) for kind, items, key in
               (("start", projects, "start"), ("end", projects, "end"), ("event", gold.get("events", []), "date"))
               for x in items if x.get(key)]
    dates = _dedup([(kind, r.get("name"), r.get(key)) for kind, q, key in
                    (("start", "projects", "start"), ("end", "projects", "end"), ("event", "events", "date"))
                    for r in mine(q) if r.get(key)])

    def date_eq(p, g) -> float:
        # a predicted date may be more precise than the gold's year or month
        return similarity(p[1], g[1]) if p[0] == g[0] and str(p[2]).strip().startswith(g[2]) else 0

    res["dates"] = match(dates, g_dates, date_eq)
    g_rec = [(alternatives(a["name"]), org_alts(a["recipient"])) for a in gold.get("awards", []) if a.get("recipient")]
    rec = _dedup([(r.get("name"), r.get("recipient")) for r in mine("awards") if r.get("recipient")])
    res["recipient"] = match(rec, g_rec, pair)
    g_aff = [(alternatives(p["name"]), org_alts(p["affiliation"])) for p in gold.get("people", []) if p.get("affiliation")]
    aff = _dedup([(r.get("name"), r.get("affiliation")) for r in mine("people") if r.get("affiliation")])
    res["affiliation"] = match(aff, g_aff, pair)
    return res


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else (1.0 if not n_g else 0.0)
    r = tp_g / n_g if n_g else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class Evaluation:
    totals: dict[str, list[int]]
    per_doc: dict[str, dict] = field(default_factory=dict)

    def summary(self, cats: list[str]) -> tuple[float, float, float]:
        return prf(*[sum(self.totals[c][i] for c in cats) for i in range(4)])

    def text(self) -> str:
        lines = [f"{'category':15} {'P':>6} {'R':>6} {'F1':>6}  pred/gold"]
        for c in ENTITY + RELATION:
            p, r, f = prf(*self.totals[c])
            lines.append(f"{c:15} {p:6.2f} {r:6.2f} {f:6.2f}  {self.totals[c][1]}/{self.totals[c][3]}")
        e, rl = self.summary(ENTITY), self.summary(RELATION)
        lines.append(f"entities P={e[0]:.2f} R={e[1]:.2f} F1={e[2]:.2f}; relations P={rl[0]:.2f} R={rl[1]:.2f} F1={rl[2]:.2f}")
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps({"totals": self.totals, "per_doc": self.per_doc,
                           "summary": {"entities": self.summary(ENTITY), "relations": self.summary(RELATION)}}, indent=1)


def load_gold(gold_dir: str | Path) -> list[dict]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: not a folder of gold .json files")
    out = []
    for f in sorted(gold_dir.glob("*.json")):
        try:
            out.append(json.loads(f.read_text(encoding="utf-8")))
        except (OSError, ValueError) as e:
            raise InputError(f"{f}: not a readable gold annotation ({e})") from e
    if not out:
        raise InputError(f"{gold_dir}: no .json gold annotations in the folder")
    return out


def evaluate(gold_dir: str | Path, paths: list[str | Path], *, store_dir: str | Path | None = None) -> Evaluation:
    """Build `paths` into a temporary store and score the contract queries against the gold folder."""
    from edukg.build import build
    from edukg.query import plain, run_query
    from edukg.core.store import OxigraphStore

    golds = load_gold(gold_dir)
    with tempfile.TemporaryDirectory(prefix="edukg-evaluate-") as tmp:
        store = OxigraphStore(store_dir or Path(tmp) / "store")
        try:
            report = build(paths, store, validate=False)
            if report.problems and not report.built and not report.unchanged:
                raise InputError(report.problems[0])
            # a gold annotation without its document would count as all missed, or silently as nothing
            ids = report.built + report.unchanged
            missing = [g.get("doc", "?") for g in golds if not any(Path(str(g.get("doc", ""))).stem in i for i in ids)]
            if missing:
                raise InputError(f"{gold_dir}: {len(missing)} of {len(golds)} gold annotations name no document "
                                 f"built from the paths given (first: {missing[0]})")
            rows = {}
            for q in QUERIES:
                result = run_query(q, {}, store)
                rows[q] = [{c.lower(): plain(v).strip() for c, v in zip(result.columns, row)} for row in result.rows]
        finally:
            store.close()
    totals = {c: [0, 0, 0, 0] for c in ENTITY + RELATION}
    ev = Evaluation(totals)
    for g in golds:
        d = score_document(g, rows)
        ev.per_doc[g["doc"]] = d
        for c, v in d.items():
            for i in range(4):
                totals[c][i] += v[i]
    return ev
