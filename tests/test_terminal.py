"""Real pseudo-terminal tests: what a person sees when they type."""

from __future__ import annotations

import sys

import pexpect
import pytest

from .terminal import interrupt_and_expect_stop, spawn

PROMPT = r"\d+/\d+ · "


def test_answering_by_keystrokes_shows_the_results() -> None:
    child = spawn("check", "device")
    seen = 0
    while True:
        index = child.expect([PROMPT, "Your safety check", pexpect.EOF])
        if index == 0:
            seen += 1
            # First option for single choice; first box ticked for several.
            child.expect(r"\?")
            child.expect(r"\n")
            child.send(" \r" if seen % 3 == 0 else "\r")
        else:
            break
    assert index == 1, child.before
    child.expect("Your plan")
    child.expect("Where to get help")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert seen >= 20  # context first, then the device questions that apply


def test_ctrl_c_stops_without_saving() -> None:
    child = spawn("check", "device")
    child.expect(PROMPT)
    child.expect(r"\?")
    interrupt_and_expect_stop(child)
    assert "Traceback" not in (child.before or "")


def test_guided_session_starts_with_module_choice() -> None:
    child = spawn()
    child.expect("Which areas do you want to check")
    interrupt_and_expect_stop(child)


def test_no_terminal_means_use_answers(tmp_path: object) -> None:
    import subprocess

    result = subprocess.run([sys.executable, "-m", "safetycheck", "check"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "use --answers FILE" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("columns", [60, 200])
def test_rich_report_fits_the_terminal(columns: int) -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "answers" / "peace-activist-baku.yaml"
    child = spawn("check", "--answers", str(example), dimensions=(50, columns))
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "Your plan" in output
    assert max(len(line.rstrip("\r")) for line in output.splitlines()) <= columns


@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_is_respected(no_color: bool) -> None:
    from pathlib import Path

    example = Path(__file__).resolve().parents[1] / "examples" / "answers" / "peace-activist-baku.yaml"
    child = spawn("check", "--answers", str(example), color=not no_color)
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    assert ("\x1b[" in output) is not no_color
