"""Builds a small offline bundle once per test session (Linux x86_64 and Windows amd64 only, for the
running Python and the embeddable 3.13), or says why it cannot: the bundle script downloads wheels
from the package index, which a machine without network cannot reach."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def build(out: Path) -> Path:
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    versions = ",".join(sorted({python, "3.13"}))
    result = subprocess.run([sys.executable, str(REPO / "tools" / "bundle.py"), str(out), "--python", versions,
                             "--targets", "linux-x86_64,windows-amd64"], capture_output=True, text=True, timeout=900,
                            check=False)
    if result.returncode != 0 or not (out / "SHA256SUMS").is_file():
        pytest.skip(f"the bundle could not be built here (no package index?): {result.stderr.strip()[-300:]}")
    return out
