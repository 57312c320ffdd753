"""Name keys for gazetteer look-ups: one exact-ish key and one transliteration skeleton.

`name_key` folds case, accents, scripts (unidecode turns Харків into Kharkiv),
apostrophes and hyphens: "Kup'yans'k" and "Kupyansk" share the key "kupyansk".

`skeleton_key` further folds the spelling choices of the competing romanisations of
Ukrainian and Russian names (kh/ch/h, y/i/j/ii/iy, ts/c, doubled letters, soft
signs), so "Nova Kachovka" ~ "Nova Kakhovka", "Izyum" ~ "Izium", "Balaklia" ~
"Balakliia". It is a fallback tier: more collisions, so look-ups use it only when the
exact key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_APOSTROPHES = re.compile(r"['’ʼʹ`´ʻ‘\"]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/.,]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]+")
_ARTICLE = re.compile(r"^the ")

# Ordered rewrites applied to a name_key to get its skeleton.
_SKELETON_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"shch", "s"),
        (r"sch", "s"),
        (r"zh", "z"),
        (r"[kc]h", "h"),
        (r"sh", "s"),
        (r"tz|ts", "c"),
        (r"w", "v"),
        (r"[jy]", "i"),
        (r"g", "h"),
        (r"([a-z])\1+", r"\1"),
        (r"ie", "e"),
        (r"i(?=[aeou])", ""),
        (r"(?<=[a-z])i\b", ""),
        (r"k(?=[aou])", "c"),
    )
)


def fold(text: str) -> str:
    """ASCII transliteration of any script, accents removed (NFKC first for ligatures)."""
    return unidecode(unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Case-, accent-, script- and punctuation-folded key; '' when nothing is left (cached)."""
    text = _APOSTROPHES.sub("", fold(name)).lower()
    text = _SEPARATORS.sub(" ", text)
    text = _NON_WORD.sub("", text)
    text = _ARTICLE.sub("", " ".join(text.split()))
    return text


def skeleton_key(name: str) -> str:
    """Transliteration-insensitive key (see module docstring); '' for very short names."""
    key = name_key(name)
    if len(key) < 4:
        return ""
    for pattern, repl in _SKELETON_RULES:
        key = pattern.sub(repl, key)
    return key
