"""JSON that can sit inside an HTML <script> element.

The HTML parser ends a script element at the first `</script` whatever the JavaScript means, and `<!--` opens an
escaped-text state; a U+2028/U+2029 ends a line in older JavaScript parsers. A name or quote read from a document
may hold any of these, so they are written as \\u escapes, which JSON.parse turns back into the same characters.
"""
from __future__ import annotations

import json
from typing import Any

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_TABLE = str.maketrans(_ESCAPES)


def script_json(data: Any) -> str:
    """`data` as JSON text safe to place between <script type="application/json"> and </script>."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).translate(_TABLE)
