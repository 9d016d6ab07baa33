"""Driving safetycheck in a real pseudo-terminal (pexpect), and reading the screen (pyte)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect

GUIDED = Path(__file__).parent / "fixtures" / "guided"
RUNNER = Path(__file__).parent / "content_run.py"
WIPE = "\x1b[H\x1b[2J\x1b[3J"


class Screen:
    """What a person would see: every byte the program writes, fed to a pyte terminal."""

    def __init__(self, rows: int, columns: int) -> None:
        import pyte

        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.raw: list[str] = []

    def write(self, data: str) -> None:
        self.raw.append(data)
        self.stream.feed(data)

    def flush(self) -> None:
        pass

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines())


def spawn(*args: str, dimensions: tuple[int, int] = (40, 100), color: bool = False, content: Path | None = None,
          lang: str = "en") -> pexpect.spawn:
    """NO_COLOR keeps escape codes out of expect() patterns; PROMPT_TOOLKIT_NO_CPR stops prompt_toolkit
    waiting for a cursor-position reply a pty never sends. `content`: a test content folder."""
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "SAFETYCHECK_LANG": lang, "COLUMNS": str(dimensions[1]),
           "LINES": str(dimensions[0]), "TERM": "xterm-256color" if color else "xterm"}
    env.pop("NO_COLOR", None)
    if not color:
        env["NO_COLOR"] = "1"
    argv = [str(RUNNER), str(content), *args] if content else ["-m", "safetycheck", *args]
    child = pexpect.spawn(sys.executable, argv, encoding="utf-8", dimensions=dimensions, env=env, timeout=30)
    child.logfile_read = Screen(*dimensions)
    return child


def screen(child: pexpect.spawn) -> Screen:
    log = child.logfile_read
    assert isinstance(log, Screen)
    return log


def interrupt_and_expect_stop(child: pexpect.spawn) -> None:
    """Ctrl-C now: the one stop message, the end of the program, exit status 130. Callers send it
    only once the prompt is fully drawn (they expect its last line first), so it is never lost."""
    child.sendcontrol("c")
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
