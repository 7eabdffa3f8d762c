"""Projects, their periods, participants, coordinators and funding.

Two sources of evidence: the fields of a project page or register entry ("Rahoittaja", "Toteuttajat",
"Projektin kesto"), and sentences of press releases ("Hanke toteutetaan Savon koulutuskuntayhtymän ja
Humanistisen ammattikorkeakoulun kesken", "… 635 000 euron rahoituksen … Euroopan sosiaalirahastosta").
A sentence's facts attach to the project it names, else to the project the page is about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Evidence, Grant, Participation, Project
from ..resolve import name_key
from ..text import Token, cue_noun, finite_verb, lemma, lines, tokenize
from .amounts import plain
from .actors import _Covered
from .context import DocContext
from . import funding

_QUOTED = re.compile(r"[\"“”«]([^\"“”«»]{3,120})[\"“”»]")
_FUNDER_TYPES = {"ministry", "agency", "other", "region", "ngo", "municipality"}


@dataclass
class ProjectMention:
    start: int
    end: int
    name: str
    sentence_start: int
    compound: bool = False


def _cue_word(tok: Token, cues: tuple[str, ...], lang: str) -> bool:
    return cue_noun(tok.text, cues, lang) is not None


def _generic_name(name: str, ctx: DocContext) -> bool:
    """"EU-hanke", "ESR-projekti": an acronym of a funder or a place is a kind of project, not its name."""
    words = name.split()
    if len(words) != 1:
        return False
    at = ctx.text.find(name)
    return words[0].isupper() and len(words[0]) <= 4 or ctx.in_mention(at)


def find_project_mentions(ctx: DocContext) -> list[ProjectMention]:
    cues = ctx.lex.cue("project")
    titles = _titles()
    taken = _Covered([(m.start, m.end) for m in ctx.mentions] + [(p.start, p.end) for p in ctx.people])
    out: list[ProjectMention] = []

    def blocked(t: Token) -> bool:
        return taken.at(t.start)

    for s in ctx.sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if not t.is_word:
                continue
            glued = "-" in t.text.strip("-") and _cue_word(Token(t.text.rsplit("-", 1)[1], 0, 0), cues, ctx.lang) \
                and not t.text.startswith("-")
            dashed = t.text.startswith(("-", "–")) and _cue_word(t, cues, ctx.lang)
            if (dashed or glued) and ctx.lang != "en":
                # "Tulosta laadulla -hanke", "Reilu koulu-hankkeeseen": the name is written before the cue
                end_tok = i - 1 if dashed else i
                name_end = toks[i - 1].end if dashed else t.start + len(t.text.rsplit("-", 1)[0])
                j, first_cap = end_tok, None
                while j >= 0 and end_tok - j < 8:
                    tj = toks[j]
                    if not (tj.is_word or tj.text in ("–", "&", "+")) or (blocked(tj) and j != end_tok):
                        break
                    if tj.is_cap or tj.is_upper:
                        first_cap = j
                    elif first_cap is not None:
                        break
                    j -= 1
                if first_cap is not None and (i > 0 or glued):
                    start = toks[first_cap].start
                    name = ctx.text[start:name_end].strip(" –-")
                    if glued and first_cap == i and _generic_name(name, ctx):
                        continue
                    if glued and first_cap == i and len(name) <= 6:
                        # "FoUI-projekt": a short prefix alone is no name; the compound is
                        name = t.text if not t.text[-1].islower() or lemma(t.text, ctx.lang) == t.text else \
                            t.text.rsplit("-", 1)[0] + "-" + lemma(t.text.rsplit("-", 1)[1], ctx.lang)
                    if name and not _generic_name(name, ctx):
                        out.append(ProjectMention(start, name_end, name, s.line.start))
                continue
            if t.text.lower() in cues and not t.text.startswith("-"):
                # "projektet Gränslöst 2009", "project G-Steam", "hanke Genera"
                k = i + 1
                titled = k < len(toks) and f"{t.text} {toks[k].text}".lower() in titles  # "Project Manager"
                if k < len(toks) and toks[k].is_word and (toks[k].is_cap or toks[k].is_upper) and not blocked(toks[k]) \
                        and not titled:
                    e = k
                    while e + 1 < len(toks) and (toks[e + 1].is_cap or re.fullmatch(r"\d{4}", toks[e + 1].text)) and not blocked(toks[e + 1]):
                        e += 1
                    out.append(ProjectMention(toks[k].start, toks[e].end, ctx.text[toks[k].start:toks[e].end], s.line.start))
                # "the FUTE Project", "Future Teacher Education … – FUTE Project", "the three-year INCLUDE project"
                elif ctx.lang == "en" and i > 0 and toks[i - 1].is_word and (toks[i - 1].is_upper or t.is_cap and toks[i - 1].is_cap) \
                        and not blocked(toks[i - 1]) and toks[i - 1].text not in ("The", "A", "An"):
                    j = i - 1
                    while j > 0 and (toks[j - 1].is_cap or toks[j - 1].text in ("–", "for", "of", "and")) and i - j < 12:
                        j -= 1
                    while toks[j].text in ("–", "for", "of", "and", "The", "the"):
                        j += 1
                    end = t.end if t.is_cap else toks[i - 1].end  # "FUTE Project" is a name, "project" a word
                    out.append(ProjectMention(toks[j].start, end, ctx.text[toks[j].start:end], s.line.start))
            if t.is_word and not t.is_cap and "-" not in t.text:
                compound = _compound_project(t, cues, ctx)
                if compound:
                    out.append(ProjectMention(t.start, t.end, compound, s.line.start, compound=True))
        fronted = _fronted_object(ctx, toks, blocked)
        if fronted:
            out.append(ProjectMention(fronted[0], fronted[1], fronted[2], s.line.start))
        for m in _QUOTED.finditer(s.line.text):
            before = s.line.text[:m.start()].lower()
            if re.search(r"(?<!\w)(för|for|hankkeelle|projektet|project|hanke)\s*$", before):
                a = s.line.start + m.start(1)
                out.append(ProjectMention(a, a + len(m.group(1)), m.group(1).strip(), s.line.start))
    # a compound noun ("vänskolprojekt") names the project only where nothing names it better
    if any(not pm.compound for pm in out):
        out = [pm for pm in out if not pm.compound]
    else:
        out = out[:1]
    return out


def _titles() -> set[str]:
    from ..lexicon import titles
    return {t for lg in ("fi", "sv", "en") for t in titles(lg)}


def _fronted_object(ctx: DocContext, toks: list[Token], blocked) -> tuple[int, int, str] | None:
    """Finnish puts what a sentence is about first: "Suurta lukuseikkailua koordinoivat Lastenkirjainstituutti ja
    Lukukeskus" — a capitalised phrase in the partitive before a verb of coordinating, funding or carrying out,
    followed by the organisations that do it, names a project ("Suuri lukuseikkailu")."""
    if ctx.lang != "fi" or len(toks) < 4 or not toks[0].is_cap:
        return None
    for n in range(1, 4):
        verb = toks[n]
        if not verb.is_word:
            return None
        if verb.is_cap or not any(ctx.has_cue([verb], c) for c in ("coordinator", "funder", "partner")):
            continue  # still the phrase
        phrase = toks[:n]
        if not all(t.is_word for t in phrase) or any(blocked(t) for t in phrase):
            return None
        # the object is in the partitive ("Suurta lukuseikkailua", "Lukemisen iloa"), a subject is not
        if not _partitive(phrase[-1].text) or not all(_partitive(t.text) or t.text.endswith("n") for t in phrase[:-1]) \
                or not any(m.start > verb.end for m in ctx.mentions if m.start < toks[-1].end):
            return None
        words = [lemma(t.text.lower(), "fi") if _partitive(t.text) else t.text.lower() for t in phrase]
        if any(cue_noun(w, ctx.lex.cue("project"), "fi") for w in words):
            return None  # "Hanketta koordinoi …": the project word itself, which the page's project is
        name = " ".join(words)
        return phrase[0].start, phrase[-1].end, name[:1].upper() + name[1:]
    return None


def _partitive(word: str) -> bool:
    low = word.lower()
    return (low.endswith(("a", "ä")) and lemma(low, "fi").lower() != low
            and not low.endswith(("lla", "llä", "ssa", "ssä", "sta", "stä", "lta", "ltä", "na", "nä")))


def _compound_project(t: Token, cues: tuple[str, ...], ctx: DocContext) -> str | None:
    """"vänskolprojektet", "koulusegregaatiohanke": a compound whose head is a project word and whose
    first part says what it is about (not a generic "yhteistyöhanke", "utvecklingsprojekt")."""
    low = t.text.lower()
    lem = lemma(low, ctx.lang).lower()
    generic = tuple(ctx.lex.section("cues").get("generic_project_prefixes", ()))
    for c in cues:
        for form in (lem, low):
            if form.endswith(c) and len(form) - len(c) >= 5:
                prefix = form[: -len(c)]
                if not prefix.startswith(generic) and not prefix.endswith(generic):
                    return lem if lem.endswith(c) else low
    return None


class ProjectBuilder:
    def __init__(self, ctx: DocContext):
        self.ctx = ctx
        self.projects: dict[str, Project] = {}
        self.grants: dict[str, Grant] = {}

    def project(self, name: str, evidence: Evidence) -> Project:
        name = re.sub(r"\s+", " ", name).strip(" –-:")
        k = name_key(name)
        for pk, p in self.projects.items():
            if pk == k or k in {name_key(a) for a in p.alt_labels}:
                return p
        p = Project(name=name, evidence=evidence)
        self.projects[k] = p
        return p

    def participate(self, p: Project, org: str, role: str, ev: Evidence) -> None:
        for part in p.participants:
            if part.organisation == org:
                if role == "coordinator" and part.role != "coordinator":
                    part.role = "coordinator"
                return
        p.participants.append(Participation(org, role, ev))

    def fund(self, p: Project, funder: str | None, ev: Evidence, amount=None, currency=None, programme=None) -> None:
        g = next(iter(p.grants), None)
        if g is None:
            g = Grant(funders=[], evidence=ev)
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
    page = _page_project(ctx, b, mentions)
    named: dict[int, list[Project]] = {}
    for pm in mentions:
        named.setdefault(pm.sentence_start, []).append(b.project(pm.name, ctx.evidence(pm.start, pm.end)))
    whole_page_funder = funding.page_funder(ctx)
    purposes = {}
    for s in ctx.sentences:  # "… rahoituksen ammattikorkeakoulujen yhteistyön laajentamiseen"
        if s.line.start not in named:
            p = funding.purpose_project(ctx, b, s)
            if p is not None:
                purposes[s.line.start] = p
    current = page
    cues = ctx.lex.cue("project")
    plural = set(ctx.lex.section("cues").get("project_plural", ()))
    last_funder = whole_page_funder
    for s in ctx.sentences:
        here = funding.sentence_funder(ctx, s)
        in_sentence = named.get(s.line.start, []) or ([purposes[s.line.start]] if s.line.start in purposes else [])
        # "the project" points back to the page's or the last named project; "the projects" do not
        generic = any(_cue_word(t, cues, ctx.lang) and t.text.lower() not in plural for t in s.tokens if t.is_word)
        if in_sentence:
            target = in_sentence[0]
            current = target if page is None else current
        elif generic and (page or current):
            target = page or current
        elif len(b.projects) == 1 and _relational(ctx, s) and not any(t.text.lower() in plural for t in s.tokens):
            # a page about one project: its facts need no name — unless the sentence speaks of several projects
            target = next(iter(b.projects.values()))
        else:
            target = None
        if target is not None:
            # "Lapin aluehallintovirasto myönsi … Eniten, 80 000 euroa sai Rovaniemi …": the grant of the
            # sentence before is divided here
            _sentence_facts(ctx, b, target, s, last_funder)
        last_funder = here or last_funder
    _dated_headings(ctx, b)
    sole = next(iter(b.projects.values())) if len(b.projects) == 1 else None
    for it in ctx.items:
        key = ctx.key_of(it.mention)
        if it.role == "none" or not key:
            continue
        if it.block_cue == "partners":
            target = page or _nearest_before(named, it.line.start)
        elif it.block_cue is None and sole is not None:
            target = sole  # a list of organisations on a page about one project: its participants
        else:
            target = None
        if target is not None:
            b.participate(target, key, it.role or "partner", ctx.evidence(it.line.start, it.line.end))
    projects = list(b.projects.values())
    for p in projects:
        p.grants = [g for g in p.grants if g.funders]
    return projects


def _dated_headings(ctx: DocContext, b: ProjectBuilder) -> None:
    """On a page listing projects, a heading followed by a line holding only a period is a project with that
    period ("Työelämän rajapinta koulutuksen kehittämisen ytimessä – TYRSKY" / "1.9.2020 – 31.8.2023")."""
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
        acr = re.search(r"\s[–-]\s([A-ZÅÄÖ0-9]{3,})$", head)  # "… – TYRSKY"
        if acr:
            p.alt_labels.add(acr.group(1))
        if p.start is None:
            p.start, p.end = ds[0].value, ds[0].end_value


def _relational(ctx: DocContext, s) -> bool:
    return any(ctx.has_cue(s.tokens, c) for c in ("funder", "partner", "coordinator", "recipient"))


def _name_like(title: str, ctx: DocContext) -> bool:
    """A short title that names something: not a headline, a breadcrumb, a section name ("Ajankohtaista",
    "Organisation", "Hankkeen järjestäjät") or a dated list ("Projektstöd oktober 2024")."""
    words = title.split()
    if not (0 < len(words) <= 6) or "/" in title or title.isupper() or title.rstrip().endswith((".", "?", "!")):
        return False
    if re.search(r"\d", re.sub(r"(?:19|20)\d\d", "", title)):
        return False
    toks = [t for t in tokenize(title) if t.is_word]
    if not toks:
        return False
    months = ctx.lex.section("dates").get("months", {})
    if any(t.text.lower() in months or lemma(t.text.lower(), ctx.lang) in months for t in toks):
        return False
    if _cue_word(toks[0], ctx.lex.cue("project"), ctx.lang):
        return False  # "Hankkeen järjestäjät": about the project, not its name
    if any(finite_verb(t.text, ctx.lang) for t in toks[1:] if not t.is_cap):
        return False  # "Ohjausta uudistetaan ammatillisessa koulutuksessa", "Ny koalition samlar aktörer": a headline
    if len(toks) == 1 and lemma(toks[0].text, ctx.lang)[:1].islower():
        return False  # one common word: a section of a site
    return True


def _names_an_event(ctx: DocContext) -> bool:
    from .events import _event_word
    return any(_event_word(t.text, ctx) for t in tokenize(ctx.title.text) if t.is_word)


def _about_a_project(ctx: DocContext) -> bool:
    """The first sentences after the title speak of "the project" ("Hankkeen tavoitteena on …")."""
    cues = ctx.lex.cue("project")
    after = [s for s in ctx.sentences if ctx.title and s.line.start > ctx.title.end][:3]
    return any(_cue_word(t, cues, ctx.lang) for s in after for t in s.tokens if t.is_word)


def _nearest_before(named: dict[int, list[Project]], pos: int) -> Project | None:
    best = None
    for start, ps in sorted(named.items()):
        if start <= pos:
            best = ps[0]
    return best


def _page_project(ctx: DocContext, b: ProjectBuilder, mentions: list[ProjectMention]) -> Project | None:
    """The project a project page or register entry is about: its name field, a project named at the top
    of the page, or the title of a page whose fields or lists are a project's."""
    fields = {}
    for f in ctx.fields:
        fields.setdefault(f.name, []).append(f)
    projectish = {"period", "funder", "partners", "coordinator", "code", "start", "end"} & set(fields)
    partner_list = any(it.block_cue == "partners" for it in ctx.items)
    name, ev = None, None
    top = ctx.title.start + 400 if ctx.title else 0
    early = [pm for pm in mentions if pm.start <= top]
    if "project_name" in fields:
        v = fields["project_name"][0].values[0]
        name, ev = v.text, ctx.evidence(v.start, v.end)
    elif early and (projectish or partner_list):
        name, ev = early[0].name, ctx.evidence(early[0].start, early[0].end)
    elif ctx.title is not None and _name_like(ctx.title.text, ctx) and not _names_an_event(ctx) \
            and (projectish or partner_list or _about_a_project(ctx)):
        name, ev = ctx.title.text, ctx.evidence(ctx.title.start, ctx.title.end)
    if not name:
        return None
    m = re.match(r"^(.*?)\s*\(([^()]{2,40})\)\s*$", name)  # "Humanistit uudistuvassa työelämässä (Genera)"
    p = b.project(m.group(1) if m else name, ev)
    if m:
        p.alt_labels |= {name, m.group(2)}  # the short name in parentheses is another name of the project
    for f in fields.get("code", []):
        p.code = p.code or f.values[0].text.split()[0]
    for f in fields.get("period", []) + fields.get("start", []) + fields.get("end", []):
        for v in f.values:
            ds = ctx.dates_in(v.start, v.end)
            for d in ds:
                if d.is_range:
                    p.start, p.end = d.value, d.end_value
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
    return p


def _sentence_facts(ctx: DocContext, b: ProjectBuilder, p: Project, s, page_funder: str | None = None) -> None:
    toks = s.tokens
    ev = ctx.evidence(s.line.start, s.line.end)
    orgs = ctx.orgs_in(s.line.start, s.line.end)
    funder_cue = ctx.has_cue(toks, "funder")
    coord_cue = ctx.has_cue(toks, "coordinator")
    partner_cue = ctx.has_cue(toks, "partner")
    recipient_cue = ctx.has_cue(toks, "recipient")
    amounts = ctx.amounts_in(s.line.start, s.line.end)
    funders: set[str] = set()
    recipients = funding.recipients(ctx, s, orgs, recipient_cue) if recipient_cue is not None else []
    if funder_cue is not None and not recipients:
        recipients = funding.grant_objects(ctx, orgs, funder_cue, _FUNDER_TYPES)
    if funder_cue is not None or recipients:
        for m, k in orgs:
            org = ctx.orgs.get(k)
            cue = funder_cue or recipient_cue
            near = abs(m.end - cue.start) <= 40 or abs(cue.end - m.start) <= 60
            # a funding body, or any body the money comes from ("EUR 1.2 million from the Academy of Finland")
            if org is not None and (org.type in _FUNDER_TYPES or funding.source_marked(ctx, m)) and near \
                    and k not in recipients and k not in {x.organisation for x in p.participants if x.role == "coordinator"}:
                funders.add(k)
        marked = {k for m, k in orgs if k in funders and funding.source_marked(ctx, m)}
        funders = marked or funders
        if not funders and page_funder and (amounts or recipients):
            funders = {page_funder}
        for k in funders:
            b.fund(p, k, ev)
        if amounts and funders:
            a = funding.nearest_amount(ctx, amounts, p, recipients, orgs)
            b.fund(p, None, ev, a.value, a.currency)
        # the bodies that receive the money take part: one alone is the grant's holder
        takers = recipients or [k for m, k in orgs if k not in funders and ctx.orgs[k].type not in ("ministry", "agency")
                                and funder_cue is not None and amounts]
        for k in dict.fromkeys(takers):
            b.participate(p, k, "coordinator" if len(set(takers)) == 1 else "partner", ev)
    if coord_cue is not None:
        after = [(m, k) for m, k in orgs if m.start >= coord_cue.end and k not in funders]
        before = [(m, k) for m, k in orgs if m.end <= coord_cue.start and k not in funders]
        cands = after if ctx.lang == "en" or re.search(r"\b(by|av)$", ctx.text[coord_cue.start:coord_cue.end + 4]) else before or after
        if ctx.lang == "en" and not after:
            cands = before
        # two leaders joined by "ja"/"och"/"and" lead jointly: no single coordinator
        joint = len(cands) > 1 and (cands is before or re.fullmatch(
            r"\s*(?:,|ja|och|and|sekä|samt)\s*", ctx.text[cands[0][0].end:cands[1][0].start]) is not None)
        if cands and not joint:
            m, k = cands[0] if cands is after else cands[-1]
            b.participate(p, k, "coordinator", ev)
        for m, k in cands if joint else []:
            b.participate(p, k, "partner", ev)
    if partner_cue is not None:
        for m, k in orgs:
            if k not in funders:
                b.participate(p, k, "partner", ev)
    for d in ctx.dates_in(s.line.start, s.line.end):
        if d.is_range and p.start is None and _period_context(ctx, s):
            p.start, p.end = d.value, d.end_value
    if p.start is None or p.end is None:
        _start_end_words(ctx, p, s)


def _period_context(ctx: DocContext, s) -> bool:
    low = s.line.text.lower()
    cues = ctx.lex.section("dates").get("period_cues", ()) + ctx.lex.section("dates").get("start_cues", ())
    return any(c in low for c in cues) or bool(ctx.has_cue(s.tokens, "project"))


def _start_end_words(ctx: DocContext, p: Project, s) -> None:
    """"Hanke alkoi 1.4.2018 ja se päättyy 31.10.2020": a date after a start word and one after an end word."""
    sec = ctx.lex.section("dates")
    low = ctx.text[s.line.start:s.line.end].lower()
    for d in ctx.dates_in(s.line.start, s.line.end):
        if d.is_range:
            continue
        before = low[: d.start - s.line.start][-25:]
        if p.start is None and any(re.search(r"(?<!\w)" + re.escape(c), before) for c in sec.get("start_cues", ())):
            p.start = d.value
        elif p.end is None and any(re.search(r"(?<!\w)" + re.escape(c), before) for c in sec.get("end_cues", ())):
            p.end = d.value
