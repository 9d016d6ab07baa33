"""Driving safetycheck in a real pseudo-terminal (pexpect), shared by the terminal tests."""

from __future__ import annotations

import os
import sys

import pexpect


def spawn(*args: str, dimensions: tuple[int, int] = (40, 100), color: bool = False) -> pexpect.spawn:
    """NO_COLOR keeps escape codes out of expect() patterns; PROMPT_TOOLKIT_NO_CPR stops prompt_toolkit
    waiting for a cursor-position reply a pty never sends."""
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "SAFETYCHECK_LANG": "en", "COLUMNS": str(dimensions[1]),
           "TERM": "xterm-256color" if color else "xterm"}
    env.pop("NO_COLOR", None)
    if not color:
        env["NO_COLOR"] = "1"
    return pexpect.spawn(sys.executable, ["-m", "safetycheck", *args], encoding="utf-8", dimensions=dimensions, env=env, timeout=30)


def interrupt_and_expect_stop(child: pexpect.spawn) -> None:
    """Ctrl-C now: the one stop message, the end of the program, exit status 130."""
    child.sendcontrol("c")
    child.expect("Stopped. Nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
