"""Read source files into Documents: decode, turn HTML and Markdown into plain text, give each an id.

Offsets in evidence refer to `Document.text`, the plain text after this step (for .txt files, the file's
own text), so a user can find a quoted sentence in the file it came from.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from edukg.errors import InputError

from .model import Document

FORMATS = {
    ".txt": "text/plain", ".text": "text/plain",
    ".md": "text/markdown", ".markdown": "text/markdown",
    ".html": "text/html", ".htm": "text/html", ".xhtml": "text/html",
}

# Windows-1252 puts printable characters (€, ’, “, –) where Latin-1 has C1 control codes; text from
# Finnish and Swedish offices is far more often the former, so it is tried first.
_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def find_files(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into the source files to read, in a stable order; return (files, problems)."""
    files: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if not p.exists():
            problems.append(f"{p}: no such file or folder")
        elif p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in FORMATS
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not found:
                problems.append(f"{p}: folder holds no .txt, .md or .html files")
            files.extend(found)
        else:
            files.append(p)
    return files, problems


def doc_id(path: Path) -> str:
    """The document's identifier: its file name without extension, as an IRI-safe slug."""
    stem = unicodedata.normalize("NFKC", path.stem)
    slug = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-")
    return slug or "document"


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


def read_document(path: str | Path) -> Document:
    """Read one file; raise InputError with a one-line reason when it cannot be used."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown format '{path.suffix or '(none)'}' (expected .txt, .md or .html)")
    try:
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
    return Document(id=doc_id(path), path=str(path.resolve()), text=text, format=fmt,
                    sha256=hashlib.sha256(data).hexdigest())
