"""The one HTML allow-list for article bodies.

Everything that stores or renders rich text goes through `sanitize_html`, so there is
exactly one place that decides which tags, attributes and URL schemes are safe. The
admin's rich-text editor (django-prose-editor) is configured from `EDITOR_EXTENSIONS`
below, which offers exactly these elements; tests/test_sanitizer.py checks that the
editor can produce nothing this allow-list would strip.
"""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "cite",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Every link gets it: a page opened from the article cannot reach back into ours.
LINK_REL = "noopener noreferrer"

# The editor's toolbar: paragraphs, subheadings h2–h4, bold, italic, links, lists and
# block quotes (h1 is the article's title). Plain data, read by models.SanitizedHTMLField.
EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "History": True,
}


def sanitize_html(html: str) -> str:
    """Return `html` reduced to the allow-list; scripts and their content are dropped."""
    if not html:
        return ""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    # The editor submits one empty paragraph for an empty body; store nothing instead.
    return "" if cleaned.strip() in {"", "<p></p>", "<p><br></p>"} else cleaned
