"""The reader's marks: user data in SQLite, re-anchored when articles change.

May import `newsdesk.core.store` (the `Library` API) and below; not search or export;
never Textual or Rich.
"""
