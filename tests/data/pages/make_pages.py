"""Builds the saved-page fixtures from Wikinews articles of the shared corpus (run once, kept).

Each page wraps one article in the chrome a saved news page has: site navigation, a sidebar,
share buttons, a "Related news"/"Read more" block, reader comments and a licence footer, with
the metadata three different ways (Open Graph + meta tags, JSON-LD, bare <title> and <time>).
`expected/NAME.txt` holds the article's own paragraphs, which the extractor must return.

    python tests/data/pages/make_pages.py /path/to/wikinews-2019
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
ARTICLES = {
    "mindanao-cathedral": "2019-01-28-bombs-kill-at-least-20-at-cathedral-in-mindanao-philippines.txt",
    "pennsylvania-party": "2019-07-23-four-teenagers-shot-at-pennsylvania-graduation-party.txt",
    "alexei-leonov": "2019-10-12-cosmonaut-alexei-leonov-dies-at-age-85.txt",
}

NAV = """<header id="mw-head"><a class="logo" href="/wiki/Main_Page">Wikinews</a>
<nav id="p-navigation"><ul><li><a href="/wiki/Main_Page">Main page</a></li>
<li><a href="/wiki/Special:Random">Random article</a></li><li><a href="/wiki/Politics">Politics</a></li>
<li><a href="/wiki/Crime">Crime and law</a></li><li><a href="/wiki/Science">Science</a></li>
<li><a href="/wiki/Help:Contents">Help</a></li><li><a href="/wiki/Special:Login">Log in</a></li></ul></nav>
<form id="search"><input name="search" placeholder="Search Wikinews"></form></header>"""

SIDEBAR = """<aside id="sidebar"><h3>Share this article</h3><ul class="share">
<li><a href="https://facebook.example/share">Facebook</a></li><li><a href="https://x.example/share">Twitter</a></li>
<li><a href="mailto:?subject=news">E-mail</a></li></ul>
<h3>Most read this week</h3><ul><li><a href="/wiki/A">Storm closes schools across the region</a></li>
<li><a href="/wiki/B">Football club names new manager after poor run</a></li></ul></aside>"""

READ_MORE = """<div class="related read-more"><h2>Read more</h2><ul>
<li><a href="/wiki/R1">Earlier: officials warn of rising tensions in the area</a></li>
<li><a href="/wiki/R2">Opinion: what the week's events mean for the country</a></li>
<li><a href="/wiki/R3">Police appeal for witnesses after a second incident</a></li></ul></div>"""

COMMENTS = """<section id="comments" class="comments"><h2>Comments</h2>
<p class="comment-intro">Have an opinion on this story? Share it!</p>
<div class="comment"><span class="comment-author">reader42</span>
<p class="comment-body">This is terrible news, my thoughts go out to everyone affected by it.</p></div>
<div class="comment"><span class="comment-author">anon</span>
<p class="comment-body">Why does nobody talk about the real causes? The government knew for years.</p></div>
</section>"""

FOOTER = """<footer id="footer"><p>All text created after September 25, 2005 available under the
terms of the Creative Commons Attribution 2.5 License, unless otherwise noted.</p>
<ul><li><a href="/wiki/Privacy">Privacy policy</a></li><li><a href="/wiki/About">About Wikinews</a></li>
<li><a href="/wiki/Disclaimer">Disclaimers</a></li></ul></footer>"""


def parse(path: Path) -> tuple[str, str, list[str], str]:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
    title, date = blocks[0], blocks[1]
    url = re.search(r"<(https?://[^>]+)>", blocks[-1]).group(1)
    body = [b for b in blocks[2:-1] if not re.match(r"^\w+day, \w+ \d+, \d{4}$", b)]
    body = [re.sub(r"^\w+day, \w+ \d+, \d{4}\s*\n", "", b) for b in body]
    return title, date, [" ".join(p.split()) for p in body], url


def iso(date: str) -> str:
    from datetime import datetime

    return datetime.strptime(date, "%B %d, %Y").date().isoformat()


def page(style: int, title: str, date: str, paragraphs: list[str], url: str) -> str:
    e = html.escape
    if style == 0:
        head = (f'<meta property="og:title" content="{e(title)}">'
                '<meta property="og:site_name" content="Wikinews">'
                f'<meta property="og:url" content="{e(url)}">'
                f'<meta property="article:published_time" content="{iso(date)}T12:00:00Z">'
                '<meta name="author" content="Wikinews contributors">'
                f'<link rel="canonical" href="{e(url)}">')
    elif style == 1:
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
              "datePublished": iso(date), "author": {"@type": "Organization", "name": "Wikinews"},
              "publisher": {"@type": "Organization", "name": "Wikinews"}, "url": url}
        head = (f'<script type="application/ld+json">{json.dumps(ld)}</script>'
                f'<link rel="canonical" href="{e(url)}">')
    else:
        head = f'<link rel="canonical" href="{e(url)}">'
    body = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)} - Wikinews, the free news source</title>
{head}
<script>window.analytics = {{track: function () {{}}}};</script>
<style>body {{ font-family: sans-serif; }}</style></head>
<body>{NAV}
<div id="content"><main id="bodyContent"><article class="mw-body">
<h1 id="firstHeading">{e(title)}</h1>
<p class="published"><time datetime="{iso(date)}">{e(date)}</time></p>
<div id="mw-content-text" class="mw-parser-output">
{body}
</div>
<h2>Sources</h2><ul class="sources"><li><a href="https://news.example/1">"Related wire report"</a> &mdash; News Example, {e(date)}</li></ul>
</article>
{READ_MORE}
{COMMENTS}
</main>{SIDEBAR}</div>
{FOOTER}
</body></html>
"""


def main(corpus: Path) -> None:
    (HERE / "expected").mkdir(exist_ok=True)
    for style, (name, filename) in enumerate(ARTICLES.items()):
        title, date, paragraphs, url = parse(corpus / filename)
        (HERE / f"{name}.html").write_text(page(style, title, date, paragraphs, url), encoding="utf-8")
        expected = {"title": title, "date": iso(date), "url": url, "paragraphs": paragraphs}
        (HERE / "expected" / f"{name}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
