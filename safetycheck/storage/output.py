"""Writing files the person asked for: private (0600), atomic, never replacing anything by surprise.

Where Linux allows it, the data is written to an unnamed file (O_TMPFILE) and only linked into the
folder once complete: a crash or `kill -9` mid-write leaves nothing named behind. Without --force
the link fails if anything appeared at the name meanwhile (a file, a dangling symlink), so nothing
is ever replaced silently. Elsewhere (macOS, Windows, FAT/exFAT sticks) a named temporary file is
used and removed on every failure Python sees; a hard kill can leave a hidden `.safetycheck-*`
file there (the README says so). Only regular files are ever replaced, and only with --force.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path

from safetycheck.errors import SafetycheckError, UsageError
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason
from safetycheck.sanitize import shown_path

_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}


def _cannot_write(path: Path, exc: OSError) -> SafetycheckError:
    return SafetycheckError(tr("err_cannot_write", reason=os_reason(exc)), shown_path(path))


def check_target(path: Path, force: bool) -> bool:
    """Refuse a target that must not be written (before any passphrase is asked); True if it exists."""
    try:
        info = path.lstat()  # lstat: a symlink, even a dangling one, is something that exists
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(tr("err_is_folder"), shown_path(path))
        if not force:
            raise UsageError(tr("err_exists"), shown_path(path))
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):  # /dev/null, a FIFO, a socket
            raise UsageError(tr("err_not_regular"), shown_path(path))
    folder = _folder(path)
    try:
        if not stat.S_ISDIR(folder.stat().st_mode):
            raise UsageError(tr("err_no_folder"), shown_path(path))
    except FileNotFoundError:
        raise UsageError(tr("err_no_folder"), shown_path(path)) from None
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    return info is not None


def refuse_same_path(*paths: Path | None) -> None:
    """`--save me.sc --output me.sc`: one file would overwrite the other (the encrypted save with a
    plaintext report). Compared as written and as resolved, so `./me.sc` and `me.sc` are the same."""
    seen: dict[str, Path] = {}
    for path in paths:
        if path is None:
            continue
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            raise UsageError(tr("err_same_path"), shown_path(path))
        seen[key] = path


def write_private(path: Path, data: bytes, force: bool = False) -> None:
    """Write `data` to `path` (0600) in full or not at all; "PATH: cannot be written: REASON" when
    the system refuses (read-only, full, no permission)."""
    exists = check_target(path, force)
    try:
        if not _write_unnamed(path, data, replace=exists):
            _write_named(path, data, replace=exists)
        _sync_folder(_folder(path))
    except FileExistsError:
        raise UsageError(tr("err_exists"), shown_path(path)) from None
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path()


def _fill(fd: int, data: bytes) -> None:
    with contextlib.suppress(AttributeError, NotImplementedError):
        os.fchmod(fd, 0o600)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _hidden_name(path: Path) -> Path:
    return _folder(path) / f".safetycheck-{secrets.token_hex(6)}"


def _write_unnamed(path: Path, data: bytes, replace: bool) -> bool:
    """Linux O_TMPFILE: False when the system or filesystem cannot, so the caller falls back."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return False
    try:
        fd = os.open(_folder(path), flag | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return False
        raise
    folder_fd = -1
    try:
        _fill(fd, data)
        # linkat(AT_SYMLINK_FOLLOW) through /proc names the unnamed file; Python calls linkat, not
        # link, only when a folder fd is given, so the link is made relative to the checked folder.
        folder_fd = os.open(_folder(path), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        if not replace:
            os.link(f"/proc/self/fd/{fd}", path.name, dst_dir_fd=folder_fd)  # EEXIST if the name was taken
            return True
        staged = _hidden_name(path)  # linkat cannot replace: stage under a hidden name, then rename
        os.link(f"/proc/self/fd/{fd}", staged.name, dst_dir_fd=folder_fd)
        try:
            staged.replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                staged.unlink()
            raise
        return True
    finally:
        os.close(fd)
        if folder_fd >= 0:
            os.close(folder_fd)


def _write_named(path: Path, data: bytes, replace: bool) -> None:
    """A hidden temporary file in the same folder, then a link (no replace) or a rename (--force)."""
    staged = _hidden_name(path)
    fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            _fill(fd, data)
        finally:
            os.close(fd)
        if replace:
            staged.replace(path)
            return
        try:
            os.link(staged, path)  # never replaces: EEXIST if the name is taken
        except OSError as exc:
            if exc.errno not in _NO_LINKS and not isinstance(exc, NotImplementedError):
                raise
            if os.name == "nt":
                staged.rename(path)  # Windows: rename never replaces an existing file
            else:
                _create_exclusive(path, data)  # FAT/exFAT: no hard links
    finally:
        with contextlib.suppress(OSError):
            staged.unlink()


def _create_exclusive(path: Path, data: bytes) -> None:
    """Filesystems without hard links (FAT, exFAT): create the name exclusively and write in place;
    a partial file is removed on every failure Python sees."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        _fill(fd, data)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    os.close(fd)


def _sync_folder(folder: Path) -> None:
    """The new name reaches the disk too, not only the data (best effort: not every system can)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
