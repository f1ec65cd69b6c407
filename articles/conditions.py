"""A condition written once as a Q object, also answered for one instance in Python.

The public rule is a Q (models.public_q): querysets filter by it, and `matches()` gives
an instance the same answer without a query (Article.is_published), so the two can never
disagree. `compared_with()` finds the fields a condition compares with a given value,
such as the moment `now`: the page cache learns from it which times change the rule's
answer (ArticleQuerySet.next_changes).

Only what such a rule needs is understood: AND, OR and NOT, and the lookups exact, lt,
lte, gt, gte, in and isnull on the model's own fields, with plain values. Anything else
is an error, not a guess. As in the SQL Django writes, a comparison with a missing value
(None, NULL) is false, and its negation true.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from typing import Any

from django.db.models import Model, Q

_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "exact": operator.eq,
    "lt": operator.lt,
    "lte": operator.le,
    "gt": operator.gt,
    "gte": operator.ge,
    "in": lambda value, choices: value in choices,
}


def matches(instance: Model, condition: Q) -> bool:
    """Whether `instance` is among the rows `filter(condition)` gives, as it is in
    memory (a deferred field is read from the database on first use)."""
    results = (
        matches(instance, child) if isinstance(child, Q) else _holds(instance, *_lookup(child))
        for child in condition.children
    )
    if condition.connector == Q.AND:
        result = all(results)
    elif condition.connector == Q.OR:
        result = any(results)
    else:
        raise ValueError(f"matches() does not combine conditions with {condition.connector}.")
    return result != condition.negated


def compared_with(condition: Q, value: Any) -> list[str]:
    """The fields `condition` compares with `value` itself (the same object), in order."""
    names = (name for name, _kind, used in _lookups(condition) if used is value)
    return list(dict.fromkeys(names))


def _lookups(condition: Q) -> Iterator[tuple[str, str, Any]]:
    for child in condition.children:
        if isinstance(child, Q):
            yield from _lookups(child)
        else:
            yield _lookup(child)


def _lookup(child: Any) -> tuple[str, str, Any]:
    """A Q's (lookup, value) pair as field name, lookup kind and value."""
    if not (isinstance(child, tuple) and len(child) == 2 and isinstance(child[0], str)):
        raise ValueError(f"Only field lookups are understood here, not {child!r}.")
    lookup, value = child
    name, _, kind = lookup.partition("__")
    if kind != "isnull" and (kind or "exact") not in _COMPARISONS:
        raise ValueError(f"The lookup {lookup!r} is not understood here.")
    if hasattr(value, "resolve_expression"):  # F(), Now(), a subquery
        raise ValueError(f"Only plain values are understood here, not {value!r}.")
    return name, kind or "exact", value


def _holds(instance: Model, name: str, kind: str, value: Any) -> bool:
    field = instance._meta.pk if name == "pk" else instance._meta.get_field(name)
    actual = getattr(instance, field.attname)
    if kind == "isnull":
        return (actual is None) == bool(value)
    if kind == "exact" and value is None:  # Django's `field=None` is IS NULL
        return actual is None
    return actual is not None and _COMPARISONS[kind](actual, value)
