"""Content validation: every error is one line naming file:line and the problem."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safetycheck.content.catalog import load_content
from safetycheck.errors import ContentErrors


def _break(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def _errors(root: Path, packs: list[Path] | None = None) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(packs or [], bundled=root)
    return [str(e) for e in info.value.errors]


def _line_of(root: Path, relative: str, needle: str) -> int:
    for number, line in enumerate((root / relative).read_text().splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_fixture_is_valid(mini_copy: Path) -> None:
    content = load_content(bundled=mini_copy)
    assert [m.id for m in content.modules] == ["context", "device"]


@pytest.mark.parametrize(
    ("old", "new", "needle", "problem"),
    [
        ("    type: single\n    threats: [seizure]\n    options:\n      - {id: none", "    type: single\n    colour: red\n    threats: [seizure]\n    options:\n      - {id: none",
         "colour: red", "unknown key 'colour' in question"),
        ("{id: pin4, label: 4-digit PIN, risk: 6, guidance: [dev-lock]}", "{id: pin4, label: 4-digit PIN, guidance: [dev-lock]}",
         "{id: pin4", "option 'pin4' of question 'screen_lock' has no 'risk'"),
        ("{id: passphrase, label: Long passphrase, risk: 0}", "{id: passphrase, label: Long passphrase, risk: 0, guidance: [dev-nope]}",
         "dev-nope", "refers to unknown guidance 'dev-nope'"),
        ("      - {id: not_sure, guidance: [dev-lock]}\n", "",
         "id: screen_lock", "question 'screen_lock' has no 'not_sure' option"),
        ("when: {question: phone_os, in: [android]}", "when: {question: phone_os, in: [blackberry]}",
         "blackberry", "unknown option 'blackberry' of 'device.phone_os'"),
        ("when: {question: phone_os, in: [android]}", "when: {question: returned, in: [\"yes\"]}",
         "question: returned", "refers to 'device.returned', which is not asked before it"),
        ("when: {question: phone_os, in: [android]}", "when: {question: context.hobbies, in: [x]}",
         "context.hobbies", "refers to unknown question 'context.hobbies'"),
        ("- {id: android, label: Android, risk: 0, platforms: [android]}", "- {id: android, label: Android, risk: 0, platforms: [android]}\n      - {id: android, label: Again, risk: 0}",
         "label: Again", "duplicate option id 'android'"),
        ("threats: [seizure]\n    options:\n      - {id: none", "threats: [burglary]\n    options:\n      - {id: none",
         "burglary", "unknown threat 'burglary'"),
        ("reviewed: 2026-11-01\norder: 10", "reviewed: last week\norder: 10", "last week", "must be a date"),
    ],
)
def test_device_errors_name_file_line_and_problem(mini_copy: Path, old: str, new: str, needle: str, problem: str) -> None:
    _break(mini_copy, "questionnaires/device.yaml", old, new)
    errors = _errors(mini_copy)
    matching = [e for e in errors if problem in e]
    assert matching, errors
    match = re.match(r"^questionnaires/device\.yaml:(\d+): ", matching[0])
    assert match, matching[0]
    line = int(match.group(1))
    needle_line = _line_of(mini_copy, "questionnaires/device.yaml", needle.splitlines()[0])
    # The error points at the offending entry or its enclosing question (within a few lines).
    assert 0 <= needle_line - line <= 8, (line, needle_line, matching[0])


def test_unparsable_file_names_its_line(mini_copy: Path) -> None:
    (mini_copy / "guidance" / "items.yaml").write_text("items:\n  - id: x\n    title: [unclosed\n")
    errors = _errors(mini_copy)
    assert any(e.startswith("guidance/items.yaml:") and "not valid YAML" in e for e in errors), errors


def test_every_error_is_reported_not_just_the_first(mini_copy: Path) -> None:
    _break(mini_copy, "questionnaires/device.yaml", "risk: 10, guidance: [dev-lock]", "risk: 10, guidance: [dev-a]")
    _break(mini_copy, "questionnaires/device.yaml", "risk: 8, guidance: [dev-updates]", "risk: 8, guidance: [dev-b]")
    errors = _errors(mini_copy)
    assert any("dev-a" in e for e in errors) and any("dev-b" in e for e in errors)


def test_pack_cannot_replace_bundled_ids(mini_copy: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "guidance").mkdir(parents=True)
    (pack / "guidance" / "mine.yaml").write_text(
        "items:\n  - id: dev-lock\n    title: Mine\n    why: x\n    effort: minutes\n    steps: {general: [x]}\n"
        "    resources: [{title: t, url: 'https://example.org/x', source: Me}]\n    reviewed: 2026-01-01\n"
    )
    errors = _errors(mini_copy, [pack])
    assert any(e.startswith(f"{pack}/guidance/mine.yaml:2: guidance id 'dev-lock' is already used") for e in errors), errors


def test_pack_module_with_same_id_is_an_error(mini_copy: Path, tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "questionnaires").mkdir(parents=True)
    (pack / "questionnaires" / "device.yaml").write_text((mini_copy / "questionnaires" / "device.yaml").read_text())
    errors = _errors(mini_copy, [pack])
    assert any("module id 'device' is already used" in e for e in errors), errors


def test_http_resource_is_rejected(mini_copy: Path) -> None:
    _break(mini_copy, "guidance/items.yaml", "https://ssd.eff.org/module/attending-protest", "http://ssd.eff.org/x")
    assert any("must be an https:// address" in e for e in _errors(mini_copy))


def test_missing_translations_are_warnings_not_errors(mini: object) -> None:
    assert any("has no 'az' translation" in w for w in mini.warnings)  # type: ignore[attr-defined]
