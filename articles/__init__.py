"""The news content (articles, categories, tags and what hangs off them) and its public
pages."""
