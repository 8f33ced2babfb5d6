"""The pipeline: article files -> cleaned `Article`s -> spaCy -> mentions, quotes, actors.

May import `newsdesk.core.models`, `.settings`, `.errors` and spaCy; nothing above it
(store, search, marks, export) and never Textual or Rich.
"""
