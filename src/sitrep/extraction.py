"""The default extraction pipeline: which stages run, in which order, with which resources."""

from __future__ import annotations

from sitrep.config import Settings
from sitrep.pipeline import Pipeline


def make_pipeline(settings: Settings) -> Pipeline:
    """Build every stage once (loading its resources) and check their order."""
    from sitrep.stages.actors import make_actors_stage
    from sitrep.stages.claims import make_claims_stage
    from sitrep.stages.events import make_events_stage
    from sitrep.stages.places import make_places_stage
    from sitrep.stages.published import make_published_stage
    from sitrep.stages.quantities import make_quantities_stage
    from sitrep.stages.times import make_times_stage

    return Pipeline([
        make_published_stage(),
        make_times_stage(),
        make_quantities_stage(),
        make_places_stage(settings),
        make_actors_stage(),
        make_claims_stage(),
        make_events_stage(),
    ])
