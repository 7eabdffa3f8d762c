"""People: full names (a given name from the name list, then a capitalised surname), with the title written
before or after the name ("hankepäällikkö Margit Patronen", "Hanna Sigsjö, verksamhetsledare för MSI")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import LANGS, every_language, given_names, lexicon, titles, world_names
from ..text import Token, is_known, lemma
from .names import head_type

_POSSESSIVE = re.compile(r"['’]s$")


@lru_cache(maxsize=1)
def _single_titles() -> tuple[str, ...]:
    """The one-word titles of every language, longest first."""
    merged: dict[str, str] = {}
    for lg in LANGS:
        merged.update(titles(lg))
    return tuple(sorted((t for t in merged if " " not in t and len(t) >= 5), key=len, reverse=True))


@lru_cache(maxsize=100_000)  # every word before a name was compared with every title, in every document
def _title_ending(word: str, lem: str) -> str | None:
    """The first of the one-word titles that the word or its lemma ends with."""
    return next((t for t in _single_titles() if word.endswith(t) or lem.endswith(t)), None)


@dataclass
class PersonMention:
    start: int
    end: int
    name: str  # as written, possessive removed
    tokens: tuple[str, ...]
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    explicit_title: bool = False


class PersonFinder:
    def __init__(self, lang: str):
        self.lang = lang
        self.lex = lexicon(lang)
        self.given = given_names()
        self.not_given = set(self.lex.section("person").get("not_given", ()))
        self.titles = {}
        for lg in LANGS:  # a Finnish page may quote a Swedish title and vice versa
            self.titles.update(titles(lg))
        # a page quotes other languages' sentences ("projektledare är X" on an English page)
        self.copulas = every_language("clause", "copulas")
        joins = every_language("organisation", "coordinators")
        self.field_links = {w.lower() for w in every_language("apposition", "unit_name_links") if w not in joins}

    # -- names
    def is_given(self, word: str) -> bool:
        if word in self.not_given or not word[:1].isupper():
            return False
        if word in self.given:
            return True
        parts = word.split("-")
        if len(parts) > 1:
            return all(self.is_given(p) for p in parts if p)
        # the wider international name list, unless the word is also a common word here ("Han", "Den")
        return word in world_names() and not self._common_word(word)

    def _common_word(self, word: str) -> bool:
        """"Han", "Den", "Will": a given name elsewhere, a common word here (the dictionary's lemma is lower case)."""
        return is_known(word.lower(), self.lang) and lemma(word, self.lang)[:1].islower()

    def _unknown_word(self, word: str) -> bool:
        """A capitalised word the dictionary does not know in any form: a name, not a word of the language."""
        return word[:1].isupper() and not word.isupper() and "-" not in word.strip("-") \
            and not is_known(word.lower(), self.lang) and not is_known(word, self.lang)

    def _surname_ok(self, tok: Token) -> bool:
        if not (tok.is_word and tok.is_cap) or tok.is_upper or tok.text.endswith("-"):
            return False
        if head_type(tok, self.lex) is not None and not self.is_given(tok.text):
            return False
        return True

    def find(self, toks: list[Token]) -> list[PersonMention]:
        out: list[PersonMention] = []
        i = 0
        while i < len(toks):
            m = self._name_at(toks, i)
            if m is None:
                i += 1
                continue
            end_idx, mention = m
            self._attach_title(toks, i, end_idx, mention)
            out.append(mention)
            i = end_idx
        return out

    def _name_at(self, toks, i):
        t = toks[i]
        if not (t.is_word and t.is_cap) or t.is_upper:
            return None
        if not self.is_given(t.text) and not ((t.text in world_names() and not self._common_word(t.text)
                                               or self._unknown_word(t.text)) and self._title_before(toks, i)) \
                and not self._titled_after(toks, i):
            return None  # a given name no list knows is still one right after a title ("rektor Wivan X")
        j = i + 1
        if (j + 1 < len(toks) and self.is_given(toks[j].text) and self._surname_ok(toks[j + 1])
                and toks[j + 1].start - toks[j].end == 1 and not self._followed_by_head(toks, j + 1)
                and toks[j].text in self.given):
            j += 1  # a second given name: "Anna Maria Virtanen" (but "Sari Laine Lapin ammattikorkeakoulusta")
        if j >= len(toks) or not self._surname_ok(toks[j]) or toks[j].start - toks[j - 1].end > 1:
            return None
        j += 1
        # a double surname: "Stina Berg Holmqvist", "Lena Vik Åkerlund"
        if (j < len(toks) and self._surname_ok(toks[j]) and toks[j].start - toks[j - 1].end == 1
                and not self.is_given(toks[j].text) and not self._followed_by_head(toks, j)
                and not self._common_word(toks[j].text)
                and (not self.lex.names_inflect or lemma(toks[j].text, self.lang) == toks[j].text)
                and (j + 1 >= len(toks) or not toks[j + 1].is_cap)):
            j += 1
        if self._followed_by_head(toks, j - 1):
            return None  # "Linnea Gymnasium", "Elsa Gymnasium": a name inside an organisation name
        words = [tk.text for tk in toks[i:j]]
        words[-1] = _POSSESSIVE.sub("", words[-1])
        if ":" in words[-1]:
            words[-1] = words[-1].split(":")[0]
        if self.lex.names_inflect:
            # an inflected surname to its nominative ("Korhoselle" → "Korhonen"), where the dictionary knows it
            lem = lemma(words[-1], self.lang)
            if lem != words[-1] and lem[:1].isupper() and lem[:3] == words[-1][:3]:
                words[-1] = lem
        return j, PersonMention(toks[i].start, toks[j - 1].end, " ".join(words), tuple(words))

    def _followed_by_head(self, toks, j) -> bool:
        """The name runs on into an organisation word ("Linnea Gymnasium", "Olga Petrenko National University")."""
        for k in range(j + 1, min(j + 4, len(toks))):
            t = toks[k]
            if not t.is_word or t.start - toks[k - 1].end > 1:
                return False
            is_head = head_type(t, self.lex) is not None or head_type(t, lexicon("en")) is not None
            # right after the name, any head ("Linnea Gymnasium"); further on, only a capitalised one
            # ("Olga Petrenko National University"), not the lower-case head of the next organisation
            # ("Sari Koskinen Lapin ammattikorkeakoulusta")
            if is_head and (k == j + 1 or t.is_cap):
                if k == j + 1 and self._case_boundary(toks[j], t):
                    return False
                return not self.is_given(t.text)
            if not t.is_cap:
                return False
        return False

    def _case_boundary(self, surname: Token, head: Token) -> bool:
        """In a language whose names inflect, a name's words before its head are in the genitive: a surname in
        its base form before an inflected head ends the person's name, and the head is an organisation of its
        own in a place case ("Jaana Virtanen Opetushallituksesta", from the national agency)."""
        if not self.lex.names_inflect or not head.is_cap:
            return False
        lem = lemma(head.text, self.lang)
        return lem != head.text and lem[:1].isupper() is head.text[:1].isupper() \
            and lemma(surname.text, self.lang) == surname.text

    # -- titles
    def title_of(self, words: list[str]) -> str | None:
        """The job title among `words` (lower case), longest match at the end."""
        low = [w.lower() for w in words]
        for n in range(min(5, len(low)), 0, -1):
            phrase = " ".join(low[-n:])
            if phrase in self.titles:
                return phrase
        if low:
            last = low[-1]
            lem = lemma(last, self.lang).lower()
            t = _title_ending(last, lem)
            if t is not None:
                # a compound title: "styrgruppsordförande", "tiede- ja kulttuuriministeri"
                k = len(low) - 1
                while k >= 2 and low[k - 1] in ("ja", "och", "and") and low[k - 2].endswith("-"):
                    k -= 2
                return " ".join(low[k:]) if last.endswith(t) else " ".join(low[k:-1] + [lem])
        return None

    def _title_of_field(self, words: list[str]) -> str | None:
        """A title word and the field it covers in capitalised words ("Director of Research Funding", "Head of
        Digital Learning"), as a title is written before a name."""
        for j in range(len(words) - 2):
            if words[j + 1].lower() in self.field_links and self.title_of([words[j]]) == words[j].lower() \
                    and words[j][:1].isupper() and all(w[:1].isupper() for w in words[j + 2:]):
                return " ".join(words[j:]).lower()
        return None

    def _title_before(self, toks, i):
        """The title written right before a name ("johtava asiantuntija Venla Bernelius"): (title, start, end)."""
        words = []
        k = i
        if k > 0 and toks[k - 1].text.lower() in self.copulas:
            k -= 1  # "projektipäällikkö on Tiina Salminen", "projektledare är Karin Berg"
        while k > 0 and (toks[k - 1].is_word or toks[k - 1].text == "-") and len(words) < 5:
            words.insert(0, toks[k - 1].text)
            k -= 1
        title = self.title_of(words) or self._title_of_field(words)
        if not title:
            return None
        n = min(len(title.split()), len(words))
        last = k + len(words) - 1  # the title's last word, before any copula
        return title, toks[last - n + 1].start, toks[last].end

    def _attach_title(self, toks, i, j, mention: PersonMention) -> None:
        before = self._title_before(toks, i)
        if before:
            mention.title, mention.title_start, mention.title_end = before
            mention.explicit_title = True
            return
        # "Margit Patronen, hankepäällikkö, Savon …", "Karin Lindqvist, lärare på …"
        after = self._title_after(toks, j)
        if after:
            mention.title, mention.title_start, mention.title_end = after
            mention.explicit_title = True

    def _title_after(self, toks, j):
        """The title written right after a name ending before token j: (title, start, end)."""
        k = j
        if k < len(toks) and toks[k].text in (",", ";", "(", "–", "-"):
            k += 1
        words, start = [], k
        while k < len(toks) and toks[k].is_word and len(words) < 6:
            if toks[k].is_cap and words and not self.lex.title_case_names:
                break
            words.append(toks[k].text)
            k += 1
        for n in range(len(words), 0, -1):
            title = self.title_of(words[:n])
            if title and (len(title.split()) == n or title.endswith(words[n - 1].lower())):
                return title, toks[start].start, toks[start + n - 1].end
        return None

    def _titled_after(self, toks, i) -> bool:
        """A given name no list takes for one here (another country's, or one that is also a common word: "Mart")
        is still one when a surname and a title in apposition follow ("Mart Kask, head of …")."""
        if i + 2 >= len(toks) or toks[i + 2].text != ",":  # asked of every capitalised word: the cheap test first
            return False
        t, surname = toks[i], toks[i + 1]
        return surname.start - t.end == 1 and (t.text in world_names() or self._unknown_word(t.text)) \
            and self._surname_ok(surname) and not self._common_word(surname.text) \
            and self._title_after(toks, i + 2) is not None
