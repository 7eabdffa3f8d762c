"""`edukg serve`: the SPARQL 1.1 Protocol and dereferenceable resources over HTTP (Starlette + uvicorn)."""
from edukg.serve.app import ServeConfig, create_app
from edukg.serve.server import serve

__all__ = ["ServeConfig", "create_app", "serve"]
