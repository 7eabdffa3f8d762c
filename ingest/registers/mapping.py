"""Register formats: one TOML mapping per format (`formats/*.toml`) says which column is what.

The code reads columns only through a `RegisterFormat`: a new register, or a register that renames a column,
is a new mapping file, not new code. A file's format is the one whose required columns its header holds.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# the roles a column can play; `code` and `name` are required of every format
ROLES = ("code", "name", "alt_name", "fund", "programme", "priority_axis", "call_year", "status", "start", "end",
         "implementer", "partners", "authority")
REQUIRED = ("code", "name")
# the properties a money column can be written with: schema:amount, or an edukg: property of the grant
MONEY_PROPERTIES = ("amount", "realisedAmount", "plannedPublicFunding", "realisedPublicFunding", "totalCost")
SCOPES = ("eu_state", "public", "eu", "total")


@dataclass(frozen=True)
class MoneyColumn:
    column: str
    property: str  # one of MONEY_PROPERTIES
    scope: str  # one of SCOPES
    meaning: str


@dataclass(frozen=True)
class RegisterFormat:
    id: str
    title: str
    language: str
    delimiter: str
    date_formats: tuple[str, ...]
    decimal_comma: bool
    currency: str
    project_prefix: str
    scheme: str  # template of the funding scheme's label, with {role} fields
    columns: dict[str, str]  # role → column name (for `partners`, maybe a "{n}" pattern)
    money: tuple[MoneyColumn, ...]
    constants: dict[str, str] = field(default_factory=dict)  # role → value for every row
    funds: dict[str, dict[str, str]] = field(default_factory=dict)  # fund as written → {lang: name}
    clean: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # role → replacements
    partners_separator: str | None = None

    @property
    def required_columns(self) -> list[str]:
        """The columns a header must hold to be read as this format: every mapped one but numbered patterns."""
        cols = [c for r, c in self.columns.items() if "{n}" not in c]
        return cols + [m.column for m in self.money]

    def matches(self, header: list[str]) -> bool:
        have = set(header)
        return all(c in have for c in self.required_columns)

    def partner_columns(self, header: list[str]) -> list[str]:
        pattern = self.columns.get("partners")
        if not pattern:
            return []
        if "{n}" not in pattern:
            return [pattern] if pattern in header else []
        out, n = [], 1
        while pattern.format(n=n) in header:
            out.append(pattern.format(n=n))
            n += 1
        return out

    def scheme_labels(self, values: dict[str, str]) -> dict[str, str]:
        """The funding scheme's label in each language the fund has a name in (the register's own first)."""
        fund = values.get("fund", "")
        names = self.funds.get(fund, {}) or {self.language: fund}
        out = {}
        for lang in dict.fromkeys([self.language, *names]):
            label = self.scheme.format_map(_Blank({**values, "fund": names.get(lang, fund)}))
            label = " ".join(label.split())
            if label:
                out[lang] = label
        return out


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def parse_format(data: dict, origin: str) -> RegisterFormat:
    """A format from a mapping file's TOML; a mapping that names an unknown role or property is an error."""
    columns = dict(data.get("columns", {}))
    sep = columns.pop("partners_separator", None)
    unknown = set(columns) - set(ROLES)
    if unknown:
        raise ValueError(f"{origin}: unknown column roles {sorted(unknown)} (known: {', '.join(ROLES)})")
    constants = dict(data.get("constants", {}))
    missing = [r for r in REQUIRED if r not in columns]
    if missing:
        raise ValueError(f"{origin}: no column for {', '.join(missing)}")
    money = []
    for m in data.get("money", []):
        if m["property"] not in MONEY_PROPERTIES or m["scope"] not in SCOPES:
            raise ValueError(f"{origin}: money column {m['column']!r}: property must be one of {MONEY_PROPERTIES}, "
                             f"scope one of {SCOPES}")
        money.append(MoneyColumn(m["column"], m["property"], m["scope"], m.get("meaning", "")))
    clean = {role: tuple(tuple(pair) for pair in pairs) for role, pairs in data.get("clean", {}).items()}
    return RegisterFormat(
        id=data["id"], title=data.get("title", data["id"]), language=data.get("language", "und"),
        delimiter=data.get("delimiter", ","), date_formats=tuple(data.get("date_formats", ["%Y-%m-%d"])),
        decimal_comma=bool(data.get("decimal_comma", False)), currency=data.get("currency", "EUR"),
        project_prefix=data.get("project_prefix", data["id"]), scheme=data.get("scheme", "{fund}"),
        columns=columns, money=tuple(money), constants=constants, funds=dict(data.get("funds", {})),
        clean=clean, partners_separator=sep)


@cache
def formats() -> tuple[RegisterFormat, ...]:
    """Every register format shipped in `formats/`."""
    root = resources.files("edukg.ingest.registers").joinpath("formats")
    out = []
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".toml"):
            out.append(parse_format(tomllib.loads(entry.read_text(encoding="utf-8")), entry.name))
    return tuple(out)


def recognise(header: list[str]) -> RegisterFormat | None:
    """The format whose columns the header holds; of several, the one that maps the most columns."""
    header = [h.strip().lstrip("\ufeff") for h in header]
    found = [f for f in formats() if f.matches(header)]
    return max(found, key=lambda f: len(f.required_columns), default=None)


def expected_columns() -> str:
    """For the message on a file of no known format: each format and the columns it needs."""
    def short(column: str) -> str:  # a column named by a whole sentence is shown by its start
        return column if len(column) <= 40 else column[:39] + "…"
    return "; ".join(f"{f.id}: {', '.join(map(short, f.required_columns))}" for f in formats())


def clean_value(fmt: RegisterFormat, role: str, value: str) -> str:
    for old, new in fmt.clean.get(role, ()):
        value = value.replace(old, new)
    return re.sub(r"\s+", " ", value).strip() if role not in ("implementer", "partners") else value.strip()
