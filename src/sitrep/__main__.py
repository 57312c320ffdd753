"""`python -m sitrep` is the `sitrep` command."""

import sys

from sitrep.cli import main

sys.exit(main())
