"""The web font is self-hosted from the pinned npm package, preloaded, and swaps in."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "node_modules" / "@fontsource-variable" / "inter"
FONTS = ROOT / "static" / "fonts" / "inter"
FILES = ["inter-latin-wght-normal", "inter-latin-wght-italic", "inter-latin-ext-wght-normal"]


def test_the_committed_font_files_are_the_pinned_packages():
    """bin/fonts copied them; a version change in package.json without running it again
    fails here. (bin/test installs node_modules with npm ci.)"""
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"]
    installed = json.loads((PACKAGE / "package.json").read_text())["version"]
    assert pinned["@fontsource-variable/inter"] == installed
    for name in FILES:
        assert (FONTS / f"{name}.woff2").read_bytes() == (
            PACKAGE / "files" / f"{name}.woff2"
        ).read_bytes(), name
    assert (FONTS / "LICENSE.txt").read_text() == (PACKAGE / "LICENSE").read_text()


def test_the_preloaded_latin_face_covers_every_finnish_and_swedish_letter():
    """å ä ö Å Ä Ö é ü lie in U+0000-00FF, the dashes and quotes in U+2000-206F, € at
    U+20AC: one file for every page in the three languages (the browser tests check
    that the font is in use)."""
    css = (ROOT / "static" / "css" / "site.css").read_text()
    latin = css.split('inter-latin-wght-normal.woff2")', 1)[1].split("}", 1)[0]
    assert "U+0000-00FF" in latin and "U+2000-206F" in latin and "U+20AC" in latin
    assert all(ord(letter) <= 0xFF for letter in "åäöÅÄÖéü")


@pytest.mark.django_db
def test_every_page_preloads_the_latin_font_and_the_css_swaps_it_in(client):
    page = client.get("/sv/news/").text
    assert (
        '<link rel="preload" href="/static/fonts/inter/inter-latin-wght-normal.woff2" '
        'as="font" type="font/woff2" crossorigin>'
    ) in page
    css = (ROOT / "static" / "css" / "site.css").read_text()
    assert css.count("font-display: swap;") == 3
    assert '--font-sans: "Inter Variable", system-ui' in css
