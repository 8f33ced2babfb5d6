"""The index store: analyses <-> SQLite (one cache per corpus folder) and the `Library` read API.

May import `newsdesk.core.pipeline`, `.db`, `.models`, `.settings`, `.errors`; not search,
marks or export, and never Textual or Rich.
"""
