"""The wheel carries every content file, and start-up stays light."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return next(out.glob("safetycheck-*.whl"))


def test_wheel_holds_every_content_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("questionnaires", "guidance"):
        sources = sorted(p.name for p in (REPO / kind).glob("*.yaml"))
        assert sources, kind
        for name in sources:
            assert f"safetycheck/{kind}/{name}" in names, name
    assert "safetycheck/cli.py" in names


def test_installed_wheel_finds_its_content_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = "from safetycheck.resources import bundled_content_dir; print(bundled_content_dir())"
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == target / "safetycheck"


def test_importing_the_cli_pulls_in_no_heavy_module() -> None:
    code = ("import sys, safetycheck.cli; heavy = {'questionary', 'prompt_toolkit', 'yaml', 'rich.console', 'rich.table'}; "
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
