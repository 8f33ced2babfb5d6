"""newsdesk.core: the headless library (articles, actors, quotes, store, search, export)."""

__version__ = "0.1.0"

#: Bumped whenever extraction output changes, so cached indexes rebuild.
EXTRACTION_VERSION = "2"
