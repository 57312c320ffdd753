"""Near-duplicate articles: MinHash LSH over word shingles (datasketch).

The same wire copy on two sites, or a copy with a new headline and a paragraph changed,
shares most of its five-word shingles with the original; two different articles on one
topic share almost none. Approach:
1. `signature(text)`: lower-cased words, every run of `SHINGLE` consecutive words hashed
   (`shingle_hashes`: words hashed, windows combined in numpy, which keeps this
   under 1 ms an article) into a `NUM_PERM`-slot MinHash (short texts use all their words).
2. `NearDuplicateIndex`: an LSH index (banding tuned for `THRESHOLD`) finds candidate
   articles quickly; a candidate is a near-duplicate when its estimated Jaccard similarity
   is at least `THRESHOLD`. The best candidate wins, ties go to the one added first, so the
   answer depends only on what was added before (ingest order), never on timing.
3. Signatures are stored as bytes (`to_bytes`/`from_bytes`), so the store reloads the index
   instead of re-reading every text.

The headline is left out on purpose: "a copy with a new headline" must still match.
Known failure modes: very short texts (a two-sentence brief) match only when nearly
identical; a long article quoting another one at length can reach the threshold.
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE = 5
NUM_PERM = 128
THRESHOLD = 0.4  # lightly edited copies score well above it, different articles on one topic below 0.01
SCHEME = "affine32"  # datasketch mixes each input hash before permuting; inputs are our shingle hashes (`int`)
WORD = re.compile(r"\w+")
_PERMUTATIONS: dict[int, MinHash] = {}


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word shingles of a text, as text (for reading and tests; `signature` hashes them directly)."""
    words = WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def shingle_hashes(text: str, size: int = SHINGLE) -> list[int]:
    """One 32-bit hash per distinct shingle: words CRC32-hashed, windows of them combined FNV-style in numpy."""
    words = WORD.findall(text.lower())
    if not words:
        return []
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    width = min(size, len(hashes))
    combined = hashes[: len(hashes) - width + 1].copy()
    for k in range(1, width):
        combined = ((combined * np.uint64(0x01000193)) ^ hashes[k: len(hashes) - width + 1 + k]) & np.uint64(0xFFFFFFFF)
    return np.unique(combined).tolist()  # type: ignore[no-any-return]


def signature(text: str) -> MinHash:
    """The MinHash of a text's word shingles (the same text always gives the same signature)."""
    minhash = _empty()
    minhash.update_batch(shingle_hashes(text))
    return minhash


def _empty() -> MinHash:
    """A fresh MinHash sharing one set of permutations (computing them is the slow part)."""
    if NUM_PERM not in _PERMUTATIONS:
        _PERMUTATIONS[NUM_PERM] = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=SCHEME)
    return _PERMUTATIONS[NUM_PERM].copy()


def to_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def from_bytes(data: bytes) -> MinHash:
    template = _empty()
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype="<u4").astype(np.uint64),
                   permutations=template.permutations, hashfunc=int, scheme=SCHEME)


_BANDS: dict[float, tuple[int, int]] = {}


def _bands(threshold: float) -> tuple[int, int]:
    """datasketch's (bands, rows) for a threshold, computed once: it integrates numerically each time."""
    if threshold not in _BANDS:
        probe = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        _BANDS[threshold] = (probe.b, probe.r)
    return _BANDS[threshold]


class NearDuplicateIndex:
    """Articles by signature; `find` names the article a new text near-duplicates, if any."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=_bands(threshold))
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, minhash: MinHash) -> None:
        if key in self._signatures:
            self.remove(key)
        self._lsh.insert(key, minhash)
        self._signatures[key] = minhash
        self._order[key] = len(self._order)

    def remove(self, key: str) -> None:
        if key in self._signatures:
            self._lsh.remove(key)
            del self._signatures[key]

    def find(self, minhash: MinHash, *, exclude: str | None = None) -> str | None:
        """The most similar indexed article at or above the threshold (earliest added on ties)."""
        best: tuple[float, int, str] | None = None
        for key in self._lsh.query(minhash):
            if key == exclude:
                continue
            score = minhash.jaccard(self._signatures[key])
            if score < self.threshold:
                continue
            rank = (-score, self._order[key], key)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None
