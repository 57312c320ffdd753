"""A faster stand-in for the model's `attribute_ruler` and rule `lemmatizer`, with the same output.

Why: the stages read `pos_`, `morph` and `lemma_` of every token, so both components must
run, but in spaCy they cost about a fifth of the model's time on news text (a Span and a
Python call per token for the ruler's tag map, three Python calls per token for the
lemmatizer). This component does the same work with arrays:

1. The ruler's tag-map rules (one pattern `[{"TAG": t}]` each, setting POS and MORPH) are a
   dict from tag to values, applied to every token with one `Doc.from_array`.
2. The ruler's other rules (exceptions on LOWER/TAG/DEP/IS_SPACE, a few setting LEMMA, DEP or
   TAG) are matched against the token attributes as the ruler's Matcher would (every match of
   every rule on the unmodified tokens), but each token only tries the rules whose first token
   can be it (indexed by LOWER, else TAG); the matches are then applied in rule order after
   step 1, as in the original, where the tag-map rules come first and later rules win.
3. Lemmas: the rule lemmatizer's result depends only on the token's ORTH, POS and MORPH (and
   its tables), so each distinct triple is lemmatised once by the model's own lemmatizer and
   cached for the life of the process; tokens that already have a lemma (set by a ruler rule)
   keep it, as with `overwrite=False`. The lemmatizer runs on a copy of its tables in which
   each part of speech's `lemma_index` word list is a frozenset: its only use is `form in
   index`, a scan of up to 57,000 words per candidate form in a list (about 0.1 ms a word,
   most of a cold lemmatizer's time), one hash look-up in a set, with the same answer.

`install_fast_attributes(nlp)` swaps the two components for this one only when the model's
ruler has that shape (tag-map rules first; no later rule matching on what they set;
lemmatizer in rule mode without overwrite); otherwise the model is left as it is. The
identity is checked by tests/nlp/test_attributes.py (every token attribute equal to the
original components' on hand-written text) and by scripts/speed_identity.py on whole records.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler, Lemmatizer
    from spacy.tokens import Doc

NAME = "sitrep_attributes"
TAG_MAP_SETS = frozenset({"POS", "MORPH"})  # what a tag-map rule sets (and later rules must not match on)


class FastAttributes:
    """Tag map, exception rules and cached lemmas; called like any spaCy component."""

    def __init__(self, ruler: AttributeRuler, lemmatizer: Lemmatizer) -> None:
        count = tag_map_count(ruler.patterns)
        self.by_tag = tag_map(ruler, count)
        self.rules = ExceptionRules(ruler, count)
        self.lemmatizer = with_indexed_lemmas(lemmatizer)
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            self.apply_tag_map(doc)
            self.rules.apply(doc)
            self.apply_lemmas(doc)
        return doc

    def apply_tag_map(self, doc: Doc) -> None:
        import numpy
        from spacy.attrs import MORPH, POS, TAG

        tags = doc.to_array(TAG).tolist()
        by_tag = self.by_tag
        if all(tag in by_tag for tag in tags):
            values: Any = numpy.array([by_tag[tag] for tag in tags], dtype="uint64")
            doc.from_array([POS, MORPH], values)
            return
        for token, tag in zip(doc, tags, strict=True):  # a tag outside the map: those tokens keep theirs
            if tag in by_tag:
                token.pos, morph = by_tag[tag]
                token.set_morph(morph)  # type: ignore[attr-defined]

    def apply_lemmas(self, doc: Doc) -> None:
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = self.lemmas
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma == 0:
                key = (orth, pos, morph)
                lemma = lemmas.get(key, 0)
                if lemma == 0:
                    lemma = lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            out.append(lemma)
        lemma_column: Any = numpy.array(out, dtype="uint64")
        doc.from_array([LEMMA], lemma_column)


def with_indexed_lemmas(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A shallow copy of the lemmatizer whose tables are copies with every lemma_index list a frozenset.

    The model's own lemmatizer and tables are left as they are; the copy starts with an empty cache.
    """
    import copy

    from spacy.lookups import Lookups

    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lookups.add_table(name)
        for key, value in lemmatizer.lookups.get_table(name).items():
            table[key] = frozenset(value) if name == "lemma_index" else value
    fast = copy.copy(lemmatizer)
    fast.lookups = lookups
    fast.cache = {}
    fast.lemmatize = fast.rule_lemmatize  # the original's was bound to the original object (FastAttributes needs rule mode)
    return fast


def tag_map_count(patterns: list[dict[str, Any]]) -> int:
    """How many rules at the head of the ruler are tag-map rules (one token, TAG only, index 0)."""
    count = 0
    for rule in patterns:
        pattern = rule["patterns"]
        if not (len(pattern) == 1 and len(pattern[0]) == 1 and list(pattern[0][0]) == ["TAG"]
                and rule.get("index", 0) == 0 and set(rule["attrs"]) <= TAG_MAP_SETS):
            break
        count += 1
    return count


def tag_map(ruler: AttributeRuler, count: int) -> dict[int, tuple[int, int]]:
    """Tag hash -> (POS, MORPH) of the first `count` rules; a later rule for the same tag wins."""
    from spacy.attrs import MORPH, POS

    out: dict[int, tuple[int, int]] = {}
    rules: list[Any] = ruler.patterns[:count]
    for attrs, rule in zip(ruler.attrs[:count], rules, strict=True):
        tag = ruler.vocab.strings.add(rule["patterns"][0][0]["TAG"])
        pos, morph = out.get(tag, (0, 0))
        out[tag] = (attrs.get(POS, pos), attrs.get(MORPH, morph))
    return out


def fits(nlp: Language) -> bool:
    """Whether the model's ruler and lemmatizer have the shape FastAttributes reproduces."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False
    ruler: Any = nlp.get_pipe("attribute_ruler")
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    patterns = ruler.patterns
    count = tag_map_count(patterns)
    matched = {key.upper() for rule in patterns[count:] for pattern in rule["patterns"] for token in pattern
               for key in token}
    return count > 0 and not (matched & TAG_MAP_SETS)


def install_fast_attributes(nlp: Language) -> bool:
    """Replace attribute_ruler + lemmatizer by FastAttributes when `fits(nlp)`; True if replaced."""
    from spacy.language import Language

    if not fits(nlp):
        return False
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=make_fast_attributes)
    nlp.add_pipe(NAME, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return True


def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """The spaCy factory: built from the model's own ruler and lemmatizer (still in the pipeline)."""
    ruler: Any = nlp.get_pipe("attribute_ruler")
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    return FastAttributes(ruler, lemmatizer)


MATCHED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # the token attributes the exception rules may test
TokenTest = tuple[tuple[int, str, object], ...]  # (column in MATCHED, operator, operand)
Index = dict[int, list[tuple[int, list[TokenTest]]]]


class ExceptionRules:
    """The ruler's rules after the tag map, as token tests indexed by what their first token needs.

    A pattern is a list of token specs; a spec maps an attribute of MATCHED to a string (equal),
    a bool (IS_SPACE) or {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": r"..."} on the string.
    """

    def __init__(self, ruler: AttributeRuler, start: int) -> None:
        self.vocab = ruler.vocab
        self.attrs = ruler.attrs[start:]
        self.indices = ruler.indices[start:]
        self.indexed: tuple[Index, ...] = ({}, {}, {}, {})  # per column of MATCHED: value -> patterns
        self.anywhere: list[tuple[int, list[TokenTest]]] = []
        self.regex_results: dict[tuple[int, int], bool] = {}  # (id of regex, string hash) -> found
        self.verdicts: dict[int, dict[int, bool]] = {}  # id of a first-token spec -> value -> passes
        rules: list[Any] = ruler.patterns[start:]
        for number, rule in enumerate(rules):
            for pattern in rule["patterns"]:
                self._index(number, [self._compile(spec) for spec in pattern])

    def _compile(self, spec: dict[str, Any]) -> TokenTest:
        tests: list[tuple[int, str, Any]] = []
        for key, value in spec.items():
            column = MATCHED.index(key.upper())
            if isinstance(value, bool):
                tests.append((column, "==", int(value)))
            elif isinstance(value, str):
                tests.append((column, "==", self.vocab.strings.add(value)))
            elif set(value) == {"IN"}:
                tests.append((column, "in", frozenset(self.vocab.strings.add(v) for v in value["IN"])))
            elif set(value) == {"NOT_IN"}:
                tests.append((column, "not in", frozenset(self.vocab.strings.add(v) for v in value["NOT_IN"])))
            elif set(value) == {"REGEX"}:
                tests.append((column, "regex", re.compile(value["REGEX"])))
            else:
                raise ValueError(f"attribute ruler pattern operator {value!r} is not supported")
        return tuple(tests)

    def _index(self, number: int, pattern: list[TokenTest]) -> None:
        """File the pattern under the values its first token must have (the first column with any)."""
        first = pattern[0]
        for column, index in enumerate(self.indexed):
            anchors = [(op, operand) for c, op, operand in first if c == column and op in ("==", "in")]
            if anchors:
                op, operand = anchors[0]
                for value in ([operand] if op == "==" else operand):  # type: ignore[attr-defined]
                    index.setdefault(int(value), []).append((number, pattern))  # type: ignore[call-overload]
                return
        self.anywhere.append((number, pattern))

    def matches(self, rows: list[list[int]]) -> list[tuple[int, int, int]]:
        """(rule number, start, end) of every match, sorted as the AttributeRuler sorts them."""
        found: set[tuple[int, int, int]] = set()
        columns = list(zip(*rows, strict=True))
        for column, index in enumerate(self.indexed):
            values = columns[column]
            for start in [i for i, value in enumerate(values) if value in index]:
                found.update((number, start, start + len(pattern)) for number, pattern in index[values[start]]
                             if self._matches_at(rows, start, pattern))
        for number, pattern in self.anywhere:
            found.update((number, start, start + len(pattern)) for start in self._first_token_starts(pattern[0], rows, columns)
                         if self._matches_at(rows, start, pattern))
        return sorted(found)

    def _first_token_starts(self, tests: TokenTest, rows: list[list[int]], columns: list[tuple[int, ...]]) -> list[int]:
        """Where a pattern's first token spec holds; a spec on one column is tested once per value
        (the verdicts are kept for the life of the process, like a lemma cache)."""
        if len({column for column, _, _ in tests}) != 1:
            return [i for i, row in enumerate(rows) if self._passes(row, tests)]
        column = tests[0][0]
        verdicts = self.verdicts.setdefault(id(tests), {})
        values = columns[column]
        row = [0] * len(MATCHED)
        for value in set(values).difference(verdicts):
            row[column] = value
            verdicts[value] = self._passes(row, tests)
        return [i for i, value in enumerate(values) if verdicts[value]]

    def _matches_at(self, rows: list[list[int]], start: int, pattern: list[TokenTest]) -> bool:
        return start + len(pattern) <= len(rows) and all(self._passes(rows[start + k], test) for k, test in enumerate(pattern))

    def _passes(self, row: list[int], tests: TokenTest) -> bool:
        for column, op, operand in tests:
            value = row[column]
            if op == "==":
                ok = value == operand
            elif op == "in":
                ok = value in operand  # type: ignore[operator]
            elif op == "not in":
                ok = value not in operand  # type: ignore[operator]
            else:
                key = (id(operand), value)
                ok = self.regex_results.get(key)  # type: ignore[assignment]
                if ok is None:
                    ok = self.regex_results[key] = operand.search(self.vocab.strings[value]) is not None  # type: ignore[attr-defined]
            if not ok:
                return False
        return True

    def apply(self, doc: Doc) -> None:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        for number, start, end in self.matches(rows):
            index = self.indices[number]
            if not -(end - start) <= index < end - start:
                raise ValueError(f"attribute ruler rule {number}: index {index} outside its match")
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[number])
