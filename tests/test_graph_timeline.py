"""Change over time: year slices, ties gained and lost, brokerage that rises, communities that merge."""
from edukg.graph.network import NetworkFilters
from edukg.graph.ties import Collaboration, Tie, TieData
from edukg.graph.timeline import timeline

SOURCE = "https://example.org/graph/source/register"


def data(projects: dict[str, tuple[int, int, list[str]]]) -> TieData:
    """Projects by name: (start year, end year, members)."""
    ties = [Tie(a, p, "partner", "project", SOURCE, p + "/m") for p, (_, _, members) in projects.items() for a in members]
    actors = {a for _, _, members in projects.values() for a in members}
    return TieData(ties=ties, collaborations={p: Collaboration(p, "project", s, e) for p, (s, e, _) in projects.items()},
                   organisations={a: "school" for a in actors}, labels={a: {"fi": [a]} for a in actors},
                   other_labels={}, evidence={}, documents={}, grants={})


def test_slices_ties_gained_and_lost_brokerage_and_merges():
    register = data({
        "P1": (2019, 2019, ["A", "B", "E"]),
        "P2": (2019, 2019, ["C", "D"]),
        "P3": (2020, 2020, ["A", "B", "C", "D"]),
        "P4": (2021, 2021, ["A", "B"]),
        "P5": (2021, 2021, ["A", "C"]),
        "P0": (None, None, ["E", "F"]),  # undated: in no slice
    })
    t = timeline(register)
    assert [s.year for s in t.slices] == [2019, 2020, 2021] and t.undated == 1
    y2019, y2020, y2021 = t.slices
    assert y2019.ties == 4 and y2019.communities == 2
    assert y2020.gained == [("A", "C"), ("A", "D"), ("B", "C"), ("B", "D")]
    assert y2020.lost == [("A", "E"), ("B", "E")]
    # the two groups of 2019 are one in 2020
    assert len(y2020.merged) == 1 and len(y2020.merged[0][1]) == 2
    # in 2021 A alone ties B and C together
    assert y2021.rising[0][0] == "A" and y2021.rising[0][2] > 0
    assert "D" not in y2021.network.actors


def test_the_window_limits_the_slices():
    register = data({"P1": (2015, 2018, ["A", "B"]), "P2": (2020, 2022, ["A", "C"])})
    t = timeline(register, NetworkFilters(since=2017, until=2020))
    assert [s.year for s in t.slices] == [2017, 2018, 2019, 2020]
    assert t.slices[2].ties == 0 and t.slices[2].lost == [("A", "B")]
