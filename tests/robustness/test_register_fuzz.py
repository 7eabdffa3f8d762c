"""Register rows edukg does not control: random cells (hypothesis) in a known register format never crash the
import; every row is either imported or named with its file and line, and what was imported conforms to the
shapes."""
from __future__ import annotations

import csv
import re
from datetime import date

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from edukg.core.store import OxigraphStore
from edukg.import_register import import_register
from edukg.validate_store import validate_store

HEADER = ["Koodi", "Rahasto", "Hankkeen nimi", "Tl", "Viranomainen", "Tila", "Aloituspvm", "Päättymispvm",
          "Toteuttajan nimi", "Myönnetty EU- ja valtion rahoitus", "Toteutunut EU- ja valtion rahoitus",
          "Suunniteltu julkinen rahoitus yhteensä", "Toteutunut julkinen rahoitus yhteensä"]
# Cells shaped like the register's own, so random rows reach resolution and mapping and not only the parser;
# invented names only.
NAMES = ["Kuvitteellinen koulutuskuntayhtymä", "Testilän kaupunki  Nuorisopalvelut", "Esimerkki Oy / Yksikkö",
         "Pohjois-Testin ELY-keskus", "Testin yliopisto", "testin  YLIOPISTO", "Ab Test Oy", "ry", "/", "  "]
text = st.text(max_size=30)


def mostly(valid, invalid=text):
    """A cell that is usually well formed, so most rows reach the mapping; now and then anything."""
    return st.one_of(*[valid] * 7, invalid)


dates = st.dates(date(1990, 1, 1), date(2035, 12, 31)).map(lambda d: f"{d.day}.{d.month}.{d.year}")
cells = {
    "Koodi": mostly(st.from_regex(r"[ASX][0-9]{5}", fullmatch=True)),
    "Rahasto": mostly(st.sampled_from(["ESR", "EAKR"])),
    "Hankkeen nimi": mostly(st.one_of(st.text(min_size=1, max_size=30).filter(str.strip),
                                      st.sampled_from(["Hanke  osa 2", "<script>x</script>", "A\u2028B"]))),
    "Tl": mostly(st.sampled_from(["1", "2", "3"])),
    "Viranomainen": st.one_of(st.sampled_from(NAMES), text),
    "Tila": mostly(st.sampled_from(["Toiminnassa", "Toiminta päättynyt"])),
    "Aloituspvm": mostly(dates),
    "Päättymispvm": mostly(st.one_of(dates, st.just(""))),
    "Toteuttajan nimi": st.one_of(st.sampled_from(NAMES), text),
}
amounts = mostly(st.one_of(st.integers(-10**7, 10**12).map(str), st.just("")),
                 st.one_of(st.decimals(allow_nan=True).map(str), text))
rows = st.lists(st.fixed_dictionaries({**cells, **{c: amounts for c in HEADER[9:]}}), min_size=1, max_size=8)
LINE = re.compile(r"^.+\.csv:(\d+): ")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(table=rows, extra=st.lists(st.sampled_from([0] * 6 + [1, 2]), min_size=1, max_size=8))
def test_random_register_rows_import_or_are_named_and_what_is_imported_conforms(tmp_path_factory, table, extra):
    folder = tmp_path_factory.mktemp("register")
    path = folder / "random.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for row, more in zip(table, extra + [0] * len(table)):
            # sometimes a row with a cell too many or too few, as a lost or doubled comma leaves it
            cells_ = [row[c] for c in HEADER] + ["x"] * (more == 1)
            writer.writerow(cells_[:-1] if more == 2 else cells_)
    with OxigraphStore(folder / "store") as store:
        report = import_register([path], store)
        bad_lines = {int(m.group(1)) for p in report.problems if (m := LINE.match(p))}
        assert all(LINE.match(p) for p in report.problems), report.problems
        assert report.rows == len(table)
        assert report.projects + len(bad_lines) == len(table), (report.projects, report.problems)
        event("projects imported" if report.projects else "no project imported")
        if report.projects:
            validation = validate_store(store)
            assert validation.conforms, validation.text()
