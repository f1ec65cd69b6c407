"""Statements PostgreSQL parses and plans once per connection, not once per page.

The article page's two statements (articles.page_parts and articles.related) cost
PostgreSQL more to parse and plan than to run: about 0.4 and 0.6 ms of planning against
0.1 and 0.2 ms of work at 100,000 articles. `statement()` turns one into an EXECUTE of
a statement PREPAREd on the connection the first time it is needed there, which goes
through Django's cursor like any query (logged, counted, wrapped), with the parameters
bound as usual. The connection runs prepared statements with a generic plan
(settings.PREPARED_STATEMENTS), made once; tests/test_query_plans.py holds those plans
to the indexes. A statement's name is a digest of its text, so a changed statement is a
new one. Prepared statements outlive transactions but not the connection: what was
prepared is remembered per database connection object.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db import connection

_prepared: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def statement(sql: str, params: list) -> tuple[str, list]:
    """`sql` and `params` as the statement and parameters to run: on PostgreSQL with
    settings.PREPARED_STATEMENTS, an EXECUTE of `sql` prepared on this connection."""
    if not settings.PREPARED_STATEMENTS or connection.vendor != "postgresql":
        return sql, params
    name, numbered, execute = _prepared_forms(sql)
    connection.ensure_connection()
    done = _prepared.setdefault(connection.connection, set())
    if name not in done:
        with connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {numbered}")
        done.add(name)
    return execute, params


@lru_cache(maxsize=64)
def _prepared_forms(sql: str) -> tuple[str, str, str]:
    """The statement's name, its text with numbered parameters ($1, $2 …) to prepare,
    and the EXECUTE that runs it with the parameters given as to `sql`."""
    name = "newsroom_" + hashlib.blake2b(sql.encode(), digest_size=8).hexdigest()
    numbers = iter(range(1, sql.count("%s") + 1))
    numbered = re.sub("%s", lambda _: f"${next(numbers)}", sql)
    return name, numbered, f"EXECUTE {name}({', '.join(['%s'] * sql.count('%s'))})"


def forget() -> None:
    """Deallocate this connection's prepared statements (for tests that plan them anew)."""
    if connection.vendor == "postgresql" and connection.connection is not None:
        with connection.cursor() as cursor:
            cursor.execute("DEALLOCATE ALL")
        _prepared.pop(connection.connection, None)
