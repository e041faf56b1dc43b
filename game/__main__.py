"""``python -m game`` does what the ``redlines`` command does."""

import sys

from game.cli import main

sys.exit(main())
