from sitrep.analysis import analyse, find_timeline
from tests.analysis.builders import area_reports


def test_recapture_gives_a_timeline_entry_found_in_any_spelling() -> None:
    timelines = analyse(area_reports()).timelines
    (izium,) = find_timeline(timelines, "Izyum")
    (entry,) = izium.entries
    assert (entry.change, entry.controller) == ("recaptured", "UKR")
    assert entry.reports[0].article == "area-a"
    assert find_timeline(timelines, "Kupiansk") == []
