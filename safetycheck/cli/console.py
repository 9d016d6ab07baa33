"""The terminal and the streams: UTF-8 whenever output is redirected, and whether the terminal can
take the escape sequences that wipe it.

On Windows, redirected output (`> handout.md`, every pipe) is encoded in the ANSI code page, which
has no Azerbaijani ə or Cyrillic, so Python would fail on the first such letter. A console itself
is written in UTF-16 by Python and needs nothing."""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
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


def clear_visible_screen() -> None:
    """Home and erase what is on screen, keeping the scrollback (unlike the wipe): for redrawing a
    screen that should start at the top. Does nothing where the terminal cannot."""
    if can_wipe():
        sys.stdout.write("\x1b[H\x1b[2J")
        sys.stdout.flush()


def _enable_windows_vt() -> bool:  # pragma: no cover - Windows only
    import ctypes

    enable_virtual_terminal_processing = 0x0004
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.GetStdHandle(-11)  # STD_OUTPUT_HANDLE
    mode = ctypes.c_uint32()
    if not kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        return False
    return bool(kernel32.SetConsoleMode(handle, mode.value | enable_virtual_terminal_processing))


# A line that starts a list item: its continuation lines hang under its text, not under the mark.
_ITEM = re.compile(r"^\s*(?:\d+\.|•|-|\*|\[[ x]\])\s+")


def wrap_to(text: str, width: int) -> str:
    """Each line of `text` wrapped on words to `width` columns, for a person reading a terminal.

    Indented lines keep their indent, list items hang under their text, other lines' continuations
    hang two columns in (as in the pager of the guided session), and an address is never
    cut: one longer than the line goes alone on its line, whole, so it can still be selected (the
    terminal folds it). Other words longer than the whole width are broken: nothing else can fit."""
    width = max(20, width)
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        mark = _ITEM.match(line)
        first = line[: len(line) - len(line.lstrip())]
        hang = " " * len(mark.group(0)) if mark else first + "  "  # as the pager does: where each line begins shows
        if len(hang) > width // 2:  # deep indents would leave a column of single words
            hang = hang[: width // 4]
        wrapped = textwrap.wrap(line.strip(), width=width, initial_indent=first[: width // 2], subsequent_indent=hang,
                                break_on_hyphens=False, break_long_words="://" not in line) or [""]
        # an address too long for its line: whole, from the first column, so the terminal folds it
        # into as few pieces as it can
        out += [part.strip() if len(part) > width and " " not in part.strip() else part for part in wrapped]
    return "\n".join(out)


def terminal_columns() -> int | None:
    """The width of the terminal stdout writes to, or None when it writes to a file or a pipe (whose
    text is kept exactly as rendered: a file has no width, and tests and scripts read it)."""
    if not _is_console(sys.stdout):
        return None
    return shutil.get_terminal_size((80, 24)).columns


def fit_to_terminal(text: str) -> str:
    """Text for stdout: wrapped to the terminal's width when it goes to one (a phone's is about 40
    columns, and the terminal itself would break lines in the middle of a word), unchanged otherwise."""
    columns = terminal_columns()
    return text if columns is None else wrap_to(text, columns - 1)
