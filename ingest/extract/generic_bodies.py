"""A capitalised common noun of cooperation is no body: "Yhteistyöverkosto toteuttaa …", "Nätverket samlar …",
"The Consortium will …" open a sentence with a kind of group, which the organisation rules may still read as a
name. Such a word takes no part in a project (the network it stands for is a coalition, read by its own rules).
"""
from __future__ import annotations

from ..text import lemma
from .coalition_members import generic_compound
from .context import DocContext


def names_a_kind(name: str, ctx: DocContext) -> bool:
    """One word that is a cooperation noun of the lexicon, alone or compounded with a generic first part."""
    if " " in name.strip() or "-" in name or any(c.isupper() for c in name[1:]):
        return False  # several words, a brand glued to the noun ("Xyz-verkosto") or capitals inside: a name
    low = name.lower()
    if "kind nouns" not in ctx.memo:  # asked of every participant of every project
        ctx.memo["kind nouns"] = frozenset(ctx.lex.words("coalition", "nouns")) | frozenset(ctx.lex.cue("coalition"))
    nouns = ctx.memo["kind nouns"]
    return low in nouns or lemma(low, ctx.lang).lower() in nouns or generic_compound(name, ctx)
