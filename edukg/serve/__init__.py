"""`edukg serve`: the SPARQL 1.1 Protocol and dereferenceable resources over HTTP (Starlette + uvicorn)."""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from edukg.serve.app import ServeConfig, create_app
    from edukg.serve.server import serve

__all__ = ["ServeConfig", "create_app", "serve"]


def __getattr__(name: str):
    # imported on first use: a query process (`python -m edukg.serve.query_processes`) starts without
    # Starlette, Jinja2 and the publication code, so a killed one is replaced in a fraction of a second
    if name in ("ServeConfig", "create_app"):
        return getattr(import_module("edukg.serve.app"), name)
    if name == "serve":
        return import_module("edukg.serve.server").serve
    raise AttributeError(f"module 'edukg.serve' has no attribute {name!r}")
