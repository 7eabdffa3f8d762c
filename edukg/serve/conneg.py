"""HTTP content negotiation (RFC 9110 §12.5.1): the offered media type the client prefers."""
from __future__ import annotations


def _ranges(accept: str) -> list[tuple[str, float, int]]:
    out = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((media, q, i))
    return out


def _specificity(media_range: str, offered: str) -> int | None:
    if media_range == offered:
        return 3
    main, _, sub = media_range.partition("/")
    if sub == "*" and offered.startswith(main + "/"):
        return 2
    if media_range == "*/*":
        return 1
    return None


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The offered type with the highest quality for the client (ties: the client's order, then ours);
    the first offered type when the client sends no Accept; None when it accepts none of them."""
    if not accept or not accept.strip():
        return offered[0]
    ranges = _ranges(accept)
    best: tuple[float, int, int, int] | None = None
    choice = None
    for pos, media in enumerate(offered):
        # the most specific matching range decides the quality of this type (RFC 9110 §12.5.1)
        match = None
        for media_range, q, order in ranges:
            spec = _specificity(media_range, media)
            if spec is not None and (match is None or spec > match[0]):
                match = (spec, q, order)
        if match is None or match[1] <= 0:
            continue
        # exact mentions beat wildcards at equal quality, so a browser's */* does not pick Turtle over HTML
        key = (match[1], match[0], -match[2], -pos)
        if best is None or key > best:
            best, choice = key, media
    return choice
