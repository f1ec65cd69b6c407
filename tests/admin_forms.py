"""What a browser would submit for an admin form: the page's own fields and values, so
a test can open a change form, change one thing and save, as an editor does."""

from __future__ import annotations

from typing import Any

from bs4 import BeautifulSoup
from django.test import Client


def submitted(page: str, form_id: str) -> dict[str, Any]:
    """The successful controls of the form `form_id`, as a browser posts them (each
    name with its value, or its list of values for several)."""
    form = BeautifulSoup(page, "html.parser").find("form", id=form_id)
    data: dict[str, list[str]] = {}
    for control in form.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name or control.has_attr("disabled"):
            continue
        if control.name == "textarea":
            # The HTML parser keeps the newline that follows <textarea>; browsers drop it,
            # and send the line breaks of a textarea's value as CRLF.
            values = [control.text.removeprefix("\n").replace("\n", "\r\n")]
        elif control.name == "select":
            values = [option.get("value", option.text) for option in control.find_all("option")]
            chosen = [o.get("value", o.text) for o in control.find_all("option", selected=True)]
            values = chosen if chosen or control.has_attr("multiple") else values[:1]
        elif control.get("type") in {"checkbox", "radio"}:
            if not control.has_attr("checked"):
                continue
            values = [control.get("value", "on")]
        elif control.get("type") in {"submit", "button", "file", "image", "reset"}:
            continue
        else:
            values = [control.get("value", "")]
        data.setdefault(name, []).extend(values)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}


def save_change_form(client: Client, url: str, **changes: Any) -> Any:
    """Open the admin change form at `url`, change the given fields, press Save."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    form_id = page.context["opts"].model_name + "_form"
    return client.post(url, submitted(page.text, form_id) | changes)
