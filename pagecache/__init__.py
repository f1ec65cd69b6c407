"""The public page cache: one small layer under every public page (see caching.py)."""
