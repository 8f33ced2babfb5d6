"""Analyses over a `Library`: relations (who targets whom) and an actor's record over time.

May import `newsdesk.core.store` (the `Library` API) and below; not search, marks or export;
never Textual or Rich.
"""
