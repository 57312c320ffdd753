"""Words around a time expression that both the events stage and the cross-article views read.

`is_compared_time`: the time is the term of a comparison, not the date of the act ("measures
that go far beyond 2014", "worse than in 2014", "compared with last year", "unlike those of
2014"). One rule for both, so an event's date and its cross-article dating never disagree.
"""

from __future__ import annotations

import re

COMPARED_TIME = re.compile(r"\b(?:beyond|than|compared (?:with|to)|unlike)\s+(?:(?:in|at|on|during)\s+)?"
                           r"(?:the\s+|those of\s+)?$", re.I)
REACH = 30  # characters before the time that are read


def is_compared_time(text: str, start: int) -> bool:
    """The time at text[start:] is what something is compared with."""
    return COMPARED_TIME.search(text[max(0, start - REACH):start]) is not None
