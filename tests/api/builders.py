"""Hand-made stored articles for the API and dashboard tests (texts written for these tests)."""

from __future__ import annotations

from sitrep.model import Actor, Claim, Event, Place, Published, Quantity, Record, Span, TimeExpr

HOSTILE_TEXT = ("Officials posted <script>window.__pwned = 1</script> on a board in Lyman, "
                'and a caption read <img src=x onerror="window.__pwned = 2"> under it. '
                'Readers were told to click <a href="javascript:window.__pwned=3">this link</a> for more.')


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def town_record(article_id: str, *, town: str, geonameid: int, lat: float, lon: float, outlet: str,
                published: str, plover: str = "ASSAULT", status: str = "asserted", area: float | None = None) -> Record:
    """An article: a ministry says its troops took `town` (an event resting on a claim), optionally an area figure."""
    text = (f"Troops entered {town} on {published}, the defence ministry said. "
            f"The ministry said troops recaptured {area or 12:g} square kilometres around the town.")
    quantity_words = f"{area or 12:g} square kilometres"
    claim_end = len(text)
    return Record(
        id=article_id, title=f"Troops enter {town}", text=text, source=outlet,
        published=Published(value=published),
        actors=(Actor(id="a1", name="Ukrainian Ministry of Defence", kind="org", side="UKR",
                      mentions=(_span(text, "the defence ministry"),)),),
        places=(Place(id="p1", name=town, geonameid=geonameid, lat=lat, lon=lon, kind="city", country="UA",
                      mentions=(_span(text, town),)),),
        times=(TimeExpr(id="t1", start=_span(text, published).start, end=_span(text, published).end, text=published,
                        type="DATE", value=published),),
        quantities=(Quantity(id="q1", start=_span(text, quantity_words).start, end=_span(text, quantity_words).end,
                             text=quantity_words, value=area or 12, unit="km2", bound="gt" if area else "eq"),),
        claims=(Claim(id="c1", start=0, end=claim_end, claimant="a1", said_at="t1", status=status, places=("p1",),
                      quantities=("q1",)),),
        events=(Event(id="e1", start=0, end=len(f"Troops entered {town}"), plover=plover,
                      acled=("Battles", "Government regains territory"), actor="a1", places=("p1",), when="t1",
                      claim="c1"),),
        stages={"test": "1"},
    )


def hostile_record() -> Record:
    """An article whose text holds markup that must be shown as text and never run."""
    return Record(id="hostile-markup", title="<b>Board</b> <script>window.__pwned = 4</script>", text=HOSTILE_TEXT,
                  source="Test Wire", url="javascript:window.__pwned=5", published=Published(value="2022-09-15"),
                  places=(Place(id="p1", name="Lyman", geonameid=702972, lat=48.99, lon=37.8, kind="city", country="UA",
                                mentions=(_span(HOSTILE_TEXT, "Lyman"),)),),
                  stages={"test": "1"})


def denial_record() -> Record:
    """The other side calls the Kupiansk report fake: a claim contradiction."""
    text = "Moscow's defence ministry said reports that troops entered Kupiansk were fake."
    content = "reports that troops entered Kupiansk were fake"
    return Record(
        id="agency-denial", title="Moscow denies losing Kupiansk", text=text, source="Agency Three",
        published=Published(value="2022-09-21"),
        actors=(Actor(id="a1", name="Russian Ministry of Defence", kind="org", side="RUS",
                      mentions=(_span(text, "Moscow's defence ministry"),)),),
        places=(Place(id="p1", name="Kupiansk", geonameid=704617, lat=49.71, lon=37.61, kind="city", country="UA",
                      mentions=(_span(text, "Kupiansk"),)),),
        claims=(Claim(id="c1", start=_span(text, content).start, end=_span(text, content).end, claimant="a1",
                      status="denied", places=("p1",)),),
        stages={"test": "1"},
    )


def sample_records() -> list[Record]:
    return [
        town_record("wire-izium", town="Izium", geonameid=707292, lat=49.21, lon=37.26, outlet="Wire One",
                    published="2022-09-10"),
        town_record("paper-kupiansk", town="Kupiansk", geonameid=704617, lat=49.71, lon=37.61, outlet="Daily Two",
                    published="2022-09-20", status="confirmed", area=3000),
        hostile_record(),
        denial_record(),
    ]
