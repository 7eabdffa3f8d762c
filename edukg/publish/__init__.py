"""Linked-data publication: a static site (pages, RDF per resource, dumps, VoID/DCAT, ontology documentation,
server configuration) written from any store through the store interface."""
from edukg.publish.site import CC_BY_4, DEFAULT_TITLE, PublishReport, publish

__all__ = ["publish", "PublishReport", "CC_BY_4", "DEFAULT_TITLE"]
