"""Where a contract query's time goes on a register-scale store, and what is left when parts of it are taken away.

For `participants` and `projects` (the slowest contract query and the one furthest from 20× rdflib), on one
Oxigraph store opened read-only, CPU seconds (`time.process_time`) of evaluating, in one process, best of `--runs`:

- the shipped query (iterating the engine's solutions, no conversion);
- the same on an in-memory copy of the store (pyoxigraph's `Store()` filled with the same quads): what storage
  access costs, as against evaluation itself;
- "one label": the label lookups reduced to one `skos:prefLabel` per entity, no document-language join: what the
  data would buy if each source graph held exactly the label the queries show (the register store has one label per
  entity, so the rows are the same there);
- the bare graph patterns with one label each, no GROUP BY and no ORDER BY: a floor for any text of the query;
- converting the rows to rdflib terms (`OxigraphStore.select`) and formatting them as CSV.

Prints a table; asserts nothing.

    .venv/bin/python benchmarks/query_floor.py STORE [--runs 2]
"""
from __future__ import annotations

import argparse
import os
import time

import pyoxigraph as ox

from edukg.core.store import OxigraphStore
from edukg.query import format_result, load_query, run_query

_DOC_LANG = """        OPTIONAL {{
          ?{e}Iri skos:prefLabel ?{e}InDocLang .
          ?doc a prov:Entity ; dcterms:language ?lang .
          FILTER(LANGMATCHES(LANG(?{e}InDocLang), ?lang))
        }}
"""


def variants(name: str) -> dict[str, str]:
    text = load_query(name).text
    prologue = text[:text.index("SELECT")]
    if name == "participants":
        one = text
        for e in ("project", "organisation"):
            one = one.replace(_DOC_LANG.format(e=e), "")
            one = one.replace(f"COALESCE(MIN(?{e}InDocLang), MIN(?{e}Any))", f"MIN(?{e}Any)")
        bare = prologue + """SELECT ?project ?organisation ?role ?source WHERE { GRAPH ?source {
        { ?participation org:organization ?projectIri ; org:member ?organisationIri .
          ?projectIri a schema:Project .
          FILTER NOT EXISTS { ?organisationIri a foaf:Person }
          OPTIONAL { ?participation org:role ?roleConcept .
                     OPTIONAL { GRAPH ?scheme { ?roleConcept skos:notation ?roleNotation } } }
          BIND(COALESCE(STR(?roleNotation), REPLACE(STR(?roleConcept), "^.*/", "")) AS ?role)
        } UNION {
          ?grant a schema:MonetaryGrant ; schema:fundedItem ?projectIri ; schema:funder ?organisationIri .
          ?projectIri a schema:Project .
          BIND("funder" AS ?role) }
        OPTIONAL { ?projectIri skos:prefLabel ?project }
        OPTIONAL { ?organisationIri skos:prefLabel ?organisation } } }"""
    else:
        one = text.replace(_DOC_LANG.format(e="project").replace("?projectIri", "?project")
                           .replace("projectInDocLang", "nameInDocLang"), "")
        one = one.replace("COALESCE(MIN(?nameInDocLang), MIN(?anyName))", "MIN(?anyName)")
        bare = prologue + """SELECT ?project ?name ?start ?end ?source WHERE { GRAPH ?source {
        ?project a schema:Project .
        OPTIONAL { ?project skos:prefLabel ?name }
        OPTIONAL { ?project schema:startDate ?start }
        OPTIONAL { ?project schema:endDate ?end } } }"""
    if one == text:
        raise SystemExit(f"{name}: the one-label variant did not apply; update this script to the query's text")
    return {"shipped": text, "one label": one, "bare patterns": bare}


def best(runs: int, fn) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(runs):
        c = time.process_time()
        n = fn()
        times.append(time.process_time() - c)
    return min(times), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()
    store = OxigraphStore(args.store, read_only=True)
    memory = ox.Store()
    c = time.process_time()
    memory.bulk_extend(store._ox.quads_for_pattern(None, None, None, None))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"in-memory copy: {len(memory):,} quads in {time.process_time() - c:.1f} CPU s")
    print("| query | variant | rows | on disk CPU s | in memory CPU s |")
    print("|---|---|---|---|---|")
    for name in ("participants", "projects"):
        for label, text in variants(name).items():
            disk, n = best(args.runs, lambda: sum(1 for _ in store._ox.query(text)))
            mem, _ = best(args.runs, lambda: sum(1 for _ in memory.query(text)))
            print(f"| {name} | {label} | {n:,} | {disk:.2f} | {mem:.2f} |", flush=True)
        whole, n = best(args.runs, lambda: len(run_query(name, {}, store).rows))
        result = run_query(name, {}, store)
        csv_s, _ = best(args.runs, lambda: len(format_result(result, "csv")))
        print(f"| {name} | run_query (evaluation and conversion) | {n:,} | {whole:.2f} | |")
        print(f"| {name} | CSV of the rows | | {csv_s:.2f} | |", flush=True)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
