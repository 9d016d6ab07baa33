"""Without the `cryptography` library (a Termux phone before `pkg install python-cryptography`, a
Windows machine where its DLL does not load) everything but saves works, and saves say in one line
what to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES

# Makes every import of cryptography fail, as on a machine without it.
BLOCK = "import sys; sys.modules['cryptography'] = None; from safetycheck.cli.app import main; main(sys.argv[1:])"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFETYCHECK_LANG": "en", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-c", BLOCK, *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=60, check=False, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("args", [("about",), ("list",), ("guide", "--module", "device"), ("template", "device"),
                                  ("check", "--answers", str(EXAMPLES / "peace-activist-baku.yaml"), "--format", "plain"),
                                  ("worksheet", "context")])
def test_everything_but_saves_works(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()


@pytest.mark.parametrize("args", [("check", "--answers", str(EXAMPLES / "peace-activist-baku.yaml"), "--save", "me.sc"),
                                  ("open", "me.sc"), ("compare", "a.sc", "b.sc")])
def test_saves_say_what_to_install(args: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install cryptography" in lines[0] and "pkg install python-cryptography" in lines[0]
    assert list(tmp_path.iterdir()) == []
