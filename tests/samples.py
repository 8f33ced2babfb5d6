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


#: Three dated articles where actors take positions on each other (relations, records).
SUMMIT = """Leaders Clash at Trade Summit

Monday, March 4, 2019

Maria Lopez, the Trade Minister of Spain, praised Angela Novak for her work on the agreement.

Novak accused Victor Hale of blocking the talks. "Victor Hale has done nothing but delay,"
Novak said.

Hale said the talks would continue in April.

Full article: Leaders Clash at Trade Summit (Example News)

https://example.com/2019/03/04/summit
"""

SUMMIT_FOLLOWUP = """Trade Talks Resume

Thursday, March 21, 2019

Victor Hale criticised Angela Novak on Thursday. "Angela Novak does not speak for Europe,"
Hale told reporters.

Lopez said a deal was still possible.

Full article: Trade Talks Resume (Example News)

https://example.com/2019/03/21/talks
"""

UNDATED_NOTE = """A Note Without a Date

Victor Hale said he would return to the talks.
"""
