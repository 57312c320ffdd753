"""Calendar arithmetic and TimeML value formatting (ISO 8601 extended with TimeML's Q, H, WE, X)."""

from __future__ import annotations

import re
from datetime import date, timedelta

UNRESOLVED = {"Y": "XXXX", "Q": "XXXX-QX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX", "E": "XXX", "C": "XX"}
_VALUE_FORMS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), "D"),
    (re.compile(r"^\d{4}-W\d{2}"), "W"),
    (re.compile(r"^\d{4}-\d{2}$"), "M"),
    (re.compile(r"^\d{4}-Q\d$"), "Q"),
    (re.compile(r"^\d{4}-H\d$"), "H"),
    (re.compile(r"^\d{4}(-(SP|SU|FA|WI))?$"), "Y"),
)


def day(d: date) -> str:
    return d.isoformat()


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    k = y * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def add_years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def shifted(dct: date, unit: str, n: int) -> str:
    """The calendar unit containing `dct` moved by n units, at that unit's granularity."""
    if unit == "Y":
        return f"{dct.year + n:04d}"
    if unit == "M":
        return month(*add_months(dct.year, dct.month, n))
    if unit == "Q":
        y, q = add_quarters(dct.year, quarter_of(dct), n)
        return f"{y:04d}-Q{q}"
    if unit in ("W", "WE"):
        return week(dct + timedelta(weeks=n)) + ("-WE" if unit == "WE" else "")
    if unit == "E":
        return str(dct.year // 10 + n)
    if unit == "C":
        return f"{dct.year // 100 + n:02d}"
    return day(dct + timedelta(days=n))


def granularity(value: str) -> str | None:
    """D, W, M, Q, H or Y for a resolved calendar value; None for durations, refs, X-values."""
    for pattern, gran in _VALUE_FORMS:
        if pattern.match(value):
            return gran
    return None


def shift_value(value: str, unit: str, n: int) -> str | None:
    """Move a resolved value (e.g. an earlier-mentioned quarter) by n units of `unit`, keeping its granularity."""
    gran = granularity(value)
    y = int(value[:4]) if gran else 0
    if gran == "Q" and unit in ("Y", "Q"):
        yy, q = add_quarters(y, int(value[6]), n * (4 if unit == "Y" else 1))
        return f"{yy:04d}-Q{q}"
    if gran == "H" and unit == "Y":
        return f"{y + n:04d}{value[4:]}"
    if gran == "M" and unit in ("Y", "M"):
        return month(*add_months(y, int(value[5:7]), n * (12 if unit == "Y" else 1)))
    if gran == "D":
        d = date.fromisoformat(value[:10])
        return shifted(d, unit, n) if unit != "Y" else day(add_years(d, n))
    if gran == "Y" and unit == "Y" and len(value) == 4:
        return f"{y + n:04d}"
    return None


def weekday_date(dct: date, iso_weekday: int, direction: str) -> date:
    """The `iso_weekday` nearest `dct` in `direction` (past|future|this-week); the DCT's own weekday is the DCT."""
    delta = iso_weekday - dct.isoweekday()
    if direction == "past":
        return dct + timedelta(days=delta if delta <= 0 else delta - 7)
    if direction == "future":
        return dct + timedelta(days=delta if delta >= 0 else delta + 7)
    return dct + timedelta(days=delta)


def strictly(dct: date, iso_weekday: int, direction: str) -> date:
    """"last Friday" / "next Friday": never the DCT itself."""
    d = weekday_date(dct, iso_weekday, direction)
    if d == dct:
        d += timedelta(days=-7 if direction == "past" else 7)
    return d


def duration(n: float | None, unit: str) -> str:
    """TimeML duration for n units (None: unknown amount, X); fractions fall to the next smaller unit."""
    if unit == "W2":
        unit, n = "W", (None if n is None else n * 2)
    time_part = unit.islower()
    letter = unit.upper()
    prefix = "PT" if time_part else "P"
    if n is None:
        return f"{prefix}X{letter}"
    whole = int(n)
    frac = n - whole
    if frac and (smaller := _SMALLER.get(unit)):
        sub_unit, factor = smaller
        rest = round(frac * factor)
        head = f"{whole}{letter}" if whole else ""
        if sub_unit.islower() and not time_part:
            return f"P{head}T{rest}{sub_unit.upper()}"
        return f"{prefix}{head}{rest}{sub_unit.upper()}"
    if frac:  # seconds have no smaller unit: keep the decimal ("4.51 seconds" -> PT4.51S)
        return f"{prefix}{n:g}{letter}"
    return f"{prefix}{whole}{letter}"


_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("h", 24), "h": ("m", 60), "m": ("s", 60)}
