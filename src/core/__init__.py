"""newsdesk.core: the headless library (articles, actors, quotes, store, search, export)."""

import logging

# A library logs; the application decides where it goes. Front ends tell the user through
# `OpenedIndex.notices` and the like, so stray records never reach the terminal twice.
logging.getLogger(__name__).addHandler(logging.NullHandler())

__version__ = "0.1.0"

#: Bumped whenever extraction output changes, so cached indexes rebuild.
EXTRACTION_VERSION = "11"
