"""Organisation mentions in running text: noun phrases built around an organisation head word.

Finnish and Swedish names end in a head noun that may be a compound ("Savon koulutuskuntayhtymän",
"Perstorps kommun", "Skolverket"); Swedish and English names may also start with one ("Länsstyrelsen Skåne",
"University of Turku"). The head words, the lower-case words allowed inside a name and the legal-form
suffixes are the language's lexicon tables; this module only knows the shapes of names.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from dataclasses import dataclass

from ..lexicon import LANGS, lexicon, titles
from ..text import UPPER, Token, cue_noun, definite_form, is_known, lemma
from .names import ACRONYM, _join, _plural_generic, base_form, head_type, is_bare_head


@dataclass
class OrgMention:
    start: int  # character offsets of the surface form
    end: int
    surface: str
    base: str  # nominative base form
    type: str
    acronym: str | None = None
    unit_of: "OrgMention | None" = None
    source: str = "head"  # head | list | gazetteer | acronym | coordination
    confidence: float = 1.0


# The languages whose names a page in another language quotes (the project's languages, each page's own left out).
_OTHER_LANGS = {lg: tuple(x for x in LANGS if x != lg) for lg in LANGS}


class OrganisationFinder:
    """Finds organisation mentions in one sentence's tokens."""

    def __init__(self, lang: str):
        self.lang = lang
        self.lex = lexicon(lang)
        org = self.lex.section("organisation")
        self.inner = {w.lower() for w in org.get("inner_words", ())}
        self.not_names = {w.lower() for w in org.get("not_names", ())}
        self.lowercase_heads = tuple(h.lower() for h in org.get("lowercase_heads", ()))
        self.legal = {k.lower(): v for k, v in self.lex.legal_forms.items()}
        self.prefix = self.lex.prefix_heads
        self.articles = frozenset(w.lower() for w in self.lex.words("apposition", "organisation_articles"))
        self.alliance_terms = frozenset(w.lower() for w in self.lex.words("coalition", "alliance_terms"))
        self.appositive = {k.lower(): v for k, v in org.get("appositive_heads", {}).items()}
        # "A:n ja B:n välinen X-konsortio": the word for "between" ends the list of the bodies it joins, whatever
        # its form, and is no adjective inside X's name
        self.between = frozenset(w.lower() for w in self.lex.words("coalition", "between_words"))
        # a currency written before a sum ("City of X DKK 500,000") is no part of a name
        self.currencies = frozenset(c.lower() for c in self.lex.section("amounts").get("currencies", {}))
        self.place_links = frozenset(self.lex.words("list_items", "place_prepositions"))
        self.name_tails = frozenset(w.lower() for w in org.get("name_tail_words", ()))
        # the words for what is named after a body's head word ("Projektet Digital Skola"): no body
        self.things = frozenset(self.lex.cue("project") + self.lex.cue("event") + self.lex.cue("award"))

    def find(self, toks: list[Token]) -> list[OrgMention]:
        found: list[OrgMention] = []
        words = [t for t in toks if t.is_word]
        if len(words) >= 3 and sum(t.is_upper for t in words) > 0.7 * len(words):
            return found  # a headline in capitals: capitalisation tells nothing
        i = 0
        while i < len(toks):
            m = self._prefix_name(toks, i) or self._head_name(toks, i) or self._legal_name(toks, i) \
                or self._appositive_name(toks, i) or self._quoted_language_name(toks, i)
            if m is not None:
                # the programme's term for an alliance alone ("a European University initiative") names the kind
                # of alliance, no body; a job title alone ("University Lecturer at X") names a person's post
                if m[0].base.lower() not in self.alliance_terms and m[0].surface.lower() not in _title_words(self.lang):
                    placed = self._placed_registered(toks, found, m[0])
                    if placed is not None:
                        found[-1] = placed
                    else:
                        found.append(m[0])
                i = m[1]
            else:
                i += 1
        return found

    def _placed_registered(self, toks, found: list[OrgMention], m: OrgMention) -> OrgMention | None:
        """"Föreningen X i Y rf": a name, a place preposition and a place, then the legal form. The legal form
        closes the whole registered name, which the place only runs on; the name before the preposition and
        the place with the legal form are one body, not two."""
        last = found[-1] if found else None
        if last is None or m.surface.split()[-1].lower() not in self.legal or len(m.surface.split()) != 2:
            return None
        gap = [t for t in toks if last.end <= t.start and t.end <= m.start]
        if len(gap) != 1 or gap[0].text not in self.place_links:
            return None
        name_toks = [t for t in toks if last.start <= t.start and t.end <= m.end]
        surface = _join(name_toks, [x.text for x in name_toks])
        return OrgMention(last.start, m.end, surface, last.base + surface[len(last.surface):], m.type)

    # -- a name in apposition after a noun of its kind ("den kommunala stiftelsen Nordiska skolkontoret")
    def _appositive_name(self, toks, i):
        if not self.appositive:
            return None  # a language that writes the kind into the name
        typ = self.appositive.get(toks[i].text.lower()) if toks[i].is_word and not toks[i].is_cap else None
        if typ is None:
            return None
        j = i + 1
        while j < len(toks) and toks[j].is_word and toks[j].is_cap and not toks[j].is_upper and j - i <= 4:
            j += 1
        # a name in the definite form ends in a common noun ("Nordiska skolkontoret")
        if i + 1 < j < len(toks) and toks[j].is_word and not toks[j].is_cap \
                and toks[j].text.lower().endswith(self.lex.unambiguous_definite_endings or ("\0",)):
            j += 1
        if j - i < 3:
            return None  # one capitalised word may be a place, a person or a name already known
        return self._mention(toks[i + 1:j], typ), j

    # -- a name quoted from a language that does not capitalise its head, in a page that does ("the team of
    #    Xyzin lukio" on an English page): a capitalised word no dictionary of the page's language knows, then a
    #    lower-case head word of another language that the page's language does not know either
    def _quoted_language_name(self, toks, i):
        if not self.lex.title_case_names or i == 0:
            return None
        t, before = toks[i], toks[i - 1]
        if not (t.is_word and not t.is_cap and before.is_word and before.is_cap and not before.is_upper):
            return None
        if is_known(t.text, self.lang) or is_known(before.text.lower(), self.lang) or is_known(before.text, self.lang):
            return None
        typ = next((head_type(t, lexicon(lg)) for lg in _OTHER_LANGS.get(self.lang, ())
                    if head_type(t, lexicon(lg)) is not None), None)
        if typ is None:
            return None
        return self._mention(toks[i - 1:i + 1], typ), i + 1

    # -- names closed by a legal form, whatever their words ("Savonlinnan koulutuspalvelut Oy", "Snaptive AB")
    def _legal_name(self, toks, i):
        t = toks[i]
        form = t.text.split(":")[0]  # "Oy:n", "ry:lle": the legal form with a case ending
        if i == 0 or form not in self.lex.legal_forms.keys() | {k.upper() for k in self.lex.legal_forms} | {k.capitalize() for k in self.lex.legal_forms}:
            return None
        if form.islower() and form not in ("ry", "rf"):
            return None  # "ab" in lower case is no legal form
        start = i
        j = i - 1
        while j >= 0 and i - j <= 4 and toks[j].is_word and not toks[j].text.endswith("-") and (
                toks[j].is_cap or self._inner_ok(toks[j]) or not toks[j].is_cap and j > 0 and toks[j - 1].is_cap):
            start = j
            j -= 1
        while start < i and not toks[start].is_cap:
            start += 1
        if start == i or (start == 0 and self._ordinary_word(toks[start]) and i - start == 1):
            return None
        typ = self.legal.get(form.lower(), "company")
        name_toks = toks[start:i + 1]
        # written as registered: nothing to lemmatise but a case ending on the legal form ("… Oy:n"); a body
        # whose name holds its legal form keeps every word as registered ("X Opettajat ry")
        surface = _join(name_toks, [x.text for x in name_toks])
        return OrgMention(name_toks[0].start, name_toks[-1].end, surface, surface.split(":")[0], typ), i + 1

    # -- names that start with their head ("Länsstyrelsen Skåne", "University of Turku")
    def _prefix_name(self, toks, i):
        for phrase, typ in self.prefix:
            words = phrase.split()
            n = len(words)
            if i + n > len(toks) or not toks[i].is_cap:
                continue
            if [t.text.lower() for t in toks[i:i + n]] != words:
                continue
            j = i + n
            if words[-1] in ("för", "for", "of"):
                # "Myndigheten för delaktighet", "Ministry for Foreign Affairs": the domain follows
                k = j
                while k < len(toks) and toks[k].is_word and (toks[k].is_cap or k == j or toks[k].text.lower() in self.inner) \
                        and toks[k].text.lower() not in self.currencies and k - j < 5:
                    k += 1
                    if toks[k - 1].text.endswith(("'s", "’s")):
                        break  # "University of Helsinki's Faculty …": the name ends at the possessive
                for x in range(j, k):
                    # "University of Norland and the KUAS University", "Myndigheten för skolutveckling och
                    # Specialpedagogiska skolmyndigheten": a second name begins; an article right after the
                    # linking word opens the domain instead ("University of the Northern Isles")
                    if x == j and toks[x].text.lower() in self.articles:
                        continue
                    if toks[x].text.lower() in ("and", "och", "ja", "the") and (any(
                            head_type(y, self.lex) for y in toks[x + 1:x + 4] if y.is_cap)
                            or x + 1 < k and toks[x + 1].is_cap and not toks[x - 1].is_cap):
                        k = x
                        break
                while k > j and toks[k - 1].text.lower() in self.inner:
                    k -= 1
                if k == j:
                    continue
                j = k
            else:
                k = j
                while k < len(toks) and toks[k].is_word and toks[k].is_cap and k - j < 3:
                    k += 1
                if k == j:
                    continue
                j = k
            start = i
            if self.lex.title_case_names:  # "Northern Regional Board for Schools": modifiers before the head
                while start > 0 and toks[start - 1].is_word and toks[start - 1].is_cap \
                        and toks[start - 1].text.lower() not in self.not_names \
                        and not toks[start - 1].text.endswith(("'s", "’s")):  # "Norland's Ministry …"
                    start -= 1
            return self._mention(toks[start:j], typ), j
        return None

    # -- names that end with their head ("Savon koulutuskuntayhtymän", "Malmö universitet", "Tampere University")
    def _head_name(self, toks, i):
        tok = toks[i]
        if not tok.is_word:
            return None
        if not self.lex.title_case_names and tok.is_cap and head_type(tok, lexicon("en")) and (i > 0 and toks[i - 1].is_cap or i + 1 < len(toks) and toks[i + 1].text == "of"):
            # an English name in a Finnish or Swedish text ("Kuusimaa Vocational College")
            return self._english_name(toks, i, head_type(tok, lexicon("en")))
        typ = head_type(tok, self.lex)
        if typ is None:
            return None
        if self.lex.title_case_names:
            return self._english_name(toks, i, typ)
        head = self._chain(toks, i)
        if head != i:
            typ = head_type(toks[head], self.lex) or typ
        end = head + 1
        while end < len(toks) and toks[end].text.lower().rstrip(".") in self.legal:
            end += 1
        if end == head + 1 and self._takes_proper_name(toks[head]):
            # "Betelkyrkan Norrby", "Friskolan Lek & Lär", "Tiedekeskus Pohjola", "Koulutuskuntayhtymä Harjula":
            # a head in the nominative followed by a proper name
            k = end
            while k < len(toks) and k - end < 3 and (self._proper_name(toks[k])
                                                      or toks[k].text == "&" and k + 1 < len(toks) and toks[k + 1].is_cap):
                k += 1
            # one common word after the head is no name ("Skolverket Idag"), unless Swedish writes it as one,
            # capitalised and definite ("Friskolan Solrosen")
            definite = k > end and toks[end].text.endswith(self.lex.unambiguous_definite_endings)
            tail = end < len(toks) and toks[end].text.lower() in self.name_tails
            if k > end and not (k == end + 1 and self._ordinary_word(toks[end]) and not definite and not tail):
                end = k
        if end < len(toks) and self._names_a_thing(toks[end]):
            return None  # "Oppiva kaupunki -palkinto": the phrase names an award or project, not its holder
        end = self._domain(toks, end)
        lowercase = not tok.is_cap and self._lowercase_head(tok)
        start = self._extend_left(toks, i, caps=not lowercase)
        if start > 0 and self._thing_word(toks[start - 1]):
            return None  # "Projektet Digital Skola", "konferensen Framtidens skola": the name after the word is the thing's
        name_toks = toks[start:end]
        if _plural_generic(toks[head].text, self.lex) and not (head > 0 and toks[head - 1].is_cap
                                                                and lemma(toks[head - 1].text, self.lang)[:1].isupper()):
            return None  # "suomalaisten yliopistojen": a kind of body; "Turun ammattikorkeakoulut" may share its head
        if start == i and head == i:  # one word: a compound name ("Opetushallitus", "Skolverket")
            if is_bare_head(tok, self.lex) and end == i + 1:
                return None
            if not tok.is_cap and not lowercase:
                return None
            if tok.is_cap and tok.text.lower() in self.not_names:
                return None
        if not any(t.is_cap for t in name_toks) and not lowercase:
            return None
        return self._mention(name_toks, typ), end

    def _proper_name(self, tok: Token) -> bool:
        """A capitalised word in the nominative that is neither an acronym ("UNESCOn") nor a name of its own;
        in Swedish a definite form counts as nominative ("Friskolan Solrosen")."""
        if not (tok.is_word and tok.is_cap and not tok.is_upper and not re.match(r"^[" + UPPER + r"]{2,}", tok.text)
                and head_type(tok, self.lex) is None):
            return False
        low, lem = tok.text.lower(), lemma(tok.text, self.lang).lower()
        if low.startswith(lem) and low[len(lem):] in self.lex.definite_suffixes:
            return True
        return lem == low

    def _takes_proper_name(self, tok: Token) -> bool:
        """A head that names one body, so its proper name may follow: in the definite form where the language
        has a definite suffix ("Musikskolan Lindö"), else in the nominative ("Koulutuskuntayhtymä Pohjanranta")."""
        if self.lex.definite_endings:
            return tok.text.endswith(self.lex.definite_endings)
        return tok.is_cap and lemma(tok.text, self.lang).lower() == tok.text.lower() or tok.text.lower().endswith(
            tuple(h for h, _ in self.lex.heads))

    def _domain(self, toks, end: int) -> int:
        """Names that go on with what the body is for: "Nordiskt nätverk för lärarutbildning",
        "Rådet för högre utbildning" (up to the next comma, verb or second name)."""
        if end + 1 >= len(toks) or toks[end].text not in self.lex.domain_prepositions:
            return end
        k = end + 1
        while k < len(toks) and k - end <= 3 and toks[k].is_word and toks[k].text.lower() not in self.lex.domain_stop_words:
            if head_type(toks[k], self.lex) and toks[k].is_cap:
                break
            if cue_noun(toks[k].text, self.lex.cue("project"), self.lang):
                return end  # "Skolverket för projektet X": money for a project, not what the body is for
            k += 1
        return k if k > end + 1 else end

    def _lowercase_head(self, tok: Token) -> bool:
        forms = (tok.text.lower(), lemma(tok.text, self.lang).lower())
        return any(f.endswith(h) and f != h for f in forms for h in self.lowercase_heads)

    def _chain(self, toks, i) -> int:
        """A head in the genitive may be the owner of a longer name: "Kajaanin kaupungin koulutusliikelaitos",
        "Helsingin yliopiston LUMA-keskus". Return the index of the last head of the chain."""
        head = i
        k = i + 1
        while k < len(toks) and k - head <= 2 and self._genitive(toks[k - 1]):
            t = toks[k]
            if not t.is_word:
                break
            if head_type(t, self.lex) and not is_bare_head(t, self.lex) or head_type(t, self.lex) and k == head + 1:
                head = k
            elif not (self._inner_ok(t) and not t.is_cap):
                break
            k += 1
        return head

    def _genitive(self, t: Token) -> bool:
        low = t.text.lower()
        return low.endswith(self.lex.genitive_suffixes)

    def _names_a_thing(self, t: Token) -> bool:
        low = t.text.lower().lstrip("-")
        lem = lemma(low, self.lang).lower()
        things = self.lex.cue("award") + self.lex.cue("project") + self.lex.cue("event")
        return t.text.startswith("-") and any(lem.startswith(c) or low.startswith(c) for c in things) or \
            any(lem == c for c in self.lex.cue("award"))

    def _thing_word(self, t: Token) -> bool:
        """The word for a project, an event or an award as a name's own word: in its base or definite form
        ("Projektet", "Hanke", "konferensen"), not in a case that says where ("in their projects X at Y" names a
        body after it)."""
        low = t.text.lower()
        lem = lemma(low, self.lang).lower()
        return t.is_word and lem in self.things and (low == lem or definite_form(low, self.lang))

    def _extend_left(self, toks, i, caps: bool = True) -> int:
        start = i
        j = i - 1
        pending = 0  # lower-case words taken on trust until a capitalised word confirms them
        coord = {w.lower() for w in self.lex.section("organisation").get("coordinators", ())}
        while j >= 0:
            t = toks[j]
            low = t.text.lower()
            if low in coord and j >= 1 and toks[j - 1].text.endswith("-"):
                # an elided compound part: "Opetus- ja kulttuuriministeriö", "kasvatus-, tiede- ja …"
                start, pending = j - 1, 0
                j -= 2
                continue
            if t.text == "," and j >= 1 and toks[j - 1].text.endswith("-") and toks[j + 1].text.endswith("-"):
                j -= 1  # "elinkeino-, liikenne- ja ympäristökeskus"
                continue
            if t.is_upper and len(t.text) > 6:
                break  # a heading in capitals ("ESR-PROJEKTISUUNNITELMA"), not a name part
            if "-" in t.text and t.is_word and cue_noun(t.text, self.lex.cue("award"), self.lang):
                break  # "X-palkinnon Y-koulutuskuntayhtymälle": the award's name before the receiver, no part of it
            if low in coord and j >= 1 and (head_type(toks[j - 1], self.lex) or toks[j - 1].text == ")"):
                break  # "Yrkeshögskolan Kustia och Norrby yrkeshögskola": two names
            if t.is_word and (t.text.endswith("-") or re.search(r"-(?:ja|och|and)$", t.text)) and j + 1 <= i:
                start, pending = j, 0
            elif caps and t.is_word and t.is_cap and low not in self.not_names and not self._thing_word(t):
                initial = j == 0 or toks[j - 1].text in ".!?:–—•"
                if initial and self._ordinary_word(t) and not self._opens_name(t, toks[j + 1], j + 1 == start,
                                                                               self._acronym_after(toks, i)):
                    break
                start, pending = j, 0
            elif caps and t.is_word and not t.is_cap and self._inner_ok(t) and pending < 2:
                if low in coord and j >= 1 and toks[j - 1].is_cap and toks[j + 1].is_cap:
                    break  # "Region Skåne och Malmö stad": a capitalised name on each side is two names
                pending += 1
            else:
                break
            j -= 1
        return start

    def _opens_name(self, t: Token, nxt: Token, joined: bool, acronym: str = "") -> bool:
        """A common word first in a sentence that still opens the name after it: an adjective that agrees with
        the name's head ("Nordiska lärarnätverket", "Internationella Engelska Skolan"), or a definite noun or a
        genitive before a capitalised name ("Familjen Xyz stiftelse"), where the language marks them by endings."""
        if not joined or not t.text[1:].islower() or t.text.lower() in self.lex.words("pronouns", "words"):
            return False  # "Samtliga X kommuns skolor": a quantifier, no adjective of a name
        low = t.text.lower()
        if self.lex.adjective_endings and low.endswith(self.lex.adjective_endings) and len(low) > 5:
            return True
        if not nxt.is_cap or len(low) <= 5:
            return False
        if self.lex.unambiguous_definite_endings and low.endswith(self.lex.unambiguous_definite_endings):
            return True
        # a genitive modifier, where the acronym after the name begins with its letter and the next word's
        # ("Opetusalan Xyz-järjestö OXJ"): otherwise a genitive first in a sentence is the owner of a name
        return bool(self.lex.genitive_suffixes) and low.endswith(self.lex.genitive_suffixes) \
            and acronym[:2] == t.text[:1] + nxt.text[:1]

    @staticmethod
    def _acronym_after(toks, i: int) -> str:
        """The acronym written right after the head (or in parentheses there), else ""."""
        k = i + 1 + (i + 1 < len(toks) and toks[i + 1].text == "(")
        word = toks[k].text.split(":")[0] if k < len(toks) else ""
        return word if ACRONYM.match(word) else ""

    def _ordinary_word(self, t: Token) -> bool:
        """A capitalised word that is a common word written first in a sentence, not a name part."""
        lem = lemma(t.text, self.lang)
        return lem[:1].islower() and (lem.lower() != t.text.lower() or is_known(t.text.lower(), self.lang))

    def _inner_ok(self, t: Token) -> bool:
        low = t.text.lower()
        if low in self.inner:
            return True
        lex = self.lex
        if not lex.genitive_suffixes:
            return False  # no genitive modifiers inside names
        lem = lemma(low, self.lang)
        if low in self.between or lem.lower() in self.between:
            return False
        if lem.endswith(lex.adjective_lemma_endings) or low.endswith(lex.adjective_endings):
            return True  # "kasvatustieteellinen", "humanistisen", "tekniska": adjectives inside the name
        if lem == low or lex.verb_lemma is not None and lex.verb_lemma.search(lem):
            return False
        # a genitive modifier ("Pohjanrannan", "stadens")
        return low.endswith(lex.genitive_suffixes) and len(low) >= lex.genitive_modifier_min_length

    def _english_name(self, toks, i, typ):
        en = lexicon("en")
        start = i
        while start > 0:
            t = toks[start - 1]
            if t.text in ("'s", "’s") or t.text.endswith(("'s", "’s")):
                break  # "Norland’s Ministry for Coastal Affairs": the owner is not part of the name
            if t.is_word and t.is_cap and t.text.lower() not in self.not_names and not (t.is_upper and len(t.text) > 6) \
                    and t.text.lower() not in _function_words():  # "With X University": a sentence's first word
                start -= 1
            else:
                break
        if start == i and not toks[i].is_cap and typ != "network":  # "X and Y form a joint network": no name
            start = self._modified_lower_head(toks, i)
        start = self._owner_run(toks, start, i)
        end = i + 1
        k = end
        # a currency written before a sum ("Northfield University EUR 30,000") is no part of a name
        while k < len(toks) and not toks[k - 1].text.endswith(("'s", "’s")):
            t = toks[k]
            if t.is_word and t.is_cap and t.text.lower() not in self.currencies:
                k += 1
                end = k
            elif t.text.lower() in ("of", "for", "&", "de") and k + 1 < len(toks) and toks[k + 1].is_cap:
                k += 1
            elif t.text.lower() == "and" and k + 1 < len(toks) and toks[k + 1].is_cap \
                    and not any(head_type(x, en) for x in toks[k + 1:k + 4] if x.is_cap):
                k += 1  # "Ministry of Education and Culture", but not "… Norland and the KUAS University"
            else:
                break
        name = toks[start:end]
        if len(name) == 1 and is_bare_head(toks[i], self.lex):
            return None
        if not name[0].is_cap:
            return None
        if not toks[i].is_cap and all(is_known(t.text.lower(), self.lang) for t in toks[start:i]):
            return None  # "a European university", "the Finnish university": adjectives before a common noun
        return self._mention(name, typ), end

    def _modified_lower_head(self, toks, head: int) -> int:
        """"the Solbacka daycare centre", "Eastport youth centre": a proper name, then one or two lower-case words
        saying what kind of body, then a lower-case head. The capitalised run must hold a word no dictionary
        knows (a place or a proper name): "Finnish daycare centre" is a kind of body, not one."""
        k = head
        articles = self.articles | {w.lower() for w in self.lex.words("funded_items", "articles")}
        while k > 0 and head - k < 2 and toks[k - 1].is_word and not toks[k - 1].is_cap \
                and toks[k - 1].text.lower() not in _function_words() and toks[k - 1].text.lower() not in articles \
                and not toks[k - 1].text.endswith(("'s", "’s")):  # "X kommun's education department": an owner
            k -= 1
        if k == head:
            return head
        j = k
        while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and not toks[j - 1].is_upper \
                and toks[j - 1].text.lower() not in self.not_names and toks[j - 1].text.lower() not in _function_words() \
                and not toks[j - 1].text.endswith(("'s", "’s")) and k - j < 3:
            j -= 1
        if j == k or all(is_known(t.text.lower(), self.lang) or is_known(t.text, self.lang) for t in toks[j:k]):
            return head
        return j

    def _owner_run(self, toks, start: int, head: int) -> int:
        """"Timber Industries of Norland Jubilee Foundation": a capitalised run, a linking word and the
        capitalised words before the head are one name (the run is no job title: "Director of X Foundation")."""
        if start == head or start < 2 or toks[start - 1].text.lower() not in lexicon("en").words("owner_runs", "links"):
            return start
        k = start - 1
        while k > 0 and toks[k - 1].is_word and toks[k - 1].is_cap and toks[k - 1].text.lower() not in self.not_names \
                and not toks[k - 1].text.endswith(("'s", "’s")) and start - k < 4:
            k -= 1
        if k == start - 1 or head_type(toks[start - 2], self.lex) is not None:
            return start  # nothing capitalised before the link, or a name of its own ends there ("… University of")
        run = " ".join(t.text for t in toks[k:start - 1]).lower()
        if any(run == x or run.endswith(" " + x) or x.startswith(run + " ") for x in _title_words(self.lang)):
            return start
        return k

    def _mention(self, name_toks: list[Token], typ: str) -> OrgMention:
        surface = _join(name_toks, [t.text for t in name_toks])
        base = base_form(name_toks, self.lang)
        if base and base[0].islower():
            base = base[0].upper() + base[1:]
        if after_alliance_term(base, self.lex.words("coalition", "alliance_terms")) is not None:
            typ = "network"
        last = name_toks[-1].text.lower().rstrip(".")
        if last in self.legal and len(name_toks) > 1:
            typ = self.legal[last] if typ in ("other", "company", "ngo") else typ
            base = surface  # written as registered, before its legal form: no word of it is inflected
        return OrgMention(name_toks[0].start, name_toks[-1].end, surface, base, typ)


@cache
def _function_words() -> frozenset[str]:
    """English function words (the lexicon's [language] common words, articles aside: "The Open University"
    keeps its article to be cut later), capitalised only as a sentence's first word, never a name's."""
    return frozenset(w for w in lexicon("en").words("language", "common_words") if w not in ("the", "an"))


def after_alliance_term(name: str, terms: tuple[str, ...]) -> str | None:
    """What follows a programme's term for an alliance that opens a name ("European University Xyz" → "Xyz"), or
    None: such a name is the alliance's, a coalition, not a university."""
    low = name.lower()
    return next((name[len(t):].strip() for t in terms if low.startswith(t + " ")), None)


@lru_cache(maxsize=None)
def _title_words(lang: str) -> frozenset[str]:
    """Job titles of the language and of English (a page quotes English titles), lower case."""
    return frozenset(titles(lang)) | frozenset(titles("en"))
