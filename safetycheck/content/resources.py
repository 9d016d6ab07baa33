"""The one place that knows where the bundled content lives.

A wheel carries `questionnaires/` and `guidance/` inside the package (hatchling force-include);
an editable install or a plain checkout reads them from the repository root beside the package.
"""

from __future__ import annotations

from pathlib import Path

from safetycheck.errors import ContentError

CONTENT_KINDS = ("questionnaires", "guidance")
_PACKAGE_DIR = Path(__file__).resolve().parents[1]


def bundled_content_dir() -> Path:
    """The folder holding `questionnaires/` and `guidance/` for this installation."""
    for candidate in (_PACKAGE_DIR, _PACKAGE_DIR.parent):
        if all((candidate / kind).is_dir() for kind in CONTENT_KINDS):
            return candidate
    raise ContentError("the bundled content (questionnaires/ and guidance/) is missing from this installation")


def content_files(root: Path, kind: str) -> list[Path]:
    """The YAML files of one kind under a content folder, in a stable order."""
    folder = root / kind
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def compiled_content_file(name: str = "content.json") -> Path | None:
    """A file the build compiled into the wheel (`_compiled/`), if this installation has one."""
    path = _PACKAGE_DIR / "_compiled" / name
    return path if path.is_file() else None
