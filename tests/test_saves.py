"""Encrypted saves: round trip, every failure as one line with exit 2, files never harmed."""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.storage.vault import BUCKET, FORMAT_VERSION, LEGACY_MAGIC, seal, unseal

from .conftest import EXAMPLES
from .terminal import interrupt_and_expect_stop, spawn

runner = CliRunner()
EXAMPLE = str(EXAMPLES / "peace-activist-baku.yaml")
BETTER = str(EXAMPLES / "protected-journalist.yaml")


@pytest.fixture
def passphrase(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text("correct horse battery staple\n")
    return path


def save(answers: str, target: Path, passphrase: Path, *extra: str) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "--answers", answers, "--save", str(target), "--passphrase-file", str(passphrase),
                                 "--format", "json", *extra])
    return result.exit_code, result.stderr


def open_save(target: Path, passphrase: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["open", str(target), "--passphrase-file", str(passphrase), *extra])
    return result.exit_code, result.stdout, result.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_vault_round_trip_and_header_is_authenticated() -> None:
    blob = seal(b"secret answers", "a long passphrase", log2_n=15)
    assert LEGACY_MAGIC not in blob and b"SAFETYCHECK" not in blob and b"secret answers" not in blob
    assert unseal(blob, "a long passphrase", "x") == b"secret answers"
    weakened = bytearray(blob)
    weakened[1] = 14  # lower the scrypt cost in the header (still within the accepted range)
    with pytest.raises(Exception, match="x: wrong passphrase, or the file is damaged"):
        unseal(bytes(weakened), "a long passphrase", "x")


def test_save_then_open_shows_the_same_results(tmp_path: Path, passphrase: Path) -> None:
    target = tmp_path / "me.sc"
    code, err = save(EXAMPLE, target, passphrase)
    assert code == 0, err
    assert target.stat().st_mode & 0o777 == 0o600
    assert b"screen_lock" not in target.read_bytes()  # encrypted, not just encoded
    direct = json.loads(runner.invoke(app, ["check", "--answers", EXAMPLE, "--format", "json"]).stdout)
    code, out, err = open_save(target, passphrase, "--format", "json")
    assert code == 0, err
    reopened = json.loads(out)
    assert [(m["id"], m["score"]) for m in reopened["modules"]] == [(m["id"], m["score"]) for m in direct["modules"]]
    assert reopened["content_version"] == direct["content_version"]


def test_existing_save_is_not_overwritten_without_force(tmp_path: Path, passphrase: Path) -> None:
    target = tmp_path / "me.sc"
    assert save(EXAMPLE, target, passphrase)[0] == 0
    before = digest(target)
    code, err = save(BETTER, target, passphrase)
    assert code == 2 and "already exists" in err and "--force" in err
    assert digest(target) == before
    assert save(BETTER, target, passphrase, "--force")[0] == 0
    assert digest(target) != before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.sc", "pass.txt"]  # no temporary files left


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[:40], "truncated"),
        (lambda b: b[:-1] + bytes([b[-1] ^ 1]), "me.sc: wrong passphrase, or the file is damaged"),
        (lambda b: b"hello, I am a text file\n" * 3, "not a safetycheck save"),
        (lambda b: bytes([9]) + b[1:], "newer safetycheck"),
        (lambda b: b"", "not a safetycheck save"),
    ],
    ids=["truncated", "tampered", "foreign", "newer-version", "empty"],
)
def test_broken_saves_are_one_line_exit_2_and_untouched(tmp_path: Path, passphrase: Path, damage: object, message: str) -> None:
    target = tmp_path / "me.sc"
    assert save(EXAMPLE, target, passphrase)[0] == 0
    target.write_bytes(damage(target.read_bytes()))  # type: ignore[operator]
    before = digest(target)
    code, out, err = open_save(target, passphrase)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    assert digest(target) == before


def test_wrong_passphrase(tmp_path: Path, passphrase: Path) -> None:
    target = tmp_path / "me.sc"
    assert save(EXAMPLE, target, passphrase)[0] == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    code, _, err = open_save(target, wrong)
    assert code == 2 and "wrong passphrase" in err


def test_short_passphrase_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("1234\n")
    code, err = save(EXAMPLE, tmp_path / "me.sc", short)
    assert code == 2 and "at least 8 characters" in err
    assert not (tmp_path / "me.sc").exists()


def test_save_opens_after_content_changes(tmp_path: Path, passphrase: Path) -> None:
    from safetycheck.content.catalog import load_content
    from safetycheck.storage import saves

    content = load_content()
    import datetime as dt

    payload = json.loads(saves.to_bytes({"device.screen_lock": ("none",), "device.retired_question": ("x",),
                                         "device.phone_os": ("gone_option",)}, ("device",), "en", content, dt.date(2025, 1, 2)))
    target = tmp_path / "old.sc"
    target.write_bytes(seal(json.dumps(payload).encode(), "correct horse battery staple", log2_n=14))
    code, out, err = open_save(target, passphrase, "--format", "json")
    assert code == 0, err
    assert "device.retired_question" in err and "device.phone_os" in err
    assert json.loads(out)["date"] == "2025-01-02"


def test_compare_shows_progress(tmp_path: Path, passphrase: Path) -> None:
    old, new = tmp_path / "old.sc", tmp_path / "new.sc"
    assert save(EXAMPLE, old, passphrase)[0] == 0
    assert save(BETTER, new, passphrase)[0] == 0
    result = runner.invoke(app, ["compare", str(old), str(new), "--passphrase-file", str(passphrase), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    device = next(m for m in data["modules"] if m["id"] == "device")
    assert device["change"] < 0 and device["old"] > device["new"]
    assert data["done"]
    plain = runner.invoke(app, ["compare", str(old), str(new), "--passphrase-file", str(passphrase), "--format", "plain"])
    assert "Done since last time" in plain.stdout and "→" in plain.stdout


def test_no_terminal_and_no_passphrase_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--save", str(tmp_path / "x.sc")])
    assert result.exit_code == 2 and "--passphrase-file" in result.stderr
    assert not (tmp_path / "x.sc").exists()


def test_passphrase_is_asked_twice_hidden(tmp_path: Path) -> None:
    target = tmp_path / "me.sc"
    child = spawn("check", "--answers", EXAMPLE, "--save", str(target), "--format", "json")
    child.expect("Passphrase")
    child.sendline("my secret passphrase")
    child.expect("Repeat")
    child.sendline("my secret passphrase")
    rest = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "my secret passphrase" not in rest  # hidden input is not echoed
    assert target.exists()


def test_ctrl_c_at_the_passphrase_prompt(tmp_path: Path) -> None:
    target = tmp_path / "me.sc"
    child = spawn("check", "--answers", EXAMPLE, "--save", str(target))
    child.expect("Passphrase: ")  # the whole prompt: hidden input is set up once it is drawn
    interrupt_and_expect_stop(child)
    assert list(tmp_path.iterdir()) == []


def test_clear_waits_for_enter_then_wipes_screen_and_scrollback() -> None:
    child = spawn("check", "--answers", EXAMPLE, "--clear")
    child.expect("Start here")
    child.expect("Press Enter to wipe the screen")
    assert "\x1b[3J" not in (child.before or "")  # the result stays until the person says they are done
    child.sendline("")
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    assert output.rstrip().endswith("\x1b[H\x1b[2J\x1b[3J")


def test_header_layout_is_stable() -> None:
    blob = seal(b"x", "a long passphrase", log2_n=14)
    version, log2_n, r, p = struct.unpack_from(">BBBB", blob)
    assert (version, log2_n, r, p) == (FORMAT_VERSION, 14, 8, 1) == (2, 14, 8, 1)
    assert len(blob) == 4 + 16 + 12 + BUCKET + 16  # padded: the size says nothing about the answers
