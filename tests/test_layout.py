"""The code's layout keeps its design: apps in layers, no import cycles, small modules
that say what they are for.

The apps, lowest first: `pagecache` knows no model; `photos` is the photo library;
`articles` is the content and its public pages; `publishing` (the editors' side) and
`discovery` (search, feeds, sitemaps, the API) build on them; `portability` moves news
in and out; `newsroom` is the project that puts them together. An app may import from
the apps below it, never from its own layer or above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {
    "pagecache": 0,
    "photos": 1,
    "siteidentity": 1,
    "feedback": 1,
    "articles": 2,
    "publishing": 3,
    "discovery": 3,
    "portability": 4,
    "newsroom": 5,
}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    """Every module of the apps, by dotted name; migrations are history, not design."""
    found = {}
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The project modules `name` imports, wherever in the file (functions and imports
    for type checkers included)."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                imported.add(submodule if submodule in MODULES else base)
    return {module for module in imported if module in MODULES}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _app(module: str) -> str:
    return module.split(".")[0]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_an_app_imports_only_from_the_apps_below_it(module):
    upward = sorted(
        imported
        for imported in GRAPH[module]
        if _app(imported) != _app(module) and LAYERS[_app(imported)] >= LAYERS[_app(module)]
    )
    assert not upward, f"{module} imports {upward}, which are not below {_app(module)}"


def test_no_module_imports_itself_through_others():
    cycles = []
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for imported in sorted(GRAPH[module]):
            if state.get(imported) == "open":
                cycles.append([*path[path.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*path, imported])
        state[module] = "done"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" → ".join(cycle) for cycle in cycles)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_is_small_and_says_what_it_is_for(module):
    text = MODULES[module].read_text()
    if not text.strip():
        return  # an empty __init__.py only marks a package
    assert text.startswith('"""'), f"{module} does not open with a docstring"
    lines = text.count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it by what it does"


def test_the_layout_test_sees_the_whole_project():
    """Guards the test itself: a new top-level app must be given a layer here."""
    apps = {
        path.parent.name
        for path in ROOT.glob("*/apps.py")
        if (path.parent / "__init__.py").exists()
    }
    assert apps <= set(LAYERS), f"apps without a layer: {sorted(apps - set(LAYERS))}"
    assert GRAPH["articles.views"] and GRAPH["publishing.admin.photos"]
