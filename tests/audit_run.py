"""Run safetycheck's CLI under a Python audit hook that records any network use, any file opened
for writing, any process started and any change to the file system. Used by test_privacy.py.

Usage: python tests/audit_run.py ARGS...   (exit 99 and a list on stderr when anything was seen)
"""

from __future__ import annotations

import os
import sys

sys.dont_write_bytecode = True
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
FORBIDDEN_PREFIXES = ("socket.", "subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "os.fork",
                      "os.forkpty", "pty.", "os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "os.unlink",
                      "os.chmod", "os.truncate", "shutil.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")
seen: list[str] = []


def hook(event: str, args: tuple[object, ...]) -> None:
    if event == "open":
        path, mode, flags = (list(args) + [None, None, None])[:3]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            mode is None and isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing and path not in (1, 2) and not str(path).startswith("/dev/pts"):
            seen.append(f"open for writing: {path!r} mode={mode!r} flags={flags!r}")
    elif event.startswith(FORBIDDEN_PREFIXES):
        seen.append(f"{event}: {args!r}"[:200])


sys.addaudithook(hook)

from safetycheck.cli.app import app  # noqa: E402

code: object = 0
try:
    code = app(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else 1
except BaseException as exc:  # typer.Exit and the like carry an exit code
    code = getattr(exc, "exit_code", 1)
if seen:
    sys.stderr.write("AUDIT:\n" + "\n".join(seen) + "\n")
    sys.exit(99)
sys.exit(code if isinstance(code, int) else 0)
