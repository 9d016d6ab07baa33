"""The command line's own words in the person's language: help titles and usage errors, one line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ENGLISH_CHROME = ("Usage:", "Options", "Commands", "Show this message", "No such", "Invalid value", "Try ",
                  "Did you mean", "Missing", "Got unexpected", "is not one of", "Error")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("SAFETYCHECK_LANG", "LC_ALL", "LANG")}
    environ.update({"COLUMNS": "100", "NO_COLOR": "1", **(env or {})})
    return subprocess.run([sys.executable, "-m", "safetycheck", *args], capture_output=True, text=True, env=environ,
                          timeout=60, check=False)


USAGE_ERRORS = [("chek",), ("check", "--format", "x"), ("check", "--nope"), ("guide", "a", "b", "c"),
                ("compare", "only-one.sc")]


@pytest.mark.parametrize("lang", ["az", "ru"])
@pytest.mark.parametrize("args", USAGE_ERRORS)
def test_usage_errors_are_one_line_in_the_persons_language(lang: str, args: tuple[str, ...]) -> None:
    result = run(*args, "--lang", lang)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert not [w for w in ENGLISH_CHROME if w in lines[0]], lines[0]
    assert lines[0].startswith({"az": "xəta: ", "ru": "ошибка: "}[lang])


def test_usage_error_suggests_the_command_meant() -> None:
    result = run("chek", env={"SAFETYCHECK_LANG": "ru"})
    assert result.stderr.strip() == "ошибка: нет команды «chek». Возможно, вы имели в виду 'check', 'schema'? (справка: safetycheck -h)"


def test_usage_error_hides_terminal_escapes_typed_on_the_command_line() -> None:
    result = run("check", "--format", "x\x1b]0;PWNED\x07\ny", "--lang", "en")
    assert result.returncode == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("lang", ["az", "ru"])
@pytest.mark.parametrize("args", [("check", "-h"), ("guide", "--help"), ("worksheet", "-h")])
def test_help_follows_lang_on_the_command_line(lang: str, args: tuple[str, ...]) -> None:
    result = run(*args, "--lang", lang, env={"LANG": "en_US.UTF-8"})
    assert result.returncode == 0
    assert not [w for w in ENGLISH_CHROME if w in result.stdout], result.stdout
    assert {"az": "İstifadə:", "ru": "Использование:"}[lang] in result.stdout


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_help_follows_the_environment_without_lang(lang: str) -> None:
    result = run("-h", env={"SAFETYCHECK_LANG": lang})
    assert result.returncode == 0
    assert not [w for w in ENGLISH_CHROME if w in result.stdout], result.stdout


def test_english_help_keeps_its_words() -> None:
    result = run("check", "-h", "--lang", "en")
    assert "Usage:" in result.stdout and "Show this help and exit." in result.stdout
