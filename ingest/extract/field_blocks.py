"""Pages that list several projects as blocks of the same fields: a grant decision or call result where each
funded project stands under its name with its applicant, sum and period ("Project: A / Applicant: X / Grant: N",
then the same labels for B). Read as one project page, every applicant would coordinate the first project and the
sums would merge; read block by block, each project keeps its own fields.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..resolve import name_key
from ..text import Line
from .context import DocContext
from .project_mentions import name_like
from .structure import Field, lines_above

# a block says something of its project beyond a name: who runs it, pays for it, with how much, when
_OWN = frozenset({"coordinator", "partners", "funder", "amount", "period", "start", "end", "programme", "code"})


@dataclass(frozen=True)
class FieldBlock:
    head: Line  # the project's name: the value of its name field, or the line right over its fields
    fields: dict[str, list[Field]]
    start: int  # the block's first character (its head's) …
    end: int  # … and its last


def field_blocks(ctx: DocContext) -> list[FieldBlock]:
    """The blocks of a page listing two or more projects by the same labels, each block under its own name; no
    blocks when the page's fields are one project's (a label repeated for a second partner included)."""
    groups: list[list[Field]] = []
    for f in sorted(ctx.fields, key=lambda f: f.label.start):
        # a label the block already has, or a new name field, opens the next block
        if groups and f.name not in {g.name for g in groups[-1]} and f.name != "project_name":
            groups[-1].append(f)
        else:
            groups.append([f])
    groups = [g for g in groups if _OWN & {f.name for f in g}]
    if len(groups) < 2:
        return []
    # the same labels block after block: each block says of its project what the first says of its own, two
    # things at least where no name label opens the blocks (a page of one project with a second section of
    # fields is no list)
    shared = _OWN & {f.name for f in groups[0]}
    labelled = all(g[0].name == "project_name" for g in groups)
    if any(len(shared & {f.name for f in g}) < (1 if labelled else 2) for g in groups):
        return []
    out: list[FieldBlock] = []
    for g in groups:
        named = [f for f in g if f.name == "project_name"]
        head = named[0].values[0] if named else _head_over(ctx, g[0])
        if head is None or not head.text.strip():
            return []  # a block with no name of its own: not a list of projects
        fields: dict[str, list[Field]] = {}
        for f in g:
            fields.setdefault(f.name, []).append(f)
        end = max(v.end for f in g for v in f.values)
        out.append(FieldBlock(head, fields, min(head.start, g[0].label.start), end))
    if len({name_key(b.head.text) for b in out}) < len(out):
        return []  # the same name over two blocks: one project's fields after all
    return out


def _head_over(ctx: DocContext, first: Field) -> Line | None:
    """The line right over a block's first field (one blank line between allowed), when it reads as a name: not
    a field, a labelled line, a sentence or a person."""
    field_lines = {f.label.start for f in ctx.fields} | {v.start for f in ctx.fields for v in f.values}
    for ln, _ in lines_above(ctx.text, first.label.start):
        text = ln.text.strip()
        a = ln.start + ln.text.index(text)
        if ln.start in field_lines or a in field_lines or ":" in text or ctx.person_in(a, a + len(text)) \
                or not name_like(text, ctx, fielded=True):
            return None
        return Line(a, a + len(text), text)
    return None
