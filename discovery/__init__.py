"""How readers and machines find the news: search, feeds, sitemaps and the JSON API."""
