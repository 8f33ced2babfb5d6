"""Every entity kind has a clearly distinct colour in every theme (CIEDE2000 >= 15)."""

from __future__ import annotations

import itertools

import pytest
from textual.app import App
from textual.color import Color

from newsdesk.tui.entity_colors import ciede2000, delta_e
from newsdesk.tui.highlight import ENTITY_KINDS

MIN_DELTA_E = 15.0

#: Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula", test data.
SHARMA = [
    ((50.0000, 2.6772, -79.7751), (50.0000, 0.0000, -82.7485), 2.0425),
    ((50.0000, 3.1571, -77.2803), (50.0000, 0.0000, -82.7485), 2.8615),
    ((50.0000, 0.0000, 0.0000), (50.0000, -1.0000, 2.0000), 2.3669),
    ((50.0000, 2.5000, 0.0000), (73.0000, 25.0000, -18.0000), 27.1492),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
    ((50.0000, 2.5000, 0.0000), (50.0000, 0.0000, -2.5000), 4.3065),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_entity_colors_ciede2000_matches_the_published_data(lab1, lab2, expected) -> None:
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_entity_colors_delta_e_of_srgb() -> None:
    assert delta_e(Color(255, 0, 0), Color(255, 0, 0)) == 0
    assert delta_e(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(100, abs=0.01)


async def test_entity_colors_are_distinct_in_every_theme(make_app) -> None:
    """Drawn colours (TCSS component classes, so the theme applies), pairwise and against the
    plain text around them."""
    app = make_app()
    themes = sorted(App().available_themes)
    assert len(themes) >= 20
    too_close: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        text = app.main.text
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            drawn = {kind: text.kind_style(kind).color for kind in ENTITY_KINDS}
            assert all(c is not None for c in drawn.values()), theme
            # ANSI colours as a standard terminal palette shows them (rich's default theme)
            colours = {k: Color(*c.get_truecolor()) for k, c in drawn.items()}
            plain = text.rich_style.color
            if plain is not None and not plain.is_default:
                colours["plain text"] = Color(*plain.get_truecolor())
            for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2):
                distance = delta_e(ca, cb)
                if distance < MIN_DELTA_E:
                    too_close.append(f"{theme}: {a} {ca.hex} / {b} {cb.hex}: {distance:.1f}")
    assert not too_close, "\n".join(too_close)
