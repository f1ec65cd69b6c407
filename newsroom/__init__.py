"""The project: settings, the root URL table, the health check, error pages, WSGI."""
