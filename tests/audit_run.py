"""Run safetycheck's CLI under a Python audit hook that records any network use, any file opened
for writing, any process started, any change to the file system (links, symlinks, FIFOs, device
nodes, times, owners, modes), any database or foreign-function use, and any raw write to a file
descriptor other than the terminal. Used by test_privacy.py.

Usage: python tests/audit_run.py ARGS...   (exit 99 and a list on stderr when anything was seen)
SAFETYCHECK_AUDIT_CONTROL=CHANNEL makes the harness itself use one channel first, so a test can
prove the hook sees it (a control per channel).
"""

from __future__ import annotations

import os
import socket as socket_family  # only for the AF_UNIX constant; loaded before the hook
import sys

sys.dont_write_bytecode = True
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND | getattr(os, "O_TMPFILE", 0)
FORBIDDEN_PREFIXES = ("socket.", "subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork",
                      "os.forkpty", "pty.", "os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.unlink",
                      "os.chmod", "os.truncate", "shutil.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.",
                      "os.link", "os.symlink", "os.mkfifo", "os.mknod", "os.utime", "os.chown", "os.chflags", "os.lchflags",
                      "os.setxattr", "os.removexattr", "sqlite3.", "ctypes.", "mmap.", "tempfile.", "syslog.", "winreg.",
                      "os.startfile", "os.kill", "os.killpg")
# What the guided session's terminal library does in-process, and nothing else: prompt_toolkit reads
# Python's own signal handlers through ctypes (PyOS_getsig/PyOS_setsig in the running interpreter),
# and asyncio's event loop wakes itself through a local socket pair (AF_UNIX: no network).
ALLOWED_CTYPES_SYMBOLS = {"PyOS_getsig", "PyOS_setsig"}
seen: list[str] = []


def hook(event: str, args: tuple[object, ...]) -> None:
    if event == "open":
        path, mode, flags = (list(args) + [None, None, None])[:3]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            mode is None and isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing and path not in (1, 2) and not str(path).startswith("/dev/pts"):
            seen.append(f"open for writing: {path!r} mode={mode!r} flags={flags!r}")
    elif event == "ctypes.dlopen" and args == (None,):
        return  # the running interpreter itself, not a library from disk
    elif event == "ctypes.dlsym" and len(args) == 2 and args[1] in ALLOWED_CTYPES_SYMBOLS:
        return
    elif event == "socket.__new__" and len(args) > 1 and args[1] == getattr(socket_family, "AF_UNIX", -1):
        return
    elif event.startswith(FORBIDDEN_PREFIXES):
        seen.append(f"{event}: {args!r}"[:200])


def _terminal_or_std(fd: int) -> bool:
    if fd in (1, 2):
        return True
    try:
        return os.isatty(fd)
    except OSError:
        return False


def _watch_raw_writes() -> None:
    """os.write and friends raise no audit event: wrap them, so a write to any descriptor that is not
    stdout, stderr or the terminal is seen too."""
    for name in ("write", "pwrite", "writev", "pwritev", "sendfile", "ftruncate", "posix_fallocate"):
        real = getattr(os, name, None)
        if real is None:
            continue

        def watched(fd: int, *rest: object, _real: object = real, _name: str = name) -> object:
            if not _terminal_or_std(fd):
                seen.append(f"os.{_name} to fd {fd}")
            return _real(fd, *rest)  # type: ignore[operator]

        setattr(os, name, watched)
    for name in ("mkfifo", "mknod"):  # no audit event either: any call is reported
        real = getattr(os, name, None)
        if real is None:
            continue

        def creating(*args: object, _real: object = real, _name: str = name, **kwargs: object) -> object:
            seen.append(f"os.{_name}: {args!r}"[:200])
            return _real(*args, **kwargs)  # type: ignore[operator]

        setattr(os, name, creating)


def _control(channel: str) -> None:
    """Use one channel on purpose (in the working directory, a temporary folder)."""
    from pathlib import Path

    here = Path.cwd()
    if channel != "open":
        (here / "target").touch()
    seen.clear()
    if channel == "open":
        (here / "written.txt").write_text("x")
    elif channel == "link":
        os.link(here / "target", here / "hard")
    elif channel == "hardlink_to":
        (here / "hard2").hardlink_to(here / "target")
    elif channel == "symlink":
        os.symlink(here / "target", here / "soft")  # noqa: PTH211 - the os function itself is the channel
    elif channel == "mkfifo":
        os.mkfifo(here / "fifo")
    elif channel == "mknod":
        import stat

        os.mknod(here / "node", 0o600 | stat.S_IFIFO)
    elif channel == "utime":
        os.utime(here / "target", (0, 0))
    elif channel == "chown":
        os.chown(here / "target", os.getuid(), os.getgid())
    elif channel == "sqlite3":
        import sqlite3

        sqlite3.connect(here / "db.sqlite").close()
    elif channel == "ctypes":
        import ctypes
        import ctypes.util

        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").getpid()
    elif channel == "raw_fd":
        read_end, write_end = os.pipe()
        os.write(write_end, b"x")
    elif channel == "tmpfile":
        fd = os.open(here, os.O_TMPFILE | os.O_WRONLY, 0o600)
        os.close(fd)
    elif channel == "socket":
        import socket

        socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
    elif channel == "subprocess":
        import subprocess

        subprocess.run(["true"], check=False)


sys.addaudithook(hook)
_watch_raw_writes()
if os.environ.get("SAFETYCHECK_AUDIT_CONTROL"):
    _control(os.environ["SAFETYCHECK_AUDIT_CONTROL"])
    control_seen = list(seen)
else:
    control_seen = []

from safetycheck.cli.app import app  # noqa: E402

code: object = 0
try:
    code = app(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
except BaseException as exc:  # typer.Exit and the like carry an exit code
    code = getattr(exc, "exit_code", 1)
if seen or control_seen:
    sys.stderr.write("AUDIT:\n" + "\n".join(dict.fromkeys(control_seen + seen)) + "\n")
    sys.exit(99)
sys.exit(code if isinstance(code, int) else 0)
