"""The organisation's identity on the public site: its name per language, logo, colours,
footer, app icons, and the accessibility statement."""
