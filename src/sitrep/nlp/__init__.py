"""spaCy glue only: build the nlp object, parse texts into Docs whose offsets equal the record's."""
