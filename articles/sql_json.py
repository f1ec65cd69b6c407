"""Rows as JSON inside one SQL statement, on PostgreSQL and SQLite alike.

articles.page_parts and articles.related read an article's lists (tags, gallery, card
photos, category ids) as JSON values of one statement instead of a query each, and make
the model objects here, as the ORM would (Model.from_db), with the fields not read
deferred: reading one would cost a query, which the query-count tests catch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db import connection, models

# Per database: the JSON list aggregate, the JSON object builder, and how a JSON column
# goes into an object as JSON rather than as a string.
FUNCTIONS = {
    "postgresql": ("json_agg", "json_build_object", "{}"),
    "sqlite": ("json_group_array", "json_object", "json({})"),
}


def aggregate(expression: str) -> str:
    """SQL for a JSON list of `expression` over the rows; NULL when there are none on
    PostgreSQL (see listed). SQLite before 3.44 cannot order inside it: sort in Python."""
    return f"{FUNCTIONS[connection.vendor][0]}({expression})"


def row(alias: str, model: type[models.Model], names: Iterable[str], **nested: str) -> str:
    """SQL for a JSON object of the fields `names` of `model`'s row `alias`, keyed by
    attribute name, with `nested` SQL expressions added under their keys."""
    _, build, as_json = FUNCTIONS[connection.vendor]
    pairs = []
    for name in names:
        field = model._meta.get_field(name)
        column = f"{alias}.{connection.ops.quote_name(field.column)}"
        if isinstance(field, models.JSONField):
            column = as_json.format(column)
        pairs.append(f"'{field.attname}', {column}")
    pairs += [f"'{key}', {expression}" for key, expression in nested.items()]
    return f"{build}({', '.join(pairs)})"


def parsed(value: Any) -> Any:
    """A JSON column as Python: psycopg parses `json` itself, SQLite gives text."""
    return json.loads(value) if isinstance(value, str) else value


def listed(value: Any) -> list:
    """An aggregate column as a list, also over no rows."""
    return parsed(value) or []


def made(model: type[models.Model], names: Iterable[str], rows: Iterable[dict]) -> list:
    """Model objects from JSON rows, the fields not in `names` deferred."""
    wanted = {model._meta.get_field(name).attname for name in names}
    attnames = [f.attname for f in model._meta.concrete_fields if f.attname in wanted]
    return [
        model.from_db(connection.alias, attnames, [row[name] for name in attnames]) for row in rows
    ]


def one(model: type[models.Model], names: Iterable[str], value: Any) -> models.Model | None:
    """The model object of a JSON object column (see made), None for SQL NULL."""
    return None if value is None else made(model, names, [parsed(value)])[0]
