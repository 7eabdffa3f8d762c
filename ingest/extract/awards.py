"""Awards and their recipients ("Espoon kaupunki on palkittu … Oppiva-kaupunki palkinnolla", "Reipas ohjaaja
-palkinnon saivat …", "I fjol gick priset till rektor Stina Holmqvist", "… fick NKF:s lilla pris").

An award is named by a prize word (the `award` cues: "palkinto", "pris", "award", compounds included) with the
words that make it particular: a name before a detached head ("Reipas ohjaaja -palkinto"), the donor in the
genitive with an adjective ("NKF:s lilla pris"), or a proper name after a generic prize word ("lärarpriset
Silverlyktan"). A sentence that names no award but says it was given ("gick priset till …") refers to the award
of the sentences just before it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import AwardConferral
from ..lexicon import every_language, lexicon, titles
from ..resolve import name_key
from ..text import alternation, cue_noun, finite_verb, lemma
from .context import DocContext, phrase_start
from .funding import source_marked
from .page_dates import day_in_page_year

_REFERS_BACK = 2
_ARTICLES = {"the", "a", "an", "this", "that", "tämä", "denna", "detta"}  # sentences after an award's name in which "the prize" still means it


def _award_word(word: str, ctx: DocContext) -> bool:
    return _is_award_word(word, ctx.lang)


@lru_cache(maxsize=50_000)
def _is_award_word(word: str, lang: str) -> bool:
    low = word.lower().lstrip("-–")
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    lem = lemma(low, lang).lower()
    return any(low.startswith(c) or lem.startswith(c) or (len(c) >= 4 and (low.endswith(c) or lem.endswith(c)))
               for c in lexicon(lang).cue("award"))


def _generic(word: str, ctx: DocContext) -> bool:
    """A bare prize word ("palkinto", "priset", "the award") names no award."""
    low = word.lower().lstrip("-–")
    lem = lemma(low, ctx.lang).lower()
    return low in ctx.lex.cue("award") or lem in ctx.lex.cue("award")


_QUOTED = re.compile(r"\s*:?\s*[\"“”«»]([^\"“”«»\n]{3,80})[\"“”«»]")


def _quoted_name(ctx: DocContext, t) -> tuple[str, int, int] | None:
    """A name in quotes right after a prize word: 'palkinnon "Vuoden teko"', 'the award “Teacher Hero”'."""
    m = _QUOTED.match(ctx.text, t.end)
    return (m.group(1).strip(), t.start, m.end()) if m else None


def _genitive(word: str, ctx: DocContext) -> bool:
    """An inflected noun, not a verb: "juryns", "säätiön" — not "vann" or "jaetaan" ("Skolan vann stora priset",
    "palkinto jaetaan vuosittain"), whose lemma is no stem of theirs or which are finite verbs."""
    lem = lemma(word, ctx.lang)
    if lem == word or finite_verb(word, ctx.lang) or not word.lower().endswith(_awards_words(ctx, "genitive_endings")):
        return False
    return word.lower().startswith(lem.lower()[: max(2, len(lem) - 2)])


def _awards_words(ctx: DocContext, key: str) -> tuple[str, ...]:
    return tuple(ctx.lex.section("awards").get(key, ()))


_YEAR = re.compile(r"(?:19|20)\d\d\.?")


def _year_title(ctx: DocContext, toks, i) -> tuple[str, int, int] | None:
    """A title given each year ("Vuoden Kirjastonhoitaja", "Årets rektor", "Coach of the Year"), or chosen
    as one with the role's case ending ("valittiin vuoden 2024 luokanopettajaksi")."""
    t = toks[i]
    low = t.text.lower()
    if low in _awards_words(ctx, "year_title_before"):
        k = i + 1
        if k < len(toks) and _YEAR.fullmatch(toks[k].text):
            k += 1
        if k >= len(toks) or not toks[k].is_word or toks[k].is_upper or finite_verb(toks[k].text, ctx.lang):
            return None
        word = toks[k].text
        base = lemma(word, ctx.lang)
        chosen_as = any(word.lower().endswith(e) for e in _awards_words(ctx, "chosen_as_endings")) and base != word
        if not chosen_as and not (t.is_cap and (toks[k].is_cap or base.lower() in titles(ctx.lang))):
            return None  # "Vuoden aikana", "Årets konferens": a title is a role ("Årets rektor")
        if chosen_as:
            word = word[:1] + base[1:]
        return f"{t.text[:1].upper()}{t.text[1:]} {word}", t.start, toks[k].end
    for phrase in _awards_words(ctx, "year_title_after"):
        words = phrase.split()
        n = len(words)
        if i == 0 or low != words[0] or [x.text.lower() for x in toks[i:i + n]] != words:
            continue
        if not (toks[i - 1].is_word and toks[i - 1].is_cap):
            return None  # "the end of the year"
        j = i - 1
        while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and i - j < 4 \
                and toks[j - 1].text.lower() not in _ARTICLES:
            j -= 1
        k = i + n - 1
        if k + 1 < len(toks) and _YEAR.fullmatch(toks[k + 1].text):
            k += 1
        return ctx.text[toks[j].start:toks[k].end].rstrip("."), toks[j].start, toks[k].end
    return None


def _award_name(ctx: DocContext, toks, i) -> tuple[str, int, int] | None:
    """The name of the award whose head word is toks[i]: (name, start, end)."""
    t = toks[i]
    j = i
    if t.text.startswith(("-", "–")) or (j > 0 and t.start == toks[j - 1].end and toks[j - 1].text.endswith("-")):
        # "Reipas ohjaaja -palkinto", "Vuoden valmentaja -tunnustus": the name is written before the detached head
        j = i - 1
        while j > 0 and toks[j - 1].is_word and i - j < 5 and not toks[j].is_cap:
            j -= 1
    else:
        # (a body's name before the award word is its receiver's or donor's, no part of it: "Ek vid Xyz
        # utmärkelsen …")
        while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and i - j < 4 \
                and toks[j - 1].text.lower() not in _ARTICLES and not ctx.in_mention(toks[j - 1].start):
            j -= 1
        # "NKF:s lilla pris", "Svenska kulturfondens pris": the donor in the genitive (and an adjective) before
        # a generic head
        # (a pronoun is no donor: "tämän vuoden X-palkinto" is this year's award, and X names it already)
        if j == i and i >= 2 and not toks[i - 1].is_cap and toks[i - 1].is_word and toks[i - 2].is_word \
                and re.search(r"(?::s|:n|s|n)$", toks[i - 2].text) and _genitive(toks[i - 2].text, ctx) \
                and toks[i - 2].text.lower() not in ctx.lex.words("pronouns", "words"):
            j = i - 2  # "juryns särskilda pris"
        elif j == i and i >= 1 and toks[i - 1].is_word and re.search(r"(?::s|:n|s|n)$", toks[i - 1].text) \
                and (toks[i - 1].is_cap or ctx.in_mention(toks[i - 1].start)):
            j = i - 1
            while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and i - j < 4:
                j -= 1
    k = i
    # "lärarpriset Silverlyktan", "Skolutvecklingspriset Gyllene Pennan", "priset Årets skolledare 2023": a
    # proper name after a prize word
    while k + 1 < len(toks) and toks[k + 1].is_word and toks[k + 1].is_cap and not toks[k + 1].is_upper \
            and k - i < 3 and not any(p.start <= toks[k + 1].start < p.end for p in ctx.people) \
            and not ctx.in_mention(toks[k + 1].start):
        k += 1
        if k + 1 < len(toks) and toks[k + 1].is_word and not toks[k + 1].is_cap and _award_word(toks[k + 1].text, ctx) is False \
                and k + 2 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[k + 2].text):
            k += 1  # "Årets skolledare 2023"
    if k > i and k + 1 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[k + 1].text):
        k += 1
    if j == k and (_generic(toks[k].text, ctx) or not toks[k].is_cap):
        return None  # "Palkinto", "priset": a prize word alone
    # "Xyz:s pris Årets rektor 2024", "utmärkelsen Årets rektor": the name is what follows the bare word (the
    # place still starts at the donor, who gives it)
    after = k > i and not t.is_cap and _generic(t.text, ctx)
    if after and j == i:
        j = i + 1
    name = ctx.text[toks[i + 1 if after else j].start:toks[k].end]
    head = toks[k].text
    last = head.lstrip("-–").split("-")[-1]
    lem = lemma(last, ctx.lang)
    if ctx.lex.section("awards").get("inflected_names") and lem.lower() != last.lower() and lem[:1].islower():
        name = name[: len(name) - len(last)] + lem
    name = re.sub(r"^(?:The|the|A|An)\s+", "", name.strip(" –-.,"))  # "The Teaching Excellence Award"
    return name, toks[j].start, toks[k].end


def extract_awards(ctx: DocContext) -> list[AwardConferral]:
    out: list[AwardConferral] = []
    seen: set[tuple[str, str]] = set()
    last_award, last_at = None, -99
    speech = set(ctx.lex.section("cues").get("speech", ()))
    mentions = _awards_words(ctx, "mention")
    # "awarded", "prisas": verbs that begin like a prize word name no award
    verbs = set(ctx.lex.cue("awarded")) | set(_awards_words(ctx, "granting"))
    not_awards = _awards_words(ctx, "not_award_words")  # "prisutdelningen": the ceremony, not a prize
    for n, s in enumerate(ctx.sentences):
        toks = s.tokens
        names = []
        mention = next((w for w in mentions if _mentions(ctx, toks, w)), None)
        for i, t in enumerate(toks):
            if mention and t.text.lower() in mention.split():
                continue  # "an honourable mention" names no award of its own
            if t.is_word and _award_word(t.text, ctx) and t.text.lower() not in verbs \
                    and not t.text.lower().startswith(not_awards):
                found = _quoted_name(ctx, t) or _award_name(ctx, toks, i)
                if found:
                    names.append(found)
        titles = [f for i, t in enumerate(toks) if t.is_word
                  for f in [_year_title(ctx, toks, i)] if f and not any(a < f[2] and f[1] < b for _, a, b in names)]
        # an honourable mention is one of the award named last before it, however far back
        refers = n - last_at <= _REFERS_BACK or mention is not None and last_award is not None
        if not names and not titles and not refers:
            continue  # no award named here or just before: nothing to attach
        awarded = ctx.has_cue(toks, "awarded") or ctx.has_cue(toks, "recipient") or _has(ctx, toks, "granting") \
            or _has(ctx, toks, "chosen")
        # a yearly title names an award where the sentence speaks of awarding or choosing, or a person follows it
        titles = [f for f in titles if awarded or names or _person_after(ctx, f[2])]
        names = sorted(names + titles, key=lambda f: f[1])
        if names:
            last_award, last_at = names[0], n
        award = names[0] if names else (last_award if refers else None)
        if award is None:
            continue
        by = by_at = None
        name, a0, a1 = award
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            if m.end <= a0 and a0 - m.end <= 2 or m.start == a0 and m.end < a1:
                # the donor, in the genitive before or at the start of the name ("NKF:s kulturpris",
                # "UNESCOn …", "Svenska kulturfondens pris")
                by, by_at = k, m.start
        grant = _has(ctx, toks, "granting")
        giver = _giver(ctx, s, grant) if grant is not None else None
        taker = None
        if giver is not None:
            if by is not None and by != giver and by_at > grant.start:
                # "Opetushallitus palkitsi Raahen kaupungin X-palkinnolla": the subject gives, the object (its
                # genitive-looking accusative right before the name) receives
                taker = (by, "organisation", by_at)
            by = giver
        spans = [(a, b) for _, a, b in names]
        recipients = _recipients(ctx, s, spans, by, speech) if awarded else []
        if taker is not None and not any(r[0] == taker[0] for r in recipients):
            recipients = [taker] + [r for r in recipients if r[1] == "person"]
        if not names and giver is not None and not recipients:
            # "Palkinnon myönsi Opetushallitus.": the giver of the award named just before
            for c in out:
                if c.by is None and c.award == name:
                    c.by = giver
            continue
        for f in names:  # "the Coach of the Year Anna Smith", "Årets rektor 2024, Karin Berg"
            p = _person_after(ctx, f[2])
            if p is not None and (p.name, "person", p.start) not in recipients:
                recipients.append((p.name, "person", p.start))
        if not recipients and names and s.line.start == _line_start(ctx, s.line.start) and not awarded:
            recipients = _person_on_line_before(ctx, s.line.start)  # "Name\nVuoden valmentaja -tunnustus …"
        listed = _listed_below(ctx, s.line.end) if awarded and _ends_in_colon(ctx, s) else []
        # "… the prize goes to the following teachers:" and one recipient a line below it
        recipients += [r for r in listed if r not in recipients]
        for rec, kind, at in recipients:
            # several awards in one sentence: each recipient has the one named last before it
            own = ([f for f in names if f[1] < at] or [award])[-1] if at is not None else award
            label = own[0] if mention is None else _mention_label(ctx, s, own, mention)
            key = (name_key(label), rec)
            if key in seen:
                continue
            seen.add(key)
            dates = [d for d in ctx.dates_in(s.line.start, s.line.end) if len(d.value) == 10]
            listed_here = (rec, kind, at) in listed
            out.append(AwardConferral(award=label, recipient=rec, recipient_kind=kind, by=by,
                                      date=dates[0].value if dates else day_in_page_year(ctx, s.line.start, s.line.end),
                                      evidence=ctx.evidence(s.line.start, s.line.end),
                                      rule="list" if listed_here else ""))
        if not recipients and awarded and mention is None and len(names) >= 2:
            # "The A, the B and the C were presented at …": the awards of a ceremony, listed as given to people
            # the sentence does not name (one name alone there is more often a reference to an award, or a
            # name read too short or too long)
            out += [AwardConferral(award=f[0], recipient=None, by=by, evidence=ctx.evidence(s.line.start, s.line.end))
                    for f in names if _standalone_name(ctx, f, toks)]
    return _unnamed_only_once(out)


def _standalone_name(ctx: DocContext, found: tuple[str, int, int], toks) -> bool:
    """A name that can stand for an award with no recipient beside it: opening with a capital (not a common
    noun before it, "utmärkelsen Årets …"), more than a compound capitalised as the sentence's first word
    ("Kunniapalkinnon saajille …"), and, in a language that inflects names, in its base form (an object
    in another case, "valinneet Vuoden Kasvattajan", is not the award's name)."""
    name, start, _ = found
    words = name.split()
    first = next((t for t in toks if t.is_word), None)
    if not name[:1].isupper() or len(words) == 1 and first is not None and first.start == start:
        return False
    last = words[-1].lower()
    return not ctx.lex.section("awards").get("inflected_names") or lemma(last, ctx.lang).lower() == last


def _unnamed_only_once(out: list[AwardConferral]) -> list[AwardConferral]:
    """An award given to no one named stays once, and only if no sentence names one of its recipients, under
    this name or a longer or shorter one ("the Lighthouse Prize" of "the Lighthouse Prize 2024 went to …")."""
    given = {_without_year(a.award) for a in out if a.recipient is not None}
    seen: set[str] = set()
    kept = []
    for a in out:
        if a.recipient is None:
            key = _without_year(a.award)
            if key in seen or any(f" {key} " in f" {g} " or f" {g} " in f" {key} " for g in given):
                continue
            seen.add(key)
        kept.append(a)
    return kept


def _without_year(name: str) -> str:
    return re.sub(r"\b(?:19|20)\d\d\b", "", name_key(name)).strip()


def _giver(ctx: DocContext, s, verb) -> str | None:
    """The subject of an active verb of giving: an organisation named in its base form next to the verb, before
    it ("Opetushallitus myönsi …", "Skolverket tilldelade …") or right after it ("Palkinnon myönsi
    Opetushallitus"), and not written as the receiver."""
    for m, k in ctx.orgs_in(s.line.start, s.line.end):
        if m.surface != m.base or _marked(ctx, m.start, m.end, m.start, s.line.start):
            continue
        if m.end <= verb.start and len(ctx.text[m.end:verb.start].split()) <= 1:
            return k
        if m.start >= verb.end and not ctx.text[verb.end:m.start].strip():
            before = [t for t in s.tokens if t.end <= verb.start and t.is_word]
            if before and all(_award_word(t.text, ctx) for t in before):
                return k  # "Palkinnon myönsi Opetushallitus": the prize word fronted, the subject after the verb
    return None


def _has(ctx: DocContext, toks, key: str):
    """The first token of one of the awards section's verbs (multi-word ones matched in the text)."""
    words = _awards_words(ctx, key)
    for t in toks:
        if t.is_word and (t.text.lower() in words or lemma(t.text.lower(), ctx.lang).lower() in words):
            return t
    pos = phrase_start(ctx.text, toks, words)
    return None if pos is None else next((t for t in toks if t.start >= pos), None)


def _mention_label(ctx: DocContext, s, award: tuple[str, int, int], mention: str) -> str:
    """An honourable mention's name, in the text's order: "honourable mention of the X Award" where the mention
    stands before the award's name with a link word between, else the award's name first ("X Award: …")."""
    name, a0, _ = award
    links = _awards_words(ctx, "mention_links")
    if links:
        articles = ctx.lex.words("apposition", "organisation_articles")
        article = f"(?:(?:{alternation(articles)})\\s+)?" if articles else ""
        before = re.search(re.escape(mention) + r"\w*\s+((?:" + alternation(links) + r")\s+" + article + r")$",
                           ctx.text[s.line.start:a0], re.I)
        if before is not None:
            gap = " ".join(before.group(1).split())
            # the name has lost its article ("The X Award" → "X Award"): the text's article stays after the link
            said = ctx.text[a0:a0 + len(name) + 8].split()
            if said and name.split() and said[0].lower() != name.split()[0].lower() and said[0].lower() in articles:
                gap += " " + said[0].lower()
            return f"{mention} {gap} {name}"
    return f"{name}: {mention}"


def _mentions(ctx: DocContext, toks, word: str) -> bool:
    if " " in word:
        return bool(toks) and word in ctx.text[toks[0].start:toks[-1].end].lower()
    return any(t.is_word and _is_noun(t.text, word, ctx.lang) for t in toks)


@lru_cache(maxsize=50_000)
def _is_noun(text: str, word: str, lang: str) -> bool:
    return cue_noun(text, (word,), lang) is not None


def _person_after(ctx: DocContext, end: int):
    """A person named right after an award's name, in apposition: "the Coach of the Year Anna Smith"."""
    for p in ctx.people:
        if end <= p.start <= end + 12 and re.fullmatch(r"\s*(?:(?:19|20)\d\d)?\s*[,:–-]?\s*", ctx.text[end:p.start]):
            return p
    return None


_GROUP_WORDS = 2  # "the languages team": the words naming a group of an organisation's people


def _marked(ctx: DocContext, start: int, end: int, lead: int, line_start: int) -> bool:
    """Written as the receiver: the allative ending ("Korhoselle"), or "till"/"to" before it (or its title)."""
    if ctx.text[start:end].lower().endswith(_awards_words(ctx, "recipient_endings") or ("\0",)):
        return True
    before = ctx.text[max(line_start, lead - 60):lead].lower().split()
    while before and before[-1] in _ARTICLES:
        before.pop()  # "to the University of X"
    receiver = _awards_words(ctx, "recipient_words")
    if before and before[-1] in receiver:
        return True
    # "till lärarlaget på X", "to the science team of X": a group of the organisation's people receives for it
    if not before or before[-1] not in ctx.lex.words("apposition", "organisation_links"):
        return False
    before.pop()
    group = 0
    # the group is named by common nouns: a capitalised word is a name ("to A of X": A receives, X is A's)
    written = ctx.text[max(line_start, lead - 60):lead].split()
    while before and group < _GROUP_WORDS and before[-1].isalpha() and before[-1] not in receiver \
            and before[-1] not in _ARTICLES and not written[len(before) - 1][:1].isupper():
        before.pop()
        group += 1
    while before and before[-1] in _ARTICLES:
        before.pop()
    return group > 0 and bool(before) and before[-1] in receiver


def _agent(ctx: DocContext, lead: int, line_start: int) -> bool:
    """The agent of a passive ("presented by X", "delades ut av X"): a presenter, not a recipient."""
    before = ctx.text[max(line_start, lead - 30):lead].lower().split()
    return bool(before) and before[-1] in _awards_words(ctx, "agent_words")


def _recipients(ctx: DocContext, s, spans: list[tuple[int, int]], by: str | None,
                speech: set[str]) -> list[tuple[str, str, int | None]]:
    """Who received the award: those written as receivers if any (the allative, "till", "to"); else the people
    of the sentence, except those quoted ("sa … ordförande X"), the presenter (the subject after a verb of
    handing over, the agent after "by") and the award's namesake; else the organisation standing right next to
    the verb of awarding ("Espoon kaupunki on palkittu")."""
    ls = s.line.start

    def named_in_award(a: int, b: int) -> bool:
        # "the Anna Smith Prize", "Anders Chydeniuksen palkinto": the namesake
        return any(a < y and x < b for x, y in spans)

    namesakes = {a for a, _ in _namesakes(ctx)}
    people = [p for p in ctx.people if ls <= p.start < s.line.end and not _quoted(ctx, p, speech)
              and not named_in_award(p.start, p.end) and p.start not in namesakes]
    lead = {id(p): p.title_start if p.title_start is not None and p.title_start < p.start else p.start for p in people}
    people = [p for p in people if not _agent(ctx, lead[id(p)], ls)]
    orgs = [(m, k) for m, k in ctx.orgs_in(ls, s.line.end) if k != by and not named_in_award(m.start, m.end)
            and not _agent(ctx, m.start, ls) and not _owns_a_title(ctx, m, people, lead)]
    joins = {w.lower() for w in ctx.lex.words("organisation", "coordinators")} | _ARTICLES
    candidates = [(p.start, p.end, lead[id(p)], (p.name, "person", p.start)) for p in people]
    candidates += [(m.start, m.end, m.start, (k, "organisation", m.start)) for m, k in orgs]
    marked: list[tuple[str, str, int]] = []
    prev_end = None
    apposition = _apposition_then_join(ctx)
    for start, end, at, rec in sorted(candidates):
        # nothing but spaces between: the body is the receiver's own, in a place case ("A:lle X:n koulusta")
        gap = ctx.text[prev_end:at].replace(",", " ").split() if prev_end is not None and ctx.text[prev_end:at].strip() else None
        # "till A och B", "A:lle ja B:lle", "to the University of X and the University of Y": the receivers
        # joined to a marked one are receivers too; so is one joined after the first one's apposition ("to A,
        # teacher at X, and B, head of Y")
        if _marked(ctx, start, end, at, ls) or (gap is not None and all(w.lower() in joins for w in gap)) \
                or (prev_end is not None and apposition.fullmatch(ctx.text[prev_end:at])):
            marked.append(rec)
            prev_end = end
        elif prev_end is not None and rec[1] == "organisation" and _own_body_gap(ctx.lang).fullmatch(ctx.text[prev_end:at]):
            prev_end = end  # the receiver's workplace ("A vid X och B", "A:lle X:stä ja B:lle"): the run goes on
        elif prev_end is not None and ctx.text[prev_end:at].lstrip().startswith(",") \
                and not re.search(r"[.;:!?]", ctx.text[prev_end:at]):
            continue  # a body inside the apposition of a receiver ("A, teacher at X,"): not a receiver itself
        else:
            prev_end = None
    if marked:
        return sorted(marked, key=lambda r: r[2])
    presenter = _has(ctx, s.tokens, "presenter")
    if presenter is not None:
        people = [p for p in people if p.start < presenter.start]  # "… luovutti rehtori X": X hands it over
    if people:
        return [(p.name, "person", p.start) for p in people]
    verb = ctx.has_cue(s.tokens, "awarded") or ctx.has_cue(s.tokens, "recipient") or _has(ctx, s.tokens, "granting") \
        or _has(ctx, s.tokens, "chosen")
    if verb is None or _has(ctx, s.tokens, "choosing_active") is not None:
        # "… voittajan valitsi X", "X utsåg …": the organisation next to an active verb of choosing chooses
        return []
    for m, k in orgs:
        if m.surface != m.base:
            continue  # "Tampereen yliopiston opettajaa palkittiin": an inflected name, not marked as receiver
        if source_marked(ctx, m):
            continue  # "presented by the European Commission": the giver
        between = ctx.text[min(m.end, verb.start):max(m.start, verb.end)]
        if len(between.split()) <= 3:
            # "… fick A och B", "tilldelade priset A och B": the receivers joined to it receive too
            def joined(a: int, b: int) -> bool:
                return all(w.lower() in joins for w in ctx.text[a:b].replace(",", " ").split())
            run = [(k, "organisation", m.start)]
            first, last = m, m
            for m2, k2 in reversed([x for x in orgs if x[0].end <= m.start]):
                if not joined(m2.end, first.start) or m2.surface != m2.base:
                    break
                run.insert(0, (k2, "organisation", m2.start))
                first = m2
            for m2, k2 in [x for x in orgs if x[0].start >= m.end]:
                if not joined(last.end, m2.start) or m2.surface != m2.base:
                    break
                run.append((k2, "organisation", m2.start))
                last = m2
            return run
    return []


@lru_cache(maxsize=8)
def _own_body_gap(lang: str) -> re.Pattern:
    """What stands between a receiver and the body the receiver works for: nothing but spaces (the body in a
    place case, "A:lle X:n koulusta") or a link word ("A vid X", "A of X"; every lexicon's words, as pages quote
    other languages' titles)."""
    links = [w for w in every_language("apposition", "organisation_links") if " " not in w]
    articles = [w for w in every_language("apposition", "organisation_articles") if " " not in w]
    article = r"(?:(?:" + "|".join(map(re.escape, articles)) + r")\s+)?" if articles else ""
    return re.compile(r"\s+(?:(?:" + "|".join(map(re.escape, links)) + r")\s+" + article + r")?", re.I)


_OWNER_GAP = re.compile(r"(?:\s+[^\W\d_][\w-]*){0,3}\s*")  # words of a unit, no punctuation


def _owns_a_title(ctx: DocContext, m, people, lead: dict) -> bool:
    """An inflected body right before the title of a person ("X:n yksikön opettaja A:lle", "X School's teacher
    A"): the body the person works for, not a receiver beside the person."""
    if m.surface == m.base:
        return False
    return any(p.start > m.end and lead[id(p)] < p.start and _OWNER_GAP.fullmatch(ctx.text, m.end, lead[id(p)])
               for p in people)


@lru_cache(maxsize=8)
def _apposition_cache(lang: str) -> re.Pattern:
    joins = [w for w in lexicon(lang).words("organisation", "coordinators") if " " not in w]
    words = "|".join(re.escape(w) for w in joins) or r"(?!)"
    # ", <a short phrase with no clause end>, and ": the apposition of one receiver, then the next receiver
    return re.compile(r"\s*,[^.;:!?()\n]{3,120},\s*(?:" + words + r")\s+(?:the\s+)?", re.I)


def _apposition_then_join(ctx: DocContext) -> re.Pattern:
    return _apposition_cache(ctx.lang)


def _namesakes(ctx: DocContext) -> list[tuple[int, int]]:
    """Spans of people named as whom an award is named after ("named after X", "nimetty X:n mukaan"): the
    namesake, never a recipient."""
    if "namesakes" not in ctx.memo:
        words = tuple(ctx.lex.section("award_namesakes").get("words", ()))
        spans = []
        if words:
            rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)
            for m in rx.finditer(ctx.text):
                line_end = ctx.text.find("\n", m.end())
                line_end = len(ctx.text) if line_end < 0 else line_end
                start = ctx.text.rfind("\n", 0, m.start()) + 1
                for p in ctx.people:
                    # after the phrase (a preposition) or right before it (a postposition)
                    if m.end() <= p.start <= m.end() + 5 or start <= p.start and 0 <= m.start() - p.end <= 6:
                        spans.append((p.start, p.end))
        ctx.memo["namesakes"] = spans
    return ctx.memo["namesakes"]


def _quoted(ctx: DocContext, p, speech: set[str]) -> bool:
    before = ctx.text[max(0, p.start - 60):p.start].lower().split()
    return any(w.strip(",.") in speech for w in before[-4:])


def _line_start(ctx: DocContext, pos: int) -> int:
    return ctx.text.rfind("\n", 0, pos) + 1


def _person_on_line_before(ctx: DocContext, pos: int) -> list[tuple[str, str]]:
    end = ctx.text.rfind("\n", 0, pos)
    if end <= 0:
        return []
    start = ctx.text.rfind("\n", 0, end) + 1
    people = [p for p in ctx.people if start <= p.start < end]
    return [(people[0].name, "person", None)] if len(people) == 1 else []


_LIST_MARK = re.compile(r"^[\s•·▪◦●‣*–—-]*")
_MAX_LISTED = 30  # lines: a list of recipients is no longer; a longer run is a page of another kind
_BULLETS = "•·▪◦●‣*–—-"
_MAX_BULLET_WORDS = 25


def _ends_in_colon(ctx: DocContext, s) -> bool:
    return ctx.text[s.line.start:s.line.end].rstrip().endswith(":")


def _listed_below(ctx: DocContext, pos: int) -> list[tuple[str, str, int]]:
    """The recipients listed one a line right below a sentence that ends in a colon: each line opens with a person
    ("Jane Roe, Northfield School, Springfield") or an organisation, and is no sentence of its own. The list
    ends at the first line that does not, so the text after it names no recipient."""
    out: list[tuple[str, str, int]] = []
    at = ctx.text.find("\n", pos)
    while at >= 0 and len(out) < _MAX_LISTED:
        end = ctx.text.find("\n", at + 1)
        end = len(ctx.text) if end < 0 else end
        start, line = at + 1, ctx.text[at + 1:end]
        at = end if end < len(ctx.text) else -1
        if not line.strip():
            if out:
                break
            continue
        first = start + _LIST_MARK.match(line).end()
        # a bulleted item may go on with what the prize is for ("- Jane Roe, teacher at X, for her …")
        longest = _MAX_BULLET_WORDS if first > start and line.strip()[:1] in _BULLETS else 12
        if len(line.split()) > longest or line.rstrip().endswith((".", "!", "?")):
            break
        person = next((p for p in ctx.people if p.start == first), None)
        if person is not None:
            out.append((person.name, "person", person.start))
            continue
        org = next(((m, k) for m, k in ctx.orgs_in(first, end) if m.start == first), None)
        if org is None:
            # "- the languages team of X, Town, for …": a group of the organisation before the first comma
            head = ctx.text[first:end].split(",")[0]
            org = next(((m, k) for m, k in ctx.orgs_in(first, first + len(head))
                        if all(w[:1].islower() for w in ctx.text[first:m.start].split())), None)
        if org is None:
            break
        out.append((org[1], "organisation", org[0].start))
    return out
