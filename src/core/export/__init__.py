"""Exports: marks and positions as cited Markdown, and an index as JSON.

May import `newsdesk.core.marks`, `.store` and below; never Textual or Rich.
"""
