"""Template tags of the editors' pages."""
