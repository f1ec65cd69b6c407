"""`python -m newsroom.healthcheck`: the container's health check.

Asks this container's gunicorn for /healthz with a host name the site accepts (the
first of DJANGO_ALLOWED_HOSTS) and exits 0 only on 200, so Docker and orchestrators
see an unhealthy container when its database connection is gone. Standard library
only: it must not start Django.
"""

import os
import sys
import urllib.error
import urllib.request


def main() -> int:
    hosts = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    host = next((h.lstrip(".") for h in hosts if h and h != "*"), "localhost")
    port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[-1]
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 (a fixed http:// URL)
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"unhealthy: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
