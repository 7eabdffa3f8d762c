"""`edukg publish`: a static site whose every RDF file parses, whose pages carry the store's data in JSON-LD,
with dumps, VoID/DCAT, ontology documentation and server configuration — and no file path of the build."""
import gzip
import re
from html.parser import HTMLParser

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SKOS

from edukg.core.errors import InputError
from edukg.publish import publish
from edukg.core.store import OxigraphStore
from servers import oxigraph_server

B = "https://w3id.org/edukg/"
VOID = Namespace("http://rdfs.org/ns/void#")
SAKKY = B + "id/organisation/savon-koulutuskuntayhtyma"


class Scripts(HTMLParser):
    """The JSON-LD script elements of a page, as the browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and ("type", "application/ld+json") in attrs
        if self._in:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def embedded_jsonld(html: str) -> list[str]:
    parser = Scripts()
    parser.feed(html)
    return parser.blocks


@pytest.fixture(scope="module")
def site(sample_store, tmp_path_factory, module_cli):
    from conftest import copy_store
    store = copy_store(sample_store.path, tmp_path_factory.mktemp("pub") / "store")
    out = tmp_path_factory.mktemp("site") / "site"
    code, stdout, stderr = module_cli("publish", "--store", store, "--out", out)
    assert code == 0, stderr
    assert "Published" in stdout
    return out, store


def test_every_rdf_file_parses_and_no_build_path_is_published(site):
    out, _ = site
    files = {ext: sorted(out.glob(f"id/*/*.{ext}")) for ext in ("ttl", "nt", "jsonld", "html")}
    assert len(files["ttl"]) == len(files["nt"]) == len(files["jsonld"]) == len(files["html"]) > 100
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        for path in files[ext]:
            assert len(Graph().parse(path, format=fmt)) > 0, path
    for path in out.rglob("*"):
        if path.is_file() and path.suffix != ".gz":
            assert "file:/" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_a_page_embeds_the_resource_data_as_jsonld(site):
    out, store_path = site
    with OxigraphStore(store_path, read_only=True) as store:
        held = store.construct(f"CONSTRUCT {{ <{SAKKY}> ?p ?o }} WHERE {{ GRAPH ?g {{ <{SAKKY}> ?p ?o }} }}")
    page = (out / "id/organisation/savon-koulutuskuntayhtyma.html").read_text(encoding="utf-8")
    [block] = embedded_jsonld(page)
    embedded = Graph().parse(data=block, format="json-ld")
    assert len(held) > 5 and all(t in embedded for t in held)
    assert isomorphic(embedded, Graph().parse(out / "id/organisation/savon-koulutuskuntayhtyma.jsonld",
                                               format="json-ld"))
    # labels in the document's language, relations as links, the evidence quotes with their source
    assert "Sakky" in page and 'href="../../id/organisation-type/vocational_institution.html"' in page
    assert "<blockquote>" in page and 'href="../../id/source/' in page


def test_every_page_jsonld_parses(site):
    out, _ = site
    for path in out.glob("id/*/*.html"):
        [block] = embedded_jsonld(path.read_text(encoding="utf-8"))
        Graph().parse(data=block, format="json-ld")


def test_dumps_hold_every_quad(site):
    out, store_path = site
    with OxigraphStore(store_path, read_only=True) as store:
        count, graphs = store.quads_count(), store.graphs()
    trig = Dataset().parse(out / "dumps/edukg.trig", format="trig")
    with gzip.open(out / "dumps/edukg.nq.gz", "rt", encoding="utf-8") as f:
        nquads = Dataset().parse(data=f.read(), format="nquads")
    for ds in (trig, nquads):
        assert sorted(str(g.identifier) for g in ds.graphs() if len(g)) == graphs
        assert sum(len(g) for g in ds.graphs()) == count
    sources = [o for _, _, o, _ in trig.quads((None, DCTERMS.source, None, None))]
    assert sources and all(re.fullmatch(r"[\w.-]+\.(txt|md|html)", str(s)) for s in sources)
    assert len(Graph().parse(out / "ontology/edukg.ttl", format="turtle")) > 50


def test_void_describes_size_licence_dumps_and_the_build(site):
    out, store_path = site
    void = Graph().parse(out / "void.ttl", format="turtle")
    assert (out / ".well-known/void").read_bytes() == (out / "void.ttl").read_bytes()
    ds = URIRef(B + "void#dataset")
    with OxigraphStore(store_path, read_only=True) as store:
        count = store.quads_count()
    assert void.value(ds, VOID.triples).toPython() == count
    assert void.value(ds, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert set(void.objects(ds, VOID.dataDump)) == {URIRef(B + "dumps/edukg.trig"), URIRef(B + "dumps/edukg.nq.gz")}
    assert void.value(ds, VOID.sparqlEndpoint) == URIRef(B + "sparql")
    run = void.value(ds, URIRef("http://www.w3.org/ns/prov#wasGeneratedBy"))
    assert run is not None and len(list(void.objects(run, URIRef("http://www.w3.org/ns/prov#used")))) == 5


def test_landing_page_ontology_docs_and_server_configuration(site):
    out, _ = site
    landing = (out / "index.html").read_text(encoding="utf-8")
    assert "org:Organization" in landing and "creativecommons.org/licenses/by/4.0" in landing
    assert "SELECT" in landing and 'href="dumps/edukg.trig"' in landing
    ontology = (out / "ontology/index.html").read_text(encoding="utf-8")
    assert "Coalition" in ontology
    htaccess = (out / ".htaccess").read_text(encoding="utf-8")
    assert "R=303" in htaccess and "Vary Accept" in htaccess and "text\\/turtle" in htaccess
    nginx = (out / "nginx-edukg.conf").read_text(encoding="utf-8")
    assert "return 303" in nginx and "Vary Accept" in nginx
    assert "home page" in (out / "404.html").read_text(encoding="utf-8")


HOSTILE = "</script><script>alert(1)</script><b>bold</b> & Co"


def hostile_store() -> OxigraphStore:
    ex = URIRef(B + "id/organisation/hostile")
    ev = URIRef(B + "id/evidence/doc-x-1")
    g = Graph()
    g.add((ex, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")))
    g.add((ex, SKOS.prefLabel, Literal(HOSTILE, lang="en")))
    g.add((ex, URIRef("https://w3id.org/edukg/ontology#evidence"), ev))
    g.add((ev, URIRef("http://www.w3.org/ns/oa#hasSelector"), URIRef(str(ev) + "#quote")))
    g.add((URIRef(str(ev) + "#quote"), URIRef("http://www.w3.org/ns/oa#exact"),
           Literal('<img src=x onerror="alert(2)"> said </SCRIPT >')))
    store = OxigraphStore(None)
    store.add_graphs({B + "graph/source/doc-x": g})
    return store


def test_hostile_names_are_escaped_in_html_and_in_embedded_jsonld(tmp_path):
    with hostile_store() as store:
        publish(store, tmp_path / "site")
    page = (tmp_path / "site/id/organisation/hostile.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>bold" not in page and "<img" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; Co" in page
    assert page.lower().count("</script>") == 1  # only the JSON-LD element's own end tag
    [block] = embedded_jsonld(page)
    graph = Graph().parse(data=block, format="json-ld")
    assert Literal(HOSTILE, lang="en") in set(graph.objects(URIRef(B + "id/organisation/hostile"), SKOS.prefLabel))
    landing = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in landing


def test_licence_and_title_options(tmp_path, cli, sample_store_copy):
    code, _, stderr = cli("publish", "--store", sample_store_copy, "--out", tmp_path / "s",
                          "--licence", "https://creativecommons.org/publicdomain/zero/1.0/", "--title", "Test <KG>")
    assert code == 0, stderr
    void = Graph().parse(tmp_path / "s/void.ttl", format="turtle")
    assert void.value(URIRef(B + "void#dataset"), DCTERMS.license) == \
        URIRef("https://creativecommons.org/publicdomain/zero/1.0/")
    assert "<title>Test &lt;KG&gt;</title>" in (tmp_path / "s/index.html").read_text(encoding="utf-8")


def test_publish_refuses_a_folder_that_is_no_site_and_replaces_an_earlier_site(tmp_path, cli):
    with hostile_store() as store:
        (tmp_path / "docs").mkdir()
        (tmp_path / "docs" / "mine.txt").write_text("keep me", encoding="utf-8")
        with pytest.raises(InputError, match="not empty"):
            publish(store, tmp_path / "docs")
        assert (tmp_path / "docs" / "mine.txt").is_file()
        publish(store, tmp_path / "site")
        stale = tmp_path / "site/id/organisation/gone.html"
        stale.write_text("old", encoding="utf-8")
        publish(store, tmp_path / "site")
        assert not stale.exists() and (tmp_path / "site/id/organisation/hostile.html").is_file()
    code, _, stderr = cli("publish", "--store", tmp_path / "nothing-here", "--out", tmp_path / "x")
    assert code == 2 and stderr.count("\n") == 1 and "nothing-here" in stderr


def test_publish_from_an_endpoint_gives_the_same_resources(tmp_path, sample_store_copy, monkeypatch):
    from edukg.core.store import EndpointStore
    from edukg.publish import describe
    monkeypatch.setattr(describe, "PAGE_SIZE", 60)  # several pages: worker processes query the endpoint themselves
    with OxigraphStore(sample_store_copy, read_only=True) as local:
        graphs = {iri: local.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
                  for iri in local.graphs()}
        publish(local, tmp_path / "here")
    with oxigraph_server(tmp_path / "server") as url:
        remote = EndpointStore(url + "/query", gsp_url=url + "/store")
        for iri, g in graphs.items():
            remote.replace_graph(iri, g)
        publish(remote, tmp_path / "there")
    here = sorted(p.relative_to(tmp_path / "here") for p in (tmp_path / "here").glob("id/*/*.nt"))
    there = sorted(p.relative_to(tmp_path / "there") for p in (tmp_path / "there").glob("id/*/*.nt"))
    assert here == there and len(here) > 100
    for rel in here[::10]:
        assert isomorphic(Graph().parse(tmp_path / "here" / rel, format="nt"),
                          Graph().parse(tmp_path / "there" / rel, format="nt")), rel


def test_a_concept_page_lists_the_first_referrers_and_its_rdf_all(tmp_path):
    from rdflib.namespace import ORG
    from edukg.publish.pages import MAX_INCOMING_ROWS
    role = URIRef(B + "id/role/partner")
    g = Graph()
    g.add((role, SKOS.prefLabel, Literal("partner", lang="en")))
    for i in range(MAX_INCOMING_ROWS + 120):
        g.add((URIRef(B + f"id/membership/m{i}"), ORG.role, role))
    with OxigraphStore(None) as store:
        store.add_graphs({B + "graph/source/x": g})
        publish(store, tmp_path / "site")
    html = (tmp_path / "site/id/role/partner.html").read_text(encoding="utf-8")
    table = html.split("<h2>Referred to by</h2>")[1]
    assert table.count("<tr>") == MAX_INCOMING_ROWS and "… and 120 more" in html
    assert len(Graph().parse(tmp_path / "site/id/role/partner.ttl")) == MAX_INCOMING_ROWS + 121


def test_worker_processes_write_the_same_site(sample_store, tmp_path, monkeypatch):
    # small pages, so the sample makes several and the worker processes get some of them
    from conftest import copy_store
    from edukg.publish import describe
    monkeypatch.setattr(describe, "PAGE_SIZE", 40)
    store_path = copy_store(sample_store.path, tmp_path / "store")
    sites = {}
    for workers in (1, 2):
        with OxigraphStore(store_path, read_only=True) as store:
            report = publish(store, tmp_path / f"site{workers}", workers=workers)
        sites[workers] = {p.relative_to(report.out): p.read_bytes() for p in sorted(report.out.glob("id/*/*"))}
        assert report.files == sum(1 for p in report.out.rglob("*") if p.is_file())
    assert len(sites[1]) == 4 * report.resources > 400
    assert sites[1] == sites[2]


def test_links_to_fact_nodes_read_as_what_the_fact_states(site):
    """A membership, a grant or an evidence annotation has no name of its own: a link to it reads as the names
    of what it links, never as its opaque IRI path."""
    out, store_path = site
    page = (out / "id/organisation/savon-koulutuskuntayhtyma.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="[^"]*id/(membership|grant|evidence)/[^"]*">([^<]*)</a>', page)
    assert links, "the organisation's page links no membership, grant or evidence"
    opaque = [text for _, text in links if re.search(r"(membership|grant|evidence)/", text)]
    assert not opaque, f"links named by their IRI path: {opaque[:3]}"
    memberships = [text for kind, text in links if kind == "membership"]
    assert memberships and all("Savon koulutuskuntayhtymä" in t or "Sakky" in t for t in memberships)
    assert any(" — " in t for t in memberships)


def test_a_name_reads_the_same_on_its_page_and_in_every_link_to_it(tmp_path, monkeypatch):
    """Two sources named an organisation differently in one language: its own page (which reads the name from
    the organisation's triples) and a page in another worker process (which asks the store) pick the same."""
    from rdflib.namespace import ORG, RDFS
    from edukg.publish import describe
    org, project = URIRef(B + "id/organisation/twice"), URIRef(B + "id/project/p")
    first, second = Graph(), Graph()
    first.add((org, SKOS.prefLabel, Literal("Zeta koulutuskuntayhtymä", lang="fi")))
    first.add((org, SKOS.prefLabel, Literal("Beta koulutuskuntayhtymä", lang="fi")))
    first.add((org, RDFS.label, Literal("Aaaa koulutuskuntayhtymä", lang="fi")))  # a weaker kind of name
    second.add((org, SKOS.prefLabel, Literal("Alpha koulutuskuntayhtymä", lang="fi")))
    second.add((project, ORG.hasMember, org))
    second.add((project, SKOS.prefLabel, Literal("Hanke", lang="fi")))
    with OxigraphStore(tmp_path / "store") as store:
        store.add_graphs({B + "graph/source/one": first, B + "graph/source/two": second})
    monkeypatch.setattr(describe, "PAGE_SIZE", 1)  # one resource a page: the two pages go to two workers
    with OxigraphStore(tmp_path / "store", read_only=True) as store:
        publish(store, tmp_path / "site", workers=2)
    own = (tmp_path / "site/id/organisation/twice.html").read_text(encoding="utf-8")
    linking = (tmp_path / "site/id/project/p.html").read_text(encoding="utf-8")
    assert "<h1>Alpha koulutuskuntayhtymä</h1>" in own
    assert 'href="../../id/organisation/twice.html">Alpha koulutuskuntayhtymä</a>' in linking


def test_awkward_literals_come_back_whole_from_every_rdf_file(tmp_path):
    """Quotes, backslashes, line breaks, a character outside the BMP, a language tag and a datatype: each
    document of the resource gives back the very literals the store holds."""
    from rdflib.namespace import XSD
    org = URIRef(B + "id/organisation/odd")
    held = {Literal('say "hi" \\ then\na new line\r\tand \U0001F600 </script>', lang="sv"),
            Literal("12.5", datatype=XSD.decimal), Literal("ends with a backslash \\")}
    g = Graph()
    for value in held:
        g.add((org, SKOS.altLabel, value))
    with OxigraphStore(None) as store:
        store.add_graphs({B + "graph/source/odd": g})
        publish(store, tmp_path / "site")
    for ext, fmt in (("nt", "nt"), ("ttl", "turtle"), ("jsonld", "json-ld")):
        parsed = Graph().parse(tmp_path / f"site/id/organisation/odd.{ext}", format=fmt)
        assert set(parsed.objects(org, SKOS.altLabel)) == held, ext
    [block] = embedded_jsonld((tmp_path / "site/id/organisation/odd.html").read_text(encoding="utf-8"))
    assert set(Graph().parse(data=block, format="json-ld").objects(org, SKOS.altLabel)) == held
