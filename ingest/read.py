"""Read source files into Documents: decode, turn HTML and Markdown into plain text, give each an id.

Offsets in evidence refer to `Document.text`, the plain text after this step (for .txt files, the file's
own text), so a user can find a quoted sentence in the file it came from.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from edukg.core.errors import InputError

from .model import Document

FORMATS = {
    ".txt": "text/plain", ".text": "text/plain",
    ".md": "text/markdown", ".markdown": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".xhtml": "text/html",
}

# Windows-1252 puts printable characters (€, ’, “, –) where Latin-1 has C1 control codes; text from
# Finnish and Swedish offices is far more often the former, so it is tried first.
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")

# Extraction costs about 10 CPU seconds and grows the process by ~50 MB per MB of text (benchmarks/RESULTS.md):
# a file far past the size of any press release or project page is refused before it is read, not left to run
# for many minutes. The limit is the user's to raise (build --max-document-mb).
DEFAULT_MAX_DOCUMENT_BYTES = 10_000_000


@dataclass(frozen=True)
class SourceFile:
    """A file to read and the identifier its document gets: its path relative to `root` (the folder the user
    gave, or the file's own folder), so rebuilding the same folder gives the same ids and two `index.html` in
    different sub-folders are two sources."""

    path: Path
    root: Path
    id: str


def find_files(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into the source files to read, in a stable order; return (files, problems)."""
    sources, problems = find_sources(paths)
    return [s.path for s in sources], problems


def find_sources(paths: list[str | Path]) -> tuple[list[SourceFile], list[str]]:
    """Expand files and folders into source files with their ids; return (sources, problems).

    A file named twice (directly and inside a folder, or by a symlink) is read once. Two files that would get
    the same id are a problem named on the later one: their facts would otherwise overwrite each other.
    """
    found: list[tuple[Path, Path]] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if not p.exists():
            loop = p.is_symlink()
            problems.append(f"{p}: {'symbolic link to nothing (or a loop)' if loop else 'no such file or folder'}")
        elif p.is_dir():
            files = []
            for f in sorted(p.rglob("*")):
                if f.suffix.lower() not in FORMATS or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                if _is_file(f):
                    files.append(f)
                elif f.is_symlink() and not _exists(f):
                    problems.append(f"{f}: symbolic link to nothing (or a loop)")
            if not files:
                problems.append(f"{p}: folder holds no .txt, .md or .html files")
            found.extend((f, p) for f in files)
        else:
            found.append((p, p.parent))
    seen: set[Path] = set()
    unique = []
    for f, root in found:
        real = f.resolve()
        if real not in seen:
            seen.add(real)
            unique.append((f, root))
    # the same name with two extensions in one folder ("notes.txt", "notes.html"): each keeps its extension
    stems = Counter((root, f.relative_to(root).with_suffix("")) for f, root in unique)
    sources: list[SourceFile] = []
    owner: dict[str, Path] = {}
    for f, root in unique:
        sid = doc_id(f, root, with_suffix=stems[(root, f.relative_to(root).with_suffix(""))] > 1)
        if sid in owner:
            problems.append(f"{f}: same source id '{sid}' as {owner[sid]}; give the folder that holds both "
                            f"instead of each file")
            continue
        owner[sid] = f
        sources.append(SourceFile(f, root, sid))
    return sources, problems


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a symlink loop inside a folder is no document
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _slug(part: str) -> str:
    part = unicodedata.normalize("NFKC", part)
    return re.sub(r"[^\w.-]+", "-", part, flags=re.UNICODE).strip("-").lstrip(".")


def doc_id(path: Path, root: Path | None = None, *, with_suffix: bool = False) -> str:
    """The document's identifier: its path relative to `root` (default: its own folder) without extension, each
    part an IRI-safe slug joined by '/', so the file's name stays in it (the `source` column contains it)."""
    rel = path.relative_to(root) if root is not None else Path(path.name)
    parts = [_slug(p) for p in rel.with_suffix("").parts]
    if with_suffix and path.suffix:
        parts[-1] = f"{parts[-1]}-{_slug(path.suffix.lower())}"
    parts = [p for p in parts if p]
    return "/".join(parts) or "document"


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        for enc in _FALLBACK_ENCODINGS:
            try:
                text = data.decode(enc)
                break
            except UnicodeDecodeError:
                continue
    controls = sum(1 for c in text[:8192] if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 50):
        raise InputError(f"{name}: binary file, not text")
    return text


def file_checksum(path: str | Path) -> str:
    """The sha256 of a file's bytes, as `read_document` records it: enough to tell an unchanged file without
    decoding it."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e


def _size(n: int) -> str:
    return f"{n / 1e6:.3g} MB" if n >= 1e6 else f"{n / 1e3:.3g} kB"


def read_document(path: str | Path, source_id: str | None = None, *,
                  max_bytes: int | None = DEFAULT_MAX_DOCUMENT_BYTES) -> Document:
    """Read one file; raise InputError with a one-line reason when it cannot be used. `source_id` comes from
    `find_sources` (default: the file name without extension); a file over `max_bytes` (None: no limit) is
    refused unread."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown format '{path.suffix or '(none)'}' (expected .txt, .md or .html)")
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(f"{path}: {_size(size)} is more than the {_size(max_bytes)} a document may have "
                             f"(raise the limit with --max-document-mb)")
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from e
    raw = decode(data, str(path))
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "text/html":
        from .html_text import html_to_text
        text = html_to_text(raw)
    elif fmt == "text/markdown":
        from .html_text import markdown_to_text
        text = markdown_to_text(raw)
    else:
        text = raw
    if not text.strip():
        raise InputError(f"{path}: no text in the file")
    return Document(id=source_id or doc_id(path), path=str(path.resolve()), text=text, format=fmt,
                    sha256=hashlib.sha256(data).hexdigest())
