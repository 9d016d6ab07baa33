"""`validate --lang`: a content author reads every problem in their own language; YAML keys, ids
and paths stay as written (they are what the author types)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.i18n.messages import set_language

MINI = Path(__file__).parent / "fixtures" / "mini"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _english_after() -> object:
    yield
    set_language("en")


def _pack(tmp_path: Path) -> Path:
    """The mini fixture's device module and items as a pack of their own ids, valid."""
    pack = tmp_path / "pack"
    (pack / "questionnaires").mkdir(parents=True)
    (pack / "guidance").mkdir()
    module = (MINI / "questionnaires" / "device.yaml").read_text().replace("device", "extra").replace("dev-", "xtr-")
    (pack / "questionnaires" / "extra.yaml").write_text(module.replace("order: 10", "order: 90"))
    items = (MINI / "guidance" / "items.yaml").read_text().replace("device.", "extra.").replace("dev-", "xtr-")
    (pack / "guidance" / "extra.yaml").write_text(items)
    return pack


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    pack = _pack(tmp_path)
    module, items = pack / "questionnaires" / "extra.yaml", pack / "guidance" / "extra.yaml"
    _break(module, "    kind: situation\n", "")  # missing kind
    _break(module, "    why: Steps differ by phone.\n", "    why: Steps differ by phone.\n    colour: blue\n")  # unknown key
    _break(module, "reviewed: 2026-11-01", "reviewed: 01.11.2026")  # bad date
    _break(module, "guidance: [xtr-lock]}", "guidance: [xtr-nowhere]}")  # unknown guidance id
    _break(items, "https://ssd.eff.org/module/attending-protest", "http://ssd.eff.org/x")  # bad URL
    return pack


def _validate(pack: Path, lang: str) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["validate", str(pack), "--lang", lang], env={"NO_COLOR": "1", "SAFETYCHECK_LANG": ""})
    return result.exit_code, [line for line in result.stderr.splitlines() if line.strip()]


def test_the_unbroken_pack_is_valid(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_pack(tmp_path)), "--lang", "ru"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Содержимое в порядке: ")
    assert "разделов" in result.stdout or "раздела" in result.stdout


def test_english_stays_as_it_was(broken: Path) -> None:
    code, lines = _validate(broken, "en")
    text = "\n".join(lines)
    assert code == 2
    assert "question 'phone_os' has no 'kind' (practice or situation)" in text
    assert "unknown key 'colour' in question (allowed:" in text
    assert "'reviewed' of module 'extra' must be a date written YYYY-MM-DD, not '01.11.2026'" in text
    assert "refers to unknown guidance 'xtr-nowhere'" in text
    assert "must be an https:// address, not 'http://ssd.eff.org/x'" in text


ENGLISH_WORDS = re.compile(r"\b(must|unknown|missing|question|option|module|guidance|refers|has|needs|not|of|the|error)\b")


def _without_literals(line: str, pack: Path) -> str:
    """The line without what the author wrote: the path, quoted keys, ids and values, and
    lists of allowed keys."""
    line = line.replace(str(pack), "")
    line = re.sub(r"\S+\.yaml(:\d+)?", "", line)
    line = re.sub(r"'[^']*'", "", line)
    return re.sub(r"[a-z_]+(, [a-z_]+)+", "", line)


@pytest.mark.parametrize(("lang", "phrases"), [
    ("ru", ["ошибка", "нет 'kind' (practice или situation)", "неизвестный ключ 'colour'", "должен быть датой",
            "ссылка на неизвестную рекомендацию 'xtr-nowhere'", "должен быть адресом https://"]),
    ("az", ["'kind' yoxdur (practice və ya situation)", "naməlum açar 'colour'", "tarix olmalıdır",
            "naməlum tövsiyəyə istinad: 'xtr-nowhere'", "https:// ünvanı olmalıdır"]),
])
def test_every_error_line_is_in_the_language(broken: Path, lang: str, phrases: list[str]) -> None:
    code, lines = _validate(broken, lang)
    assert code == 2
    text = "\n".join(lines)
    for phrase in phrases:
        assert phrase in text, (phrase, text)
    assert len(lines) >= 5
    for line in lines:
        assert not ENGLISH_WORDS.search(_without_literals(line, broken)), line
        for word in (" must ", " unknown ", " missing ", " is ", " of "):
            assert word not in _without_literals(line, broken), (word, line)


def test_warnings_are_counted_in_the_language(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(_pack(tmp_path)), "--lang", "ru"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "предупреждение: " in result.stderr
    assert re.search(r"у \d+ текст(а|ов) нет перевода \(--all-warnings покажет их\)", result.stderr), result.stderr
    listed = runner.invoke(app, ["validate", str(tmp_path / "pack"), "--lang", "az", "--all-warnings"], env={"NO_COLOR": "1"})
    assert "tərcüməsi yoxdur" in listed.stderr and "translation" not in listed.stderr
