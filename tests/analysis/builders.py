"""Hand-made articles for the analysis tests: write sentences, mark the mentions by their words.

    art = article("a1", "Reuters", "2022-04-12", "Russian troops shelled Kharkiv on Monday.")
    art.actor("Russian troops", kind="group", side="RUS").place("Kharkiv", 706483, 49.98, 36.25, "city", "UA", "Kharkiv Oblast")
    art.time("Monday", "2022-04-11").event("shelled", "ASSAULT", actor="Russian troops", places=["Kharkiv"], when="Monday")
    art.stored()    # -> StoredArticle
"""

from __future__ import annotations

from sitrep.model import (
    Actor,
    Claim,
    Event,
    Place,
    Published,
    Quantity,
    Record,
    Span,
    StoredArticle,
    TimeExpr,
)


class ArticleBuilder:
    def __init__(self, rid: str, outlet: str | None, published: str | None, text: str,
                 canonical: str | None = None) -> None:
        self.rid, self.outlet, self.published, self.text, self.canonical = rid, outlet, published, text, canonical
        self.actors: dict[str, Actor] = {}
        self.places: dict[str, Place] = {}
        self.times: dict[str, TimeExpr] = {}
        self.quantities: dict[str, Quantity] = {}
        self.claims: dict[str, Claim] = {}
        self.events: list[Event] = []

    def span(self, words: str) -> tuple[int, int]:
        i = self.text.index(words)
        return i, i + len(words)

    def sentence(self, words: str) -> tuple[int, int]:
        start, end = self.span(words)
        left = max(self.text.rfind(". ", 0, start) + 2, 0) if ". " in self.text[:start] else 0
        right = self.text.find(".", end)
        return left, right + 1 if right >= 0 else len(self.text)

    def actor(self, name: str, kind: str = "person", side: str | None = None) -> ArticleBuilder:
        s, e = self.span(name)
        aid = f"a{len(self.actors) + 1}"
        self.actors[name] = Actor(id=aid, name=name, kind=kind, side=side, mentions=(Span(start=s, end=e),))  # type: ignore[arg-type]
        return self

    def place(self, name: str, geonameid: int, lat: float, lon: float, kind: str = "city", country: str = "UA",
              admin1: str | None = None) -> ArticleBuilder:
        s, e = self.span(name)
        pid = f"p{len(self.places) + 1}"
        self.places[name] = Place(id=pid, name=name, geonameid=geonameid, lat=lat, lon=lon, kind=kind,  # type: ignore[arg-type]
                                  country=country, admin1=admin1, mentions=(Span(start=s, end=e, text=name),))
        return self

    def time(self, words: str, value: str) -> ArticleBuilder:
        s, e = self.span(words)
        tid = f"t{len(self.times) + 1}"
        self.times[words] = TimeExpr(id=tid, start=s, end=e, text=words, type="DATE", value=value)
        return self

    def quantity(self, words: str, value: float, unit: str, bound: str = "eq") -> ArticleBuilder:
        s, e = self.span(words)
        qid = f"q{len(self.quantities) + 1}"
        self.quantities[words] = Quantity(id=qid, start=s, end=e, text=words, value=value, unit=unit, bound=bound)  # type: ignore[arg-type]
        return self

    def claim(self, content: str, claimant: str | None, status: str = "asserted", said_at: str | None = None,
              quantities: tuple[str, ...] = (), places: tuple[str, ...] = ()) -> ArticleBuilder:
        s, e = self.span(content)
        cid = f"c{len(self.claims) + 1}"
        self.claims[content] = Claim(
            id=cid, start=s, end=e, claimant=self.actors[claimant].id if claimant else None, status=status,  # type: ignore[arg-type]
            said_at=self.times[said_at].id if said_at else None,
            quantities=tuple(self.quantities[q].id for q in quantities), places=tuple(self.places[p].id for p in places))
        return self

    def event(self, trigger: str, plover: str, acled: tuple[str, str] | None = None, actor: str | None = None,
              target: str | None = None, places: tuple[str, ...] = (), when: str | None = None,
              claim: str | None = None) -> ArticleBuilder:
        s, e = self.sentence(trigger)
        ts, te = self.span(trigger)
        self.events.append(Event(
            id=f"e{len(self.events) + 1}", start=s, end=e, plover=plover, acled=acled,
            actor=self.actors[actor].id if actor else None, target=self.actors[target].id if target else None,
            places=tuple(self.places[p].id for p in places), when=self.times[when].id if when else None,
            claim=self.claims[claim].id if claim else None, trigger=Span(start=ts, end=te, text=trigger)))
        return self

    def record(self) -> Record:
        return Record(id=self.rid, text=self.text, source=self.outlet,
                      published=Published(value=self.published) if self.published else None,
                      actors=tuple(self.actors.values()), places=tuple(self.places.values()),
                      times=tuple(self.times.values()), quantities=tuple(self.quantities.values()),
                      claims=tuple(self.claims.values()), events=tuple(self.events))

    def stored(self) -> StoredArticle:
        return StoredArticle(record=self.record(), outlet=self.outlet, published=self.published,
                             canonical=self.canonical)


def article(rid: str, outlet: str | None, published: str | None, text: str,
            canonical: str | None = None) -> ArticleBuilder:
    return ArticleBuilder(rid, outlet, published, text, canonical)


KHARKIV = (706483, 49.98, 36.25, "city", "UA", "Kharkiv Oblast")
IZIUM = (707292, 49.21, 37.26, "city", "UA", "Kharkiv Oblast")
KHARKIV_OBLAST = (706482, 49.5, 36.5, "region", "UA", "Kharkiv Oblast")
KYIV = (703448, 50.45, 30.52, "city", "UA", "Kyiv City")


def shelling_reports() -> list[StoredArticle]:
    """Three outlets report one shelling of Kharkiv; a fourth a different strike a week later."""
    a = article("art-a", "Wire One", "2022-04-12", "Russian troops shelled Kharkiv on Monday, killing 7 people.")
    a.actor("Russian troops", "group", "RUS").place("Kharkiv", *KHARKIV).time("Monday", "2022-04-11")
    a.quantity("7 people", 7, "killed").event("shelled", "ASSAULT", ("Explosions/Remote violence",
                                               "Shelling/artillery/missile attack"),
                                              actor="Russian troops", places=("Kharkiv",), when="Monday")
    b = article("art-b", "Daily Two", "2022-04-12", "Kharkiv was shelled by Russian troops on Monday; 5 people died.")
    b.actor("Russian troops", "group", "RUS").place("Kharkiv", *KHARKIV).time("Monday", "2022-04-11")
    b.quantity("5 people", 5, "people").event("shelled", "ASSAULT", ("Explosions/Remote violence",
                                               "Shelling/artillery/missile attack"),
                                              actor="Russian troops", places=("Kharkiv",), when="Monday")
    c = article("art-c", "Copy Site", "2022-04-12", "Russian troops shelled Kharkiv on Monday, killing 7 people.",
                canonical="art-a")
    c.actor("Russian troops", "group", "RUS").place("Kharkiv", *KHARKIV).time("Monday", "2022-04-11")
    c.quantity("7 people", 7, "killed").event("shelled", "ASSAULT", ("Explosions/Remote violence",
                                               "Shelling/artillery/missile attack"),
                                              actor="Russian troops", places=("Kharkiv",), when="Monday")
    d = article("art-d", "Daily Two", "2022-04-20", "A missile strike hit Kharkiv on Tuesday.")
    d.place("Kharkiv", *KHARKIV).time("Tuesday", "2022-04-19")
    d.event("missile strike", "ASSAULT", ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            places=("Kharkiv",), when="Tuesday")
    return [a.stored(), b.stored(), c.stored(), d.stored()]


def area_reports() -> list[StoredArticle]:
    """One commander's growing area figure, another's repeated by two outlets, a recapture."""
    a = article("area-a", "Outlet A", "2022-09-09",
                "The president said on Thursday that troops recaptured 1,000 square kilometers. "
                "Ukrainian forces have recaptured Izium from Russian forces.")
    a.actor("The president", "person", "UKR").actor("Ukrainian forces", "group", "UKR")
    a.actor("Russian forces", "group", "RUS").place("Izium", *IZIUM).time("Thursday", "2022-09-08")
    a.quantity("1,000 square kilometers", 1000, "km2")
    a.claim("troops recaptured 1,000 square kilometers", "The president", said_at="Thursday",
            quantities=("1,000 square kilometers",))
    a.event("recaptured Izium", "ASSAULT", ("Battles", "Government regains territory"), actor="Ukrainian forces",
            target="Russian forces", places=("Izium",))
    b = article("area-b", "Outlet B", "2022-09-11",
                "The president said on Saturday that troops recaptured 2,000 square kilometers.")
    b.actor("The president", "person", "UKR").time("Saturday", "2022-09-10")
    b.quantity("2,000 square kilometers", 2000, "km2")
    b.claim("troops recaptured 2,000 square kilometers", "The president", said_at="Saturday",
            quantities=("2,000 square kilometers",))
    return [a.stored(), b.stored()]
