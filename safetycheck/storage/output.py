"""Writing files the person asked for: private (0600), atomic, never clobbering by surprise."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr


def write_private(path: Path, data: bytes, force: bool = False) -> None:
    """Write via a temporary file in the same folder and rename, so a failure leaves nothing half-written."""
    if path.exists() and not force:
        raise UsageError(tr("err_exists"), str(path))
    if path.exists() and path.is_dir():
        raise UsageError(tr("err_is_folder"), str(path))
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise UsageError(tr("err_no_folder"), str(path))
    fd, tmp = tempfile.mkstemp(prefix=".safetycheck-", dir=folder)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
