"""ingest/read.py and ingest/html_text.py: files become Documents — decoded, HTML and Markdown turned into plain
text with block structure as lines, an id slugged from the file stem — or one-line InputErrors."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from edukg.core.errors import InputError
from edukg.ingest.html_text import html_to_text, markdown_to_text
from edukg.ingest.read import decode, doc_id, find_files, read_document

FINNISH = "Ympäristöministeriö järjestää “Kestävä koulu” -seminaarin; osallistumismaksu on 20 € – ilmoittaudu pian."
SWEDISH = "Miljöministeriet ordnar ”Hållbar skola” i Åbo; avgiften är 20 € – anmäl dig senast på fredag."
LATIN1 = "Ympäristöministeriö järjestää seminaarin Helsingissä. Miljöministeriet ordnar seminariet i Åbo."


def lines_of(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


# --- HTML -------------------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="fi"><head><title>Hanke käynnistyy | Opetushallitus</title>
<style>body { color: red }</style><script>var tracking = "Piilotettu skripti";</script></head>
<body>
<header><a href="/">Etusivu</a><nav><ul><li><a href="/news">Ajankohtaista</a></li><li>Yhteystiedot</li></ul></nav></header>
<div role="navigation">Polku: Etusivu › Uutiset</div>
<main><article>
  <h1>Hanke k&auml;ynnistyy</h1>
  <p>Savon koulutuskuntayhtymä <b>koordinoi</b> hanketta.<br>Hanke kestää kaksi vuotta.</p>
  <p>Kumppanit:</p>
  <ul><li>Itä-Savon koulutuskuntayhtymä</li><li>Ylä-Savon <a href="/ysao">ammattiopisto</a></li></ul>
  <ol><li>Ensimmäinen vaihe</li><li>Toinen vaihe</li></ol>
  <table><tr><td>Rahoittaja</td><td>Opetushallitus</td></tr></table>
</article></main>
<aside>Lue myös: muut uutiset</aside>
<form><button>Tilaa uutiskirje</button></form>
<footer>© 2024 Opetushallitus · Evästeet</footer>
<script>alert("Piilotettu skripti")</script>
</body></html>"""


def test_html_keeps_the_article_and_drops_the_page_furniture():
    text = html_to_text(PAGE)
    for furniture in ("Etusivu", "Ajankohtaista", "Yhteystiedot", "Polku", "Lue myös", "Tilaa uutiskirje",
                      "Evästeet", "Piilotettu skripti", "color: red", "tracking"):
        assert furniture not in text, furniture
    assert text.startswith("Hanke käynnistyy\n")  # entities decoded; the h1 is the first line
    assert "Savon koulutuskuntayhtymä koordinoi hanketta." in text  # inline tags do not break the sentence


def test_html_lists_and_breaks_become_lines():
    got = lines_of(html_to_text(PAGE))
    assert got[:3] == ["Hanke käynnistyy", "Savon koulutuskuntayhtymä koordinoi hanketta.",
                       "Hanke kestää kaksi vuotta."]
    start = got.index("Kumppanit:")
    assert got[start + 1: start + 5] == ["• Itä-Savon koulutuskuntayhtymä", "• Ylä-Savon ammattiopisto",
                                         "• Ensimmäinen vaihe", "• Toinen vaihe"]


def test_html_table_cells_are_not_glued_together():
    # Register pages (eura2014 and the like) put "label | value" in table cells; a browser shows the cells
    # apart, and "RahoittajaOpetushallitus" would hide the funder from extraction.
    text = html_to_text(PAGE)
    assert re.search(r"Rahoittaja\s+Opetushallitus", text), text


def test_html_without_main_uses_the_body_and_the_title():
    html = ("<html><head><title>Skolnätverket växer</title></head><body><nav>Meny</nav>"
            "<p>Utbildningsstyrelsen och Åbo Akademi samarbetar.</p></body></html>")
    assert lines_of(html_to_text(html)) == ["Skolnätverket växer", "Utbildningsstyrelsen och Åbo Akademi samarbetar."]


def test_html_whitespace_is_collapsed_within_lines():
    # In HTML a line break inside a paragraph is only a space (pages are often hard-wrapped at 80 columns);
    # keeping it would cut "Savon koulutuskuntayhtymä" in two, and extraction works line by line.
    text = html_to_text("<p>Savon\n   koulutuskuntayhtymä&nbsp;&nbsp;ja\tHumak</p>")
    assert lines_of(text) == ["Savon koulutuskuntayhtymä ja Humak"]


# --- Markdown ---------------------------------------------------------------------------------------------

MARKDOWN = """# Yhessä-hanke

Hankkeen [verkkosivut](https://example.org/yhessa) kertovat lisää. **Savon koulutuskuntayhtymä** koordinoi ja
_Opetushallitus_ rahoittaa.

## Kumppanit

- Itä-Savon koulutuskuntayhtymä
* [Ylä-Savon ammattiopisto](https://ysao.fi)
+ Etelä-Savon koulutus Oy

![logo](logo.png)

> Yhteistyö on `tärkeää`.
"""


def test_markdown_links_headings_bullets_and_emphasis_become_plain_text():
    text = markdown_to_text(MARKDOWN)
    assert not re.search(r"[#*_`\[\]()>]|https?://|logo\.png", text), text
    assert lines_of(text) == [
        "Yhessä-hanke",
        "Hankkeen verkkosivut kertovat lisää. Savon koulutuskuntayhtymä koordinoi ja",
        "Opetushallitus rahoittaa.",
        "Kumppanit",
        "• Itä-Savon koulutuskuntayhtymä",
        "• Ylä-Savon ammattiopisto",
        "• Etelä-Savon koulutus Oy",
        "Yhteistyö on tärkeää.",
    ]


def test_markdown_keeps_paragraph_breaks():
    # A blank line ends a paragraph. The heading, bullet and quote patterns start with `^\s*`, and `\s` also
    # matches the newline of the blank line above, so they join a heading or a list to the paragraph before.
    text = markdown_to_text("Johdanto.\n\n## Kumppanit\n\n- Sakky\n- Humak\n\n> Lainaus.\n")
    assert text == "Johdanto.\n\nKumppanit\n\n• Sakky\n• Humak\n\nLainaus.\n"


def test_markdown_keeps_hyphenated_words_and_numbers():
    text = markdown_to_text("Opetus- ja kulttuuriministeriö myöntää 1,3 miljoonaa euroa vuosille 2021-2023.\n")
    assert text == "Opetus- ja kulttuuriministeriö myöntää 1,3 miljoonaa euroa vuosille 2021-2023.\n"


# --- documents from files ---------------------------------------------------------------------------------

def test_read_a_text_file(tmp_path):
    path = tmp_path / "000_ccf5e34e6e402c65.txt"
    data = "Otsikko\r\n\r\nSavon koulutuskuntayhtymä koordinoi.\r\n".encode("utf-8")
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.id == "000_ccf5e34e6e402c65"
    assert doc.format == "text/plain"
    assert doc.text == "Otsikko\n\nSavon koulutuskuntayhtymä koordinoi.\n"  # line ends normalised
    assert doc.sha256 == hashlib.sha256(data).hexdigest()  # of the bytes, so an edited file is noticed
    assert Path(doc.path).is_absolute() and Path(doc.path) == path.resolve()


@pytest.mark.parametrize("name, fmt", [("a.html", "text/html"), ("a.htm", "text/html"), ("a.md", "text/markdown"),
                                       ("a.markdown", "text/markdown"), ("a.TXT", "text/plain")])
def test_formats_by_extension(tmp_path, name, fmt):
    path = tmp_path / name
    path.write_text("<p>Sakky</p>" if fmt == "text/html" else "Sakky\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == fmt
    assert doc.text.strip() == "Sakky"


def test_html_and_markdown_files_are_converted(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    assert read_document(tmp_path / "page.html").text == html_to_text(PAGE)
    assert read_document(tmp_path / "notes.md").text == markdown_to_text(MARKDOWN)


@pytest.mark.parametrize("stem, expected", [
    ("000_ccf5e34e6e402c65", "000_ccf5e34e6e402c65"),
    ("dev-fi-01", "dev-fi-01"),
    ("Hankeraportti 2021 (final)", "Hankeraportti-2021-final"),
    ("Ympäristö & koulu", "Ympäristö-koulu"),
    ("  välilyönti  ", "välilyönti"),
    ("v1.2 raportti", "v1.2-raportti"),
    ("###", "document"),
])
def test_doc_id_is_a_slug_of_the_file_stem(stem, expected):
    got = doc_id(Path(f"/some/folder/{stem}.txt"))
    assert got == expected
    assert re.fullmatch(r"[\w.-]+", got)  # safe in an IRI path segment, no spaces, slashes or brackets


def test_doc_id_does_not_depend_on_folder_or_extension():
    assert doc_id(Path("/a/b/raportti.txt")) == doc_id(Path("c/raportti.html")) == "raportti"


def test_doc_id_is_unicode_normalised():
    decomposed = "Ympa\u0308risto\u0308"  # ä and ö as base letter + combining diaeresis (macOS file names)
    assert doc_id(Path(f"{decomposed}.txt")) == doc_id(Path("Ympäristö.txt")) == "Ympäristö"


# --- encodings --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [FINNISH, SWEDISH])
def test_windows_1252_is_decoded(tmp_path, text):
    data = text.encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = tmp_path / "cp1252.txt"
    path.write_bytes(data + b"\r\n")
    assert read_document(path).text == text + "\n"


def test_latin1_is_decoded(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(LATIN1.encode("latin-1"))
    assert read_document(path).text == LATIN1


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_unicode_encodings_are_decoded(encoding, bom):
    text = FINNISH + "\n" + SWEDISH + "\n"
    assert decode(bom + text.encode(encoding), "x.txt") == text


def test_utf8_is_not_mistaken_for_windows_1252():
    text = decode(FINNISH.encode("utf-8"), "x.txt")
    assert text == FINNISH and "Ã" not in text


def test_html_declaring_another_charset_is_decoded(tmp_path):
    html = '<html><head><meta charset="windows-1252"></head><body><p>' + FINNISH + "</p></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    assert read_document(path).text.strip() == FINNISH


# --- what cannot be read ----------------------------------------------------------------------------------

def _error(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_binary_file(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "binary" in _error(path)


def test_binary_file_without_nul_bytes(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(b for b in range(1, 32) if b not in b"\t\n\r\f") * 40)
    assert "binary" in _error(path)


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    _error(path)


def test_html_without_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav>Etusivu</nav><script>x()</script></body></html>", encoding="utf-8")
    assert "no text" in _error(path)


@pytest.mark.parametrize("name", ["report.pdf", "minutes.docx", "README"])
def test_unknown_format(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n")
    assert "unknown format" in _error(path)


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Sakky\n", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    # chmod 000 does not stop root, so the refusal is simulated
    monkeypatch.setattr(Path, "read_bytes", denied)
    assert "Permission denied" in _error(path)


def test_find_files_expands_folders_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.md", "b/1.html", "a.txt", ".hidden.txt", "notes.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x", encoding="utf-8")
    files, problems = find_files([tmp_path, tmp_path / "missing.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b/1.html", "b/2.md"]
    assert len(problems) == 1 and str(tmp_path / "missing.txt") in problems[0]


def test_every_document_of_the_development_corpus_reads(dev_corpus):
    files = sorted((dev_corpus / "docs").iterdir())
    assert files
    for path in files:
        doc = read_document(path)
        assert doc.id == path.stem
        assert doc.text.strip() and "\r" not in doc.text and "\ufffd" not in doc.text
