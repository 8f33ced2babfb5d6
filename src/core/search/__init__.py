"""Fuzzy search over a `Library`: folding, the on-disk search index, queries and ranking.

May import `newsdesk.core.store` (the `Library` API) and below; not marks or export;
never Textual or Rich.
"""
