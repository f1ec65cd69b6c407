"""The translation machinery: catalogues complete, current and compiled, and no literal
interface text in templates. These are the checks that catch a new string nobody
translated: each failure names the string and where it is, and says to run bin/i18n."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.base import DebugLexer, TokenType

BASE_DIR = Path(settings.BASE_DIR)
LANGUAGES = ["fi", "sv"]
HOW_TO_FIX = (
    "Run bin/i18n, translate the entries it lists in locale/<lang>/LC_MESSAGES/django.po, "
    "run bin/i18n again and commit the .po and .mo files (docs/translations.md)."
)


def _po_path(root: Path, language: str) -> Path:
    return root / "locale" / language / "LC_MESSAGES" / "django.po"


def _key(entry: polib.POEntry | polib.MOEntry) -> str:
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def _require_gettext() -> None:
    missing = [tool for tool in ("xgettext", "msgmerge", "msgfmt") if not shutil.which(tool)]
    if missing:
        pytest.fail(f"GNU gettext is needed ({', '.join(missing)}): apt-get install gettext")


# --- catalogues ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, polib.POFile]:
    """The catalogues as `bin/i18n` would write them now, extracted in a copy of the
    project so the committed files are left alone."""
    _require_gettext()
    copy = tmp_path_factory.mktemp("extract") / "project"
    ignored = {".venv", ".git", "tests", "bench", "media", "staticfiles", "test-artifacts"}
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=lambda directory, names: [
            name
            for name in names
            if (Path(directory) == BASE_DIR and name in ignored)
            or name in {"__pycache__", ".ruff_cache"}
            or name.endswith((".sqlite3", ".pyc"))
        ],
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [
            sys.executable,
            "manage.py",
            "makemessages",
            *("-l", "fi", "-l", "sv"),
            "--no-obsolete",
            *("--add-location", "file"),
        ],
        cwd=copy,
        capture_output=True,
        text=True,
        env={"PATH": str(Path(sys.executable).parent) + ":/usr/bin:/bin", "DJANGO_DEBUG": "1"},
        check=False,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    return {language: polib.pofile(str(_po_path(copy, language))) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_string_in_the_code(extracted, language):
    committed = {_key(entry) for entry in polib.pofile(str(_po_path(BASE_DIR, language)))}
    in_code = {_key(entry): entry for entry in extracted[language]}

    missing = sorted(set(in_code) - committed)
    stale = sorted(committed - set(in_code))

    problems = [f"  missing: {key!r} (from {in_code[key].occurrences[0][0]})" for key in missing]
    problems += [f"  no longer in the code: {key!r}" for key in stale]
    assert not problems, f"locale/{language}: the catalogue is out of date.\n" + "\n".join(
        [*problems, HOW_TO_FIX]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_fully_translated(language):
    po = polib.pofile(str(_po_path(BASE_DIR, language)))

    problems = [f"  untranslated: {entry.msgid!r}" for entry in po.untranslated_entries()]
    problems += [f"  fuzzy (check and confirm): {entry.msgid!r}" for entry in po.fuzzy_entries()]
    assert not problems, f"locale/{language}: strings need a translation.\n" + "\n".join(
        [*problems, HOW_TO_FIX]
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_compiles_cleanly_and_the_committed_mo_matches_it(language, tmp_path):
    _require_gettext()
    po_path = _po_path(BASE_DIR, language)
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(po_path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"msgfmt --check {po_path}:\n{result.stderr}"

    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing. {HOW_TO_FIX}"
    translated = {
        _key(entry): entry.msgstr for entry in polib.pofile(str(po_path)).translated_entries()
    }
    compiled = {_key(entry): entry.msgstr for entry in polib.mofile(str(mo_path)) if entry.msgid}
    differing = sorted(key for key in translated.keys() | compiled.keys() if
                       translated.get(key) != compiled.get(key))  # fmt: skip
    assert not differing, (
        f"{mo_path} is not compiled from the current .po; it differs in: "
        + ", ".join(repr(key) for key in differing[:20])
        + f". {HOW_TO_FIX}"
    )


# --- templates -------------------------------------------------------------------------

# Names and symbols that are the same in every language.
ALLOWED_LITERALS = frozenset({"LinkedIn", "Facebook", "Bluesky", "X"})
# Attributes whose literal values people read or hear. `alt` counts: a literal alt in a
# template is interface text (photo alts come from variables, which are fine).
TEXT_ATTRIBUTES = frozenset(
    {"title", "alt", "aria-label", "aria-description", "aria-roledescription", "placeholder"}
)
_MARK = "\ue000"  # stands in for every template tag and variable
_LETTER = re.compile(r"[^\W\d_]")
_SKIPPED_BLOCKS = {"blocktranslate", "blocktrans", "comment"}


def _template_as_html(source: str) -> str:
    """The template with every tag, variable, comment and blocktranslate replaced by a
    marker (keeping line breaks, for line numbers): what is left is literal text."""
    parts = []
    skipping_until = None
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        raw = source[start:end]
        filler = _MARK + "\n" * raw.count("\n")
        if skipping_until is not None:
            if token.token_type == TokenType.BLOCK and token.split_contents()[0] == skipping_until:
                skipping_until = None
            parts.append(filler)
            continue
        if token.token_type == TokenType.TEXT:
            parts.append(raw)
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.split_contents()[0]
            if name in _SKIPPED_BLOCKS:
                skipping_until = f"end{name}"
        parts.append(filler)
    return "".join(parts)


class _LiteralTextFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._in_code = 0

    def _check(self, text: str) -> None:
        line = self.getpos()[0]
        for piece in text.split(_MARK):
            words = piece.split()
            if any(
                _LETTER.search(word) and word.strip(".,:;!?()") not in ALLOWED_LITERALS
                for word in words
            ):
                leading = piece[: len(piece) - len(piece.lstrip())]
                self.found.append((line + leading.count("\n"), " ".join(words)))
            line += piece.count("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._in_code += 1
        values = dict(attrs)
        for name, value in attrs:
            if value is None:
                continue
            described_meta = tag == "meta" and name == "content" and values.get("name") in {
                "description", "title"
            }  # fmt: skip
            if (
                name in TEXT_ATTRIBUTES
                or (name.startswith("data-") and name.endswith("-text"))
                or described_meta
                or (name == "value" and values.get("type") in {"submit", "button", "reset"})
            ):
                self._check(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self._in_code -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._in_code:
            self._in_code -= 1

    def handle_data(self, data: str) -> None:
        if not self._in_code:
            self._check(data)


def literal_text(source: str) -> list[tuple[int, str]]:
    """(line, text) for each piece of human-readable text that is not translatable."""
    finder = _LiteralTextFinder()
    finder.feed(_template_as_html(source))
    finder.close()
    return finder.found


def _project_templates() -> list[Path]:
    """Every template of the project: they all live in templates/."""
    root = BASE_DIR / "templates"
    return sorted(path for pattern in ("*.html", "*.txt") for path in root.rglob(pattern))


def test_the_lint_finds_literal_text_in_text_and_attributes_and_passes_translated_text():
    source = (
        "{% load i18n %}<h1>Latest news</h1>\n"
        '<nav aria-label="Pages">{% translate "Older" %}</nav>\n'
        '<button data-done-text="Done!" title="{% translate "Copy" %}">{{ label }}</button>\n'
        "{% blocktranslate %}Photo: {{ credit }}{% endblocktranslate %} · LinkedIn\n"
        "{% comment %}Why this is here.{% endcomment %}{# a note #}\n"
        '<script>var text = "ignored";</script><p>{{ a }}, {{ b }} – 2026</p>\n'
        "<p>{% if x %}Hello{% endif %}</p>"
    )

    assert literal_text(source) == [
        (1, "Latest news"),
        (2, "Pages"),
        (3, "Done!"),
        (7, "Hello"),
    ]


@pytest.mark.parametrize(
    "template", _project_templates(), ids=lambda path: str(path.relative_to(BASE_DIR))
)
def test_template_has_no_untranslated_text(template):
    found = literal_text(template.read_text(encoding="utf-8"))

    assert not found, (
        f"{template.relative_to(BASE_DIR)} has text outside {{% translate %}} / "
        "{% blocktranslate %}:\n"
        + "\n".join(f"  line {line}: {text!r}" for line, text in found)
        + "\nWrap it for translation (or, for a brand name, add it to ALLOWED_LITERALS in "
        "tests/test_translations.py), then run bin/i18n."
    )
