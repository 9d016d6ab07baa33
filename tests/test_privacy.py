"""The privacy promise, proven: no network, no writes unless asked, nothing left behind."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO

HARNESS = Path(__file__).parent / "audit_run.py"
EXAMPLE = str(EXAMPLES / "peace-activist-baku.yaml")
NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
                   "telnetlib", "xmlrpc", "webbrowser", "asyncio"}


def audited(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(HARNESS), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("saves")
    passphrase = folder / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    save = folder / "me.sc"
    result = subprocess.run([sys.executable, "-m", "safetycheck", "check", "--answers", EXAMPLE, "--save", str(save),
                             "--passphrase-file", str(passphrase), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return save, passphrase


COMMANDS = [
    ["--help"], ["--version"], ["about"], ["list"], ["list", "--format", "json"], ["schema", "module"], ["validate"],
    ["template"], ["template", "device", "--lang", "ru"], ["guide"], ["guide", "dev-screen-lock"],
    *[["guide", "--module", "device", "--format", f] for f in ("plain", "markdown", "html", "json")],
    *[["check", "--answers", EXAMPLE, "--format", f] for f in ("rich", "plain", "markdown", "html", "json")],
    ["check", "--answers", EXAMPLE, "--explain", "--format", "rich"],
    ["check", "device", "--answers", EXAMPLE, "--lang", "az"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a)[:60])
def test_no_network_no_writes_no_processes(args: list[str], tmp_path: Path) -> None:
    result = audited(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "AUDIT" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_open_and_compare_only_read(saved: tuple[Path, Path], tmp_path: Path) -> None:
    save, passphrase = saved
    for args in (["open", str(save), "--passphrase-file", str(passphrase)],
                 ["compare", str(save), str(save), "--passphrase-file", str(passphrase), "--format", "json"]):
        result = audited(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr


def test_bad_input_paths_write_nothing_either(tmp_path: Path) -> None:
    bad = tmp_path.parent / f"{tmp_path.name}-bad.yaml"
    bad.write_text("answers:\n  device:\n    screen_lock: sometimes\n")
    result = audited("check", "--answers", str(bad), cwd=tmp_path)
    assert result.returncode == 2 and "AUDIT" not in result.stderr


def test_the_audit_hook_does_catch_writes(tmp_path: Path) -> None:
    """A control: asking for a file must show up, or the tests above would prove nothing."""
    result = audited("check", "--answers", EXAMPLE, "--output", str(tmp_path / "r.txt"), cwd=tmp_path)
    assert result.returncode == 99 and "open for writing" in result.stderr


def test_package_imports_no_network_module() -> None:
    for path in (REPO / "safetycheck").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] not in NETWORK_MODULES, f"{path.name} imports {name}"


def test_a_full_run_loads_no_network_module() -> None:
    talkers = {"socket", "ssl", "http.client", "urllib.request", "asyncio", "requests", "httpx", "aiohttp", "ftplib", "smtplib"}
    code = (f"import sys, runpy; sys.argv = ['safetycheck', 'check', '--answers', {EXAMPLE!r}, '--format', 'rich'];\n"
            "try:\n    runpy.run_module('safetycheck', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {sorted(talkers)!r} if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_home_xdg_tmp_and_working_directory_stay_empty(tmp_path: Path) -> None:
    dirs = {name: tmp_path / name for name in ("home", "config", "cache", "data", "state", "runtime", "tmp", "cwd")}
    for d in dirs.values():
        d.mkdir()
    env = {**os.environ, "HOME": str(dirs["home"]), "XDG_CONFIG_HOME": str(dirs["config"]), "XDG_CACHE_HOME": str(dirs["cache"]),
           "XDG_DATA_HOME": str(dirs["data"]), "XDG_STATE_HOME": str(dirs["state"]), "XDG_RUNTIME_DIR": str(dirs["runtime"]),
           "TMPDIR": str(dirs["tmp"]), "PYTHONDONTWRITEBYTECODE": ""}
    for args in (["check", "--answers", EXAMPLE, "--explain"], ["template"], ["guide", "--format", "html"], ["list"], ["about"]):
        result = subprocess.run([sys.executable, "-m", "safetycheck", *args], cwd=dirs["cwd"], env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    assert {name: sorted(p.name for p in d.iterdir()) for name, d in dirs.items()} == {name: [] for name in dirs}
