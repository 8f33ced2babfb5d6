"""Small invented articles shared by the marks and export tests (core and CLI)."""

from __future__ import annotations

#: One direct quote with a role, one reported statement, a credit line and the URL's date.
MINISTERS = """Ministers Meet Over Internet Rules

Monday, March 4, 2019

Guo Shengkun, the Chinese Public Security Minister, said on Monday: "We will protect the network
together."

Lu Wei said online freedom is not a right but a responsibility.

The meeting ended without agreement. Officials will meet again in May.

Full article: Ministers Meet Over Internet Rules (Example News)

https://example.com/2019/03/04/ministers
"""
