"""The wheel carries every content file, and start-up stays light."""

from __future__ import annotations

import os
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
    assert "safetycheck/cli/app.py" in names and "safetycheck/engine/model.py" in names
    assert "safetycheck/_compiled/content.json" in names and "safetycheck/_compiled/content-model.json" in names


def test_compiled_content_equals_the_yaml(wheel: Path) -> None:
    """The wheel's build-time compiled content gives exactly the model the YAML gives."""
    from safetycheck.content.catalog import load_content
    from safetycheck.content.compiled import read_compiled

    compiled = zipfile.ZipFile(wheel).read("safetycheck/_compiled/content.json")
    path = wheel.parent / "content.json"
    path.write_bytes(compiled)
    loaded = read_compiled(path)
    assert loaded is not None
    version, files = loaded
    from_yaml = load_content()
    assert version == from_yaml.version
    assert {f"{kind}/{name}" for kind, name, _ in files} == {
        f"{kind}/{p.name}" for kind in ("questionnaires", "guidance") for p in (REPO / kind).glob("*.yaml")}


def test_prebuilt_model_equals_the_yaml(wheel: Path) -> None:
    """The finished model the build made is exactly what parsing the YAML gives, warnings and version too."""
    from safetycheck.content.catalog import load_content
    from safetycheck.content.prebuilt import read_prebuilt

    path = wheel.parent / "content-model.json"
    path.write_bytes(zipfile.ZipFile(wheel).read("safetycheck/_compiled/content-model.json"))
    prebuilt = read_prebuilt(path)
    assert prebuilt is not None and prebuilt == load_content()
    path.write_bytes(b"not a model")  # damaged: parsing takes over, nothing fails
    assert read_prebuilt(path) is None
    path.write_bytes(b'[1, {"c": "Popen", "f": [["id"]]}]')  # only the model's own classes can be built
    assert read_prebuilt(path) is None


def test_installed_wheel_finds_its_content_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    code = ("import sys; from safetycheck.content.resources import bundled_content_dir, compiled_content_file; "
            "from safetycheck.content.catalog import load_content; c = load_content(); "
            "print(bundled_content_dir()); print(compiled_content_file()); print(c.version, len(c.modules), len(c.guidance)); "
            "print('yaml' in sys.modules)")
    site = {str(Path(p).resolve()) for p in sys.path if p.endswith("site-packages")}
    env = {"PYTHONPATH": os.pathsep.join([str(target), *site]), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    content_dir, compiled, summary, yaml_loaded = result.stdout.strip().splitlines()
    assert Path(content_dir) == target / "safetycheck"
    assert Path(compiled) == target / "safetycheck" / "_compiled" / "content.json"
    from safetycheck.content.catalog import load_content

    source = load_content()
    assert summary == f"{source.version} {len(source.modules)} {len(source.guidance)}"
    assert yaml_loaded == "False"  # compiled content needs no YAML parser at start-up


def test_importing_the_cli_pulls_in_no_heavy_module() -> None:
    code = ("import sys, safetycheck.cli.app; heavy = {'questionary', 'prompt_toolkit', 'yaml', 'rich.console', 'rich.table', 'zxcvbn', 'cryptography'}; "
            "print(sorted(heavy & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
