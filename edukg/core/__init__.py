"""The shared basics every layer stands on: errors, namespaces and the store interface.

Nothing here imports from the rest of edukg: ingest, graph, viz, publication and the commands import these
modules, never the other way round (tests/test_layers.py keeps it so).
"""
