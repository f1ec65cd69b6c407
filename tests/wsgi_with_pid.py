"""The site's WSGI application, telling which worker process answered (X-Worker-Pid):
lets tests/test_gunicorn_cache.py see that both gunicorn workers served a page."""

import os
from collections.abc import Callable, Iterable
from typing import Any

from newsroom.wsgi import application as site


def application(environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
    def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return start_response(status, [*headers, ("X-Worker-Pid", str(os.getpid()))], exc_info)

    return site(environ, start)
