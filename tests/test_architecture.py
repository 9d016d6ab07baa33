"""The layers in docs/architecture.md: no module imports from a layer above its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "safetycheck"
LAYERS = ("base", "i18n", "engine", "content", "storage", "render", "cli")
ENTRY_POINTS = {"safetycheck.__main__"}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "base"


def _imports(path: Path) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("safetycheck"):
            found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names if alias.name.startswith("safetycheck"))
    return found


def _modules() -> list[tuple[str, Path]]:
    return sorted((".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts), p) for p in PACKAGE.rglob("*.py"))


def upward_imports() -> list[str]:
    wrong = []
    for module, path in _modules():
        if module in ENTRY_POINTS:
            continue
        own = LAYERS.index(_layer(module))
        for target, line in _imports(path):
            if LAYERS.index(_layer(target)) > own:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {module} imports {target}")
    return wrong


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward_imports() == []


def test_the_checker_sees_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "safetycheck"
    (fake / "engine").mkdir(parents=True)
    (fake / "engine" / "bad.py").write_text("from safetycheck.cli.app import app\n")
    monkeypatch.setattr(f"{__name__}.PACKAGE", fake)
    assert upward_imports() == ["safetycheck/engine/bad.py:1: safetycheck.engine.bad imports safetycheck.cli.app"]


def test_at_most_a_dozen_modules_at_the_top() -> None:
    top = list(PACKAGE.glob("*.py"))
    assert len(top) <= 12, sorted(p.name for p in top)
    assert all((sub / "__init__.py").is_file() for sub in PACKAGE.iterdir() if sub.is_dir() and sub.name in LAYERS)
