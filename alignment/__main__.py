"""``python -m alignment``: the aligner's command line (see alignment.cli)."""

import sys

from alignment.cli import main

sys.exit(main())
