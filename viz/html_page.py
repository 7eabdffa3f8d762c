"""The network page as one self-contained HTML file: data, vis-network and the page's script all inline.

vis-network is the standalone UMD build of the npm package (vis-network 10.1.5, dual Apache-2.0/MIT, licences
beside it in static/); it injects its own stylesheet, so no file is fetched and the page works from a USB stick
with the network off. The template is Jinja2 with autoescaping on; only the three trusted inline blocks (our
script and style, the vendored library) and the escaped JSON are marked safe.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from edukg import __version__
from edukg.viz.safe_json import script_json

VIS_NETWORK_VERSION = "10.1.5"


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    text = resources.files("edukg.viz").joinpath("static", name).read_text(encoding="utf-8")
    # a vendored or edited file must never end its own <script> or <style> element early
    if "</script" in text.lower() or "</style" in text.lower():
        raise RuntimeError(f"viz/static/{name} contains a closing script or style tag")
    return text


@lru_cache(maxsize=None)
def _environment() -> Environment:
    return Environment(loader=PackageLoader("edukg.viz", "templates"),
                       autoescape=select_autoescape(["html", "j2"], default=True))


def network_html(data: dict[str, Any], summary: str) -> str:
    """The page for `data` (from `page_data`); `summary` is the status line shown until the script runs."""
    template = _environment().get_template("network.html.j2")
    return template.render(
        title=data.get("title") or "Collaboration network", summary=summary, version=__version__,
        data_json=Markup(script_json(data)), vis_js=Markup(_static("vis-network.min.js")),
        page_js=Markup(_static("network.js")), page_css=Markup(_static("network.css")))
