"""HTML and Markdown to plain text, keeping block structure as lines (lists and headings carry meaning)."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

# Page furniture: never content in this genre.
_DROP = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
         "iframe", "svg", "select"]
_BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
          "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "hr", "figcaption", "address"}


def html_to_text(html: str) -> str:
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ["navigation", "banner", "contentinfo", "search"]}):
        tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    # line breaks inside a paragraph are the source's wrapping, not structure ("Savon\n koulutuskuntayhtymä")
    for s in root.find_all(string=True):
        if isinstance(s, NavigableString) and s.find_parent("pre") is None and "\n" in s:
            s.replace_with(re.sub(r"\s+", " ", str(s)))
    for li in root.find_all("li"):
        li.insert(0, "• ")
    for cell in root.find_all(["td", "th"]):
        cell.insert_after(" ")  # "Rahoittaja | Opetushallitus": a label and its value stay apart on one line
    for tag in root.find_all(_BLOCK):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = root.get_text()
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    first = text.split("\n", 1)[0] if text else ""
    if title and title not in first and root.find(["h1"]) is None:
        text = title + "\n\n" + text
    return text + "\n"


def markdown_to_text(md: str) -> str:
    text = re.sub(r"```.*?```", "", md, flags=re.S)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their text
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*", "", text, flags=re.M)  # headings
    text = re.sub(r"^[ \t]*[-*+][ \t]+", "• ", text, flags=re.M)  # bullets
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](\S.*?)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"^[ \t]*>[ \t]?", "", text, flags=re.M)
    text = re.sub(r"^[ \t]*[-*_]{3,}[ \t]*$", "", text, flags=re.M)
    return text
