"""Where a text names a project: the project word before or after a name, quoted names, acronyms in brackets,
compounds of the project word, names fronted before a verb, paragraphs under a project heading. Each mention is a
name and its place; `projects` attaches the facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import LANGS, lexicon
from ..text import Token, alternation, cue_noun, finite_verb, is_known, lemma, lines, tokenize
from .actors import _Covered
from .context import DocContext
from .names import head_type, name_before_dashed_cue
from .structure import field_words, table_row
from .project_names import named_projects

_QUOTED = re.compile(r"[\"“”«]([^\"“”«»]{3,120})[\"“”»]")
_DASHED_CUE = re.compile(r"\s*[-–]\s?(\w+)")  # '"X" -hanke': the project word after the quoted name
_LAST_WORD = re.compile(r"(?<![\w-])(\w[\w-]*)\s*,?\s*$")
FUNDER_TYPES = {"ministry", "agency", "other", "region", "ngo", "municipality"}


@dataclass
class ProjectMention:
    start: int
    end: int
    name: str
    sentence_start: int
    compound: bool = False
    alias: str | None = None  # the name written out, beside an acronym
    paragraph: tuple[int, int] | None = None  # the paragraph a heading stands over, which speaks of it


def cue_word(tok: Token, cues: tuple[str, ...], lang: str) -> bool:
    return cue_noun(tok.text, cues, lang) is not None


def _generic_name(name: str, ctx: DocContext) -> bool:
    """"EU-hanke", "ESR-projekti", "OKM-hanke": the acronym of a funder, a funding programme or a place is a kind
    of project, not its name ("XYZ-hanke", named for the alliance that runs it, is a name)."""
    words = name.split()
    if len(words) != 1:
        return False
    generic = {g.lower() for g in ctx.lex.section("cues").get("generic_project_prefixes", ())}
    if words[0].lower() in generic:
        return True
    pos = ctx.text.find(name)
    for m in ctx.mentions:
        if m.start <= pos < m.end:
            k = ctx.key_of(m)
            org = ctx.orgs.get(k) if k else None
            return org is None or org.type in FUNDER_TYPES - {"ngo", "other"}
    return words[0].isupper() and len(words[0]) <= 3


def find_project_mentions(ctx: DocContext) -> list[ProjectMention]:
    cues = ctx.lex.cue("project")
    titles = _titles()
    taken = _Covered([(m.start, m.end) for m in ctx.mentions] + [(p.start, p.end) for p in ctx.people])
    org_taken = _Covered([(m.start, m.end) for m in ctx.mentions])
    out: list[ProjectMention] = []

    def blocked(t: Token) -> bool:
        return taken.at(t.start)

    # languages that write a project's name before the project word, after a determiner ("the G-Steam project")
    determiners = frozenset(ctx.lex.section("projects").get("determiners_before_name", ()))
    quoted_after = frozenset(ctx.lex.words("project_mentions", "quoted_name_after"))
    field_lines = {f.label.start for f in ctx.fields}
    openers = frozenset(ctx.lex.words("project_name_bounds", "sentence_openers"))
    # a programme that is carried out ("X -kehittämisohjelma"), not one that pays, is named as a project is
    naming = cues + ctx.lex.words("project_name_bounds", "programme_heads")
    for s in ctx.sentences:
        toks = s.tokens
        opening = next((n for n, u in enumerate(toks) if u.is_word), -1)
        for i, t in enumerate(toks):
            if not t.is_word:
                continue
            glued = "-" in t.text.strip("-") and cue_word(Token(t.text.rsplit("-", 1)[1], 0, 0), naming, ctx.lang) \
                and not t.text.startswith("-")
            dashed = t.text.startswith(("-", "–")) and cue_word(t, naming, ctx.lang)
            if (dashed or glued) and ctx.lex.section("syntax").get("name_before_dashed_cue", False):
                # "Tulosta laadulla -hanke", "Reilu koulu-hankkeeseen": the name is written before the cue
                end_tok = i - 1 if dashed else i
                name_end = toks[i - 1].end if dashed else t.start + len(t.text.rsplit("-", 1)[0])
                first_cap = name_before_dashed_cue(toks, end_tok, blocked, openers)
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
            # (in any case: "hanketta Xyz", "hankkeeseen Xyz" name it as "hanke Xyz" does)
            # (a capital opening the sentence is the sentence's: "Hankkeelle Xyz myönnettiin …")
            if (t.text.lower() in naming or not t.is_cap and cue_word(t, naming, ctx.lang)
                    or i == opening and not t.is_upper and _inflected_cue(t.text.lower(), naming, ctx.lang)) \
                    and not t.text.startswith("-"):
                # "projektet Gränslöst 2009", "project G-Steam", "hanke Genera"
                k = i + 1
                # "Project Manager" is a title, "Project partners" a field label
                titled = k < len(toks) and (f"{t.text} {toks[k].text}".lower() in titles
                                            or toks[k].text.lower() in field_words(ctx.lang)
                                            or _line_label(ctx, toks, i, k))
                if k < len(toks) and toks[k].is_word and (toks[k].is_cap or toks[k].is_upper) and not blocked(toks[k]) \
                        and not titled:
                    e = k
                    while e + 1 < len(toks) and (toks[e + 1].is_cap or re.fullmatch(r"\d{4}", toks[e + 1].text)) and not blocked(toks[e + 1]):
                        e += 1
                    # (a capitalised pair after "for" may pass for a person's name: inside a title-case name it is not)
                    e = _title_case_run(toks, k, e, lambda t: org_taken.at(t.start), after_word=not t.is_cap)
                    if not ctx.lex.title_case_names:
                        e = _sentence_case_tail(ctx, toks, e, blocked)
                    # where every word of a heading has a capital ("What the Project Achieved"), one capitalised
                    # word of the language after the project word is the heading's, not a name
                    if not (ctx.lex.title_case_names and e == k and not coined_word(toks[k].text, ctx.lang)):
                        out.append(ProjectMention(toks[k].start, toks[e].end, ctx.text[toks[k].start:toks[e].end], s.line.start))
                elif determiners and i > 2 and toks[i - 1].text == ")" and _acronym_in_brackets(ctx, toks, i, blocked):
                    # "the Open Schools for All (OSA) project": the acronym, with its expansion before it
                    acr, alias = _acronym_in_brackets(ctx, toks, i, blocked)
                    out.append(ProjectMention(acr.start, acr.end, acr.text, s.line.start, alias=alias))
                # "the MIRA Project", "Mirror Reading Education … – MIRA Project", "the three-year INCLUDE project"
                elif determiners and i > 0 and toks[i - 1].is_word and (toks[i - 1].is_upper or t.is_cap and toks[i - 1].is_cap) \
                        and not blocked(toks[i - 1]) and toks[i - 1].text not in ("The", "A", "An"):
                    j = i - 1
                    while j > 0 and (toks[j - 1].is_cap or toks[j - 1].text in ("–", "for", "of", "and")) and i - j < 12:
                        j -= 1
                    while toks[j].text in ("–", "for", "of", "and", "The", "the"):
                        j += 1
                    end = t.end if t.is_cap else toks[i - 1].end  # "MIRA Project" is a name, "project" a word
                    if not _generic_name(ctx.text[toks[j].start:end], ctx):  # "the EU project"
                        out.append(ProjectMention(toks[j].start, end, ctx.text[toks[j].start:end], s.line.start))
                elif determiners and not t.is_cap:
                    named = _determined_name(toks, i, determiners, blocked, ctx.lang,
                                             tuple(ctx.lex.words("case_endings", "endings")))
                    if named and not _generic_name(ctx.text[named[0]:named[1]], ctx):
                        out.append(ProjectMention(named[0], named[1], ctx.text[named[0]:named[1]], s.line.start))
            if t.is_word and not t.is_cap and "-" not in t.text:
                compound = _compound_project(t, cues, ctx)
                if compound:
                    j = _genitive_modifiers(ctx, toks, i)
                    name = ctx.text[toks[j].start:t.start] + compound if j < i else compound
                    out.append(ProjectMention(toks[j].start, t.end, name, s.line.start, compound=True))
        for a, e in named_projects(ctx, toks, blocked):
            out.append(ProjectMention(a, e, ctx.text[a:e], s.line.start))
        # a field's label ("Rahoittajataho: …") opens no clause with a fronted object
        fronted = _fronted_object(ctx, toks, blocked) if s.line.start not in field_lines else None
        if fronted:
            out.append(ProjectMention(fronted[0], fronted[1], fronted[2], s.line.start))
        for m in _QUOTED.finditer(s.line.text):
            # 'the project "X"', 'a new project, "X",', 'hankkeelle "X"', 'funding for "X"'; '"X" -hanke'
            last = _LAST_WORD.search(s.line.text[:m.start()])
            dashed = _DASHED_CUE.match(s.line.text, m.end())
            if last and (last.group(1).lower() in quoted_after or cue_noun(last.group(1), cues, ctx.lang)) \
                    or dashed and ctx.lex.section("syntax").get("name_before_dashed_cue", False) \
                    and cue_word(Token(dashed.group(1), 0, 0), naming, ctx.lang):
                a = s.line.start + m.start(1)
                out.append(ProjectMention(a, a + len(m.group(1)), m.group(1).strip(), s.line.start))
    out += _headed_paragraphs(ctx, cues, blocked)
    # a compound noun ("vänskolprojekt") names the project only where nothing names it better
    if any(not pm.compound for pm in out):
        out = [pm for pm in out if not pm.compound]
    else:
        out = out[:1]
    return out


def _line_label(ctx: DocContext, toks: list[Token], i: int, k: int) -> bool:
    """"Project ID: …", "Projekt ansvarig: …": the project word and one word more opening a line, then a colon,
    label a field (one no lexicon lists) rather than naming a project."""
    return k + 1 < len(toks) and toks[k + 1].text == ":" and toks[k + 1].start == toks[k].end \
        and not ctx.text[ctx.text.rfind("\n", 0, toks[i].start) + 1:toks[i].start].strip()


@cache  # the lexicons do not change while a process runs
def _title_case_links() -> frozenset[str]:
    return frozenset(w for lg in LANGS if lexicon(lg).title_case_names for w in lexicon(lg).words("project_naming", "name_links"))


def _title_case_run(toks: list[Token], k: int, e: int, blocked, after_word: bool = False) -> int:
    """"… kehittämisohjelma Open Paths for Shared Learning": a name of two capitalised words or more is written
    in title case, as English writes names, whatever the page's language; it goes on over a small link word of
    such a language to the next capitalised words. After a lower-case project word in running text (`after_word`:
    "the project Reading for All") one capitalised word opens such a name too; in a title-case heading
    ("New Project Opens for Schools") it does not."""
    links = _title_case_links()
    while (e > k or after_word) and e + 2 < len(toks) and toks[e + 1].text in links and toks[e + 2].is_cap and not blocked(toks[e + 2]):
        e += 2
        while e + 1 < len(toks) and toks[e + 1].is_cap and not blocked(toks[e + 1]):
            e += 1
    return e


def _inflected_cue(low: str, naming, lang: str) -> bool:
    """The project word itself in some case ("hankkeelle", "projektet"), not a compound the lemmatiser cuts to
    its first part ("hankekoodi")."""
    lem = lemma(low, lang)
    return lem in naming and not (low.startswith(lem) and len(low) - len(lem) >= 4)


def _sentence_case_tail(ctx: DocContext, toks: list[Token], e: int, blocked) -> int:
    """Where names are written in sentence case ("projektet Gröna skolor", "hanke Vihreät koulut"), the name after
    the project word runs on over lower-case words up to punctuation, a function word, a verb or a cue word."""
    def verb(t: Token) -> bool:  # a verb or cue word: the clause goes on after the name
        low = t.text.lower()
        # a present form the same as its dictionary form ("alkaa") is a verb by its ending all the same
        same_as_lemma = ctx.lex.infinitive is not None and ctx.lex.finite_ending is not None \
            and ctx.lex.infinitive.search(lemma(low, ctx.lang).lower()) and ctx.lex.finite_ending.search(low)
        return low in copulas or finite_verb(t.text, ctx.lang) or bool(same_as_lemma) or any(
            low in ctx.lex.cue(c) or ctx.has_cue([t], c) is not None for c in ("partner", "coordinator", "funder", "recipient"))

    copulas = set(ctx.lex.words("clause", "copulas"))
    end, n = e, 0
    while end + 1 < len(toks) and n < 3:
        t = toks[end + 1]
        if not t.is_word or t.is_cap or blocked(t) or t.start - toks[end].end != 1 or t.text.lower() in ctx.lex.common_words \
                or verb(t):
            break
        end, n = end + 1, n + 1
    # only a tail that punctuation or a verb closes is the name's ("Gröna skolor i Västby": the place may be too)
    closed = end + 1 >= len(toks) or not toks[end + 1].is_word or verb(toks[end + 1])
    return end if closed else e


def _acronym_in_brackets(ctx: DocContext, toks: list[Token], i: int, blocked) -> tuple[Token, str | None] | None:
    """"(OSA) project": an acronym in brackets right before the project word, and the capitalised words before
    the bracket that it abbreviates ("Open Schools for All"), when they do."""
    acr = toks[i - 2]
    # "OSA", "TfT", "EC2U": two capitals or more in one short word
    if toks[i - 3].text != "(" or not acr.is_word or sum(c.isupper() for c in acr.text) < 2 or len(acr.text) > 10 \
            or blocked(acr):
        return None
    links = set(ctx.lex.words("project_naming", "name_links"))
    j = i - 3
    while j > 0 and i - j < 12 and (_capital_word(toks[j - 1]) or toks[j - 1].text.lower() in links) and not blocked(toks[j - 1]):
        j -= 1
    small = set(ctx.lex.words("projects", "determiners_before_name")) | set(ctx.lex.words("project_naming", "articles"))
    while j < i - 3 and (not _capital_word(toks[j]) or toks[j].text.lower() in small):
        j += 1
    words = [t.text for t in toks[j:i - 3]]
    alias = ctx.text[toks[j].start:toks[i - 4].end] if words and words[0][0].upper() == acr.text[0].upper() else None
    return acr, alias


def _capital_word(t: Token) -> bool:
    return t.is_word and t.text[:1].isupper()


def coined_word(word: str, lang: str) -> bool:
    """A word no dictionary of the language holds, or one marked as a name by its letters ("EmpowerinAI", "G-Steam")."""
    return word.isupper() or any(c.isupper() for c in word[1:]) or any(c.isdigit() or c == "-" for c in word) \
        or not is_known(word.lower(), lang)


def _determined_name(toks: list[Token], i: int, determiners: frozenset[str], blocked, lang: str,
                     possessive: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """"the Future Classrooms project", "the EmpowerinAI project", "the G-Steam project": words with a capital
    (anywhere: mixed-case names count) between a determiner and the lower-case project word."""
    j = i
    while j > 0 and i - j < 8:
        u = toks[j - 1]
        capital = u.is_word and any(c.isupper() for c in u.text) and u.text.lower() not in determiners
        if capital and not blocked(u) or u.text in ("-", "–", "&") or u.text.lower() in ("for", "of", "and", "in") and j < i:
            j -= 1
        else:
            break
    while j < i and not (toks[j].is_word and any(c.isupper() for c in toks[j].text)):
        j += 1  # a name starts with a capital word
    # "the Government's Education Report project": a possessive is the owner's name and stands for the determiner
    owners = [n for n in range(max(j - 1, 0), i - 1) if toks[n].text.lower().endswith(possessive)] if possessive else []
    if owners:
        j = owners[-1] + 1
        if not any(c.isupper() for c in toks[j].text):
            return None
        return toks[j].start, toks[i - 1].end
    # "the three-year SkillBridge project", "the new X project": a lower-case modifier or two may stand between
    d = j - 1
    while 0 < d and j - d <= 2 and toks[d].is_word and toks[d].text.islower() and toks[d].text not in determiners:
        d -= 1
    if j == i or j == 0 or toks[d].text.lower() not in determiners:
        return None
    word = toks[j].text
    if i - j == 1 and word[1:].islower() and "-" not in word and is_known(word.lower(), lang):
        return None  # "the Finnish project", "the European project": one capitalised word of the language is an adjective
    return toks[j].start, toks[i - 1].end


def _headed_paragraphs(ctx: DocContext, cues: tuple[str, ...], blocked) -> list[ProjectMention]:
    """On a page presenting projects one after another, a heading whose paragraph opens by speaking of "the
    project" ("Reading Buddies" / "The project brings …", "Lukukipinää Lappiin" / "Hankkeessa …") names it."""
    plural = set(ctx.lex.section("cues").get("project_plural", ()))
    out = []
    lns = lines(ctx.text)
    for n, ln in enumerate(lns):
        head = ln.text.strip()
        if not head or (ctx.title and ln.start <= ctx.title.start < ln.end + 1) or head.endswith((":", ";", ",")) \
                or (n > 0 and lns[n - 1].text.strip()) or any(f.label.start == ln.start for f in ctx.fields):
            continue
        nxt = next((x for x in lns[n + 1:] if x.text.strip()), None)
        if nxt is None or not name_like(head, ctx) or table_row(nxt.text):
            continue  # (a table's header row under a caption is no paragraph about a project)
        toks = [t for t in tokenize(head, ln.start + ln.text.index(head)) if t.is_word]
        if not toks or any(blocked(t) for t in toks) or any(cue_word(t, cues, ctx.lang) for t in toks) \
                or any(head_type(t, ctx.lex) for t in toks):
            continue  # a body's name, a person's, or a heading about projects in general
        opening = [t for t in tokenize(nxt.text) if t.is_word][:6]
        if any(cue_word(t, cues, ctx.lang) and t.text.lower() not in plural for t in opening):
            a = ln.start + ln.text.index(head)
            out.append(ProjectMention(a, a + len(head), head, ln.start, paragraph=(nxt.start, nxt.end)))
    return out


def _genitive_modifiers(ctx: DocContext, toks: list[Token], i: int) -> int:
    """The genitive phrase before a compound project word that says whose it is ("Itä-Suomen lukioverkoston
    laatuhanke"): up to three words in the genitive, the first with a capital; a participle of funding or
    leading ("… rahoittaman") ends it. Returns the index of its first word (i when there is none)."""
    endings = tuple(ctx.lex.section("projects").get("genitive_endings", ()))
    if not endings:
        return i
    j = i
    while j > 0 and i - j < 3:
        u = toks[j - 1]
        if not (u.is_word and u.text.lower().endswith(endings) and len(u.text) > 3) \
                or any(ctx.has_cue([u], c) for c in ("funder", "coordinator", "partner", "project")):
            break
        j -= 1
    while j < i and not toks[j].is_cap:
        j += 1
    return j


def _titles() -> set[str]:
    from ..lexicon import titles
    return {t for lg in ("fi", "sv", "en") for t in titles(lg)}


def _fronted_object(ctx: DocContext, toks: list[Token], blocked) -> tuple[int, int, str] | None:
    """Finnish puts what a sentence is about first: "Pientä tiedematkaa koordinoivat Tähtiopisto ja
    Kuusimaan kirjasto" — a capitalised phrase in the partitive before a verb of coordinating, funding or carrying out,
    followed by the organisations that do it, names a project ("Pieni tiedematka")."""
    if not ctx.lex.section("syntax").get("fronted_topic", False) or len(toks) < 4 or not toks[0].is_cap:
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
        if any(t.text.lower() in ctx.lex.words("pronouns", "words") for t in phrase):
            return None  # "Sitä koordinoi …": a pronoun points back to a project, it names none
        # the object is in the partitive ("Pientä tiedematkaa", "Laulamisen iloa"), a subject is not
        if not _partitive(phrase[-1].text, ctx) or not all(_partitive(t.text, ctx) or t.text.endswith(ctx.lex.genitive_suffixes)
                                                           for t in phrase[:-1]) \
                or not any(m.start > verb.end for m in ctx.mentions if m.start < toks[-1].end):
            return None
        words = [lemma(t.text.lower(), ctx.lang) if _partitive(t.text, ctx) else t.text.lower() for t in phrase]
        if any(cue_noun(w, ctx.lex.cue("project"), ctx.lang) for w in words):
            return None  # "Hanketta koordinoi …": the project word itself, which the page's project is
        if any(cue_noun(lemma(t.text.lower(), ctx.lang), ctx.lex.cue("coalition"), ctx.lang) for t in phrase[:-1]):
            return None  # "Verkoston toimintaa koordinoi …": the work of the coalition the page is about, no project
        name = " ".join(words)
        return phrase[0].start, phrase[-1].end, name[:1].upper() + name[1:]
    return None


def _partitive(word: str, ctx: DocContext) -> bool:
    """The case of a fronted topic (see the lexicon's [syntax] fronted_topic_endings), not a look-alike case."""
    syntax = ctx.lex.section("syntax")
    low = word.lower()
    return (low.endswith(tuple(syntax.get("fronted_topic_endings", ()))) and lemma(low, ctx.lang).lower() != low
            and not low.endswith(tuple(syntax.get("fronted_topic_not_endings", ()))))


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


@cache
def _summary_rx(lang: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + alternation(lexicon(lang).words("project_mentions", "summary_heading_words"))
                      + r")(?!\w)", re.I)


def _summary_heading(title: str, lang: str) -> bool:
    return _summary_rx(lang).search(title) is not None


def name_like(title: str, ctx: DocContext, fielded: bool = False) -> bool:
    """A short title that names something: not a headline, a breadcrumb, a section name ("Ajankohtaista",
    "Organisation", "Hankkeen järjestäjät") or a dated list ("Projektstöd oktober 2024"). Above a project's
    fields (a register entry, a project page) a digit or an event word is part of the name ("Koulu 2030",
    "Summer School Network")."""
    words = title.split()
    if not (0 < len(words) <= (10 if fielded else 6)) or "/" in title or title.isupper() \
            or title.rstrip().endswith((".", "?", "!")):
        return False
    if re.search(r"\d", re.sub(r"(?:19|20)\d\d", "", title)) and not fielded:
        return False
    toks = [t for t in tokenize(title) if t.is_word]
    if not toks or _summary_heading(title, ctx.lang):
        return False  # "Key facts", "In brief" over a fact box: the box's heading, not the project's name
    months = ctx.lex.section("dates").get("months", {})
    if any(t.text.lower() in months or lemma(t.text.lower(), ctx.lang) in months for t in toks):
        return False
    if any(cue_word(t, ctx.lex.cue("project"), ctx.lang) for t in toks[:-1]):
        # "Hankkeen järjestäjät", "What the Project Achieved": about the project, not its name (a name closes with
        # the project word: "Future Classrooms Project")
        return False
    if ctx.lex.title_case_names and not fielded and _headline_case(toks, ctx):
        return False
    if any(finite_verb(t.text, ctx.lang) for t in toks[1:] if not t.is_cap):
        return False  # "Ohjausta uudistetaan ammatillisessa koulutuksessa", "Ny koalition samlar aktörer": a headline
    if len(toks) == 1 and len(words) == 1 and lemma(toks[0].text, ctx.lang)[:1].islower() \
            and not (fielded and coined_word(toks[0].text, ctx.lang)):
        return False  # one common word: a section of a site (over a project's fields, a coined word is its name)
    return True


def _headline_case(toks: list[Token], ctx: DocContext) -> bool:
    """In a language that capitalises every content word of a name, a title with a lower-case content word
    ("How to apply for funding", "Annual report 2023") is written as a sentence: a headline, not a name."""
    small = set(ctx.lex.words("organisation", "inner_words")) | set(ctx.lex.words("project_naming", "name_links")) \
        | set(ctx.lex.words("project_naming", "articles")) | set(ctx.lex.words("projects", "determiners_before_name"))
    return any(t.text.islower() and t.text not in small and len(t.text) > 3 for t in toks[1:])
