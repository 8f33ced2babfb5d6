"""A colour per entity kind, clearly distinct (CIEDE2000) from the others in every theme.

Themes often give two of their colours the same value (accent and warning in textual-dark and
textual-light) or near neighbours, so the legend could not tell places from groups. Each kind
keeps the theme colour it had when that colour is distinct enough, else takes the next distinct
theme colour, else a hue of our own at the theme's lightness (an ANSI colour in ANSI themes, so
the terminal's palette still applies). TCSS reads them as `$entity-<kind>`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache

from textual.color import Color

from .highlight import ENTITY_KINDS  # in the order they choose: earlier ones keep theirs first

#: The theme colour each kind prefers (the look before colours had to be told apart).
PREFERRED: dict[str, str] = {
    "person": "text-primary",
    "organization": "text-success",
    "place": "text-warning",
    "group": "text-accent",
    "other": "text-secondary",
}
#: Other legible theme colours, tried in this order when the preferred one is too close.
THEME_COLOURS: tuple[str, ...] = (
    "text-primary", "text-success", "text-warning", "text-accent", "text-secondary",
    "text-error",
)
ANSI_COLOURS: tuple[str, ...] = tuple(
    f"ansi_{bright}{name}"
    for bright in ("", "bright_")
    for name in ("red", "green", "yellow", "blue", "magenta", "cyan")
)
#: Distance kept between kinds, and from plain text; tests check 15, this leaves a margin.
MIN_DELTA_E = 20.0


def variable_name(kind: str) -> str:
    return f"entity-{kind}"


def entity_variables(variables: Mapping[str, str], dark: bool) -> dict[str, str]:
    """`entity-<kind>` for each kind, from a theme's CSS variables (the ones it sets win)."""
    given: dict[str, str] = {
        k: variables[variable_name(k)] for k in ENTITY_KINDS if variable_name(k) in variables
    }
    if len(given) == len(ENTITY_KINDS):
        return given
    colours = tuple(variables.get(name, "") for name in THEME_COLOURS)
    chosen = _choose(colours, variables.get("foreground", ""), dark)
    return {variable_name(k): given.get(variable_name(k), chosen[k]) for k in ENTITY_KINDS}


@lru_cache(maxsize=64)
def _choose(colours: tuple[str, ...], foreground: str, dark: bool) -> dict[str, str]:
    theme = dict(zip(THEME_COLOURS, colours, strict=True))
    parsed = {name: _parse(value) for name, value in theme.items()}
    ansi = any(c is not None and c.ansi is not None for c in parsed.values())
    text = _parse(foreground)
    if text is None or text.ansi == -1:  # the terminal's default: assume white on dark
        text = Color(230, 230, 230) if dark else Color(30, 30, 30)
    taken: list[Color] = [text]
    chosen: dict[str, str] = {}
    for kind in ENTITY_KINDS:
        options = [(theme[PREFERRED[kind]], parsed[PREFERRED[kind]])]
        options += [(theme[name], parsed[name]) for name in THEME_COLOURS]
        usable = [(css, c) for css, c in options if c is not None and c.ansi != -1]
        far = next((o for o in usable if _nearest(o[1], taken) >= MIN_DELTA_E), None)
        if far is None:  # no theme colour is distinct enough: one of our own
            usable += _own(ansi, dark)
            far = max(usable, key=lambda o: _nearest(o[1], taken))
        css, colour = far
        chosen[kind] = css
        taken.append(colour)
    return chosen


def _parse(value: str) -> Color | None:
    try:
        return Color.parse(value) if value else None
    except Exception:  # noqa: BLE001 - a theme's odd value: that colour is simply not offered
        return None


def _own(ansi: bool, dark: bool) -> list[tuple[str, Color]]:
    """The terminal's ANSI colours, or 24 hues at two lightnesses: light on dark themes and
    dark on light ones, so they read on either."""
    if ansi:
        return [(name, Color.parse(name)) for name in ANSI_COLOURS]
    levels = (0.62, 0.78) if dark else (0.28, 0.42)
    colours = [
        Color.from_hsl(hue / 360, 0.65, lightness)
        for lightness in levels
        for hue in range(0, 360, 15)
    ]
    return [(c.hex, c) for c in colours]


def _nearest(colour: Color, others: list[Color]) -> float:
    return min((delta_e(colour, other) for other in others), default=math.inf)


# ----- CIEDE2000 -------------------------------------------------------------------------------


@lru_cache(maxsize=256)
def to_lab(colour: Color) -> tuple[float, float, float]:
    """sRGB (D65) to CIE L*a*b*."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in colour.rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(first: Color, second: Color) -> float:
    """Perceived difference of two colours (CIEDE2000; about 2 is just noticeable)."""
    return ciede2000(to_lab(first), to_lab(second))


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference (Sharma, Wu and Dalal 2005), kL = kC = kH = 1."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0

    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))

    l_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_mean**7 / (cp_mean**7 + 25**7))
    sl = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    sc = 1 + 0.045 * cp_mean
    sh = 1 + 0.015 * cp_mean * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt(
        (dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2 + rt * (dc / sc) * (dH / sh)
    )
