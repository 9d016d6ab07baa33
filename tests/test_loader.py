"""Safe YAML reading: line numbers, YAML 1.1 booleans off, aliases and huge files refused."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from safetycheck.content.loader import parse_yaml, read_yaml
from safetycheck.errors import SafetycheckError


def test_yes_no_on_off_stay_words() -> None:
    data = parse_yaml("a: yes\nb: no\nc: on\nd: off\ne: true\nf: n\n", "t.yaml")
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": True, "f": "n"}


def test_mappings_remember_lines() -> None:
    data = parse_yaml("first: 1\nsecond:\n  inner: 2\n", "t.yaml")
    assert data.line == 1
    assert data.line_of("second") == 2
    assert data["second"].line == 3


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a: [1,\n", 2, "not valid YAML"),
        ("a: &x [1]\nb: *x\n", 1, "anchors and aliases"),
    ],
)
def test_yaml_problems_are_one_line_with_file_and_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(SafetycheckError) as info:
        parse_yaml(text, "pack/q.yaml")
    message = str(info.value)
    assert message.startswith(f"pack/q.yaml:{line}: ")
    assert problem in message
    assert "\n" not in message


def test_alias_bomb_is_refused_quickly() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    )
    start = time.perf_counter()
    with pytest.raises(SafetycheckError, match="anchors and aliases"):
        parse_yaml(bomb, "bomb.yaml")
    assert time.perf_counter() - start < 1.0


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("a: " + "x" * 2048 + "\n")
    with pytest.raises(SafetycheckError, match="larger than 1 KiB"):
        read_yaml(big, "big.yaml", max_bytes=1024)


def test_binary_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bin.yaml"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(SafetycheckError, match="not UTF-8"):
        read_yaml(path, "bin.yaml")
