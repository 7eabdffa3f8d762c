"""HTML and Markdown to plain text, keeping block structure as lines (lists and headings carry meaning)."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag

# Page furniture: never content in this genre.
_DROP = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
         "iframe", "svg", "select"]
_TEXT = (NavigableString, CData)  # what bs4's get_text() reads: not comments, doctypes or declarations
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
    text = _text(root)
    text = re.sub(r"[ \t\xa0]+", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    first = text.split("\n", 1)[0] if text else ""
    if title and title not in first and root.find(["h1"]) is None:
        text = title + "\n\n" + text
    return text + "\n"


def _text(root: Tag) -> str:
    """The text of `root` with a line break around every block and "• " before each list item.

    One walk with an explicit stack, not edits of the tree: inserting a string beside a tag costs bs4 a walk
    of that tag's subtree, so edits made a page of deeply nested tags take minutes, and recursion would
    overflow on them.
    """
    out: list[str] = []
    stack: list[tuple[PageElement, bool, bool]] = [(root, False, False)]  # (node, closing, inside <pre>)
    while stack:
        node, closing, in_pre = stack.pop()
        if closing:
            out.append(" " if node.name in ("td", "th") else "\n")
            continue
        if isinstance(node, NavigableString):
            if type(node) in _TEXT:
                # line breaks inside a paragraph are the source's wrapping, not structure ("Savon\n koulutuskuntayhtymä")
                out.append(str(node) if in_pre or "\n" not in node else re.sub(r"\s+", " ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        if node.name in _BLOCK:
            out.append("\n")
        if node.name in _BLOCK or node.name in ("td", "th"):
            # a label and its value in two cells stay apart on one line ("Rahoittaja | Opetushallitus")
            stack.append((node, True, in_pre))
        if node.name == "li":
            out.append("• ")
        inner = in_pre or node.name == "pre"
        stack.extend((child, False, inner) for child in reversed(node.contents))
    return "".join(out)


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
