"""edukg: a knowledge graph of education actors and their collaborations, built from texts and registers.

The library has one function per command (`edukg.build.build`, `edukg.query.run_query`,
`edukg.validate.validate_dataset`, `edukg.evaluate.evaluate`); the `edukg` command is a thin layer over them.
"""
__version__ = "0.1.0"
