"""The fixed tune/check split of every dev set, by a hash of the item id.

An item is in the **tune** part when the first hex digit of sha1(id) is 0-7, else in the
**check** part. Errors are looked at on the tune part only; the check part is only measured,
and both parts' figures are pinned in tests/baseline.json. The rule never changes: changing
it would let check items leak into tuning.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Part = Literal["tune", "check"]


def part_of(item_id: str) -> Part:
    digit = hashlib.sha1(item_id.encode("utf-8")).hexdigest()[0]
    return "tune" if digit in "01234567" else "check"


def is_tune(item_id: str) -> bool:
    return part_of(item_id) == "tune"
