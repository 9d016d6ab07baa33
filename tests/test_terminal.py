"""Real pseudo-terminal tests: what a person sees when they type (pexpect), read off a pyte screen."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

from .terminal import GUIDED, WIPE, interrupt_and_expect_stop, screen, spawn

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "answers" / "peace-activist-baku.yaml"
TODAY = __import__("datetime").date(2026, 12, 7)
DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "


def wait_screen(child: pexpect.spawn, text: str, timeout: float = 30) -> str:
    """Read output until `text` is on the screen (not in the byte stream: redraws move the cursor)."""
    deadline = time.monotonic() + timeout
    while text not in screen(child).text():
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not on screen:\n{screen(child).text()}")
        try:
            child.read_nonblocking(65536, timeout=0.2)
        except pexpect.TIMEOUT:
            pass
        except pexpect.EOF:
            if text not in screen(child).text():
                raise AssertionError(f"ended before {text!r}:\n{screen(child).text()}") from None
    return screen(child).text()


def guided(*args: str, dimensions: tuple[int, int] = (24, 80), lang: str = "en") -> pexpect.spawn:
    child = spawn(*args, dimensions=dimensions, content=GUIDED, lang=lang)
    wait_screen(child, {"en": "Quit", "az": "Çıxış", "ru": "Выйти"}[lang])
    return child


def start_quick(child: pexpect.spawn) -> None:
    child.send(ENTER)
    wait_screen(child, "Quick check · 1 of 6")


def finish(child: pexpect.spawn, code: int = 0) -> str:
    rest = child.read()
    child.close()
    assert child.exitstatus == code, rest
    return rest


def test_start_screen_says_what_how_long_private_and_skippable() -> None:
    child = guided()
    text = screen(child).text()
    assert "Nothing leaves this computer. Nothing is saved unless you ask." in text
    assert "Quick check: at most 6 questions, about 10 minutes" in text
    assert "Every question can be skipped" in text and "Ctrl-C stops at once" in text
    assert "Use arrow keys" not in text  # no English hint from a library
    child.send("q")
    finish(child)


def test_danger_now_shows_urgent_steps_and_fitting_help_then_stop() -> None:
    child = guided()
    start_quick(child)
    child.send(SPACE + ENTER)  # arrest or search expected
    text = wait_screen(child, "Act now")
    assert "Prepare for the next hours: Tell your trusted person." in text
    assert "Front Line Defenders" in text and "Access Now" in text and "Another helpline" not in text
    assert "  https://www.frontlinedefenders.org/en/emergency-contact" in text.splitlines()  # its own line, whole
    child.send(DOWN + ENTER)  # stop here
    text = wait_screen(child, "Start here")
    assert "1. Prepare for the next hours" in text
    assert "Help: Front Line Defenders, Access Now" in text
    child.send("q")
    finish(child)


def test_quick_check_end_to_end_and_last_screen_fits_80x24() -> None:
    child = guided()
    start_quick(child)
    child.send("3" + SPACE + ENTER)  # none of this is happening now
    wait_screen(child, "Quick check · 2 of 6")
    child.send("1" + SPACE + ENTER)  # state security
    wait_screen(child, "Quick check · 3 of 6 · Devices")
    child.send(ENTER)  # Android
    wait_screen(child, "Quick check · 4 of 6")
    child.send(ENTER)  # not locked
    wait_screen(child, "Quick check · 5 of 6")
    child.send(SPACE + ENTER)  # old chats
    wait_screen(child, "Quick check · 6 of 6 · Accounts")
    child.send("2" + ENTER)  # no second step
    text = wait_screen(child, "Start here")
    lines = screen(child).lines()
    assert "  Devices: critical  (3 of 5 questions)" in lines
    assert any(line.startswith("  Accounts: ") for line in lines)
    assert "1. Use a long passphrase" in text
    assert "Because you answered: How is your phone locked? → Not locked" in text
    assert "q quit" in text  # the menu is on the same screen
    assert lines[0].startswith("Your safety check")  # it all fits: the title is still at the top
    child.send("q")
    finish(child)


def test_enter_with_nothing_ticked_records_nothing_silently() -> None:
    child = guided()
    start_quick(child)
    child.send(ENTER)
    text = wait_screen(child, "Nothing is ticked")
    assert "Quick check · 1 of 6" in text  # still the same question
    child.send("s")  # skipping is a key, and it says so
    wait_screen(child, "Quick check · 2 of 6")
    wait_screen(child, "at once")  # fully drawn: Ctrl-C is never sent into a half-started screen
    child.sendcontrol("c")
    child.expect("Stopped. Nothing was saved.")
    finish(child, 130)


def test_back_returns_with_the_answer_kept_and_exclusive_options() -> None:
    child = guided()
    start_quick(child)
    child.send(SPACE + "2" + SPACE)  # arrest expected + phone taken
    child.send("3" + SPACE)  # "None of this is happening now" unticks the others
    text = wait_screen(child, "cannot go together")
    assert "[x] None of this is happening now" in text and "[x] An arrest" not in text
    child.send("1" + SPACE)  # ticking another unticks the exclusive one
    text = wait_screen(child, "[x] An arrest")
    assert "[ ] None of this" in text
    child.send("1" + SPACE + "3" + SPACE + ENTER)
    wait_screen(child, "Quick check · 2 of 6")
    assert "b back" in screen(child).text()
    child.send("b")
    text = wait_screen(child, "Quick check · 1 of 6")
    assert "[x] None of this is happening now" in text  # the answer given is shown again
    wait_screen(child, "at once")
    child.sendcontrol("c")
    child.expect("Stopped")
    finish(child, 130)


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("columns", [40, 80])
def test_questions_and_options_wrap_with_a_hanging_indent(lang: str, columns: int) -> None:
    from safetycheck.content.catalog import load_content
    from safetycheck.i18n.language import say

    content = load_content(bundled=GUIDED)
    question = content.question("device.screen_lock")
    assert question is not None
    child = guided(dimensions=(30 if columns == 40 else 24, columns), lang=lang)
    child.send(ENTER)
    wait_screen(child, {"en": "1 of 6", "az": "1/6", "ru": "1 из 6"}[lang])
    child.send("3" + SPACE + ENTER)
    wait_screen(child, {"en": "2 of 6", "az": "2/6", "ru": "2 из 6"}[lang])
    child.send("s")
    wait_screen(child, {"en": "3 of 6", "az": "3/6", "ru": "3 из 6"}[lang])
    child.send(ENTER)
    marker = {"en": "4 of 6", "az": "4/6", "ru": "4 из 6"}[lang]
    text = wait_screen(child, marker)
    lines = screen(child).lines()
    assert all(len(line) <= columns for line in lines)
    flat = " ".join(" ".join(line.split()) for line in lines)
    for option in question.options[1:3]:
        label = say(option.label, lang)
        assert " ".join(label.split()) in flat.replace("❯ ", "").replace("( ) ", ""), label  # no word lost
    long_label = say(question.options[1].label, lang)
    opening = " ".join(long_label.split()[:2])
    start = next(n for n, line in enumerate(lines) if line[6:].startswith(opening))
    assert lines[start][2:6] == "( ) "  # every option has its mark...
    assert lines[start + 1].startswith(" " * 6) and lines[start + 1][6] != " "  # ...and wraps under its label
    assert say(question.text, lang).split()[-1] in text
    wait_screen(child, {"en": "once", "az": "çıxış", "ru": "сразу"}[lang])  # the last word of the key line
    child.sendcontrol("c")
    finish(child, 130)


def test_clear_and_ctrl_c_wipes_and_writes_nothing(tmp_path: Path) -> None:
    child = spawn("--clear", "--save", str(tmp_path / "me.sc"), dimensions=(24, 80), content=GUIDED)
    wait_screen(child, "Quit")
    child.send(ENTER)
    wait_screen(child, "at once")  # the question is fully drawn
    interrupt_and_expect_stop(child)
    assert WIPE in "".join(screen(child).raw)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_says_stopped_in_the_language_asked_for() -> None:
    # the environment says English; --lang says Russian, and the panic exit must say it in Russian
    child = spawn("--lang", "ru", dimensions=(24, 80), lang="en")
    wait_screen(child, "Выйти")
    child.send(ENTER)
    wait_screen(child, "сразу")
    child.sendcontrol("c")
    child.expect("Остановлено. Ничего не сохранено.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_save_path_is_checked_before_any_screen(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "safetycheck", "--save", str(tmp_path / "no" / "me.sc")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode in (0, 2)
    child = spawn("--save", str(tmp_path / "no" / "me.sc"), content=GUIDED)
    out = finish(child, 2)
    assert "me.sc: the folder to write into does not exist" in out and "Quick check" not in out


def _passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text("correct horse battery staple\n")
    return path


def test_a_failed_save_keeps_the_session_and_asks_another_path(tmp_path: Path) -> None:
    child = spawn("--passphrase-file", str(_passfile(tmp_path)), dimensions=(24, 80), content=GUIDED)
    wait_screen(child, "Quit")
    start_quick(child)
    child.send(DOWN + SPACE + ENTER)  # a device taken and given back
    wait_screen(child, "Act now")
    child.send(DOWN + ENTER)
    wait_screen(child, "Start here")
    child.send("s")
    child.expect("File name")
    child.sendline(str(tmp_path / "missing" / "me.sc"))
    child.expect("Not written")
    child.expect("File name")
    child.sendline(str(tmp_path / "me.sc"))
    child.expect("Saved, encrypted")
    wait_screen(child, "q quit")
    child.send("q")
    finish(child)
    assert (tmp_path / "me.sc").exists()


def test_pause_then_open_resumes_and_marks_are_kept(tmp_path: Path) -> None:
    passfile = _passfile(tmp_path)
    target = tmp_path / "me.sc"
    child = spawn("--passphrase-file", str(passfile), "--save", str(target), dimensions=(24, 80), content=GUIDED)
    wait_screen(child, "Quit")
    start_quick(child)
    child.send("3" + SPACE + ENTER)
    wait_screen(child, "Quick check · 2 of 6")
    child.send("x")  # save and stop
    child.expect("safetycheck open")
    finish(child)
    child = spawn("open", str(target), "--passphrase-file", str(passfile), dimensions=(24, 80), content=GUIDED)
    text = wait_screen(child, "Quick check · 2 of 6")  # where it stopped, the same total
    assert "Continuing where you stopped" in "".join(screen(child).raw)
    for n, keys in enumerate(("1" + SPACE + ENTER, ENTER, ENTER, SPACE + ENTER, "2" + ENTER), 3):
        child.send(keys)
        text = wait_screen(child, f"Quick check · {n} of 6" if n <= 6 else "Start here")
    assert "1. Use a long passphrase" in text
    child.send("d")
    wait_screen(child, "Tick what you have done")
    child.send(SPACE + ENTER)  # the first action: done
    text = wait_screen(child, "to keep these marks")
    assert "1. Use a long passphrase" not in text  # never listed as still to do
    child.send("s")
    child.expect("File name")
    child.sendline("")  # the default: the file it came from
    child.expect("Saved, encrypted")
    wait_screen(child, "q quit")
    child.send("q")
    finish(child)
    child = spawn("open", str(target), "--passphrase-file", str(passfile), dimensions=(24, 80), content=GUIDED)
    out = finish(child)
    assert "Marked done: 1." in out and "1. Use a long passphrase" not in out and "Start here" in out


def test_check_answers_on_a_terminal_ends_with_the_summary() -> None:
    child = spawn("check", "--answers", str(EXAMPLE), dimensions=(24, 80))
    out = finish(child)
    assert "Start here" in out and "--format html --output plan.html" in out
    assert "Where to get help" not in out  # the full report is for files and pipes
    assert len([line for line in out.splitlines() if line.strip()]) <= 24


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_last_screen_fits_40x30(lang: str) -> None:
    child = spawn("check", "--answers", str(EXAMPLE), "--lang", lang, dimensions=(30, 40))
    out = finish(child)
    lines = out.rstrip().splitlines()
    assert len(lines) <= 30 and all(len(line.rstrip("\r")) <= 40 for line in lines)


def test_no_terminal_means_use_answers() -> None:
    result = subprocess.run([sys.executable, "-m", "safetycheck", "check"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "use --answers FILE" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("columns", [60, 200])
def test_full_report_fits_the_terminal(columns: int) -> None:
    child = spawn("check", "--answers", str(EXAMPLE), "--format", "rich", dimensions=(50, columns))
    output = finish(child)
    assert "Your plan" in output
    lines = [line.rstrip("\r") for line in output.splitlines()]
    # an address alone may be longer (the terminal folds it): cut into pieces, it could not be copied
    assert max(len(line) for line in lines if not line.startswith("https://")) <= columns
    assert all(" " not in line for line in lines if len(line) > columns)


@pytest.mark.parametrize("no_color", [True, False])
def test_no_color_is_respected(no_color: bool) -> None:
    child = spawn("check", "--answers", str(EXAMPLE), "--format", "rich", color=not no_color)
    output = finish(child)
    assert ("\x1b[" in output) is not no_color


def test_a_short_passphrase_is_asked_again_not_fatal(tmp_path: Path) -> None:
    target = tmp_path / "me.sc"
    child = spawn("check", "--answers", str(EXAMPLE), "--save", str(target), "--format", "plain")
    child.expect("Passphrase: ")
    child.sendline("short")
    child.expect("Repeat the passphrase: ")
    child.sendline("short")
    child.expect("at least 8 characters")
    child.expect("Passphrase: ")
    child.sendline("a long enough passphrase")
    child.expect("Repeat the passphrase: ")
    child.sendline("a long enough passphrase")
    finish(child)
    assert target.exists()


def test_compare_asks_each_files_passphrase_and_shows_marks(tmp_path: Path) -> None:
    from safetycheck.content.catalog import load_content
    from safetycheck.storage.saves import to_bytes
    from safetycheck.storage.vault import seal

    content = load_content(bundled=GUIDED)
    answers = {"device.screen_lock": ("none",), "accounts.two_step": ("no",)}
    old, new = tmp_path / "old.sc", tmp_path / "new.sc"
    old.write_bytes(seal(to_bytes(answers, ("device", "accounts"), "en", content, TODAY), "first passphrase", log2_n=14))
    new.write_bytes(seal(to_bytes(answers, ("device", "accounts"), "en", content, TODAY, done=("dev-lock",)),
                         "second passphrase", log2_n=14))
    child = spawn("compare", str(old), str(new), "--format", "plain", content=GUIDED)
    child.expect("Passphrase: ")
    child.sendline("first passphrase")
    child.expect(f"Passphrase for {new}: ")
    child.sendline("second passphrase")
    out = finish(child)
    assert "Marked done since last time" in out and "Use a long passphrase" in out.split("Marked done since last time")[1]
    still = out.split("Still to do")[1] if "Still to do" in out else ""
    assert "Use a long passphrase" not in still
    wrong = tmp_path / "pass.txt"
    wrong.write_text("first passphrase\n")
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "content_run.py"), str(GUIDED), "compare",
                             str(old), str(new), "--passphrase-file", str(wrong)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"{new}: wrong passphrase, or the file is damaged" in result.stderr  # names the file that failed, and why


def test_full_report_lists_the_chosen_help_first(tmp_path: Path) -> None:
    answers = tmp_path / "danger-answers.yaml"
    answers.write_text("answers:\n  context:\n    happening_now: [arrest_expected]\n")
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "content_run.py"), str(GUIDED), "check",
                             "--answers", str(answers), "--format", "plain"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    help_part = result.stdout.split("Where to get help")[1]  # the full report: files, pipes, --format
    assert help_part.index("Front Line Defenders") < help_part.index("Access Now") < help_part.index("Another helpline")


def test_danger_screen_at_40_columns_hangs_lines_and_keeps_addresses_whole() -> None:
    child = guided(dimensions=(30, 40), lang="ru")
    child.send(ENTER)
    wait_screen(child, "1 из 6")
    child.send(SPACE + ENTER)
    wait_screen(child, "Продолжить проверку")
    lines = screen(child).lines()
    assert all(len(line) <= 40 for line in lines)
    start = next(n for n, line in enumerate(lines) if line.startswith("https://www.frontlinedefenders.org"))
    assert lines[start] + lines[start + 1] == "https://www.frontlinedefenders.org/en/emergency-contact"
    assert "  https://www.accessnow.org/help/" in lines  # short enough: on its own line, indented
    bullet = next(n for n, line in enumerate(lines) if line.startswith("• Front Line Defenders"))
    assert lines[bullet + 1].startswith("  ") and not lines[bullet + 1].startswith("   ")
    wait_screen(child, "сразу")
    child.sendcontrol("c")
    finish(child, 130)


def test_open_asks_again_after_a_mistyped_passphrase(tmp_path: Path) -> None:
    from safetycheck.content.catalog import load_content
    from safetycheck.storage.saves import to_bytes
    from safetycheck.storage.vault import seal

    content = load_content(bundled=GUIDED)
    save = tmp_path / "me.sc"
    save.write_bytes(seal(to_bytes({"device.screen_lock": ("none",)}, ("device",), "en", content, TODAY),
                          "correct horse battery", log2_n=14))
    child = spawn("open", str(save), "--format", "plain", content=GUIDED)
    child.expect("Passphrase: ")
    child.sendline("wrong horse battery")
    child.expect("wrong passphrase, or the file is damaged")
    child.expect(f"Passphrase for {save}: ")
    child.sendline("correct horse battery")
    assert "Use a long passphrase" in finish(child)
    # three mistakes in all: one line each, then exit 2
    child = spawn("open", str(save), "--format", "plain", content=GUIDED)
    child.expect("Passphrase: ")
    for _ in range(2):
        child.sendline("wrong horse battery")
        child.expect("wrong passphrase, or the file is damaged")
        child.expect(f"Passphrase for {save}: ")
    child.sendline("wrong horse battery")
    out = finish(child, 2)
    assert out.count("wrong passphrase, or the file is damaged") == 1 and "Passphrase" not in out
