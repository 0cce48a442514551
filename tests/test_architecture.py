"""The layout's rules (docs/architecture.md), checked on the package's own imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"
MAX_MODULE_LINES = 550  # "no module much over 500 lines"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str) -> set[str]:
    """The package's modules `name` imports when it is imported (module-level imports; a
    package's `__init__` runs first, except the packages `name` itself sits in)."""
    found: set[str] = set()
    for node in ast.parse(MODULES[name].read_text(encoding="utf-8")).body:
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.startswith("pipeline")]
        for target in targets:
            parts = target.split(".")
            for k in range(2, len(parts) + 1):
                prefix = ".".join(parts[:k])
                enclosing = name.startswith(prefix + ".") and prefix != target
                if prefix in MODULES and prefix != name and not enclosing:
                    found.add(prefix)
    return found


GRAPH = {name: imported(name) for name in MODULES}


def cycles() -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while (w := stack.pop()) != v:
                component.add(w)
            if component:
                found.append(component | {v})

    for v in GRAPH:
        if v not in index:
            visit(v)
    return found


def test_architecture_has_no_import_cycles():
    assert cycles() == []


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[2] if parts[:2] == ["pipeline", "stages"] and len(parts) > 2 else None


COMPONENTS = [name for name, path in MODULES.items()
              if any(line.startswith("@Language.factory") for line in path.read_text(encoding="utf-8").splitlines())]


@pytest.mark.parametrize("component", COMPONENTS)
def test_architecture_components_import_no_stage(component):
    assert stage_of(component) is not None, "a component lives in its stage's folder"
    wrong = sorted(m for m in GRAPH[component]
                   if stage_of(m) not in (None, stage_of(component)) or m.endswith((".stage", ".pipeline")))
    assert wrong == []


def test_architecture_package_imports_nothing_from_tests():
    for path in MODULES.values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] in ("tests", "evaluation", "conftest")], path


def test_architecture_modules_stay_small():
    large = {name: n for name, path in MODULES.items()
             if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert large == {}


def test_architecture_finds_a_cycle_when_there_is_one(monkeypatch):
    monkeypatch.setitem(GRAPH, "pipeline.model", GRAPH["pipeline.model"] | {"pipeline.pipeline"})
    assert any("pipeline.model" in c for c in cycles())
