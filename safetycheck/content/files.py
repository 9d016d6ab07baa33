"""Reading a file a person named, bounded: the one way answers, packs, saves and passphrase files are read.

Kept apart from the YAML loader so that reading a save or a passphrase file never imports PyYAML."""

from __future__ import annotations

from pathlib import Path

from safetycheck.errors import SafetycheckError
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason


def read_bounded(path: Path, display_path: str, max_bytes: int, too_large: str,
                 error: type[SafetycheckError] = SafetycheckError) -> bytes:
    """Read at most `max_bytes` (one more to tell), so a huge file or /dev/zero fails fast and cheaply."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise error(tr("err_cannot_read", reason=os_reason(exc)), display_path) from None
    if len(raw) > max_bytes:
        raise error(too_large, display_path)
    return raw
