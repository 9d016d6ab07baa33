"""The terminal and the streams: UTF-8 whenever output is redirected, and whether the terminal can
take the escape sequences that wipe it.

On Windows, redirected output (`> handout.md`, every pipe) is encoded in the ANSI code page, which
has no Azerbaijani ə or Cyrillic, so Python would fail on the first such letter. A console itself
is written in UTF-16 by Python and needs nothing."""

from __future__ import annotations

import os
import sys
from typing import TextIO


def _is_console(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def use_utf8_when_redirected() -> None:
    """Write UTF-8 to files and pipes, whatever the code page or locale says."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or _is_console(stream):
            continue
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def can_wipe(stream: TextIO | None = None) -> bool:
    """Whether the terminal understands the wipe sequences (screen and scrollback).

    Every POSIX terminal does. On Windows, Windows Terminal and the console of Windows 10 and later
    do once virtual-terminal processing is switched on, which this asks for; the old console
    cannot, and there the person is told to close the window instead."""
    stream = stream or sys.stdout
    if not _is_console(stream):
        return False
    if os.name != "nt":
        return True
    if os.environ.get("WT_SESSION"):
        return True
    return _enable_windows_vt()


def _enable_windows_vt() -> bool:  # pragma: no cover - Windows only
    import ctypes

    enable_virtual_terminal_processing = 0x0004
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.GetStdHandle(-11)  # STD_OUTPUT_HANDLE
    mode = ctypes.c_uint32()
    if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return False
    return bool(kernel32.SetConsoleMode(handle, mode.value | enable_virtual_terminal_processing))
