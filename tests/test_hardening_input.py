"""Hardening (issue 10): every bad answers file or pack is one line naming file and line, exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.i18n.messages import tr
from safetycheck.sanitize import clean, has_invisible, one_line

from .conftest import EXAMPLES

runner = CliRunner()
EXAMPLE = str(EXAMPLES / "peace-activist-baku.yaml")
VALID = "answers:\n  device:\n    screen_lock: none\n"


def run_answers(tmp_path: Path, body: str | bytes, *extra: str) -> tuple[int, str, str]:
    path = tmp_path / "a.yaml"
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass"))
    result = runner.invoke(app, ["check", "--answers", str(path), "--format", "json", *extra])
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code: int, out: str, err: str, *needles: str) -> None:
    assert code == 2, (code, err)
    assert out == "" and err.startswith("error: ") and len(err.splitlines()) == 1, err
    assert "Traceback" not in err and "internal error" not in err
    assert not has_invisible(err.rstrip("\n")), repr(err)
    for needle in needles:
        assert needle in err, (needle, err)


# -- M1: extra top-level keys, message keys positional-only ----------------------------------------
@pytest.mark.parametrize("key", ["name", "key", "params", "id", "answer", "Answers", "lang", "format", "0", "true"])
def test_an_extra_top_level_key_is_named_exit_2(tmp_path: Path, key: str) -> None:
    code, out, err = run_answers(tmp_path, f"{key}: Leyla\n" + VALID)
    assert_one_line_error(code, out, err, "a.yaml:1:", f"unknown key '{key}'")


def test_message_keys_are_positional_only() -> None:
    assert "'key'" in tr("err_answers_key", key="key")
    with pytest.raises(TypeError):
        tr(key="err_answers_key")  # type: ignore[call-arg]


# -- M2: explicit tags and values that fail while converted ------------------------------------------
TAGGED = ['!!int "abc"', "!!float x", '!!bool "maybe"', '!!timestamp "x"', "!!str none", "!!binary aGVsbG8=",
          "!!python/object:os.system x", "!custom none", "!!set {a, b}", "!!omap [a: b]", "! none", "!<tag:yaml.org,2002:str> none"]


@pytest.mark.parametrize("value", TAGGED)
def test_explicit_tags_are_refused(tmp_path: Path, value: str) -> None:
    code, out, err = run_answers(tmp_path, f"answers:\n  device:\n    screen_lock: {value}\n")
    assert_one_line_error(code, out, err, "a.yaml:3:", "tags")


@pytest.mark.parametrize("body", ["answers: !!map [a, b]\n", "!!map\nanswers: {}\n", "answers: !!seq {a: b}\n",
                                  "answers:\n  !!str device:\n    screen_lock: none\n"])
def test_tags_on_collections_and_keys_are_refused(tmp_path: Path, body: str) -> None:
    code, out, err = run_answers(tmp_path, body)
    assert_one_line_error(code, out, err, "tags")


@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "2025-02-29", "2026-04-31 10:00:00", "9" * 5000,
                                   "1:" * 3000 + "1", "-" + "9" * 20, "1" + "_0" * 30, "0x" + "f" * 40, "1e999", "-.inf", ".nan",
                                   "0b" + "1" * 200, "0o" + "7" * 100])
def test_values_that_fail_while_converted_are_one_line(tmp_path: Path, value: str) -> None:
    code, out, err = run_answers(tmp_path, f"answers:\n  device:\n    screen_lock: {value}\n")
    assert_one_line_error(code, out, err, "a.yaml:3:")


@pytest.mark.parametrize("value", ["2026-02-30", "9" * 5000, "!!timestamp 2026-01-01", "1:" * 2000 + "1"])
def test_pack_dates_and_numbers_that_fail_are_content_errors(tmp_path: Path, value: str) -> None:
    pack = tmp_path / "pack" / "questionnaires"
    pack.mkdir(parents=True)
    (pack / "x.yaml").write_text(f"id: x\ntitle: t\ndescription: d\nreviewed: {value}\norder: 99\nquestions: []\n")
    result = runner.invoke(app, ["validate", str(tmp_path / "pack")])
    assert_one_line_error(result.exit_code, result.stdout, result.stderr, "x.yaml:4:")


# -- L2: one line, always ----------------------------------------------------------------------------
@pytest.mark.parametrize("key", ['"a\\nb"', '"nul\\0x"', '"esc\\e[2Jx"', '"bell\\a"', '"line\\u2028sep"', '"bidi\\u202eevil"',
                                 '"zero\\u200bwidth"', '"cr\\rx"'])
def test_control_characters_in_keys_are_one_line(tmp_path: Path, key: str) -> None:
    code, out, err = run_answers(tmp_path, f"answers:\n  {key}:\n    screen_lock: none\n")
    assert_one_line_error(code, out, err, "a.yaml:2:")


@pytest.mark.parametrize("value", ['"a\\nb\\nerror: forged"', '"x\\e]0;T\\ay"', "'\u202eevil'", '"\\u2028x"', '"' + "x" * 100_000 + '"'])
def test_control_characters_and_huge_values_are_one_bounded_line(tmp_path: Path, value: str) -> None:
    code, out, err = run_answers(tmp_path, f"answers:\n  device:\n    screen_lock: {value}\n")
    assert_one_line_error(code, out, err, "a.yaml:3:")
    assert len(err) < 1000


def test_a_huge_broken_pack_prints_a_capped_list(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "guidance"
    pack.mkdir(parents=True)
    (pack / "big.yaml").write_text("items:\n" + "  - {id: X, bogus: 1}\n" * 60_000)
    result = runner.invoke(app, ["validate", str(tmp_path / "pack")])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert 2 <= len(lines) <= 21 and "more errors" in lines[-1], lines[-3:]
    assert all(line.startswith("error: ") for line in lines)


@pytest.mark.parametrize("args", [["check", "--bogus"], ["check", "--format", "zzz"], ["nope"], ["open"], ["check", "-l"],
                                  ["template", "--lang"], ["workshop", "summarize", "--top", "x", "."]])
def test_usage_errors_are_one_line_exit_2(args: list[str], tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "safetycheck", *args], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1, result.stderr
    assert "╭" not in result.stderr and "Usage" not in result.stderr


# -- L1: paths and pack names are shown, not obeyed ------------------------------------------------
@pytest.mark.parametrize("name", ["r\x1b]0;T\x07.txt", "r\x1b]52;c;aGk=\x07.txt", "r\u202etxt.exe", "a\nerror: forged.txt", "r\x9b2J.txt"])
def test_output_names_are_cleaned_where_echoed(tmp_path: Path, name: str) -> None:
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--output", str(tmp_path / name), "--format", "plain"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / name).exists()  # the file the person named, exactly
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\u202e" not in result.stderr and "\x9b" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("name", ["missing\nerror: forged", "m\x1b[2Jissing", "pack\x1b]0;T\x07"])
def test_missing_pack_and_answers_names_are_one_clean_line(tmp_path: Path, name: str) -> None:
    for args in (["check", "--answers", str(tmp_path / name)], ["check", "--answers", EXAMPLE, "--pack", str(tmp_path / name)],
                 ["open", str(tmp_path / name), "--passphrase-file", str(tmp_path / name)]):
        result = runner.invoke(app, args)
        assert_one_line_error(result.exit_code, result.stdout, result.stderr)


# -- L13: invisible characters and line separators ------------------------------------------------
@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u200b", "\u200e", "\u2066", "\u061c", "\ufeff", "\u00ad", "\x85", "\x0b",
                                  "\x0c", "\r", "\U000e0041", "\u180e", "\u3164"])
def test_clean_strips_invisible_and_separators(char: str) -> None:
    assert clean(f"a{char}b") == "ab"
    assert has_invisible(f"a{char}b")
    assert "\n" not in one_line(f"a{char}\nb")
    assert clean("Bakı — Москва, ok\n\tnext") == "Bakı — Москва, ok\n\tnext"


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\n", "\r", "\x85", "\x1c", "\x0b"])
def test_a_pack_title_cannot_hide_answers_in_the_blank_template(tmp_path: Path, sep: str) -> None:
    pack = tmp_path / "pack" / "questionnaires"
    pack.mkdir(parents=True)
    hidden = f"Title{sep}answers:{sep}  device:{sep}    screen_lock: none{sep}"
    (pack / "x.yaml").write_text(
        "id: x\ntitle: " + _quote(hidden) + "\ndescription: " + _quote(hidden) + "\nreviewed: 2026-01-01\norder: 99\nquestions:\n"
        "  - id: q\n    text: " + _quote(hidden) + "\n    why: " + _quote(hidden) + "\n    kind: situation\n    type: single\n    threats: [seizure]\n    options:\n"
        "      - {id: a, label: " + _quote(hidden) + ", risk: 3}\n      - {id: b, label: ok, risk: 0}\n      - {id: not_sure}\n",
        encoding="utf-8")
    result = runner.invoke(app, ["template", "--pack", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.stderr
    template = tmp_path / "t.yaml"
    template.write_text(result.stdout, encoding="utf-8")
    assert not any(c in result.stdout for c in "\u2028\u2029\x85\x1c\x0b\r")
    scored = runner.invoke(app, ["check", "--answers", str(template), "--pack", str(tmp_path / "pack"), "--format", "json"])
    assert scored.exit_code == 0, scored.stderr
    modules = json.loads(scored.stdout)["modules"]
    assert modules and all(m["answered"] == 0 for m in modules), modules  # the "blank" template holds no answer


def _quote(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
