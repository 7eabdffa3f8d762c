"""`import_register`: register files (CSV project lists) in, one named graph per file in the store.

Each file is a source like a document: its graph is `<base>graph/source/<id>` with the id from the file name,
written through `SourceWriter` (so its organisations meet the actors of documents through the actor index, and
`edukg remove`, prune and publication treat it as any source), and skipped when its checksum is unchanged.
The organisation names of all files imported together are resolved into bodies in one step
(`edukg.ingest.registers.bodies`), so one body gets one node across files.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from edukg.core.errors import EdukgError, InputError
from edukg.core.namespaces import DEFAULT_BASE
from edukg.core.store import Store
from edukg.ingest.model import Organisation
from edukg.ingest.registers import RegisterFile, read_register
from edukg.ingest.registers.to_rdf import write_register_ntriples
from edukg.ingest.registers.bodies import BodyResolution, read_overrides, resolve_bodies, write_review
from edukg.ingest.to_rdf import _file_uri
from edukg.write import SourceWriter, ensure_ontology


@dataclass
class ImportReport:
    store: str = ""
    imported: list[str] = field(default_factory=list)  # source ids written (new or changed)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files not imported at all
    rows: int = 0  # rows read from the files imported (good and bad)
    projects: int = 0  # rows written as projects
    implementer_strings: int = 0  # distinct implementer and partner strings
    organisations: int = 0  # the bodies they resolve to
    funders: int = 0  # distinct granting bodies
    merges: int = 0  # merges made by body resolution
    review: int = 0  # merges left for review
    triples: int = 0  # triples written
    problems: list[str] = field(default_factory=list)  # "FILE:LINE: problem" (rows left out) and files that failed
    warnings: list[str] = field(default_factory=list)  # "FILE:LINE: ..." values left out of rows that were imported

    @property
    def ok(self) -> bool:
        return not self.problems


def import_register(paths: Iterable[str | Path], store: Store, *, base: str = DEFAULT_BASE,
                    review: str | Path | None = None, overrides: str | Path | None = None,
                    progress: Callable[[str], None] | None = None) -> ImportReport:
    """Import register CSV files into `store`. A file of an unknown format or that cannot be read is a problem
    and the others go on; a bad row is a problem ("FILE:LINE: ...") and the other rows go on; an unchanged file
    (same checksum) is skipped. `review` names a CSV to write the merges body resolution did not dare to make;
    `overrides`, a CSV of the user's same / different / unit-of decisions, is honoured."""
    report = ImportReport(store=store.location)
    decisions = None
    if overrides is not None:
        try:
            decisions = read_overrides(overrides)
        except (OSError, ValueError) as e:
            raise InputError(f"--overrides {overrides}: cannot read it ({getattr(e, 'strerror', None) or e})") from None
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("import-register: name one or more register CSV files")
    ensure_ontology(store, base)
    writer = SourceWriter(store, base)
    todo: list[RegisterFile] = []
    for path in paths:
        if path.is_dir():
            report.problems.append(f"{path}: a folder; name the register CSV files")
            report.failed.append(str(path))
            continue
        try:
            # the rows are read again while their graph is written: never all files' rows in memory at once
            reg = read_register(path, keep_rows=False)
        except InputError as e:
            report.problems.append(str(e))
            report.failed.append(str(path))
            continue
        graph_iri = writer.graph_iri(reg.id)
        uri = _file_uri(str(path))
        owner = writer.owner(graph_iri, uri)
        if owner is not None or any(r.id == reg.id for r in todo):
            other = owner.path if owner is not None else next(r.path for r in todo if r.id == reg.id)
            report.problems.append(f"{path}: source id '{reg.id}' is taken by {other}; rename one of the files")
            report.failed.append(str(path))
            continue
        if writer.unchanged(graph_iri, uri, reg.sha256):
            report.unchanged.append(reg.id)
            continue
        todo.append(reg)
    resolution = _resolve(todo, decisions, report)
    with tempfile.TemporaryDirectory(prefix="edukg-register-") as tmp:
        for reg in todo:
            if progress:
                progress(str(reg.path))
            _write(reg, writer, resolution, base, report, Path(tmp) / "graph.nt")
    if review is not None:
        try:
            write_review(review, resolution)
        except OSError as e:
            raise InputError(f"--review {review}: cannot write it ({e.strerror or e})") from None
    if report.imported:
        # network metrics describe the data they were computed from: stale once a source graph changes
        from edukg.graph.writeback import analytics_graph_iri
        store.drop_graph(analytics_graph_iri(base))
        store.optimize()
    return report


def _write(reg: RegisterFile, writer: SourceWriter, resolution: BodyResolution, base: str, report: ImportReport,
           nt_path: Path) -> None:
    """Write one file's graph; a file whose graph cannot be written is a problem, and the store keeps it as it was."""
    report.rows += reg.count + len(reg.problems)
    report.problems.extend(reg.problems)
    report.warnings.extend(reg.warnings)
    organisations = _organisations(reg, resolution)
    counted: list[int] = []

    def to_ntriples() -> Path:
        # through a temporary file: the loader reads it as it goes, so memory never holds the million-line text
        with open(nt_path, "wb") as out:
            counted.append(write_register_ntriples(reg, organisations, resolution.of, out, base))
        return nt_path
    try:
        writer.write(writer.graph_iri(reg.id), reg.id, _file_uri(str(reg.path)), organisations.values(),
                     to_ntriples=to_ntriples)
    except OSError as e:
        report.problems.append(f"{reg.path}: cannot write its triples ({e.strerror or e})")
        report.failed.append(str(reg.path))
        return
    except EdukgError as e:
        report.problems.append(f"{reg.path}: {e}")
        report.failed.append(str(reg.path))
        return
    report.imported.append(reg.id)
    report.projects += reg.count
    report.triples += sum(counted)


def _resolve(files: list[RegisterFile], decisions, report: ImportReport) -> BodyResolution:
    implementers: dict[str, None] = {}
    funders: dict[str, None] = {}
    for reg in files:
        implementers.update(reg.implementers)
        funders.update(reg.authorities)
    resolution = resolve_bodies([*implementers, *funders], overrides=decisions)
    report.implementer_strings = len(implementers)
    report.organisations = len({resolution.of[n] for n in implementers if n in resolution.of})
    report.funders = len({resolution.of[n] for n in funders if n in resolution.of})
    report.merges = resolution.merges
    report.review = len(resolution.review)
    return resolution


def _organisations(reg: RegisterFile, resolution: BodyResolution) -> dict[str, Organisation]:
    """The organisations one file names, with the bodies they are units of, as fresh `Organisation`s (the
    actor index sets their node per source)."""
    keys: dict[str, None] = {}
    for name in reg.names:
        key = resolution.of.get(name)
        while key is not None and key not in keys and key in resolution.bodies:
            keys[key] = None
            key = resolution.bodies[key].parent  # a unit's parent is described in the same graph
    lang = reg.format.language
    out = {}
    for key in keys:
        body = resolution.bodies[key]
        out[key] = Organisation(key=body.key, name=body.name, lang=lang, type=body.type,
                                alt_labels=set(body.variants) - {body.name}, parent=body.parent)
    return out
