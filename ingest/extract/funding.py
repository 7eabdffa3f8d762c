"""Who pays and who receives: the funder of a sentence or of a whole funding list, the recipients next to a
verb of receiving, the sum that belongs to a project, and funded items named only by their purpose."""
from __future__ import annotations

import re
from functools import cache

from ..model import Project
from ..lexicon import every_language
from ..text import UPPER, Token, alternation, cue_noun, lemma, lines, tokenize
from .context import DocContext, phrase_start


def sentence_funder(ctx: DocContext, s) -> str | None:
    cue = ctx.has_cue(s.tokens, "funder")
    if cue is None:
        return None
    orgs = ctx.orgs_in(s.line.start, s.line.end)
    receiving = ctx.has_cue(s.tokens, "recipient")
    takers = set(recipients(ctx, s, orgs, receiving)) if receiving is not None else set()
    for m, k in orgs:
        if k in takers or m.source == "recipient":
            continue  # "Missionskyrkan Umeå får stöd …" receives, it does not give (nor one read as receiving)
        org = ctx.orgs.get(k)
        if org is not None and org.type in ("ministry", "agency", "other", "region") and abs(m.start - cue.start) <= 40 \
                and not is_programme(ctx, org.name):  # the programme's grants are paid by the body behind it
            return k
    return None


def page_funder(ctx: DocContext) -> str | None:
    """The body that hands out every grant of a funding list ("Arvsfondsdelegationen beslutade om att dela ut …",
    "Aluehallintovirastot ovat myöntäneet …"): the funder-like subject of the first funding sentence."""
    first = next((s for s in ctx.sentences if ctx.has_cue(s.tokens, "funder") is not None), None)
    if first is not None and (k := sentence_funder(ctx, first)):
        return k
    # the publisher: a ministry or agency named in the page's first lines ("opetus- ja kulttuuriministeriö /
    # Tiedote"), who speaks through its minister ("ministeri … on myöntänyt")
    # (or a foundation or fund, whose business is to hand out money)
    top = (ctx.title.end if ctx.title else 0) + 200
    for m in ctx.mentions:
        if m.start > top:
            break
        k = ctx.key_of(m)
        if k and (ctx.orgs[k].type in ("ministry", "agency") or funding_body(ctx, ctx.orgs[k].name)):
            return k
    return None


def funding_body(ctx: DocContext, name: str) -> bool:
    """A foundation or a fund ("X Foundation", "Stiftelsen X", "X:n säätiö"): a body that hands out money."""
    heads = set(ctx.lex.section("cues").get("funding_body_heads", ()))
    words = name.lower().split()
    return bool(words) and (words[-1] in heads or words[0] in heads or lemma(words[-1], ctx.lang) in heads)


def granting_subject(ctx: DocContext, s) -> str | None:
    """The body right before a verb of granting, of any kind ("The X Foundation has awarded …", "Stiftelsen X
    beviljar …"): the subject that gives."""
    cue = ctx.has_cue(s.tokens, "funder")
    if cue is None or ctx.has_cue(s.tokens, "recipient") is not None:
        return None
    pos = phrase_start(ctx.text, s.tokens, ctx.lex.cue("funder"))
    if pos is not None and pos < cue.start:  # "… att dela ut stöd": the verb, not the noun after it
        cue = next(t for t in s.tokens if t.start >= pos)
    before = [(m, k) for m, k in ctx.orgs_in(s.line.start, cue.start)]
    if not before:
        return _head_subject(ctx, s, cue)
    m, k = before[-1]
    # "X har beslutat att dela ut …": auxiliaries and verbs of deciding stand between the subject and its verb
    between = set(ctx.lex.words("clause", "auxiliaries")) | set(ctx.lex.words("clause", "decision_words"))
    gap = [t for t in s.tokens if m.end <= t.start and t.end <= cue.start]
    rest = [t for t in gap if t.text.lower() not in between]
    if len(gap) <= 2 and all(t.is_word and not t.is_cap for t in gap) \
            or len(rest) <= 1 and all(t.is_word and not t.is_cap for t in gap):
        return k
    return None


def _head_subject(ctx: DocContext, s, cue: Token) -> str | None:
    """"… säätiö myönsi …", "… stiftelsen beviljade …": a body's head noun alone as the subject of granting
    stands for the one body of the page with that head."""
    between = set(ctx.lex.words("clause", "auxiliaries")) | set(ctx.lex.words("clause", "decision_words"))
    words = [t for t in s.tokens if t.is_word and t.end <= cue.start]
    while words and words[-1].text.lower() in between:
        words.pop()
    if not words or words[-1].is_cap and words[-1] is not s.tokens[0]:
        return None  # a capital inside a sentence opens a name, which the organisation finder would have read
    heads = {h for h, _ in ctx.lex.heads}
    word = words[-1].text.lower()
    head = next((x for x in (word, lemma(word, ctx.lang)) if x in heads), None)
    if head is None:
        return None
    base = lemma(head, ctx.lang)  # ("stiftelsen" of "Stiftelsen X", "X stiftelse")
    bodies = {k for k, o in ctx.orgs.items()
              if any(x in (head, base) or lemma(x, ctx.lang) in (head, base) for x in o.name.lower().split())}
    return next(iter(bodies)) if len(bodies) == 1 else None


# The kinds of body that pay beside another in one sentence ("X has granted … from the European Regional
# Development Fund", "X:n maakuntahallitus päätti myöntää Euroopan aluekehitysrahaston rahoitusta").
_CO_FUNDER_TYPES = ("ministry", "agency", "other", "region")


def granted_amount(ctx: DocContext):
    """The sum a project page says was granted: a "label: sum" line whose label speaks of granting or support
    ("Granted ESF support: …", "Myönnetty tuki: …", "EU contribution: …") on a page that also gives the budget
    or the total cost, which is no grant (`amount_fields` in the lexicon). None when the page states no such
    pair."""
    best = None
    seen_budget = False
    for ln in lines(ctx.text):
        label, colon, _ = ln.text.partition(":")
        if not colon or not 0 < len(label.split()) <= 5:
            continue
        found = ctx.amounts_in(ln.start + len(label) + 1, ln.end)
        if not found:
            continue
        rank = amount_label(ctx, label)
        if rank is None:
            continue
        if best is None or rank < best[0]:
            best = (rank, found[0])
        seen_budget = seen_budget or rank == 1
    # alone, a granted line is read by the field rules; it decides only against a budget beside it
    return best[1] if best and best[0] == 0 and seen_budget else None


def amount_label(ctx: DocContext, label: str) -> int | None:
    """What a label before a sum says: 0 a grant ("Beviljat stöd"), 1 a budget or total cost, None neither."""
    sec = ctx.lex.section("amount_fields")
    granted, budget = tuple(sec.get("granted", ())), tuple(sec.get("budget", ()))
    low = label.lower()
    # a whole word (a compound such as "kokonaisbudjetti" may name a grant's share: left to the field rules)
    if any(re.search(r"(?<!\w)" + re.escape(b), low) for b in budget):
        return 1
    words = [w.rsplit("-", 1)[-1] for w in re.findall(r"[\w-]+", low)]
    toks = [t for t in tokenize(label) if t.is_word]
    if any(w.startswith(g) for w in words for g in granted) or ctx.has_cue(toks, "funder") is not None:
        return 0
    return None


def co_funders(ctx: DocContext, primary: str) -> list[str]:
    """The other bodies that pay for the grants of a page, named in the first funding sentence that names
    `primary`: a fund or authority beside the body that decides. Receivers (marked by a case ending, after a
    preposition of giving, or next to a verb of receiving) and funding programmes (which are no bodies) are not."""
    s = next((s for s in ctx.sentences if ctx.has_cue(s.tokens, "funder") is not None
              and any(k == primary for _, k in ctx.orgs_in(s.line.start, s.line.end))), None)
    if s is None:
        return []
    orgs = ctx.orgs_in(s.line.start, s.line.end)
    receiving = ctx.has_cue(s.tokens, "recipient")
    takers = set(recipients(ctx, s, orgs, receiving)) if receiving is not None else set()
    sec = ctx.lex.section("funded_items")
    endings = tuple(sec.get("recipient_endings", ()))
    to = set(sec.get("recipient_prepositions", ()))
    out: list[str] = []
    for m, k in orgs:
        org = ctx.orgs.get(k)
        if k == primary or k in out or k in takers or org is None or org.type not in _CO_FUNDER_TYPES:
            continue
        before = ctx.text[max(s.line.start, m.start - 12):m.start].lower().split()
        if before and before[-1] in ("the", "a", "an"):
            before = before[:-1]
        if m.surface.lower().endswith(endings) if endings else before and before[-1] in to:
            continue
        if is_programme(ctx, org.name):
            continue
        out.append(k)
    return out


def is_programme(ctx: DocContext, name: str) -> bool:
    """A funding programme ("Erasmus+", "Nordplus Adult"): money flows through it, but it is no body that pays."""
    low = name.lower()
    return any(low == p or low.startswith(p + " ") for p in _programme_names())


@cache  # asked for every funder candidate of every grant
def _programme_names() -> frozenset[str]:
    return every_language("funding_programmes", "names")


def doc_funder(ctx: DocContext) -> str | None:
    """The one public body the text speaks of in its funding sentences ("… disponerar 3,4 miljoner euro för
    stöd till skolorna"), when no sentence says outright who grants: the funder of a grant list."""
    counts: dict[str, int] = {}
    for s in ctx.sentences:
        if ctx.has_cue(s.tokens, "funder") is None:
            continue
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            if ctx.orgs[k].type in ("ministry", "agency", "region"):
                counts[k] = counts.get(k, 0) + 1
    if len(counts) == 1:
        return next(iter(counts))
    return None


def purpose_project(ctx: DocContext, b, s) -> Project | None:
    """An unnamed funded item named by its purpose: a Finnish verbal noun in the illative after a grant
    ("… myöntänyt lukioiden kansainvälisen toiminnan vahvistamiseen 1,2 miljoonan euron
    avustuksen")."""
    endings = tuple(ctx.lex.section("funded_items").get("purpose_verb_endings", ()))
    if not endings or not ctx.amounts_in(s.line.start, s.line.end):
        return None
    if all(_total(ctx, a) for a in ctx.amounts_in(s.line.start, s.line.end)) \
            and sum(not _total(ctx, a) for a in ctx.amounts) >= 2:
        return None  # "… yhteensä 2,4 miljoonaa euroa …" over the grants the page lists one by one
    if not (ctx.has_cue(s.tokens, "funder") or ctx.has_cue(s.tokens, "recipient")):
        return None
    toks = s.tokens
    for i, t in enumerate(toks):
        low = t.text.lower()
        if not (t.is_word and low.endswith(endings)):
            continue
        lem = lemma(low, ctx.lang)
        if not lem.endswith(("minen", "minen")):
            lem = re.sub(r"(?:miseen|miseksi)$", "minen", low)
        stop = set(ctx.lex.section("amounts").get("currencies", {})) | set(ctx.lex.cue("funder"))
        j = i
        while j > 0 and i - j < 6:
            prev = toks[j - 1]
            if prev.text.lower() in stop or lemma(prev.text.lower(), ctx.lang) in stop:
                break  # "… euron erityisavustuksen": the grant, not its purpose
            if not prev.is_word or prev.is_cap and not prev.text[1:].isupper() and j - 1 == 0:
                break
            plow = prev.text.lower()
            if prev.text.endswith("-") or plow in ("ja", "sekä") or plow.endswith(("n", "en")) and not ctx.in_mention(
                    prev.start) and not _finite_verb(prev, ctx):
                j -= 1
            else:
                break
        if j == i:
            continue
        words = [x.text for x in toks[j:i]] + [lem]
        name = " ".join(words).replace("- ja", "- ja")
        p = b.project(name, ctx.evidence(s.line.start, s.line.end))
        return p
    return None


_TOTAL_BEFORE = 30  # characters before a sum in which a total word marks it as one


def _total(ctx: DocContext, a) -> bool:
    """The sum is a total ("yhteensä 2,4 miljoonaa", "sammanlagt 5 miljoner", "a total of EUR 3 million")."""
    words = tuple(ctx.lex.section("funded_items").get("total_words", ()))
    before = ctx.text[max(0, a.start - _TOTAL_BEFORE):a.start].lower()
    return any(re.search(r"(?<!\w)" + re.escape(t), before) for t in words)


def _finite_verb(t: Token, ctx: DocContext) -> bool:
    lem = lemma(t.text.lower(), ctx.lang)
    return lem != t.text.lower() and re.search(r"(?:da|dä|ta|tä|a|ä)$", lem) is not None and not lem.endswith(("nen", "minen"))


def nearest_amount(ctx: DocContext, amounts, p: Project, recipients, orgs):
    """Several sums in one sentence: the project's is the one written closest to its name or recipient."""
    if len(amounts) == 1:
        return amounts[0]
    anchors = [m.start for m, k in orgs if k in recipients]
    if p.evidence is not None:
        pos = ctx.text.find(p.name, p.evidence.start)
        if pos >= 0:
            anchors.append(pos)
    if not anchors:
        return amounts[0]
    return min(amounts, key=lambda a: min(abs(a.start - x) for x in anchors))


@cache
def _place_after() -> re.Pattern:
    """Where a receiver is ("X i Y", "X in Y"), of any language: it stands between the receiver and the verb."""
    return re.compile(r"\s(?:" + alternation(every_language("funded_items", "place_prepositions")) + r")\s+["
                      + UPPER + r"][\w-]*")


def recipients(ctx: DocContext, s, orgs, cue) -> list[str]:
    """Who receives: the organisation next to the receiving verb ("Betelkyrkan Norrby får stöd",
    "40 000 euroa sai Kuusimaa", "the projects … have received")."""
    # between the name and the verb may stand where it is ("Föreningen Unga Röster i Umeå får stöd")
    auxiliaries = set(ctx.lex.words("clause", "auxiliaries"))

    def close(gap: str) -> bool:
        rest = _place_after().sub("", gap).split()
        # "X has received": an auxiliary verb stands between the subject and the verb of receiving
        return all(w.lower() in auxiliaries for w in rest)
    # a comma closes a clause about the name before it ("X, led by A in partnership with B, receives"): B is
    # not the subject of the receiving verb
    before = [(m, k) for m, k in orgs if m.end <= cue.start and "," not in ctx.text[m.end:cue.start]
              and (cue.start - m.end <= 3 or close(ctx.text[m.end:cue.start]))]
    # "saa Opetushallitukselta": the body the money comes from is no receiver
    after = [(m, k) for m, k in orgs if m.start >= cue.end and _adverbial(ctx.text[cue.end:m.start])
             and not source_marked(ctx, m, of_money=True)]
    pick = before[-1:] or after[:1]
    if not before and after:
        pick = _coordinated_run(ctx, [(m, k) for m, k in orgs if m.start >= after[0][0].start])
    return [k for m, k in pick]


def _adverbial(gap: str) -> bool:
    """Nothing, or a short adverbial of time ("i år", "this year") between a passive verb and its subject."""
    words = gap.split()
    return len(words) <= 2 and all(w[:1].islower() for w in words)


def _coordinated_run(ctx: DocContext, orgs) -> list:
    """"Finansiering beviljades A, B, C och D": the organisations listed one after another, each gap a comma or
    a joining word with at most a short phrase about the one before ("… med hjälp av en delad ansökan,")."""
    joiners = set(ctx.lex.section("funded_items").get("joiners", ())) | {"&"}
    run = orgs[:1]
    for (m, k) in orgs[1:]:
        gap = ctx.text[run[-1][0].end:m.start]
        words = [t.text.lower() for t in tokenize(gap) if t.is_word]
        if re.search(r"[.;:!?]", gap) or len(words) > 7 or not ("," in gap or any(w in joiners for w in words)):
            break
        run.append((m, k))
    return run


def source_marked(ctx: DocContext, m, of_money: bool = False) -> bool:
    """"… rahoituksen Euroopan sosiaalirahastosta", "stöd från Arvsfonden": the money (or an award) comes from
    here. Of money, "by"/"av" counts only after a verb of funding ("funded by X", not "led by X")."""
    cues = ctx.lex.section("cues")
    if any(m.surface.lower().endswith(e) for e in cues.get("funder_source_endings", ())):
        return True
    before = ctx.text[max(0, m.start - 40):m.start].lower().split()
    if before and before[-1] in ("the", "a", "an"):
        before = before[:-1]  # "by the European Commission"
    if not before or before[-1] not in cues.get("funder_source_words", ()):
        return False
    if of_money and before[-1] in cues.get("agent_words", ()):
        # "by"/"av" marks who acts: the source of money only after a verb of funding ("funded by", not "led by")
        prev = [t for t in tokenize(" ".join(before[-2:-1])) if t.is_word]
        return bool(prev) and ctx.has_cue(prev, "funder") is not None
    return True


def passes_through(ctx: DocContext, m) -> bool:
    """"… through the X Centre", "… genom X": the money passes through this body on its way from another
    (lexicon [cues] intermediary_words)."""
    words = ctx.lex.words("cues", "intermediary_words")
    before = ctx.text[max(0, m.start - 20):m.start].lower().split()
    if before and before[-1] in ctx.lex.words("funded_items", "articles"):
        before = before[:-1]
    return bool(before) and before[-1] in words


def grant_objects(ctx: DocContext, orgs, cue, funder_types) -> list[str]:
    """The verb of granting divides the sentence: its subject gives, its object receives ("Skolverket har
    beviljat Gävle kommun 3,5 miljoner", "… on myöntänyt Jyväskylän yliopistolle …" — the Finnish allative
    marks the receiver wherever it stands)."""
    endings = tuple(ctx.lex.section("funded_items").get("recipient_endings", ()))
    if endings:  # a case language: the ending marks the receiver wherever it stands
        return [k for m, k in orgs if m.surface.lower().endswith(endings)]
    giver = any(m.end <= cue.start and ctx.orgs[k].type in funder_types for m, k in orgs)
    if not giver:
        return []
    return [k for m, k in orgs if m.start >= cue.end and m.start - cue.end <= 40 and not source_marked(ctx, m, of_money=True)]


def authority_funders(ctx: DocContext) -> list[str]:
    """The bodies a page names as the managing authority or intermediate body of a fund ("the managing authority
    is X", "förvaltande myndighet är X", "rahoittavana viranomaisena toimii X"): they decide on the fund's grants
    and count among its funders. Lexicon `[fund_authorities] phrases`, matched as word beginnings."""
    phrases = ctx.lex.words("fund_authorities", "phrases")
    if not phrases:
        return []
    rx = _authority_rx(phrases)
    out: list[str] = []
    for s in ctx.sentences:
        hit = rx.search(ctx.text, s.line.start, s.line.end)
        if hit is None:
            through = _through_fund(ctx, s)
            if through is not None and through not in out:
                out.append(through)
            continue
        near = sorted((min(abs(m.start - hit.end()), abs(hit.start() - m.end)), k)
                      for m, k in ctx.orgs_in(s.line.start, s.line.end)
                      if not is_programme(ctx, ctx.orgs[k].name) and ctx.orgs[k].type in ("region", "agency", "ministry", "other"))
        if near and near[0][1] not in out:
            out.append(near[0][1])
    return out


def _through_fund(ctx: DocContext, s) -> str | None:
    """"… Euroopan sosiaalirahastosta Lapin ELY-keskuksen kautta", "… Europeiska socialfonden via NTM-centralen":
    in a sentence naming a fund, the public body right before or after a word for "through" is the one the
    fund's money passes through (lexicon `[fund_authorities] through_words`)."""
    words = set(ctx.lex.words("fund_authorities", "through_words"))
    orgs = ctx.orgs_in(s.line.start, s.line.end)
    if not words or not any(ctx.orgs[k].type == "other" and k in ctx.orgs for _, k in orgs):
        return None
    for t in s.tokens:
        if t.text.lower() not in words:
            continue
        for m, k in orgs:
            org = ctx.orgs[k]
            if org.type in ("region", "agency", "ministry") and not is_programme(ctx, org.name) \
                    and (0 <= t.start - m.end <= 2 or 0 <= m.start - t.end <= 2):
                return k
    return None


@cache
def _authority_rx(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")",
                      re.IGNORECASE)


def funded_by_phrase(ctx: DocContext) -> tuple[str, str, int, int] | None:
    """A project the page names only by who pays for it ("… Xyz-ministeriön rahoittamassa hankkeessa"): a body in
    the genitive, a participle of funding (lexicon `[funded_by_phrase] participles`: its forms, then its base
    form) and the project word in any case. Returns (the name in base form, the funder's key, start, end)."""
    sec = ctx.lex.section("funded_by_phrase")
    forms = {k.lower(): v for k, v in sec.get("participles", {}).items()}
    if not forms:
        return None
    cues = ctx.lex.cue("project")
    for s in ctx.sentences:
        words = [t for t in s.tokens if t.is_word]
        for i, t in enumerate(words[:-1]):
            base = forms.get(t.text.lower())
            if base is None:
                continue
            noun = cue_noun(words[i + 1].text, cues, ctx.lang)
            body = [(m, k) for m, k in ctx.orgs_in(s.line.start, t.start) if 0 <= t.start - m.end <= 1]
            if noun is None or not body or "-" in words[i + 1].text:
                continue
            m, k = body[-1]
            return f"{ctx.text[m.start:m.end]} {base} {noun}", k, m.start, words[i + 1].end
    return None
