"""The site's WSGI application, with a cookie added to any answer whose query string
asks for one (`?set-cookie`): a public page that sets a cookie, as a middleware or a
third-party app might, which a caching proxy must never keep (tests/edge)."""

from collections.abc import Callable, Iterable
from typing import Any

from newsroom.wsgi import application as site


def application(environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
    if "set-cookie" not in environ.get("QUERY_STRING", ""):
        return site(environ, start_response)

    def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return start_response(status, [*headers, ("Set-Cookie", "variant=b; Path=/")], exc_info)

    return site(environ, start)
