"""Windows, as far as this machine can try it: the embeddable CPython from the offline bundle, under
Wine. Every non-interactive command and format, in en/az/ru, to a pipe and to --output files, must
exit 0 and print the very letters Linux prints (redirected output on Windows is encoded in the ANSI
code page unless the tool writes UTF-8 itself).

Not tried here, and covered by the Linux tests instead: the interactive session (Wine has no real
Windows console) and encrypted saves (cryptography's Windows wheel does not load under this Wine;
the test below checks that saves then say in one line what to install)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .bundle_build import build
from .conftest import EXAMPLES

pytestmark = pytest.mark.slow
EXAMPLE = "peace-activist-baku.yaml"


@pytest.fixture(scope="session")
def windows(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not shutil.which("wine"):
        pytest.skip("Wine is not installed (.ci/run installs Debian's wine64)")
    return build(tmp_path_factory.mktemp("bundle")) / "windows"


def wine(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml=", "SAFETYCHECK_LANG": "en"}
    # Wine 8 cannot give a console program a plain file as stdout: capture through pipes.
    return subprocess.run(["wine", str(folder / "python" / "python.exe"), "-B", "-m", "safetycheck", *args],
                          capture_output=True, encoding="utf-8", env=env, timeout=300, check=False,
                          stdin=subprocess.DEVNULL)


def native(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SAFETYCHECK_LANG": "en", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "safetycheck", *args], capture_output=True, encoding="utf-8",
                          env=env, timeout=120, check=False, stdin=subprocess.DEVNULL)


def windows_path(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


COMMANDS = [
    ("about",),
    ("list",),
    ("template", "device"),
    ("guide", "--module", "device", "--format", "markdown"),
    ("guide", "--module", "family", "--format", "html"),
    ("worksheet", "context", "device", "--format", "markdown"),
    ("check", "--answers", "{example}", "--format", "plain"),
    ("check", "--answers", "{example}", "--format", "markdown"),
    ("check", "--answers", "{example}", "--format", "json"),
    ("check", "--answers", "{example}", "--format", "card"),
    ("check", "--answers", "{example}", "--explain", "--format", "plain"),
]


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: "-".join(a for a in c if not a.startswith("{")))
def test_every_letter_survives_a_pipe(windows: Path, lang: str, command: tuple[str, ...]) -> None:
    ours = [a.format(example=windows_path(EXAMPLES / EXAMPLE)) for a in command]
    theirs = [a.format(example=str(EXAMPLES / EXAMPLE)) for a in command]
    result = wine(windows, *ours, "--lang", lang)
    assert result.returncode == 0, result.stderr[-500:]
    expected = native(*theirs, "--lang", lang).stdout
    if command == ("about",):  # the one paragraph that differs by system: where files are and who can read them
        from safetycheck.i18n.messages import strings

        expected = expected.replace(strings(lang)["privacy_files_posix"], strings(lang)["privacy_files_windows"])
        assert strings(lang)["privacy_files_windows"] in expected
    assert result.stdout.replace("\r\n", "\n") == expected


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_output_files_and_backslash_paths(windows: Path, tmp_path: Path, lang: str) -> None:
    target = tmp_path / "report.html"
    result = wine(windows, "check", "--answers", windows_path(EXAMPLES / EXAMPLE), "--format", "html",
                  "--output", windows_path(target), "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert windows_path(target) in result.stderr  # the warning names the file as Windows writes it
    html = target.read_text(encoding="utf-8")
    assert {"az": "Təhlükəsizlik", "ru": "безопасности"}[lang] in html


def test_a_missing_file_is_one_line_with_a_windows_path(windows: Path) -> None:
    result = wine(windows, "check", "--answers", "C:\\nowhere\\answers.yaml", "--lang", "ru")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["ошибка: C:\\nowhere\\answers.yaml: не удаётся прочитать: нет такого файла или папки"]


def test_saves_without_a_loading_cryptography_say_what_to_install(windows: Path, tmp_path: Path) -> None:
    probe = subprocess.run(["wine", str(windows / "python" / "python.exe"), "-c",
                            "import cryptography.hazmat.primitives.ciphers.aead"], capture_output=True,
                           env={**os.environ, "WINEDEBUG": "-all"}, timeout=120, check=False)
    if probe.returncode == 0:
        pytest.skip("cryptography loads under this Wine: saves are covered by the Linux tests")
    result = wine(windows, "open", windows_path(tmp_path / "me.sc"))
    assert result.returncode == 2
    assert "pip install cryptography" in result.stderr and len(result.stderr.strip().splitlines()) == 1
