"""Structured registers (CSV project lists) into the model: formats as TOML mappings (`mapping`), rows as
plain dataclasses (`read`), body resolution of the organisation names (`bodies`), rows as RDF (`to_rdf`)."""
from .mapping import RegisterFormat, expected_columns, formats, recognise
from .read import Amount, RegisterFile, RegisterRow, read_register
from .to_rdf import register_graph, register_ntriples

__all__ = ["RegisterFormat", "RegisterFile", "RegisterRow", "Amount", "formats", "recognise", "expected_columns",
           "read_register", "register_ntriples", "register_graph"]
