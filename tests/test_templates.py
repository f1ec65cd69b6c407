"""The project's templates compile, and a typo in one fails the test that renders it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.loader import get_template

TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.mark.parametrize(
    "name",
    sorted(str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*") if path.is_file()),
)
def test_template_compiles(name):
    assert get_template(name).origin.name == str(TEMPLATES / name)


def test_a_missing_template_variable_fails_the_test_that_renders_it():
    """pyproject.toml turns on pytest-django's FAIL_INVALID_TEMPLATE_VARS: a variable a
    template names but nobody passes is a failure, not an empty string on the page."""
    template = engines["django"].from_string("<h1>{{ artcle.title }}</h1>")

    with pytest.raises(pytest.fail.Exception, match=r"artcle\.title"):
        template.render({"article": {"title": "Sea ice"}})


def test_a_value_that_may_be_missing_is_tested_with_if():
    template = engines["django"].from_string(
        "{% if page_meta %}{{ page_meta.title }}{% else %}Newsroom{% endif %}"
    )

    assert template.render({}) == "Newsroom"
