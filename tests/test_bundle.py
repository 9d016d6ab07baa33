"""The offline bundle a trainer copies to a USB stick: checksums that check, instructions in three
languages, and an install into a fresh venv that works with no package index at all."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .bundle_build import build

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("bundle"))


def test_every_file_matches_its_checksum(bundle: Path) -> None:
    listed = {}
    for line in (bundle / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()} - {"SHA256SUMS", "INSTALL.txt"}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((bundle / name).read_bytes()).hexdigest() == digest, name


def test_install_text_in_three_languages_names_the_hash_of_the_sums(bundle: Path) -> None:
    text = (bundle / "INSTALL.txt").read_text(encoding="utf-8")
    sums_hash = hashlib.sha256((bundle / "SHA256SUMS").read_bytes()).hexdigest()
    assert sums_hash in text
    assert "--no-index" in text and "--require-hashes" in text and "safetycheck.bat" in text
    assert "fleşka" in text and "флешке" in text  # Azerbaijani and Russian, not only English


def test_linux_part_installs_with_no_index_and_runs(bundle: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", "--find-links", str(bundle),
                    "--require-hashes", "-r", str(bundle / "requirements-linux-x86_64.txt")],
                   check=True, env=environ, cwd=tmp_path, timeout=600)
    result = subprocess.run([str(env_dir / "bin" / "safetycheck"), "about"], capture_output=True, text=True,
                            env=environ, cwd=tmp_path, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "safetycheck" in result.stdout


def test_windows_folder_is_ready_to_run(bundle: Path) -> None:
    folder = bundle / "windows"
    assert (folder / "python" / "python.exe").is_file()
    assert (folder / "site-packages" / "safetycheck" / "cli" / "app.py").is_file()
    assert "-m safetycheck" in (folder / "safetycheck.bat").read_text(encoding="ascii")
    assert sys.version_info >= (3, 10)
