"""Entry point for ``python -m pagesim``."""
import sys

from pagesim.cli import main

sys.exit(main())
