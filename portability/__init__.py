"""Moving news in and out: the export archive, its import, and a legacy feed import."""
