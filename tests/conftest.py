from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from safetycheck.content.catalog import load_content
from safetycheck.engine.model import ContentSet

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "answers"
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def english_errors() -> None:
    """Errors speak the language the last command chose; each test starts from English."""
    from safetycheck.i18n.messages import set_language

    set_language("en")


@pytest.fixture(scope="session")
def mini() -> ContentSet:
    return load_content(bundled=MINI)


@pytest.fixture(scope="session")
def bundled() -> ContentSet:
    return load_content()


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini content set, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(MINI, target)
    return target
