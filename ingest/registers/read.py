"""Reading a register file: its format from the header, then one `RegisterRow` per good row.

A bad row (wrong number of columns, a date or amount that does not parse, no name or code, a code already
read) is reported as "FILE:LINE: problem" and left out; the rows around it are read.

The file is read as a stream, never whole in memory. `read_register(path, keep_rows=False)` keeps only what an
import needs before it writes (the problems, the number of rows, the organisation names) and `RegisterFile.rows_again`
reads the rows a second time while they are written: at ten times the real register the rows held at once cost
more memory (580 MB for 228,000 rows) than everything else the import holds before its load.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Context, Decimal, InvalidOperation
from pathlib import Path
from typing import Iterator

from edukg.core.errors import InputError

from ..model import LARGEST_AMOUNT
from ..read import doc_id

from .mapping import RegisterFormat, clean_value, expected_columns, recognise


@dataclass
class Amount:
    value: Decimal
    property: str  # how the grant holds it (mapping.MONEY_PROPERTIES)
    scope: str  # whose money it counts (mapping.SCOPES)


@dataclass
class RegisterRow:
    line: int  # the line of the file the row starts on (the header is line 1)
    code: str
    name: str
    alt_name: str | None = None
    fund: str | None = None
    programme: str | None = None
    priority_axis: str | None = None
    call_year: str | None = None
    status: str | None = None
    start: str | None = None  # ISO 8601 date
    end: str | None = None
    implementer: str | None = None  # exactly as in the cell: the key of body resolution
    partners: list[str] = field(default_factory=list)
    authority: str | None = None
    amounts: list[Amount] = field(default_factory=list)
    scheme: dict[str, str] = field(default_factory=dict)  # the funding scheme's label by language


@dataclass
class RegisterFile:
    path: Path
    id: str  # the source id: the file name without its extension, as a document's
    format: RegisterFormat
    sha256: str
    rows: list[RegisterRow] = field(default_factory=list)  # empty when read with keep_rows=False
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: problem", rows left out
    warnings: list[str] = field(default_factory=list)  # "FILE:LINE: ...", rows read with a value left out
    count: int = 0  # good rows read
    implementers: dict[str, None] = field(default_factory=dict)  # implementer and partner cells, first seen first
    authorities: dict[str, None] = field(default_factory=dict)  # granting authority cells, first seen first
    names: dict[str, None] = field(default_factory=dict)  # every organisation cell, in the order the rows name them
    kept: bool = True  # whether `rows` holds the rows

    def rows_again(self) -> Iterator[RegisterRow]:
        """The good rows, in file order: those kept, or the file read again. A file that changed since it was
        first read is an InputError (its rows would not be the ones checked and resolved)."""
        if self.kept:
            yield from self.rows
            return
        again = RegisterFile(self.path, self.id, self.format, self.sha256, kept=False)
        yield from _read_rows(again)
        if _sha256(self.path) != self.sha256 or again.count != self.count:
            raise InputError(f"{self.path}: the file changed while it was imported; import it again")


class RowError(ValueError):
    pass


def read_register(path: str | Path, source_id: str | None = None, *, keep_rows: bool = True) -> RegisterFile:
    """Read one register CSV. A file that cannot be read or whose header matches no format is an InputError.
    With `keep_rows=False` the rows are checked and counted but not kept (`rows_again` reads them)."""
    path = Path(path)
    sha256 = _sha256(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            first = f.readline().rstrip("\r\n")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; a register CSV must be UTF-8") from None
    if not first.strip():
        raise InputError(f"{path}: empty file, no header row")
    fmt = _format_of(path, first)
    out = RegisterFile(path, source_id or doc_id(path), fmt, sha256, kept=keep_rows)
    for row in _read_rows(out):
        for name in (row.implementer, *row.partners):
            if name:
                out.implementers.setdefault(name)
        if row.authority:
            out.authorities.setdefault(row.authority)
        for name in (row.implementer, *row.partners, row.authority):
            if name:
                out.names.setdefault(name)
        if keep_rows:
            out.rows.append(row)
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror or e})") from None
    return digest.hexdigest()


def _read_rows(out: RegisterFile) -> Iterator[RegisterRow]:
    """The good rows of `out`'s file, one at a time; bad rows go to `out.problems`, `out.count` counts the good."""
    path, fmt = out.path, out.format
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.reader(f, delimiter=fmt.delimiter)
            header = [h.strip() for h in next(reader)]
            index = {h: i for i, h in enumerate(header)}
            partner_cols = [index[c] for c in fmt.partner_columns(header)]
            seen: dict[str, int] = {}
            start_line = reader.line_num + 1
            for cells in reader:
                line, start_line = start_line, reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue  # a blank line ends many exports
                try:
                    if len(cells) != len(header):
                        raise RowError(f"{len(cells)} columns, the header has {len(header)}")
                    row = _row(fmt, line, cells, index, partner_cols, out, path)
                    if row.code in seen:
                        raise RowError(f"project code {row.code} is already on line {seen[row.code]}")
                except RowError as e:
                    out.problems.append(f"{path}:{line}: {e}")
                    continue
                seen[row.code] = line
                out.count += 1
                yield row
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; a register CSV must be UTF-8") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read it ({e.strerror or e})") from None


def _format_of(path: Path, first_line: str) -> RegisterFormat:
    for delimiter in (",", ";", "\t"):
        header = next(csv.reader([first_line], delimiter=delimiter))
        fmt = recognise(header)
        if fmt is not None and fmt.delimiter == delimiter:
            return fmt
    raise InputError(f"{path}: not a register format edukg knows; the header must hold the columns of one of "
                     f"them — {expected_columns()}")


def _row(fmt: RegisterFormat, line: int, cells: list[str], index: dict[str, int], partner_cols: list[int],
         out: RegisterFile, path: Path) -> RegisterRow:
    values: dict[str, str] = dict(fmt.constants)
    for role, column in fmt.columns.items():
        if role == "partners":
            continue
        raw = cells[index[column]]
        values[role] = raw if role == "implementer" else clean_value(fmt, role, raw)
    if not values.get("code"):
        raise RowError("no project code")
    if not values.get("name"):
        raise RowError("no project name")
    row = RegisterRow(line=line, code=values["code"], name=values["name"])
    for role in ("alt_name", "fund", "programme", "priority_axis", "call_year", "status", "authority"):
        setattr(row, role, values.get(role) or None)
    if values.get("implementer", "").strip():
        row.implementer = values["implementer"]
    row.start = _date(fmt, values.get("start", ""), "start")
    row.end = _date(fmt, values.get("end", ""), "end")
    if row.start and row.end and row.end < row.start:
        raise RowError(f"end date {row.end} is before start date {row.start}")
    for i in partner_cols:
        cell = cells[i]
        parts = cell.split(fmt.partners_separator) if fmt.partners_separator else [cell]
        row.partners.extend(p for p in parts if p.strip() and p != row.implementer)
    for m in fmt.money:
        text = cells[index[m.column]].strip().replace(" ", "").replace("\u00a0", "")
        if not text:
            continue
        if fmt.decimal_comma:
            text = text.replace(".", "").replace(",", ".")
        try:
            value = Decimal(text)
            if not value.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            raise RowError(f"{m.column}: {cells[index[m.column]]!r} is not an amount") from None
        if abs(value) >= LARGEST_AMOUNT:
            raise RowError(f"{m.column}: {cells[index[m.column]]!r} is too large for an amount")
        if value.as_tuple().exponent < -_FRACTION_DIGITS:
            # stores keep 18 digits after the point (Oxigraph's xsd:decimal): more would be written as an invalid
            # literal; no currency is counted that finely, so the amount is rounded there
            value = value.quantize(Decimal(1).scaleb(-_FRACTION_DIGITS), context=_ROUNDING)
        if value < 0:
            # a negative figure is money paid back, not an amount of a grant: kept out, said once
            out.warnings.append(f"{path}:{line}: {m.column}: negative amount {value} left out")
            continue
        row.amounts.append(Amount(value, m.property, m.scope))
    row.scheme = fmt.scheme_labels({k: v for k, v in values.items() if isinstance(v, str)})
    return row


# the digits after the point of the xsd:decimal that every store keeps exactly (Oxigraph: 18)
_FRACTION_DIGITS = 18
# rounding to 18 places keeps up to 20 + 18 digits: more than the default context's 28, which would refuse it
_ROUNDING = Context(prec=40)


def _date(fmt: RegisterFormat, text: str, what: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    for pattern in fmt.date_formats:
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise RowError(f"{what} date {text!r} is not a date ({' or '.join(fmt.date_formats)})")
