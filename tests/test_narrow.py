"""A phone's terminal (Termux): about 40 columns. Every main command, run as a person there would
run it (in a pseudo-terminal of 30 rows by 40 columns, no colour), prints no line wider than the
screen, in every language. A wider line would be broken by the terminal in the middle of a word,
or, for a table or a frame, drawn as a jumble. The one exception is an address alone on its line:
it cannot be broken without breaking it, and a phone's terminal lets the person select it whole.

`template` is left out on purpose: it prints a YAML file meant for `> answers.yaml`. Its comments
are long lines, and wrapping them at the width of the terminal that happened to print them would
make the file depend on that terminal (and a wrapped question could no longer be found by its
text); the person edits it in an editor, which wraps for them. What it prints on a terminal is
checked below to be the same as what it writes to a file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from .conftest import EXAMPLES

ROWS, COLUMNS = 30, 40
EXAMPLE = str(EXAMPLES / "peace-activist-baku.yaml")
ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
URL_ALONE = re.compile(r"^\s*<?https?://\S+>?$")
LANGS = ("en", "az", "ru")


def phone_env(lang: str) -> dict[str, str]:
    """The terminal says its own size (no COLUMNS/LINES set, as in a shell that does not export them)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR", "TERM")}
    return {**env, "NO_COLOR": "1", "TERM": "xterm-256color", "SAFETYCHECK_LANG": lang, "PROMPT_TOOLKIT_NO_CPR": "1"}


def run_on_phone(args: list[str], lang: str) -> str:
    """Everything the command printed to the terminal, escape sequences removed."""
    child = pexpect.spawn(sys.executable, ["-m", "safetycheck", *args], env=phone_env(lang), encoding="utf-8",
                          dimensions=(ROWS, COLUMNS), timeout=60)
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out
    return ANSI.sub("", out).replace("\r", "")


def too_wide(text: str) -> list[tuple[int, str]]:
    from wcwidth import wcswidth

    wide = []
    for line in text.split("\n"):
        width = wcswidth(line)
        if width < 0:  # a control character: never expected here, and its width is unknown
            width = len(line) + COLUMNS
        if width > COLUMNS and not URL_ALONE.match(line):
            wide.append((width, line))
    return sorted(wide, reverse=True)


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Anonymous summaries from a few people, as a trainer collects them."""
    folder = tmp_path_factory.mktemp("summaries")
    for n, example in enumerate(sorted(EXAMPLES.glob("*.yaml"))[:4]):
        result = subprocess.run([sys.executable, "-m", "safetycheck", "check", "--answers", str(example), "--anonymous-summary",
                                 str(folder / f"s{n}.json"), "--format", "json"], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    return folder


COMMANDS = {
    "about": ["about"],
    "list": ["list"],
    "guide": ["guide", "dev-updates"],
    "check last screen": ["check", "--answers", EXAMPLE],
    "check rich": ["check", "--answers", EXAMPLE, "--format", "rich"],
    "workshop": ["workshop", "summarize", "{summaries}"],
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_nothing_wider_than_a_phone(name: str, lang: str, summaries: Path) -> None:
    args = [a.replace("{summaries}", str(summaries)) for a in COMMANDS[name]]
    text = run_on_phone(args, lang)
    assert len(text.strip().splitlines()) > 3, text  # it printed something real
    wide = too_wide(text)
    assert not wide, f"{len(wide)} lines wider than {COLUMNS} columns, widest first:\n" + "\n".join(
        f"{w:>3} {line}" for w, line in wide[:10])


def test_the_check_catches_a_wide_line() -> None:
    """A control: the measure counts display columns (a wide letter counts two) and spares an address alone."""
    assert too_wide("x" * 40) == []
    assert too_wide("x" * 41) == [(41, "x" * 41)]
    assert too_wide("界" * 21) == [(42, "界" * 21)]
    assert too_wide("  https://example.org/" + "a" * 60) == []
    assert too_wide("see https://example.org/" + "a" * 60) != []


@pytest.mark.parametrize("lang", LANGS)
def test_template_on_a_phone_is_the_file_it_writes(lang: str, tmp_path: Path) -> None:
    """The template is a YAML file for redirection: on a narrow terminal it is not rewrapped (see
    the module's docstring), so it stays the very file `--output` writes, and a valid one."""
    import yaml

    printed = run_on_phone(["template", "device"], lang)
    target = tmp_path / "answers.yaml"
    result = subprocess.run([sys.executable, "-m", "safetycheck", "template", "device", "--output", str(target)],
                            env=phone_env(lang), capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    written = target.read_text(encoding="utf-8")
    assert printed == written
    assert isinstance(yaml.safe_load(printed), dict)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("args", [["--help"], ["check", "--help"]])
def test_help_on_a_phone_keeps_words_whole(args: list[str], lang: str) -> None:
    """Rich's help panels cut words at 40 columns ("modullar…"); there, help is Click's plain layout,
    wrapped at the terminal's width, with its section titles in the person's language."""
    from safetycheck.i18n.catalogue import translation

    text = run_on_phone([*args, "--lang", lang], lang)
    assert not too_wide(text)
    assert "…" not in text and "│" not in text  # no Rich panel, no word cut short
    options = translation(lang).pgettext("chrome_options", "Options")
    assert f"{options}:" in text
