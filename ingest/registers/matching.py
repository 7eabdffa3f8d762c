"""Which register names are spellings of one body: blocking, string similarity (rapidfuzz) and a decision rule
that puts precision first.

A wrong merge corrupts every network measure downstream, a missed one only splits a node; so two names merge only
when they differ in one word, and that word differs by a slip of the hand (a letter dropped, doubled, swapped) in a
long word, and one of the two spellings is a word of the dictionary (or common in the register) and the other
is not. Differing short words ("Itä-" and "Ylä-"), numbers, and two words that are
both common (two place names a letter apart) keep names apart however alike they look; such near pairs, and names
that differ only by an extra word, go to the review list with the evidence for and against.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .words import dictionary_word, head_type, same_but_genitive

# Only pairs at least this alike (rapidfuzz ratio, 0..100) are judged at all.
CANDIDATE_SCORE = 85.0
# Near pairs not merged are listed for review from this score on.
REVIEW_SCORE = 90.0
# A slip of the hand is trusted only in words this long: short words that differ by a letter are other words.
TYPO_MIN_LENGTH = 8
# Words this long one letter apart are one word whatever the dictionary says.
LONG_WORD = 12
# A word written in this many distinct names is a word of its own, not a misspelling of another.
COMMON_WORD = 3
# A block larger than this is split by the names' next word, or (one-word names) compared in overlapping windows,
# so that no block or window costs more than MAX_BLOCK² / 2.
MAX_BLOCK = 1500


@dataclass
class Judgement:
    merge: bool
    score: float
    evidence_for: str
    evidence_against: str


class Clusters:
    """Union-find over names, with pairs that must stay apart (an override said so): a union that would bring
    two of them together is refused."""

    def __init__(self, items: Iterable[str]):
        self.parent = {x: x for x in items}
        self.members = {x: {x} for x in self.parent}
        self.apart: dict[str, set[str]] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def keep_apart(self, a: str, b: str) -> None:
        self.apart.setdefault(a, set()).add(b)
        self.apart.setdefault(b, set()).add(a)

    def allowed(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        small, big = sorted((ra, rb), key=lambda r: len(self.members[r]))
        return not any(self.apart.get(x, set()) & self.members[big] for x in self.members[small])

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of a and b; False when that is not allowed (or they were one already)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.allowed(a, b):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] |= self.members.pop(rb)
        return True

    def groups(self) -> list[list[str]]:
        return [sorted(m) for _, m in sorted(self.members.items())]


def blocks(keys: list[str]) -> list[list[str]]:
    """Names that share their first word, or their last word (a slip of the hand rarely hits both ends); a
    one-word name with the names of one word that begin with the same four letters; a block too large is
    split by the names' next word, as if the word they share were not there, and a block of one-word names too
    large is compared in windows."""
    out: list[list[str]] = []
    _add_blocks(_by_end_word(keys), 0, out)
    return out


def _by_end_word(keys: Iterable[str], shared: int = 0, side: str | None = None) -> dict[tuple, list[str]]:
    """Names by their first and their last word (one-word names by their first four letters), leaving out
    the `shared` words at the `side` ("first" or "last") that the whole block has in common."""
    by: dict[tuple, list[str]] = {}
    for k in keys:
        words = k.split()
        if side == "first":
            words = words[shared:]
        elif side == "last":
            words = words[:len(words) - shared]
        if len(words) == 1:
            by.setdefault(("one", words[0][:4]), []).append(k)
            continue
        if side != "last":
            by.setdefault(("first", words[0]), []).append(k)
        if side != "first":
            by.setdefault(("last", words[-1]), []).append(k)
    return by


def _add_blocks(by: dict[tuple, list[str]], shared: int, out: list[list[str]]) -> None:
    for (side, _), members in sorted(by.items()):
        if len(members) < 2:
            continue
        if len(members) <= MAX_BLOCK:
            out.append(members)
        elif side == "one":
            # sorted neighbourhood: windows of the sorted names, each overlapping the next by half, so that the
            # comparisons grow with the block's size and not with its square
            members = sorted(members)
            step = MAX_BLOCK // 2
            out += [members[i:i + MAX_BLOCK] for i in range(0, len(members) - step, step)]
        else:
            # a word that this many names share ("Tmi", a mark every name of a register carries) tells them apart
            # no better than a space: each name is compared with the names it would meet without that word, not
            # with MAX_BLOCK neighbours in windows of the whole block (which at ten times the register cost
            # more than the rest of the resolution)
            _add_blocks(_by_end_word(members, shared + 1, side), shared + 1, out)


def candidate_pairs(keys: Iterable[str]) -> tuple[set[tuple[str, str]], int]:
    """Pairs of distinct keys alike enough to judge, and the number of comparisons the blocks cost."""
    keys = sorted(set(keys))
    pairs: set[tuple[str, str]] = set()
    comparisons = 0
    for block in blocks(keys):
        comparisons += len(block) * (len(block) - 1) // 2
        scores = process.cdist(block, block, scorer=fuzz.ratio, score_cutoff=CANDIDATE_SCORE, workers=1)
        for i, j in zip(*scores.nonzero()):
            if i < j:
                pairs.add((block[i], block[j]) if block[i] < block[j] else (block[j], block[i]))
    return pairs, comparisons


def word_counts(keys: Iterable[str]) -> Counter:
    """In how many distinct names each word is written."""
    c: Counter = Counter()
    for k in set(keys):
        c.update(set(k.split()))
    return c


def _slip(x: str, y: str, counts: Counter) -> tuple[bool, str]:
    """Whether two words are one word with a slip of the hand, and why not when they are not."""
    px, py = x.split("-"), y.split("-")
    if len(px) != len(py):
        return False, f"'{x}' and '{y}' are compounds of different parts"
    for a, b in zip(px, py):
        if a == b:
            continue
        if any(c.isdigit() for c in a + b):
            return False, f"numbers differ ('{a}', '{b}')"
        if min(len(a), len(b)) < TYPO_MIN_LENGTH:
            return False, f"short words differ ('{a}', '{b}')"
        limit = 1 if max(len(a), len(b)) < 12 else 2
        if OSA.distance(a, b) > limit:
            return False, f"'{a}' and '{b}' differ by more than a slip"
    if min(counts[x], counts[y]) >= COMMON_WORD:
        return False, f"'{x}' and '{y}' are both common words ({counts[x]} and {counts[y]} names)"
    # a slip turns a word into no word: one spelling is in the dictionary and the other is not, or one is
    # written in many names and the other once; two unknown words a letter apart may be two places or brands
    if min(len(x), len(y)) >= LONG_WORD and OSA.distance(x, y) == 1:
        return True, ""  # two long words one letter apart are hardly ever two words
    known_x, known_y = dictionary_word(x), dictionary_word(y)
    if known_x and known_y:
        return False, f"'{x}' and '{y}' are both dictionary words"
    if known_x == known_y and not (max(counts[x], counts[y]) >= COMMON_WORD and min(counts[x], counts[y]) == 1):
        return False, f"neither '{x}' nor '{y}' is a dictionary word or a common spelling"
    return True, ""


def judge(a: str, b: str, counts: Counter) -> Judgement | None:
    """Whether comparison keys `a` and `b` name one body (merge), are worth a look (no merge, evidence), or
    neither (None)."""
    score = fuzz.ratio(a, b)
    wa, wb = a.split(), b.split()
    shared = [w for w in wa if w in wb]
    if len(wa) == len(wb):
        diff = [(x, y) for x, y in zip(wa, wb) if x != y]
        # a word in the genitive or with its hyphen left out is the same word ("Xyzn kaupunki", "Xyz kaupunki")
        forms = [(x, y) for x, y in diff if same_but_genitive(x, y) or x.replace("-", "") == y.replace("-", "")]
        slips = [d for d in diff if d not in forms]
        if not slips:
            return Judgement(True, score, "words differ only in case ending or hyphen: "
                             + ", ".join(f"'{x}' / '{y}'" for x, y in forms), "")
        if len(slips) == 1 and len(wa) == 1 and head_type(wa[0]) is None and head_type(wb[0]) is None:
            # a one-word name with no head word is a brand: a letter apart is another brand as often as a slip
            if score >= REVIEW_SCORE:
                return Judgement(False, score, f"similarity {score:.0f}", "one-word names: no other word to agree")
            return None
        if len(slips) == 1:
            ok, why = _slip(*slips[0], counts)
            if ok:
                return Judgement(True, score, f"one word differs by a slip: '{slips[0][0]}' / '{slips[0][1]}'", "")
            if score >= REVIEW_SCORE:
                return Judgement(False, score, f"similarity {score:.0f}; shared words: {' '.join(shared)}", why)
            return None
        if score >= REVIEW_SCORE:
            return Judgement(False, score, f"similarity {score:.0f}; shared words: {' '.join(shared)}",
                             f"{len(slips)} words differ")
        return None
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if score >= CANDIDATE_SCORE and (long_[:len(short)] == short or long_[-len(short):] == short):
        extra = [w for w in long_ if w not in short]
        return Judgement(False, score, f"one name is the other with more words; shared: {' '.join(short)}",
                         f"words in one name only: {' '.join(extra)}")
    return None
