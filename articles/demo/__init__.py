"""Demo content for the newsroom: categories, photos drawn with Pillow, articles in three
languages, and optionally many synthetic articles for load tests.

`seed_demo()` is idempotent: categories are keyed by slug, articles by (language, slug)
and photos by the demo key in their file name (`demo-<key>.jpg`). Anything that already
exists is left exactly as it is, so editors' changes to demo content survive a re-run.
"""

from .seeding import SeedReport, seed_demo

__all__ = ["SeedReport", "seed_demo"]
