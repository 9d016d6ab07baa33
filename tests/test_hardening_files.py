"""Hardening (issue 10): writing files (M3, L3-L6), save format and KDF bounds (M5, L14), passphrases
(L9-L11), --clear on every exit (L12), no core dumps (L8), and files written by the released version."""

from __future__ import annotations

import errno
import json
import os
import resource
import struct
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.cli.boundary import WIPE
from safetycheck.errors import SafetycheckError
from safetycheck.storage import output
from safetycheck.storage.vault import BUCKET, LEGACY_MAGIC, check_header, seal, unseal

from .conftest import EXAMPLES, FIXTURES
from .terminal import spawn

runner = CliRunner()
EXAMPLE = str(EXAMPLES / "peace-activist-baku.yaml")
RELEASED = FIXTURES / "released"
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def passfile(tmp_path: Path) -> Path:
    path = tmp_path / "pass.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


def one_line(result: object, *needles: str) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stderr)  # type: ignore[attr-defined]
    err = result.stderr  # type: ignore[attr-defined]
    assert err.split(": ")[0] in ("error", "xəta", "ошибка") and len(err.splitlines()) == 1 and "internal error" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)


# -- M3: the system refuses a write ---------------------------------------------------------------
@pytest.mark.parametrize(("code", "reason"), [(errno.EROFS, "the disk is read-only"), (errno.ENOSPC, "no space left on the disk"),
                                               (errno.EACCES, "permission denied"), (errno.EDQUOT, "no space left on the disk"),
                                               (errno.EIO, "the disk could not be read or written")])
@pytest.mark.parametrize("where", ["open", "write", "fsync", "link"])
def test_write_failures_name_the_path_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str, where: str) -> None:
    def fail(*_a: object, **_k: object) -> None:
        raise OSError(code, os.strerror(code))

    original_open = os.open
    if where == "open":
        monkeypatch.setattr(os, "open", lambda p, flags, *a, **k: fail() if flags & os.O_WRONLY else original_open(p, flags, *a, **k))
    else:
        monkeypatch.setattr(os, where, fail)
    target = tmp_path / "report.txt"
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--output", str(target), "--format", "plain"])
    one_line(result, f"{target}: cannot be written: {reason}")
    assert list(tmp_path.iterdir()) == []  # nothing half-written, nothing hidden left


def test_an_unreadable_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.lstat

    def lstat(self: Path) -> os.stat_result:
        if self.name == "r.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "lstat", lstat)
    for args in (["--output", str(tmp_path / "r.txt")], ["--save", str(tmp_path / "r.txt")], ["--anonymous-summary", str(tmp_path / "r.txt")]):
        result = runner.invoke(app, ["check", "--answers", EXAMPLE, *args])
        one_line(result, "r.txt: cannot be written: permission denied")


def test_a_real_read_only_place_is_one_line() -> None:
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--output", "/proc/safetycheck-report.txt"])
    one_line(result, "/proc/safetycheck-report.txt: cannot be written")


# -- L3: never replaced without --force -----------------------------------------------------------
def test_a_dangling_symlink_is_not_replaced(tmp_path: Path) -> None:
    link = tmp_path / "r.txt"
    link.symlink_to(tmp_path / "nowhere")
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--output", str(link)])
    one_line(result, "already exists")
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()
    forced = runner.invoke(app, ["check", "--answers", EXAMPLE, "--output", str(link), "--force", "--format", "plain"])
    assert forced.exit_code == 0 and not link.is_symlink() and not (tmp_path / "nowhere").exists()  # the link replaced, not followed


@pytest.mark.parametrize("path_kind", ["unnamed", "named", "no-hard-links"])
def test_a_file_created_between_check_and_write_is_not_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path_kind: str) -> None:
    target = tmp_path / "r.txt"
    real_check = output.check_target

    def racing_check(path: Path, force: bool) -> bool:
        exists = real_check(path, force)
        path.write_text("someone else's file")  # appears after the check, before the write
        return exists

    monkeypatch.setattr(output, "check_target", racing_check)
    if path_kind != "unnamed":
        monkeypatch.setattr(output, "_write_unnamed", lambda *a, **k: False)
    if path_kind == "no-hard-links":  # FAT/exFAT sticks: link() is not supported
        monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EPERM, "Operation not permitted")))
    with pytest.raises(SafetycheckError, match="already exists"):
        output.write_private(target, b"plaintext report")
    assert target.read_text() == "someone else's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


@pytest.mark.parametrize("path_kind", ["unnamed", "named", "no-hard-links"])
def test_every_write_path_writes_private_complete_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path_kind: str) -> None:
    if path_kind != "unnamed":
        monkeypatch.setattr(output, "_write_unnamed", lambda *a, **k: False)
    if path_kind == "no-hard-links":
        monkeypatch.setattr(os, "link", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EPERM, "Operation not permitted")))
    target = tmp_path / "r.txt"
    output.write_private(target, b"x" * 300_000)
    assert target.read_bytes() == b"x" * 300_000 and target.stat().st_mode & 0o777 == 0o600
    output.write_private(target, b"new", force=True)
    assert target.read_bytes() == b"new" and sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


# -- L4: only regular files are replaced ----------------------------------------------------------
@pytest.mark.parametrize("special", ["/dev/null", "fifo"])
def test_devices_and_pipes_are_never_replaced(tmp_path: Path, special: str) -> None:
    target = Path(special) if special.startswith("/") else tmp_path / special
    if special == "fifo":
        os.mkfifo(target)
    before = target.stat()
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--output", str(target), "--force"])
    one_line(result, "not a regular file")
    after = target.stat()
    assert (before.st_mode, before.st_ino, before.st_rdev) == (after.st_mode, after.st_ino, after.st_rdev)


# -- L5: nothing named while the plaintext is written ----------------------------------------------
def test_no_named_file_exists_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not getattr(os, "O_TMPFILE", 0):
        pytest.skip("no O_TMPFILE on this system (best effort there, said in the README)")
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def watching_fsync(fd: int) -> None:
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", watching_fsync)
    output.write_private(tmp_path / "r.txt", b"the whole plaintext report")
    assert seen and seen[0] == []  # while the data was written and synced, nothing had a name

    def killed(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt  # stands for kill -9 just before the file is named

    monkeypatch.setattr(os, "link", killed)
    with pytest.raises(KeyboardInterrupt):
        output.write_private(tmp_path / "s.txt", b"secret")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


# -- L6: the same path twice -----------------------------------------------------------------------
@pytest.mark.parametrize("spell", ["same", "dot", "link"])
def test_the_save_is_never_replaced_by_the_report(tmp_path: Path, passfile: Path, monkeypatch: pytest.MonkeyPatch, spell: str) -> None:
    monkeypatch.chdir(tmp_path)
    save = tmp_path / "me.sc"
    assert runner.invoke(app, ["check", "--answers", EXAMPLE, "--save", str(save), "--passphrase-file", str(passfile), "--format", "json"]).exit_code == 0
    before = save.read_bytes()
    other = {"same": str(save), "dot": "./me.sc", "link": str(tmp_path / "alias.sc")}[spell]
    if spell == "link":
        (tmp_path / "alias.sc").symlink_to(save)
    for args in (["check", "--answers", EXAMPLE, "--save", str(save), "--output", other, "--force", "--passphrase-file", str(passfile)],
                 ["open", str(save), "--output", other, "--force", "--passphrase-file", str(passfile)],
                 ["compare", str(save), str(save), "--output", other, "--force", "--passphrase-file", str(passfile)],
                 ["check", "--answers", EXAMPLE, "--anonymous-summary", str(save), "--output", other, "--force"]):
        one_line(runner.invoke(app, args), "named twice")
        assert save.read_bytes() == before


# -- M5: scrypt parameters bounded before the passphrase is asked ---------------------------------------
@pytest.mark.parametrize(("log2_n", "r", "p"), [(22, 32, 4), (22, 8, 1), (19, 8, 1), (13, 8, 1), (10, 8, 1), (17, 32, 1), (17, 9, 1),
                                                 (17, 7, 1), (17, 8, 2), (17, 8, 4), (17, 1, 1), (255, 255, 255), (0, 0, 0)])
@pytest.mark.parametrize("legacy", [False, True])
def test_kdf_parameters_far_from_ours_are_refused_before_the_passphrase(tmp_path: Path, log2_n: int, r: int, p: int, legacy: bool) -> None:
    header = (LEGACY_MAGIC + struct.pack(">BBBB", 1, log2_n, r, p)) if legacy else struct.pack(">BBBB", 2, log2_n, r, p)
    planted = tmp_path / "planted.sc"
    planted.write_bytes(header + os.urandom(16 + 12 + 64))
    result = runner.invoke(app, ["open", str(planted)])  # no terminal, no passphrase file: it must not get that far
    one_line(result, "planted.sc: asks for key settings")
    with pytest.raises(SafetycheckError, match="key settings"):
        check_header(planted.read_bytes(), "x")


@pytest.mark.parametrize("log2_n", [14, 15, 16, 17, 18])
def test_kdf_parameters_near_ours_are_accepted(log2_n: int) -> None:
    blob = seal(b"{}", PASSPHRASE, log2_n=14) if log2_n == 14 else None
    header = struct.pack(">BBBB", 2, log2_n, 8, 1) + bytes(28) + bytes(40)
    assert check_header(header, "x")[:3] == (log2_n, 8, 1)
    if blob is not None:
        assert unseal(blob, PASSPHRASE, "x") == b"{}"


# -- L14: no readable magic, padded, payload version checked ---------------------------------------
def test_saves_do_not_name_the_tool_nor_tell_how_much_was_answered(tmp_path: Path, passfile: Path) -> None:
    sizes = []
    for answers in (EXAMPLE, str(EXAMPLES / "protected-journalist.yaml")):
        save = tmp_path / f"{len(sizes)}.sc"
        result = runner.invoke(app, ["check", "--answers", answers, "--save", str(save), "--passphrase-file", str(passfile), "--format", "json"])
        assert result.exit_code == 0, result.stderr
        blob = save.read_bytes()
        assert b"SAFETYCHECK" not in blob.upper() and b"safetycheck" not in blob and blob[0] == 2
        sizes.append(len(blob))
    assert sizes[0] == sizes[1] and (sizes[0] - 4 - 16 - 12 - 16) % BUCKET == 0


@pytest.mark.parametrize(("payload", "message"), [
    ({"payload_version": 99}, "was saved by a newer safetycheck (data version 99)"),
    ({"payload_version": "1"}, "holds data this version"),
    ({"payload_version": 0}, "holds data this version"),
    ({"answers": {}}, "holds data this version"),
    ([1, 2], "holds data this version"),
])
def test_payload_version_is_checked(tmp_path: Path, passfile: Path, payload: object, message: str) -> None:
    save = tmp_path / "me.sc"
    save.write_bytes(seal(json.dumps(payload).encode(), PASSPHRASE, log2_n=14))
    one_line(runner.invoke(app, ["open", str(save), "--passphrase-file", str(passfile)]), f"{save}: {message}")


def test_wrong_passphrase_names_the_file(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n")
    result = runner.invoke(app, ["open", str(RELEASED / "peace-activist.sc"), "--passphrase-file", str(wrong)])
    one_line(result, "peace-activist.sc: wrong passphrase, or the file is damaged")


# -- Old files keep working ---------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["peace-activist.sc", "journalist.sc"])
def test_saves_written_by_the_released_version_still_open(passfile: Path, name: str) -> None:
    assert (RELEASED / name).read_bytes().startswith(LEGACY_MAGIC)  # really the released format
    result = runner.invoke(app, ["open", str(RELEASED / name), "--passphrase-file", str(passfile), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["modules"]


def test_released_saves_compare_with_new_ones(tmp_path: Path, passfile: Path) -> None:
    new = tmp_path / "new.sc"
    assert runner.invoke(app, ["check", "--answers", EXAMPLE, "--save", str(new), "--passphrase-file", str(passfile), "--format", "json"]).exit_code == 0
    result = runner.invoke(app, ["compare", str(RELEASED / "journalist.sc"), str(new), "--passphrase-file", str(passfile), "--format", "json"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in RELEASED.glob("*.yaml")))
def test_answers_files_written_for_the_released_version_still_score(name: str) -> None:
    result = runner.invoke(app, ["check", "--answers", str(RELEASED / name), "--format", "json"])
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 2:  # content moved on: one line that says what to change
        assert len(result.stderr.splitlines()) == 1 and name in result.stderr


# -- L9-L11: passphrases ---------------------------------------------------------------------------
WEAK = ["password", "12345678", " " * 8, "\t" * 8, "qwertyuiop", "11111111", "abcdefgh", "iloveyou", "password1", "Password123!",
        "parol123", "пароль123", "Пароль2024", "gfhjkm123", "йцукенгш", "azerbaycan", "Azərbaycan1", "baku2024", "qarabag1",
        "sevgim123", "Leyla1990", "natasha1", "01.01.1990", "1q2w3e4r5t", "qwerty123456", "ytrewq123"]


@pytest.mark.parametrize("weak", WEAK)
def test_weak_passphrases_are_refused_with_a_translated_reason(tmp_path: Path, weak: str) -> None:
    path = tmp_path / "p.txt"
    path.write_text(weak + "\n", encoding="utf-8")
    for lang, needle in (("en", "too easy to guess"), ("az", "təxmin etmək çox asandır"), ("ru", "слишком легко угадать")):
        result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--save", str(tmp_path / "me.sc"), "--passphrase-file", str(path), "--lang", lang])
        one_line(result, needle)
        assert "zxcvbn" not in result.stderr and "Add another word" not in result.stderr  # the tool's words, not the library's
    assert not (tmp_path / "me.sc").exists()


@pytest.mark.parametrize("strong", [PASSPHRASE, "vətən dəniz qırmızı kitab", "кошка трамвай лимон окно", "tr0ub4dor&3 plus",
                                    "seven purple elephants dance quietly near the old harbour while gulls argue about bread " * 2])
def test_strong_passphrases_pass(tmp_path: Path, strong: str) -> None:
    path = tmp_path / "p.txt"
    path.write_text(strong, encoding="utf-8")
    result = runner.invoke(app, ["check", "--answers", EXAMPLE, "--save", str(tmp_path / "me.sc"), "--passphrase-file", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr


def test_zxcvbn_is_not_imported_at_start_up_nor_to_open_a_save(passfile: Path) -> None:
    code = ("import sys, runpy\nsys.argv = ['safetycheck', 'open', {save!r}, '--passphrase-file', {pf!r}, '--format', 'json']\n"
            "try:\n    runpy.run_module('safetycheck', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('zxcvbn' in sys.modules, file=sys.stderr)").format(save=str(RELEASED / "journalist.sc"), pf=str(passfile))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stderr.strip().splitlines()[-1] == "False", result.stderr


def test_nfc_and_bom(tmp_path: Path) -> None:
    words = "vətən dəniz qırmızı kitab"
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", words), encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFC", words).encode() + b"\r\n")
    save = tmp_path / "me.sc"
    assert runner.invoke(app, ["check", "--answers", EXAMPLE, "--save", str(save), "--passphrase-file", str(nfd), "--format", "json"]).exit_code == 0
    result = runner.invoke(app, ["open", str(save), "--passphrase-file", str(bom), "--format", "json"])
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom", "big"])
def test_passphrase_files_are_bounded(tmp_path: Path, source: str) -> None:
    path = Path(source) if source.startswith("/") else tmp_path / "big.txt"
    if source == "big":
        path.write_text("x" * 10_000)
    result = runner.invoke(app, ["open", str(RELEASED / "journalist.sc"), "--passphrase-file", str(path)])
    one_line(result, "too large to hold a passphrase")


def test_a_passphrase_file_that_is_not_text_does_not_say_where(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(b"abc\xffdefghij")
    result = runner.invoke(app, ["open", str(RELEASED / "journalist.sc"), "--passphrase-file", str(path)])
    one_line(result, "could not be read as text")
    assert "byte" not in result.stderr and "3" not in result.stderr.split("p.txt")[-1]


@pytest.mark.parametrize("typed", [b"\xff\xfe secret", b"abc\xc3", b"\xed\xa0\x80abcdefgh"])
def test_invalid_utf8_typed_at_the_prompt(tmp_path: Path, typed: bytes) -> None:
    import pexpect

    env = {**os.environ, "SAFETYCHECK_LANG": "en", "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "safetycheck", "check", "--answers", EXAMPLE, "--save", str(tmp_path / "me.sc")],
                          env=env, timeout=30)  # bytes mode: what is typed is not valid UTF-8
    seen = b""
    for _ in range(10):  # answer every prompt with the same bytes: explained and asked again, then refused
        index = child.expect([b"Passphrase: ", b"Repeat the passphrase: ", pexpect.EOF])
        seen += child.before + (child.after if index < 2 else b"")
        if index == 2:
            break
        child.send(typed + b"\r")
    rest = seen.decode("utf-8", "replace")
    child.close()
    assert child.exitstatus == 2, rest
    assert rest.count("could not be read as text") == 3 and "byte" not in rest and "internal error" not in rest
    assert not (tmp_path / "me.sc").exists()


# -- L12: --clear on Ctrl-C and on error -------------------------------------------------------------


def test_clear_wipes_on_ctrl_c(tmp_path: Path) -> None:
    child = spawn("check", "--answers", EXAMPLE, "--save", str(tmp_path / "me.sc"), "--clear")
    child.expect("Passphrase")
    child.sendcontrol("c")
    rest = child.read()
    child.close()
    assert child.exitstatus == 130 and WIPE in rest and "Stopped" in rest.split(WIPE)[-1]


def test_clear_wipes_on_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  device:\n    screen_lock: sometimes\n")
    child = spawn("check", "--answers", str(bad), "--clear")
    rest = child.read()
    child.close()
    assert child.exitstatus == 2 and WIPE in rest and "error:" in rest.split(WIPE)[-1]  # wiped first, the error stays readable


def test_no_wipe_without_clear(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers: [\n")
    child = spawn("check", "--answers", str(bad))
    rest = child.read()
    child.close()
    assert child.exitstatus == 2 and WIPE not in rest


# -- L8: no core dumps -------------------------------------------------------------------------------
def test_core_dumps_are_off_once_safetycheck_is_imported() -> None:
    code = "import resource, safetycheck; print(resource.getrlimit(resource.RLIMIT_CORE)[0])"
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    if hard == 0:
        pytest.skip("core dumps are already off for this test run")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (hard, hard)))
    assert result.stdout.strip() == "0", result.stderr


def test_a_weak_passphrase_typed_at_the_terminal_is_asked_again(tmp_path: Path) -> None:
    """The answers are not lost: the reason is shown and the passphrase asked again."""
    target = tmp_path / "me.sc"
    child = spawn("check", "--answers", EXAMPLE, "--save", str(target), "--format", "json")
    for typed in ("password", "password"):
        child.expect("Passphrase")
        child.sendline(typed)
        child.expect("Repeat")
        child.sendline(typed)
        child.expect("too easy to guess")
    child.expect("Passphrase")
    child.sendline(PASSPHRASE)
    child.expect("Repeat")
    child.sendline(PASSPHRASE)
    child.expect("Saved, encrypted")
    child.read()
    child.close()
    assert child.exitstatus == 0 and target.exists()
