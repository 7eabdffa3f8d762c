"""Projects, their periods, participants, coordinators and funding.

Two sources of evidence: the fields of a project page or register entry ("Rahoittaja", "Toteuttajat",
"Projektin kesto"), and sentences of press releases ("Hanke toteutetaan Savon koulutuskuntayhtymän ja
Humanistisen ammattikorkeakoulun kesken", "… 635 000 euron rahoituksen … Euroopan sosiaalirahastosta").
A sentence's facts attach to the project it names, else to the project the page is about.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..model import Evidence, Grant, Participation, Project
from ..resolve import name_key
from ..text import UPPER, Line, Token, cue_noun, finite_verb, lemma, lines, tokenize
from .amounts import plain
from .dates import trailing_period
from .context import DocContext
from .field_blocks import FieldBlock, field_blocks
from .structure import field_words, inline_fields, lines_above
from . import funded_items, funding
from .generic_bodies import names_a_kind
from .label_funders import label_funders
from .page_dates import dateline_line
from .periods import of_a_programme
from .project_mentions import FUNDER_TYPES, ProjectMention, cue_word, find_project_mentions, name_like


class ProjectBuilder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.projects: dict[str, Project] = {}
        self.cores: dict[str, tuple[str, bool]] = {}  # each project's `_core`, worked out once: a grant list asks it per row
        self.grants: dict[str, Grant] = {}
        # the kind of rule now reading (field, funded_items, sentence, list): recorded on the facts it makes
        self.rule = "sentence"

    def project(self, name: str, evidence: Evidence) -> Project:
        # "Vertaispolku 2023–2025" as a heading: the name, and the period it gives
        name, period = trailing_period(re.sub(r"\s+", " ", name).strip(" –-:"), self.ctx.lang)
        p = self._find_or_make(name, evidence)
        if period is not None and p.start is None and p.end is None:
            p.start, p.end = period.value, period.end_value
        return p

    def _find_or_make(self, name: str, evidence: Evidence) -> Project:
        k = name_key(name)
        core, subtitled = self._core(name)
        for pk, p in self.projects.items():
            if pk == k or k in {name_key(a) for a in p.alt_labels}:
                return p
            other, other_subtitled = self.cores[pk]
            if core and core == other and not (subtitled and other_subtitled):
                # "Xyz-hanke" beside "Xyz – a subtitle": the name without its project word and its subtitle is one
                # (two subtitles after one name tell two items apart: "A purpose: holder 1", "A purpose: holder 2")
                p.alt_labels.add(name)
                return p
        p = Project(name=name, evidence=evidence)
        self.projects[k] = p
        self.cores[k] = core, subtitled
        return p

    def _core(self, name: str) -> tuple[str, bool]:
        """A project's name without a subtitle after a spaced dash or a colon and without the project word written
        after it, and whether a subtitle was cut ("", False where too little of a name is left)."""
        parts = re.split(r"\s+[–—-]\s+|:\s", name, maxsplit=1)
        words = parts[0].split()
        if not words:
            return "", False
        stem, sep, tail = words[-1].rpartition("-")
        cues = self.ctx.lex.cue("project")
        if sep and stem and cue_noun(tail, cues, self.ctx.lang):
            words[-1] = stem
        elif len(words) > 1 and cue_noun(words[-1], cues, self.ctx.lang) and not words[-1][:1].isupper():
            words = words[:-1]
        core = name_key(" ".join(words))
        return (core, len(parts) > 1) if len(core) >= 3 else ("", False)

    def participate(self, p: Project, org: str, role: str, ev: Evidence) -> None:
        for part in p.participants:
            if part.organisation == org:
                if role == "coordinator" and part.role != "coordinator":
                    part.role = "coordinator"
                return
        p.participants.append(Participation(org, role, ev, rule=self.rule))

    def fund(self, p: Project, funder: str | None, ev: Evidence, amount=None, currency=None, programme=None) -> None:
        g = next(iter(p.grants), None)
        if g is None:
            g = Grant(funders=[], evidence=ev, rule=self.rule)
            p.grants.append(g)
        if funder and funder not in g.funders:
            g.funders.append(funder)
        if amount is not None and g.amount is None:
            g.amount, g.currency = float(plain(amount)), currency
        if programme and not g.programme:
            g.programme = programme


def extract_projects(ctx: DocContext) -> list[Project]:
    b = ProjectBuilder(ctx)
    mentions = find_project_mentions(ctx)
    page_funder = funding.page_funder(ctx)
    single, several, handled = _funded_items(ctx, mentions, page_funder)
    several = [(_dash_cells(ctx, it), f) for it, f in several]
    blocks = field_blocks(ctx)
    if blocks or _field_head(ctx) is not None:
        # "Own share: EUR N" among a project's fields is a field of that project, not a grant named "Own share"
        several = [(it, f) for it, f in several if not _labelled_row(ctx, it)]
    # a page listing grants one by one, or announcing a named grant, is about none of them: its title is no
    # project's name
    grants = [it for it, _ in list(single.values()) + several]
    b.rule = "field"
    if blocks:  # a list of projects, each under its name with its own fields: the page is about none of them
        page = None
        handled |= _block_projects(ctx, b, blocks, page_funder or funding.doc_funder(ctx))
    else:
        page = _page_project(ctx, b, mentions, title_ok=len(grants) < 2 and not any(it.named for it in grants))
    b.rule = "funded_items"
    named: dict[int, list[Project]] = {}
    named_at: dict[int, list[tuple[int, Project]]] = {}  # each sentence's projects with where they are named
    headed: list[tuple[int, int, Project]] = []
    for pm in mentions:
        p = b.project(pm.name, ctx.evidence(pm.start, pm.end))
        if pm.alias:
            p.alt_labels.add(pm.alias)
        named.setdefault(pm.sentence_start, []).append(p)
        named_at.setdefault(pm.sentence_start, []).append((pm.start, p))
        if pm.paragraph:
            headed.append((*pm.paragraph, p))
    # a page of sums names its funder once, somewhere
    whole_page_funder = page_funder or (funding.doc_funder(ctx) if ctx.amounts else None)
    _add_items(ctx, b, several)
    purposes = {}
    # "… N for a new project on X. The project, Y, …": a grant for "a project" is for the one project the page names
    only = {name_key(pm.name): pm for pm in mentions if not pm.compound}
    for start, (it, _) in single.items():
        purposes[start] = b.project(next(iter(only.values())).name, it.evidence) \
            if len(only) == 1 and _a_project(ctx, it.name) else b.project(it.name, it.evidence)
        for k in it.recipients[:1]:
            b.participate(purposes[start], k, it.role, it.evidence)
        if it.amount is not None:
            b.fund(purposes[start], None, it.evidence, it.amount, it.currency)
    for s in ctx.sentences:  # "… rahoituksen ammattikorkeakoulujen yhteistyön laajentamiseen"
        # (a sentence whose one grant is an item already is read once: a second reading of its purpose would be
        # a second project holding the sum, the first keeping only its holder)
        if s.line.start not in named and s.line.start not in handled and s.line.start not in purposes:
            p = funding.purpose_project(ctx, b, s)
            if p is not None:
                purposes[s.line.start] = p
    current = page
    # a field line ("Partners: A, B") is read by the sentence rules, but its facts stand in a labelled field
    field_labels = sorted(f.label.start for f in ctx.fields)
    cues = ctx.lex.cue("project")
    plural = set(ctx.lex.section("cues").get("project_plural", ()))
    last_funder = whole_page_funder
    again = _named_again(b)
    pronouns = frozenset(ctx.lex.words("project_mentions", "continuing_pronouns"))
    previous: Project | None = None  # the project the sentence before spoke of
    for s in ctx.sentences:
        here = funding.sentence_funder(ctx, s)
        if s.line.start in handled:
            last_funder = here or last_funder
            previous = None
            continue
        in_sentence = named.get(s.line.start, []) or ([purposes[s.line.start]] if s.line.start in purposes else [])
        # "the project" points back to the page's or the last named project; "the projects" do not, nor does "the
        # second project", which is another one
        generic = any(cue_word(t, cues, ctx.lang) and t.text.lower() not in plural for t in s.tokens if t.is_word)
        if generic and not in_sentence and _another_project(s, cues, ctx):
            current = previous = None
            last_funder = here or last_funder
            continue
        bare = again(s.line.text) if not in_sentence else None
        if in_sentence:
            target = in_sentence[0]
            _periods_after_names(ctx, s, named_at.get(s.line.start, []))
            current = target if page is None else current
        elif bare is not None:
            # "ReadUp runs from 2024 to 2026": a project named before, now without the project word
            target = bare
            current = target if page is None else current
        elif (noun := _by_head_noun(ctx, b, s)) is not None:
            # "… N euroa nuorten harrastustoiminnan kokeiluun. Kokeilua hallinnoi X.": the head noun of a grant's
            # purpose names that grant again
            target = noun
        elif generic and (page or current):
            target = page or current
        elif previous is not None and _opens_with(s, pronouns):
            # "ReadUp is coordinated by X. Its partners are Y and Z.": a pronoun goes on about the same project
            target = previous
        elif _relational(ctx, s) and any(a <= s.line.start < e for a, e, _ in headed):
            # a paragraph under a project's heading speaks of that project ("Partners are A, B and C")
            target = next(hp for a, e, hp in headed if a <= s.line.start < e)
        elif len(b.projects) == 1 and (_relational(ctx, s) or _project_period(ctx, s) or _consortium_members(ctx, s)) \
                and not any(t.text.lower() in plural for t in s.tokens) and not _of_a_coalition(ctx, s):
            # a page about one project: its facts need no name — unless the sentence speaks of several projects
            target = next(iter(b.projects.values()))
        else:
            target = None
        if target is not None:
            b.rule = "field" if _any_between(field_labels, s.line.start, s.line.end) else "sentence"
            # "Järvelän aluehallintovirasto myönsi … Eniten, 40 000 euroa sai Kuusimaa …": the grant of the
            # sentence before is divided here
            _sentence_facts(ctx, b, target, s, last_funder)
            for k in _consortium_members(ctx, s):
                b.participate(target, k, "partner", ctx.evidence(s.line.start, s.line.end))
        last_funder = here or last_funder
        previous = target
    b.rule = "funded_items"
    for start, (it, funders) in single.items():
        # the sentence named no funder: those of the page, as for the grants listed with it
        if not any(g.funders for g in purposes[start].grants):
            for funder in funders:
                if funder not in it.recipients:
                    b.fund(purposes[start], funder, it.evidence)
    # a fund's managing authority pays with the fund: a funder of each grant the fund pays for
    authorities = funding.authority_funders(ctx)
    for p in b.projects.values() if authorities else ():
        if any(ctx.orgs[f].type == "other" for g in p.grants for f in g.funders if f in ctx.orgs):
            for k in authorities:
                b.fund(p, k, p.grants[0].evidence)
    _dated_headings(ctx, b)
    sole = next(iter(b.projects.values())) if len(b.projects) == 1 else None
    b.rule = "list"
    for it in ctx.items:
        key = ctx.key_of(it.mention)
        if it.role == "none" or not key:
            continue
        if it.block_cue == "partners":
            target = page or _nearest_before(named, it.line.start)
        elif it.block_cue is None and sole is not None and not (page is not None and it.line.start < page.evidence.start):
            # (a list above the project's own name is the site's, not the project's)
            target = sole  # a list of organisations on a page about one project: its participants
        else:
            target = None
        if target is not None:
            b.participate(target, key, it.role or "partner", ctx.evidence(it.line.start, it.line.end))
    if not b.projects:
        # a page whose only project is named by who pays for it
        found = funding.funded_by_phrase(ctx)
        if found is not None:
            name, funder, a, e = found
            b.fund(b.project(name, ctx.evidence(a, e)), funder, ctx.evidence(a, e))
    described = {id(p) for start, p in purposes.items() if not (start in single and single[start][0].named)}
    projects = _restated_grants(list(b.projects.values()), described)
    if page is not None and page.grants and page.grants[0].amount is not None and not page.grants[0].funders:
        # "EU contribution: EUR N" on a page that names its funder nowhere else: the body the sum's label names
        for f in ctx.fields:
            for k in label_funders(ctx, [f], known=True):
                b.fund(page, k, ctx.evidence(f.label.start, f.label.end))
    for p in projects:
        # a page's coordinator field names the one coordinator: a sentence's leader beside it takes part
        if any(x.role == "coordinator" and x.rule == "field" for x in p.participants):
            p.participants = [x if x.role != "coordinator" or x.rule == "field" else replace(x, role="partner")
                              for x in p.participants]
        p.grants = [g for g in p.grants if g.funders]
        # who pays for a project is not thereby one of its partners
        paying = {f for g in p.grants for f in g.funders}
        p.participants = [x for x in p.participants if x.organisation not in paying or x.role == "coordinator"]
        # "Yhteistyöverkosto toteuttaa …": a capitalised kind of group is no participant
        p.participants = [x for x in p.participants if x.organisation not in ctx.orgs or not names_a_kind(ctx.orgs[x.organisation].name, ctx)]
    return projects


def _restated_grants(projects: list[Project], described: set[int]) -> list[Project]:
    """A grant told by its purpose ("X gets N euros for teacher training", a headline) and told again for a named
    project, with the same sum and the same receivers, is one grant: the named project keeps it, the purpose
    becomes another name of it."""
    def money(p: Project):
        g = next((g for g in p.grants if g.amount is not None), None)
        return (g.amount, g.currency) if g is not None else None

    out = []
    for p in projects:
        receivers = {x.organisation for x in p.participants}
        same = [q for q in projects if id(p) in described and q is not p and id(q) not in described
                and money(p) is not None and money(q) == money(p)
                and receivers <= {x.organisation for x in q.participants}]
        if len(same) == 1:
            same[0].alt_labels.add(p.name)
            for g in p.grants:
                for f in g.funders:
                    if same[0].grants and f not in same[0].grants[0].funders:
                        same[0].grants[0].funders.append(f)
            continue
        out.append(p)
    return out


def _funded_items(ctx: DocContext, mentions: list[ProjectMention], page_funder: str | None):
    """Grants stated one by one: per sentence (unless it names a project, whose facts the sentence rules
    read), and the rows of grant lists. A sentence with one grant gives the sentence rules its item (they read
    its funder, holder and period); several grants in one sentence, or a list, are each complete here.
    Returns (the one item of each such sentence, the other items with their funders, the sentences used)."""
    found: list[tuple[int, funded_items.FundedItem]] = []
    named = {pm.sentence_start for pm in mentions}
    for s in ctx.sentences:
        its = funded_items.owner_items(ctx, s)
        if not its and s.line.start not in named:
            its = funded_items.clause_items(ctx, s)
        elif not its and _verbless_row(ctx, s):
            # (its project, named in it, is what the sum is for)
            its = funded_items.clause_items(ctx, s, projects=[(pm.start, pm.name) for pm in mentions
                                                              if pm.sentence_start == s.line.start])
        found += [(s.line.start, it) for it in its]
    # a headline restates a grant of the text: the same holder and sum is one grant, under its fullest name
    best: dict[tuple, tuple[int, funded_items.FundedItem]] = {}
    for start, it in found:
        key = (it.recipients, it.amount, it.currency)
        if key not in best or len(it.name) > len(best[key][1].name):
            best[key] = (start, it)
    kept = list(best.values())
    per_sentence: dict[int, list[funded_items.FundedItem]] = {}
    for start, it in kept:
        per_sentence.setdefault(start, []).append(it)
    # a grant held jointly is complete here too: the sentence rules would make one of its holders the leader
    single = {start: its[0] for start, its in per_sentence.items() if len(its) == 1 and its[0].role == "coordinator"}
    rows = funded_items.list_items(ctx)
    if not kept and not rows:
        return {}, [], set()
    funder_of_page = page_funder or next(
        (k for s in ctx.sentences if (k := funding.sentence_funder(ctx, s) or funding.granting_subject(ctx, s))),
        None) or funding.doc_funder(ctx)
    # a fund named beside the body that decides pays too ("… has granted … from the European Regional
    # Development Fund"): every grant of the page has both
    page_funders = (funder_of_page, *funding.co_funders(ctx, funder_of_page)) if funder_of_page else ()
    page_funders = tuple(k for k in page_funders if not funding.is_programme(ctx, ctx.orgs[k].name))
    several = []
    for s in ctx.sentences:
        if s.line.start in per_sentence and s.line.start not in single:
            here = funding.sentence_funder(ctx, s)
            several += [(it, f) for it in per_sentence[s.line.start]
                        if (f := (here, *funding.co_funders(ctx, here)) if here else page_funders) or not it.by_holder]
    # (a row named after its holder is a grant only where the page names who gives: else a list of bodies and
    # figures of another kind)
    # (a group's caption may name the body that decides on its rows: that body pays for them beside the page's
    # other funders, and the deciding body of another group does not)
    deciding = {k for it in rows for k in it.funders}
    several += [(it, f) for it in rows
                if (f := (*it.funders, *(k for k in page_funders if k not in deciding))) or not it.by_holder]
    # (the rows of holder, sum and purpose are read whole by list_items)
    handled = ({start for start, _ in found} - set(single)) | funded_items.row_sentences(ctx)
    return {start: (it, page_funders) for start, it in single.items()}, several, handled


def _verbless_row(ctx: DocContext, s) -> bool:
    """"• Xyz:lle 25 000 euroa Abc-hankkeeseen.": a bulleted row of a grant list that leaves out the verb of its
    caption. The sentence rules, which need the verb, read nothing in it; the grant clause reads it whole."""
    return bool(ctx.amounts_in(s.line.start, s.line.end)) and _ROW_BULLET.match(s.line.text) is not None \
        and not any(t.is_word and finite_verb(t.text, ctx.lang) for t in s.tokens) \
        and not ctx.has_cue(s.tokens, "funder") and not ctx.has_cue(s.tokens, "recipient")


_ROW_BULLET = re.compile(r"\s*[•·▪◦●‣*–—-]\s")


def _another_project(s, cues: tuple[str, ...], ctx: DocContext) -> bool:
    """"The second project, …", "Toinen hanke, …", "Det andra projektet …": an ordinal before the project word;
    also a count before it or a distributive word after it ("run one project each")."""
    others = set(ctx.lex.words("project_mentions", "other_project_words"))
    # "one project each", "yksi hanke kukin": a count of projects speaks of projects of their own, one per body
    counts = set(ctx.lex.words("project_name_bounds", "counting_words"))
    each = set(ctx.lex.words("project_name_bounds", "distributive_words"))
    words = [t for t in s.tokens if t.is_word]
    return any(cue_word(t, cues, ctx.lang) and (
        n > 0 and (words[n - 1].text.lower() in others or words[n - 1].text.lower() in counts)
        or n + 1 < len(words) and words[n + 1].text.lower() in each) for n, t in enumerate(words))


def _opens_with(s, words: frozenset[str]) -> bool:
    first = next((t for t in s.tokens if t.is_word), None)
    return first is not None and first.text.lower() in words


def _named_again(b: ProjectBuilder):
    """A finder of the project a sentence names again by its name alone: names with a capital (a grant's purpose
    in lower case is a description, not a name), as whole words, the longest first."""
    by_name: dict[str, Project] = {}
    for p in b.projects.values():
        for n in (p.name, *p.alt_labels):
            if len(n) >= 3 and any(c.isupper() for c in n):
                by_name.setdefault(n, p)
    if not by_name:
        return lambda text: None
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True)) + r")(?![\w-])")

    def find(text: str) -> Project | None:
        m = rx.search(text)
        return by_name[m.group(1)] if m else None
    return find


def _by_head_noun(ctx: DocContext, b: ProjectBuilder, s) -> Project | None:
    """The one project named by a purpose (a lower-case description) whose head noun, in any case, the
    sentence uses while stating who takes part or leads."""
    if not _relational(ctx, s):
        return None
    heads: dict[str, list[Project]] = {}
    for p in b.projects.values():
        words = p.name.split()
        if len(words) >= 2 and p.name[:1].islower():
            heads.setdefault(lemma(words[-1].lower(), ctx.lang), []).append(p)
    # lower-case words, and the first token, whose capital is the sentence's
    said = {lemma(t.text.lower(), ctx.lang) for t in s.tokens if t.is_word and not t.is_cap or t is s.tokens[0]}
    hits = [ps[0] for lem in said if len(ps := heads.get(lem, [])) == 1]
    return hits[0] if len({id(p) for p in hits}) == 1 else None


def _any_between(sorted_starts: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_left(sorted_starts, a)
    return i < len(sorted_starts) and sorted_starts[i] < b


def _add_items(ctx: DocContext, b: ProjectBuilder, items) -> None:
    for it, funders in items:
        p = b.project(it.name, it.evidence)
        holders = [k for k in it.recipients if k not in funders]
        lead = _lead_told_next(ctx, it, holders)
        for k in holders:
            b.participate(p, k, it.role if len(holders) == 1 else "coordinator" if k == lead else "partner",
                          it.evidence)
        for k in it.partners:  # named in a grant row beside its holder
            b.participate(p, k, "partner", it.evidence)
        for funder in funders or (None,):
            b.fund(p, funder, it.evidence, it.amount, it.currency)
        _row_period(ctx, p, it.evidence)


def _row_period(ctx: DocContext, p: Project, ev: Evidence) -> None:
    """"PeerPath | University of Eastby | 2024–2026 | 200,000": the one period in a grant's row or clause is the
    grant's (a programme's period beside its name is not)."""
    ranges = [d for d in ctx.dates_in(ev.start, ev.end) if d.is_range]
    if p.name.lower() in ctx.lex.section("dates").get("period_cues", ()):
        return  # "… för åren 2025–2027" read as a grant for "åren": a word of time names no grant
    if len(ranges) == 1 and p.start is None and p.end is None and not of_a_programme(ctx, ev.start, ranges[0]):
        p.start, p.end = ranges[0].value, ranges[0].end_value


def _lead_told_next(ctx: DocContext, it: funded_items.FundedItem, holders: list[str]) -> str | None:
    """"A and B receive N together. A is the lead applicant.", "… Kokeilua hallinnoi A.": the sentence right
    after a grant held jointly names the one holder that leads it."""
    if len(holders) < 2:
        return None
    nxt = next((s for s in ctx.sentences if s.line.start >= it.evidence.end), None)
    if nxt is None or ctx.has_cue(nxt.tokens, "coordinator") is None:
        return None
    named = {k for _, k in ctx.orgs_in(nxt.line.start, nxt.line.end)}
    return next(iter(named)) if len(named) == 1 and named <= set(holders) else None


def _dated_headings(ctx: DocContext, b: ProjectBuilder) -> None:
    """On a page listing projects, a heading followed by a line holding only a period is a project with that
    period ("Metsän äänet koulun arjen keskellä – METSKU" / "1.3.2019 – 28.2.2021")."""
    if not b.projects:
        return  # only on pages that speak of projects
    labels = {f.label.start for f in ctx.fields}  # "Projektin kesto" above its dates is a field, not a project
    lns = [ln for ln in lines(ctx.text) if ln.text.strip()]
    for prev, ln in zip(lns, lns[1:]):
        ds = ctx.dates_in(ln.start, ln.end)
        if len(ds) != 1 or not ds[0].is_range or ctx.text[ln.start:ln.end].strip() != ctx.text[ds[0].start:ds[0].end]:
            continue
        head = prev.text.strip()
        if prev.start in labels or head.endswith((":", ".")) or len(head.split()) > 12 or head.isupper() or ctx.dates_in(prev.start, prev.end):
            continue
        p = b.project(head, ctx.evidence(prev.start, prev.end))
        acr = re.search(r"\s[–-]\s([" + UPPER + r"0-9]{3,})$", head)  # "… – METSKU"
        if acr:
            p.alt_labels.add(acr.group(1))
        if p.start is None:
            p.start, p.end = ds[0].value, ds[0].end_value


def _a_project(ctx: DocContext, name: str) -> bool:
    """A purpose that is the project word itself, after a few modifiers ("project", "new project on X", "a
    three-year project"): it names no item of its own."""
    words = [t for t in tokenize(name) if t.is_word][:3]
    return any(cue_word(t, ctx.lex.cue("project"), ctx.lang) for t in words)


def _relational(ctx: DocContext, s) -> bool:
    return any(ctx.has_cue(s.tokens, c) for c in ("funder", "partner", "coordinator", "recipient"))


def _project_period(ctx: DocContext, s) -> bool:
    """"Projekttiden är …", "Hankeaika on …": a word for a project's period, the project word inside it, with a
    date: the sentence dates the page's project though it names no project."""
    cues = ctx.lex.cue("project")
    words = [c for c in ctx.lex.section("dates").get("period_cues", ()) if any(q in c for q in cues)]
    low = s.line.text.lower()
    return bool(words) and any(re.search(r"(?<!\w)" + re.escape(w), low) for w in words) \
        and bool(ctx.dates_in(s.line.start, s.line.end))


def _of_a_coalition(ctx: DocContext, s) -> bool:
    """"The network is coordinated by …", "Nätverket samordnas av …": a sentence opening with a cooperation noun
    speaks of the coalition, not of a project the page names elsewhere (a project's own consortium aside)."""
    words = [t for t in s.tokens if t.is_word][:3]
    return not _opens_on_consortium(ctx, s) and any(
        cue_word(Token(lemma(t.text.lower(), ctx.lang), 0, 0), ctx.lex.cue("coalition"), ctx.lang)
        or cue_word(t, ctx.lex.cue("coalition"), ctx.lang) for t in words)


def _opens_on_consortium(ctx: DocContext, s) -> bool:
    """"The consortium consists of …": the noun for the partners of one project opens the sentence (after its
    article), with no name before it — the consortium of the project the page is about."""
    nouns = ctx.lex.words("project_mentions", "consortium_nouns")
    words = [t for t in s.tokens if t.is_word][:2]
    return bool(nouns) and bool(words) and (words[0].text.lower() in nouns or len(words) > 1 and
                                            words[0].text.lower() in ctx.lex.words("funded_items", "articles")
                                            and words[1].text.lower() in nouns)


def _consortium_members(ctx: DocContext, s) -> list[str]:
    """The bodies a sentence opening on the project's consortium names after a member word ("The consortium
    consists of A, B and C", "… includes A and B"): the project's partners."""
    if not _opens_on_consortium(ctx, s):
        return []
    low = s.line.text.lower()
    cut = min((i + s.line.start + len(w) for w in ctx.lex.words("coalition", "member_words")
               if (i := low.find(w)) >= 0), default=None)
    return [] if cut is None else [k for _, k in ctx.orgs_in(cut, s.line.end)]


def _names_an_event(ctx: DocContext) -> bool:
    from .events import _event_word
    return any(_event_word(t.text, ctx) for t in tokenize(ctx.title.text) if t.is_word)


def _about_a_project(ctx: DocContext) -> bool:
    """The first sentences after the title speak of "the project" ("Hankkeen tavoitteena on …")."""
    cues = ctx.lex.cue("project")
    # "projects" in the plural speak of projects in general, not of one the page is about
    plural = set(ctx.lex.section("cues").get("project_plural", ()))
    after = [s for s in ctx.sentences if ctx.title and s.line.start > ctx.title.end][:3]
    return any(cue_word(t, cues, ctx.lang) and t.text.lower() not in plural for s in after for t in s.tokens if t.is_word)


def _money_source(ctx: DocContext, m, orgs: list) -> bool:
    """"… comes from the X Fund (XF)": a body the money comes from, or its short name in brackets right after it,
    pays and does not receive."""
    if funding.source_marked(ctx, m, of_money=True):
        return True
    before = ctx.text[:m.start].rstrip()
    return before.endswith("(") and any(o.end == len(before[:-1].rstrip()) and funding.source_marked(ctx, o, of_money=True)
                                        for o, _ in orgs)


def _periods_after_names(ctx: DocContext, s, placed: list[tuple[int, Project]]) -> None:
    """"A saa … vuosille 2024–2026 ja B … vuosille 2025–2027": in a sentence naming several projects, each
    period belongs to the project named last before it."""
    if len({id(p) for _, p in placed}) < 2:
        return
    for d in ctx.dates_in(s.line.start, s.line.end):
        owner = max(((at, p) for at, p in placed if at < d.start), key=lambda x: x[0], default=None)
        if d.is_range and owner is not None and owner[1].start is None and owner[1].end is None:
            owner[1].start, owner[1].end = d.value, d.end_value


def _nearest_before(named: dict[int, list[Project]], pos: int) -> Project | None:
    best = None
    for start, ps in sorted(named.items()):
        if start <= pos:
            best = ps[0]
    return best


def _page_project(ctx: DocContext, b: ProjectBuilder, mentions: list[ProjectMention], title_ok: bool = True) -> Project | None:
    """The project a project page or register entry is about: its name field, a project named at the top
    of the page, or the title of a page whose fields or lists are a project's."""
    fields = {}
    for f in ctx.fields + inline_fields(ctx.text, ctx.lang):
        fields.setdefault(f.name, []).append(f)
    projectish = {"period", "funder", "partners", "coordinator", "code", "start", "end"} & set(fields)
    partner_list = any(it.block_cue == "partners" for it in ctx.items)
    name, ev = None, None
    top = ctx.title.start + 400 if ctx.title else 0
    early = [pm for pm in mentions if pm.start <= top]
    head = _field_head(ctx) if projectish else None
    if "project_name" in fields:
        v = fields["project_name"][0].values[0]
        name, ev = v.text, ctx.evidence(v.start, v.end)
    elif head is not None:
        name, ev = head.text, ctx.evidence(head.start, head.end)
        # a fact box headed by a project the text names, with words of its own after it ("X in brief"): X
        within = [pm for pm in mentions if pm.start < head.start and name_key(head.text).startswith(name_key(pm.name) + " ")]
        if within:
            name = max(within, key=lambda pm: len(pm.name)).name
    elif early and (projectish or partner_list):
        name, ev = early[0].name, ctx.evidence(early[0].start, early[0].end)
    # (a title that is a person's name heads a profile page: the page is about the person, not a project)
    elif title_ok and ctx.title is not None and name_like(ctx.title.text, ctx, fielded=_fields_under(ctx, ctx.title, projectish)) \
            and not ctx.person_in(ctx.title.start, ctx.title.end) \
            and (projectish or not _names_an_event(ctx)) \
            and not any(pm.start > ctx.title.end and name_key(pm.name) not in name_key(ctx.title.text) for pm in early) \
            and (projectish or partner_list or _about_a_project(ctx)):
        name, ev = ctx.title.text, ctx.evidence(ctx.title.start, ctx.title.end)
    if not name:
        return None
    name, period = trailing_period(name, ctx.lang)  # "Vertaispolku 2023–2025": the heading gives the period
    marked = _marked_name(ctx, name, mentions)
    m = re.match(r"^(.*?)\s*\(([^()]{2,40})\)\s*$", name)  # "Humanistit uudistuvassa työelämässä (Genera)"
    p = b.project(marked or (m.group(1) if m else name), ev)
    if m:
        p.alt_labels |= {name, m.group(2)}  # the short name in parentheses is another name of the project
    if marked:
        p.alt_labels.add(name)
    _apply_fields(ctx, b, p, fields, granted=funding.granted_amount(ctx))
    if period is not None and p.start is None and p.end is None:
        p.start, p.end = period.value, period.end_value
    return p


def _marked_name(ctx: DocContext, line: str, mentions: list[ProjectMention]) -> str | None:
    """"Xyz -hanke", "Projektet Xyz", "Xyz project" as a page's name line: the name the project word marks, which
    the text's mention of it also gives (one project, not the line and the name as two)."""
    cues = ctx.lex.cue("project")
    for pm in mentions:
        if pm.name in line and name_key(pm.name) != name_key(line):
            rest = line.replace(pm.name, " ").replace("-", " ").replace("–", " ").split()
            if rest and all(cue_word(Token(w, 0, 0), cues, ctx.lang) for w in rest):
                return pm.name
    return None


def _block_projects(ctx: DocContext, b: ProjectBuilder, blocks: list[FieldBlock], page_funder: str | None) -> set[int]:
    """One project per block of fields, with its partners; a block's sum with no funder of its own is granted by
    the page's funder. Returns the starts of the blocks' lines, which the sentence rules then leave alone."""
    starts: set[int] = set()
    for blk in blocks:
        p = b.project(blk.head.text, ctx.evidence(blk.head.start, blk.head.end))
        _apply_fields(ctx, b, p, blk.fields)
        for f in blk.fields.get("partners", []):
            for v in f.values:
                for _, k in ctx.orgs_in(v.start, v.end):
                    b.participate(p, k, "partner", ctx.evidence(v.start, v.end))
        if page_funder and p.grants and not p.grants[0].funders:
            # (with a fund the page names beside it: "… has granted funds from the Regional Development Fund")
            for k in (page_funder, *funding.co_funders(ctx, page_funder)):
                b.fund(p, k, p.grants[0].evidence)
        starts |= {s.line.start for s in ctx.sentences if blk.start <= s.line.start <= blk.end}
    return starts


def _apply_fields(ctx: DocContext, b: ProjectBuilder, p: Project, fields: dict[str, list], granted=None) -> None:
    """A project's code, period, coordinator, funders, sum and programme from its fields; `granted`, a sum the
    page says was granted, goes before the budget beside it."""
    for f in fields.get("code", []):
        p.code = p.code or f.values[0].text.split()[0]
    for f in fields.get("period", []) + fields.get("start", []) + fields.get("end", []):
        for v in f.values:
            ds = ctx.dates_in(v.start, v.end)
            for d in ds:
                if d.is_range and (p.start is None or _refines(p, d) or not p.start.startswith(d.value[:4])):
                    p.start, p.end = d.value, d.end_value
                elif d.is_range:
                    continue  # a coarser statement of a period the page gave to the day already
                elif f.name == "end":
                    p.end = d.value
                elif f.name == "start" or p.start is None:
                    p.start = p.start or d.value
                else:
                    p.end = p.end or d.value
    for role, fname in (("coordinator", "coordinator"),):
        for f in fields.get(fname, []):
            for v in f.values:
                for m_, k in ctx.orgs_in(v.start, v.end)[:1]:
                    b.participate(p, k, role, ctx.evidence(v.start, v.end))
    for f in fields.get("funder", []):
        for v in f.values:
            for m_, k in ctx.orgs_in(v.start, v.end):
                b.fund(p, k, ctx.evidence(v.start, v.end))
    if granted is not None:
        b.fund(p, None, ctx.evidence(granted.start, granted.end), granted.value, granted.currency)
    for f in fields.get("amount", []):
        for v in f.values:
            am = ctx.amounts_in(v.start, v.end)
            if am:
                b.fund(p, None, ctx.evidence(v.start, v.end), am[0].value, am[0].currency)
            else:
                num = re.search(r"\d[\d ]*(?:[,.]\d+)?", v.text)
                if num:  # a register's bare figure: euros unless stated otherwise is not safe to assume
                    from decimal import Decimal
                    b.fund(p, None, ctx.evidence(v.start, v.end), Decimal(num.group().replace(" ", "").replace(",", ".")), None)
    for f in fields.get("programme", []):
        b.fund(p, None, ctx.evidence(f.values[0].start, f.values[0].end), programme=f.values[0].text)
    if p.grants and p.grants[0].amount is not None and not p.grants[0].funders:
        # "EU-tuki: …": with no funder stated elsewhere, the sum's label says where it comes from
        for f in fields.get("amount", []) + fields.get("programme", []):  # (or the programme's body)
            for k in label_funders(ctx, [f]):
                b.fund(p, k, ctx.evidence(f.label.start, f.label.end))


_LABELLED = re.compile(r"^[^:]{1,40}:\s*\S")  # "Theme: 4", "Long name: …": a field, known label or not
_PROJECT_FIELDS = ("coordinator", "partners", "period", "funder", "code", "start", "end", "amount", "programme")


def _field_head(ctx: DocContext) -> Line | None:
    """The name line over a block of a project's fields (a register entry, a project page below a site's own
    title): the line right above the first field, past other "Label: value" lines and one blank line, when
    it reads as a short name (in capitals too, "KOULU 2030", since a register may print names so)."""
    own = [f for f in ctx.fields if f.name in _PROJECT_FIELDS]
    if len({f.name for f in own}) < 2:
        return None  # one field ("Duration" over each project of a list) makes no page of one project
    first = min(f.label.start for f in own)
    field_lines = {f.label.start for f in ctx.fields}
    above = lines_above(ctx.text, first)
    dated = False
    while (nxt := next(above, None)) is not None:
        ln, blanks = nxt
        text = ln.text.strip()
        a = ln.start + ln.text.index(text) if text else ln.start
        if ln.start in field_lines or _LABELLED.match(text):
            if blanks and ln.start not in field_lines and _titled_name(ctx, text):
                return Line(a, a + len(text), text)  # "XYZ 2030: Evidence for …" over the fields: a name and its subtitle
            if blanks:
                return None  # a block of fields above a blank line: not this block's head
            continue
        if not dated and dateline_line(ctx, a, a + len(text)):
            # "Published …" between a project's name and its fields dates the page: the name is over it
            dated, above = True, lines_above(ctx.text, ln.start)
            continue
        if "|" in text or text.endswith(":") or ctx.person_in(a, a + len(text)) \
                or not name_like(text.title() if text.isupper() else text, ctx, fielded=True):
            return None
        over = next(lines_above(ctx.text, ln.start), None) if _tagline(text) else None
        if over is not None and over[1]:
            # a short name over a line that describes it ("Xyz" / "Shared training for …"): the name is the first
            t2 = over[0].text.strip()
            a2 = over[0].start + over[0].text.index(t2) if t2 else over[0].start
            if 0 < len(t2.split()) <= 4 and "|" not in t2 and not _LABELLED.match(t2) and not ctx.person_in(a2, a2 + len(t2)) \
                    and not ctx.orgs_in(a2, a2 + len(t2)) and name_like(t2.title() if t2.isupper() else t2, ctx, fielded=True):
                # (a name in capitals as well: "XYZ LAB" over "Shared training for …")
                return Line(a2, a2 + len(t2), t2)
        return Line(a, a + len(text), text)
    return None


def _titled_name(ctx: DocContext, text: str) -> bool:
    """"XYZ 2030: Evidence for …": a label written in capitals (an acronym, with a number perhaps) before a
    subtitle is a project's name, not a field."""
    label = text.split(":", 1)[0].strip()
    words = label.split()
    return 0 < len(words) <= 3 and words[0].isupper() and len(words[0]) >= 3 and words[0].isalpha() \
        and words[-1].lower() not in field_words(ctx.lang)


def _tagline(text: str) -> bool:
    """A line in sentence case of four words at least: it describes, it does not name."""
    words = text.split()
    return len(words) >= 4 and not any(w[:1].isupper() for w in words[1:]) and not text.endswith(".")


def _joint_owners(ctx: DocContext, s, orgs: list) -> list[str]:
    """"A:n ja B:n yhteinen X-hanke", "A:s och B:s gemensamma projekt", "A and B's joint project": the bodies
    joined before a word of joint ownership own the project together."""
    sec = ctx.lex.section("project_page")
    joint = set(sec.get("joint_words", ()))
    if not joint or not orgs:
        return []
    joiners = set(sec.get("owner_joiners", ())) | {","}
    clitics = set(sec.get("owner_clitics", ())) | {""}
    out: list[str] = []
    for t in s.tokens:
        if t.text.lower() not in joint:
            continue
        chain, end = [], t.start
        for m, k in reversed([(m, k) for m, k in orgs if m.end <= t.start]):
            gap = ctx.text[m.end:end].strip().lower()
            if not (gap in clitics if not chain else gap in joiners):
                break
            chain.append(k)
            end = m.start
        if len(chain) > 1:
            out += reversed(chain)
    return list(dict.fromkeys(out))


def _owner_before_name(ctx: DocContext, orgs: list, p: Project) -> list[str]:
    """"A:n Xyz-hanke", "A:s projekt Xyz", "A's Xyz project": a body written right before the project's name, in
    the possessive, owns the project (the project word may stand between); it does not pay for it."""
    names = sorted({p.name, *p.alt_labels}, key=len, reverse=True)
    cues = ctx.lex.cue("project")
    out = []
    for m, k in orgs:
        rest = ctx.text[m.end:m.end + 120]
        gap = re.match(r"(?:'s?|’s?)?\s+", rest)
        if gap is None:
            continue
        after = rest[gap.end():]
        word = re.match(r"(\w+)\s+", after)
        if word and cue_word(Token(word.group(1), 0, 0), cues, ctx.lang):
            after = after[word.end():]  # "A:s projekt Xyz": the project word between
        # the name whole ("Xyz", "Xyz-hankkeelle"), not the start of a longer word
        if any(after.startswith(n) and not after[len(n):len(n) + 1].isalnum() for n in names if n):
            out.append(k)
    return out


def _person_title(ctx: DocContext, t: Token) -> bool:
    """A cue word standing right beside a person's name, as the person's title ("A B, project leader", "project
    leader A B")."""
    for p in ctx.people:
        if 0 <= t.start - p.end <= 2 and ctx.text[p.end:t.start].strip() in ("", ","):
            return True
        if 0 < p.start - t.end <= 1:
            return True
    return False


_DASH_CELL = re.compile(r"\s+[–—-]\s+")


def _fields_under(ctx: DocContext, title: Line, projectish: set[str]) -> bool:
    """The page's project fields start within a few lines under its title: the title heads them (a field far
    down the page, "Duration: …" closing a news item, leaves the title a headline)."""
    if not projectish:
        return False
    own = [f.label.start for f in ctx.fields if f.name in projectish]
    if not own:
        return False
    for ln in [ln for ln in lines(ctx.text) if ln.start > title.end and ln.text.strip()][:3]:
        if ln.start >= min(own):
            return True
        if ln.text.rstrip().endswith((".", "!", "?")):
            return False  # a sentence between: the title heads an article, not the fields
    return False


def _dash_cells(ctx: DocContext, it: funded_items.FundedItem) -> funded_items.FundedItem:
    """A grant row whose cells are split by dashes ("Name – Holder – sum"): the cells after the first that are
    organisations hold the grant, and the first cell alone is the project's name."""
    if not it.named or not _DASH_CELL.search(it.name):
        return it
    line = ctx.text[it.evidence.start:it.evidence.end]
    at = line.find(it.name)
    if at < 0:
        return it
    start = it.evidence.start + at
    parts = _DASH_CELL.split(it.name)
    holders: list[str] = []
    pos = start + len(parts[0])
    for part in parts[1:]:
        a = ctx.text.index(part, pos)
        found = ctx.orgs_in(a, a + len(part))
        # the whole cell is one organisation's name (a cell of words is part of the project's name)
        if len(found) != 1 or found[0][0].start > a + 1 or found[0][0].end < a + len(part) - 1:
            return it
        holders.append(found[0][1])
        pos = a + len(part)
    if not parts[0].strip():
        return it
    # (a body found in the first cell is the project's name read as one)
    named = {k for _, k in ctx.orgs_in(start, start + len(parts[0]))}
    keys = tuple(dict.fromkeys(holders + [k for k in it.recipients if k not in named]))
    return replace(it, name=parts[0].strip(), recipients=keys)


def _labelled_row(ctx: DocContext, it: funded_items.FundedItem) -> bool:
    """A grant row written "Label: sum": its name starts before the colon of a labelled line."""
    line = ctx.text[it.evidence.start:it.evidence.end].strip()
    at = line.find(it.name)
    return bool(_LABELLED.match(line)) and 0 <= at < line.index(":")


def _sentence_facts(ctx: DocContext, b: ProjectBuilder, p: Project, s, page_funder: str | None = None) -> None:
    toks = s.tokens
    ev = ctx.evidence(s.line.start, s.line.end)
    # a field's label ("Funding organisation: …") names a role, not an organisation
    labels = [(f.label.start, f.values[0].start) for f in ctx.fields if f.values and f.values[0].start > f.label.start]
    # … and a name closed by the project word ("Lukukipinä-hanke") is a project's, not a body's
    orgs = [(m, k) for m, k in ctx.orgs_in(s.line.start, s.line.end) if not any(a <= m.start < b for a, b in labels)
            and not cue_word(Token(m.surface.split()[-1], 0, 0), ctx.lex.cue("project"), ctx.lang)]
    funder_cue = ctx.has_cue(toks, "funder")
    coord_cue = ctx.has_cue(toks, "coordinator")
    if coord_cue is not None and _person_title(ctx, coord_cue):
        coord_cue = None  # "A B, head of development at C": a title of the person, whose body C is no coordinator
    partner_cue = ctx.has_cue(toks, "partner")
    recipient_cue = ctx.has_cue(toks, "recipient")
    amounts = ctx.amounts_in(s.line.start, s.line.end)
    funders: set[str] = set()
    recipients = funding.recipients(ctx, s, orgs, recipient_cue) if recipient_cue is not None else []
    if funder_cue is not None and not recipients:
        recipients = funding.grant_objects(ctx, orgs, funder_cue, FUNDER_TYPES)
    # "The X project … receives EUR N from Y": the project itself receives, and the money still has a source
    owners = _joint_owners(ctx, s, orgs) + _owner_before_name(ctx, orgs, p)
    if funder_cue is not None or recipients or recipient_cue is not None and amounts:
        cue = funder_cue or recipient_cue
        for m, k in orgs:
            org = ctx.orgs.get(k)
            near = abs(m.end - cue.start) <= 40 or abs(cue.end - m.start) <= 60
            if k in owners and not funding.source_marked(ctx, m, of_money=True):
                continue  # "A:n ja B:n yhteinen hanke saa …": the owners receive, they do not pay
            # "… run by X together with Y and Z, is granted N": who carries the project out does not pay
            leading = [c for c in (coord_cue, partner_cue) if c is not None and c.start < m.start < cue.start]
            # a funding body, or any body the money comes from ("EUR 1.2 million from the Academy of Finland")
            if org is not None and (org.type in FUNDER_TYPES or funding.source_marked(ctx, m, of_money=True)) and near \
                    and not leading \
                    and k not in recipients and k not in {x.organisation for x in p.participants if x.role == "coordinator"}:
                funders.add(k)
        marked = {k for m, k in orgs if k in funders and funding.source_marked(ctx, m, of_money=True)}
        # "X finances it through Y": the body the money passes through pays beside X, it does not replace X
        passing = {k for m, k in orgs if k in marked and funding.passes_through(ctx, m)}
        funders = marked if marked - passing else funders
        subject = funding.granting_subject(ctx, s) if not funders and funder_cue is not None else None
        if subject and subject not in recipients:
            funders = {subject}  # "The Academy of X has granted …": whatever its kind, the subject gives
        if not funders and page_funder and (amounts or recipients):
            funders = {page_funder}
        for k in funders:
            b.fund(p, k, ev)
        # "… funded by Y. In 2024 it received EUR N for X": a sum received is the grant's, its giver said apart
        if amounts and (funders or recipient_cue is not None and any(g.funders for g in p.grants)):
            a = funding.nearest_amount(ctx, amounts, p, recipients, orgs)
            b.fund(p, None, ev, a.value, a.currency)
        # the bodies that receive the money take part: one alone is the grant's holder
        takers = recipients or [k for m, k in orgs if k not in funders and ctx.orgs[k].type not in ("ministry", "agency")
                                and funder_cue is not None and amounts and not _money_source(ctx, m, orgs)]
        for k in dict.fromkeys(takers):
            b.participate(p, k, "coordinator" if len(set(takers)) == 1 else "partner", ev)
    if coord_cue is not None:
        after = [(m, k) for m, k in orgs if m.start >= coord_cue.end and k not in funders]
        before = [(m, k) for m, k in orgs if m.end <= coord_cue.start and k not in funders]
        # a passive ("led by X", "leds av X") names the leader after the verb; an active verb has it as subject
        agents = set(ctx.lex.section("cues").get("agent_words", ()))
        following = [t.text.lower() for t in toks if t.start >= coord_cue.start][:4]
        passive = any(w in agents for w in following)
        cands = (after or before) if passive else (before or after)
        # two leaders joined by "ja"/"och"/"and" lead jointly: no single coordinator
        joint = len(cands) > 1 and (cands is before or re.fullmatch(
            r"\s*(?:,|ja|och|and|sekä|samt)\s*", ctx.text[cands[0][0].end:cands[1][0].start]) is not None)
        if cands and not joint:
            m, k = cands[0] if cands is after else cands[-1]
            # "led by Dr A of B": a person leads (a part of) the work; B takes part, but the person's body is
            # not thereby the project's coordinator
            led_by_person = passive and cands is after and ctx.person_in(coord_cue.end, m.start)
            b.participate(p, k, "partner" if led_by_person else "coordinator", ev)
        for m, k in cands if joint else []:
            b.participate(p, k, "partner", ev)
    if partner_cue is not None:
        places = set(ctx.lex.section("funded_items").get("place_prepositions", ()))
        # "…," says X of Y: the speaker's organisation is no partner
        speech = set(ctx.lex.section("cues").get("speech", ()))
        said = next((t.start for t in toks if t.text.lower() in speech), None)
        if said is not None and said > partner_cue.start:
            orgs = [(m, k) for m, k in orgs if m.start < said]
        for i, (m, k) in enumerate(orgs):
            # "Vadsbogymnasiet i Mariestad": a place written after a name says where that one is
            located = i > 0 and ctx.text[orgs[i - 1][0].end:m.start].strip().lower() in places
            if k not in funders and not located:
                b.participate(p, k, "partner", ev)
    for k in owners:
        if k not in funders:
            b.participate(p, k, "partner", ev)
    for d in ctx.dates_in(s.line.start, s.line.end):
        if d.is_range and (p.start is None or _refines(p, d)) and _period_context(ctx, s):
            p.start, p.end = d.value, d.end_value
    if p.start is None or p.end is None:
        _start_end_words(ctx, p, s)


def _refines(p: Project, d) -> bool:
    """A period stated again to the day or month where it was first given in years ("for the years 2024–2026" …
    "Duration: 1.9.2024–31.8.2026"): the finer statement of the same period."""
    return bool(p.start and p.end and d.end_value) and d.value.startswith(p.start) and d.end_value.startswith(p.end) \
        and (len(d.value), len(d.end_value)) > (len(p.start), len(p.end))


def _period_context(ctx: DocContext, s) -> bool:
    low = s.line.text.lower()
    cues = ctx.lex.section("dates").get("period_cues", ()) + ctx.lex.section("dates").get("start_cues", ())
    return any(c in low for c in cues) or bool(ctx.has_cue(s.tokens, "project"))


def _start_end_words(ctx: DocContext, p: Project, s) -> None:
    """"Hanke alkoi 1.9.2016 ja se päättyy 30.6.2018": a date after a start word and one after an end word."""
    sec = ctx.lex.section("dates")
    fam = ctx.lex.section("project_mentions")
    low = ctx.text[s.line.start:s.line.end].lower()
    for d in ctx.dates_in(s.line.start, s.line.end):
        if d.is_range:
            continue
        before = low[: d.start - s.line.start][-25:]
        # a postposition after the date says where the period stops or starts ("31.7.2024 saakka", "1.1.2024 alkaen")
        after = low[d.end - s.line.start:].lstrip()
        if p.start is None and (any(re.search(r"(?<!\w)" + re.escape(c), before) for c in sec.get("start_cues", ()))
                                or after.startswith(tuple(fam.get("start_after_date", ())))):
            p.start = d.value
        elif p.end is None and (any(re.search(r"(?<!\w)" + re.escape(c), before) for c in sec.get("end_cues", ()))
                                or after.startswith(tuple(fam.get("end_after_date", ())))):
            p.end = d.value
