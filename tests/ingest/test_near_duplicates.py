"""Near-duplicate detection: unit checks on made-up texts, and precision/recall on pairs built from dev articles."""

from __future__ import annotations

import json
import re

from sitrep.ingest import near_duplicates as nd
from tests.conftest import shared_path

BASE = ("The regional governor said a column of trucks carrying flour, medicine and generators reached the "
        "eastern city late on Tuesday after waiting two days at a checkpoint outside the town. "
        "Volunteers unloaded the cargo at the railway depot while air raid sirens sounded twice. "
        "Local officials said the shipment would last about three weeks for the remaining residents.")


def test_shingles_and_signatures_are_deterministic() -> None:
    assert nd.shingles("One two three four five six") == {b"one two three four five", b"two three four five six"}
    assert nd.shingles("Too short") == {b"too short"}
    assert nd.shingles("") == set()
    assert nd.signature(BASE).jaccard(nd.signature(BASE)) == 1.0
    again = nd.from_bytes(nd.to_bytes(nd.signature(BASE)))
    assert again.jaccard(nd.signature(BASE)) == 1.0
    assert len(nd.to_bytes(again)) == 4 * nd.NUM_PERM


def test_index_finds_copies_not_other_texts() -> None:
    index = nd.NearDuplicateIndex()
    index.add("orig", nd.signature(BASE))
    index.add("other", nd.signature("Parliament passed the budget on Friday after a long night of debate about "
                                    "pensions, defence spending and the reconstruction fund for damaged schools."))
    lightly_edited = BASE.replace("late on Tuesday", "on Tuesday evening")
    assert index.find(nd.signature(lightly_edited)) == "orig"
    assert index.find(nd.signature("A short unrelated note about the weather in the north.")) is None
    assert index.find(nd.signature(BASE), exclude="orig") is None


def test_ties_go_to_the_earliest_added() -> None:
    index = nd.NearDuplicateIndex()
    index.add("first", nd.signature(BASE))
    index.add("second", nd.signature(BASE))
    assert index.find(nd.signature(BASE)) == "first"
    index.remove("first")
    assert index.find(nd.signature(BASE)) == "second"


REWRITTEN = "The second outlet rewrote this paragraph in its own words, adding a local angle of its own."


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


def near_duplicate_scores() -> tuple[float, float, int, int]:
    """(precision, recall, duplicate pairs, different pairs) on pairs built from the dev articles.

    Duplicates: every dev article of 3+ paragraphs, copied with a new headline and its middle
    paragraph rewritten. Different: every pair of distinct dev articles (all on one topic, the war).
    """
    path = shared_path("data", "dev", "news_ukraine_dev.jsonl")
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = nd.NearDuplicateIndex()
    for doc in docs:
        index.add(doc["id"], nd.signature(doc["text"]))
    found_right = missed = merged = 0
    copies = 0
    for doc in docs:
        paragraphs = _paragraphs(doc["text"])
        if len(paragraphs) < 3:
            continue
        copies += 1
        paragraphs[len(paragraphs) // 2] = REWRITTEN
        hit = index.find(nd.signature("\n\n".join(paragraphs)))
        found_right += hit == doc["id"]
        missed += hit != doc["id"]
        merged += hit not in (None, doc["id"])
    for doc in docs:  # each article against all the others: any hit merges two different articles
        merged += index.find(nd.signature(doc["text"]), exclude=doc["id"]) is not None
    precision = found_right / (found_right + merged) if found_right + merged else 1.0
    return precision, found_right / copies, copies, len(docs) * (len(docs) - 1) // 2


def test_dev_pairs_precision_and_recall() -> None:
    precision, recall, copies, different = near_duplicate_scores()
    print(f"near-duplicates: precision {precision:.3f}, recall {recall:.3f} "
          f"({copies} copies, {different} pairs of different articles)")
    assert precision == 1.0
    assert recall >= 0.9
