"""Reading input documents: text, HTML, JSONL, RSS/Atom files, directories and stdin.

`read_inputs(paths)` yields, in input order, a `Document` for every readable document and a
`Failure` (origin + one-line reason) for every bad one, so a batch never stops on bad input.
"""

from sitrep.ingest.readers import Failure, read_inputs

__all__ = ["Failure", "read_inputs"]
