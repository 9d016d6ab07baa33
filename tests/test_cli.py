"""Commands as a person meets them, through Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli import boundary
from safetycheck.cli.app import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "answers:\n  context:\n    targeted_by: [state_security]\n  device:\n    phone_os: android\n    screen_lock: none\n"
    )
    return path


def test_help_lists_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for command in ("check", "template", "list", "guide", "validate", "schema", "about"):
        assert command in out


def test_no_command_without_terminal_prints_help(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boundary, "stdin_is_tty", lambda: False)
    code, out, _ = run()
    assert code == 0 and "Usage" in out


def test_check_without_terminal_or_answers_says_use_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("safetycheck.cli.check.stdin_is_tty", lambda: False)
    code, _, err = run("check")
    assert code == 2
    assert "use --answers FILE" in err
    assert len(err.strip().splitlines()) == 1


def test_check_with_answers_prints_a_tailored_plan(answers_file: Path) -> None:
    code, out, err = run("check", "--answers", str(answers_file), "--format", "plain")
    assert code == 0, err
    assert "Your plan" in out
    assert "Do today" in out
    assert "Android" in out and "iPhone (iOS)" not in out  # steps only for the person's platform
    assert "Not answered" in out
    assert "Where to get help" in out


def test_check_json_has_stable_keys(answers_file: Path) -> None:
    code, out, _ = run("check", "--answers", str(answers_file), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) >= {"format_version", "content_version", "lang", "modules", "plan", "unanswered", "threat_profile", "help"}
    device = next(m for m in data["modules"] if m["id"] == "device")
    assert device["band"] in {"low", "moderate", "high", "critical"}
    assert set(data["plan"]) == {"today", "week", "later"}
    assert all("id" in item and "title" in item for bucket in data["plan"].values() for item in bucket)


def test_explain_shows_each_answers_contribution(answers_file: Path) -> None:
    code, out, _ = run("check", "--answers", str(answers_file), "--format", "plain", "--explain")
    assert code == 0
    assert "Why this score" in out
    assert "Could drop by" in out


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "html", "json"])
def test_every_format_renders(answers_file: Path, fmt: str) -> None:
    code, out, _ = run("check", "--answers", str(answers_file), "--format", fmt)
    assert code == 0 and len(out) > 500


def test_output_file_is_private_and_warns(answers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    code, out, err = run("check", "--answers", str(answers_file), "--format", "markdown", "--output", str(target))
    assert code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.read_text().startswith("# Your safety check")
    assert "not encrypted" in err
    code, _, err = run("check", "--answers", str(answers_file), "--output", str(target))
    assert code == 2 and "already exists" in err  # never overwritten by surprise


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("answers:\n  gardening:\n    soil: wet\n", ":2: unknown module 'gardening'"),
        ("answers:\n  device:\n    favourite_colour: red\n", ":3: unknown question 'favourite_colour'"),
        ("answers:\n  device:\n    screen_lock: sometimes\n", ":3: unknown option 'sometimes' for question 'device.screen_lock'"),
        ("answers: [1, 2\n", "not valid YAML"),
        ("hello: there\n", "expected a mapping with an 'answers:' key"),
        ("", "is empty"),
    ],
)
def test_bad_answers_are_one_line_with_file_and_exit_2(tmp_path: Path, body: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body)
    code, out, err = run("check", "--answers", str(path))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0] and problem in lines[0]
    assert "Traceback" not in err


def test_missing_answers_file(tmp_path: Path) -> None:
    code, _, err = run("check", "--answers", str(tmp_path / "nope.yaml"))
    assert code == 2 and "cannot be read" in err


def test_yes_no_in_answers_mean_what_was_typed(tmp_path: Path) -> None:
    from safetycheck.content.answers import read_answers
    from safetycheck.content.catalog import load_content

    content = load_content()
    yesno = next(q for m in content.modules for q in m.questions if q.type == "yesno")
    path = tmp_path / "a.yaml"
    path.write_text(f"answers:\n  {yesno.module}:\n    {yesno.id}: no\n")
    answers, _ = read_answers(path, content)
    assert answers[yesno.qid] == ("no",)


def test_blank_template_is_a_valid_answers_file(tmp_path: Path) -> None:
    code, out, _ = run("template")
    assert code == 0
    assert out.count("#") > 100
    path = tmp_path / "blank.yaml"
    path.write_text(out)
    code, report, err = run("check", "--answers", str(path), "--format", "json")
    assert code == 0, err
    data = json.loads(report)
    assert all(m["score"] is None for m in data["modules"])
    assert data["unanswered"]


def test_filled_template_scores(tmp_path: Path) -> None:
    code, out, _ = run("template", "device")
    assert code == 0
    filled = out.replace("    screen_lock:", "    screen_lock: none")
    path = tmp_path / "filled.yaml"
    path.write_text(filled)
    code, report, _ = run("check", "--answers", str(path), "--format", "json")
    device = next(m for m in json.loads(report)["modules"] if m["id"] == "device")
    assert code == 0 and device["score"] is not None and device["score"] > 50


def test_list_json_shape() -> None:
    code, out, _ = run("list", "--format", "json")
    assert code == 0
    modules = json.loads(out)["modules"]
    assert [m["id"] for m in modules][:1] == ["context"]
    for m in modules:
        assert {"id", "title", "questions", "coverage", "reviewed", "question_list"} <= set(m)
        assert set(m["coverage"]) == {"en", "az", "ru"} and m["coverage"]["en"] == 1.0


def test_guide_json_lists_items_with_resources() -> None:
    code, out, _ = run("guide", "--format", "json")
    assert code == 0
    items = json.loads(out)["items"]
    assert items and all(i["resources"] and i["resources"][0]["url"].startswith("https://") and i["reviewed"] for i in items)


def test_guide_one_item_and_module_handouts() -> None:
    code, out, _ = run("guide", "dev-screen-lock", "--format", "plain")
    assert code == 0 and "dev-screen-lock" not in out.splitlines()[0] and "Steps" in out
    code, out, _ = run("guide", "--module", "device", "--format", "markdown")
    assert code == 0 and out.startswith("# Guidance")
    code, _, err = run("guide", "no-such-item")
    assert code == 2 and "unknown guidance item 'no-such-item'" in err


def test_validate_bundled_content_passes() -> None:
    code, out, _ = run("validate")
    assert code == 0 and "Content is valid" in out


def test_validate_reports_broken_pack_with_file_line(tmp_path: Path) -> None:
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "mine.yaml").write_text("id: mine\ntitle: Mine\ndescription: d\nreviewed: 2026-01-01\norder: 90\nquestions:\n  - id: q\n    text: Q?\n")
    code, _, err = run("validate", str(tmp_path))
    assert code == 2
    assert f"{tmp_path}/questionnaires/mine.yaml:7: question is missing 'why'" in err


def test_schema_is_json_schema() -> None:
    for kind in ("module", "guidance", "answers"):
        code, out, _ = run("schema", kind)
        data = json.loads(out)
        assert code == 0 and data["$schema"].startswith("https://json-schema.org/")
    assert "questions" in json.loads(run("schema", "module")[1])["properties"]


def test_about_states_the_promise() -> None:
    code, out, _ = run("about")
    assert code == 0 and "No network" in out and "scrollback" in out


def test_unknown_language_lists_available(answers_file: Path) -> None:
    code, _, err = run("check", "--answers", str(answers_file), "--lang", "fr")
    assert code == 2 and "available: en, az, ru" in err


def test_unknown_module_is_usage_error(answers_file: Path) -> None:
    code, _, err = run("check", "gardening", "--answers", str(answers_file))
    assert code == 2 and "unknown module 'gardening'" in err
