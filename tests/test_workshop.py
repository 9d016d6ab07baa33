"""Workshops: anonymous summaries, the group view, worksheets, handouts and the pocket card."""

from __future__ import annotations

import getpass
import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.engine.workshop import aggregate

from .conftest import EXAMPLES

runner = CliRunner()
PERSONAS = sorted(EXAMPLES.glob("*.yaml"))


def make_summaries(folder: Path, personas: list[Path] = PERSONAS) -> list[Path]:
    folder.mkdir(exist_ok=True)
    out = []
    for n, persona in enumerate(personas):
        target = folder / f"p{n}.json"
        result = runner.invoke(app, ["check", "--answers", str(persona), "--format", "json", "--anonymous-summary", str(target)])
        assert result.exit_code == 0, result.stderr
        out.append(target)
    return out


def test_anonymous_summary_holds_no_answers_or_identifying_data(tmp_path: Path) -> None:
    from safetycheck.content.catalog import load_content

    content = load_content()
    target = make_summaries(tmp_path / "s", [EXAMPLES / "exile-parents-visited.yaml"])[0]
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text()
    data = json.loads(text)
    assert set(data) == {"kind", "format_version", "content_version", "lang", "date", "modules", "guidance"}
    assert len(data["date"]) == 10  # a day, no time of day
    for module in data["modules"].values():
        assert set(module) == {"score", "band"}
    assert all(g in content.guidance for g in data["guidance"])
    question_ids = {q.id for m in content.modules for q in m.questions}
    option_ids = {o.id for m in content.modules for q in m.questions for o in q.options} - {"none"}
    words = set(text.replace('"', " ").replace(",", " ").replace(":", " ").split())
    assert not words & question_ids, words & question_ids
    assert not words & (option_ids - set(data["modules"]) - {"high", "low", "moderate", "critical"})
    for private in (getpass.getuser(), socket.gethostname(), str(tmp_path), "Samir", "Ganja"):
        assert private not in text


def test_group_view_counts(tmp_path: Path) -> None:
    files = make_summaries(tmp_path / "s")
    view = aggregate(files, ["context", "device", "accounts", "comms", "travel", "family", "online"])
    assert view.participants == len(PERSONAS)
    device = next(m for m in view.modules if m.id == "device")
    assert sum(device.counts.values()) == len(PERSONAS)  # every persona answered device
    travel = next(m for m in view.modules if m.id == "travel")
    assert sum(travel.counts.values()) == 1 and travel.counts["critical"] == 1
    counts = dict(view.top_guidance)
    individually = [set(json.loads(f.read_text())["guidance"]) for f in files]
    for gid, count in counts.items():
        assert count == sum(gid in g for g in individually)
    assert list(counts.values()) == sorted(counts.values(), reverse=True)


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "html", "json"])
def test_summarize_every_format(tmp_path: Path, fmt: str) -> None:
    make_summaries(tmp_path / "s")
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "s"), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert str(len(PERSONAS)) in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["participants"] == len(PERSONAS) and data["top_guidance"][0]["count"] >= 1


def test_bad_and_foreign_files_are_named_and_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    make_summaries(folder, PERSONAS[:5])
    (folder / "notes.json").write_text("{not json")
    (folder / "other.json").write_text('{"kind": "something-else"}')
    (folder / "newer.json").write_text('{"kind": "safetycheck-anonymous-summary", "format_version": 99, "modules": {}, "guidance": []}')
    (folder / "bad-score.json").write_text('{"kind": "safetycheck-anonymous-summary", "format_version": 1, "modules": {"device": {"score": 900, "band": "low"}}, "guidance": []}')
    result = runner.invoke(app, ["workshop", "summarize", str(folder), str(tmp_path / "missing.json"), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["participants"] == 5
    for name in ("notes.json", "other.json", "newer.json", "bad-score.json", "missing.json"):
        assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_few_participants_warning(tmp_path: Path) -> None:
    make_summaries(tmp_path / "s", PERSONAS[:3])
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "s"), "--format", "plain"])
    assert result.exit_code == 0 and "fewer than 5" in result.stdout
    make_summaries(tmp_path / "t", PERSONAS[:5])
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "t"), "--format", "plain"])
    assert "fewer than 5" not in result.stdout


def test_summarize_with_nothing_to_read(tmp_path: Path) -> None:
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path)])
    assert result.exit_code == 2 and "no summary files" in result.stderr


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_worksheet(fmt: str) -> None:
    result = runner.invoke(app, ["worksheet", "context", "device", "--format", fmt])
    assert result.exit_code == 0
    out = result.stdout
    assert "Scoring key" in out and "Only if" in out
    assert ("- [ ] " in out) if fmt == "markdown" else ("☐" in out and out.startswith("<!DOCTYPE html>"))
    assert "Not sure" in out


def test_worksheet_with_a_trainers_pack(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "questionnaires"
    pack.mkdir(parents=True)
    pack.joinpath("local.yaml").write_text(
        "id: local\ntitle: Our city\ndescription: Local risks.\nreviewed: 2026-11-01\norder: 90\nquestions:\n"
        "  - id: meeting_place\n    text: Do you meet in the same cafe every week?\n    why: Routines make you easy to find.\n"
        "    type: yesno\n    threats: [seizure]\n    options:\n      - {id: 'yes', risk: 6}\n      - {id: 'no', risk: 0}\n      - {id: not_sure}\n")
    result = runner.invoke(app, ["worksheet", "local", "--pack", str(tmp_path / "pack")])
    assert result.exit_code == 0 and "same cafe" in result.stdout
    answers = tmp_path / "a.yaml"
    answers.write_text("answers:\n  local:\n    meeting_place: yes\n")
    result = runner.invoke(app, ["check", "--pack", str(tmp_path / "pack"), "--answers", str(answers), "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["modules"][0]["band"] == "critical"


@pytest.mark.parametrize("fmt", ["card", "card-html"])
def test_pocket_card_holds_no_scores_or_answers(fmt: str) -> None:
    result = runner.invoke(app, ["check", "--answers", str(EXAMPLES / "exile-parents-visited.yaml"), "--format", fmt])
    assert result.exit_code == 0
    import re

    out = re.sub(r"<style>.*?</style>|<[^>]+>", " ", result.stdout, flags=re.S)  # what a reader sees
    assert "Access Now" in out and "What to do" in out
    for leak in ("/100", "critical", "high", "Because you answered", "Ganja", "Score", "→"):
        assert leak not in out, leak


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_guide_handouts(fmt: str) -> None:
    result = runner.invoke(app, ["guide", "--module", "travel", "--format", fmt])
    assert result.exit_code == 0 and "trv-" not in result.stdout.split("\n")[0]
    assert "Learn more" in result.stdout
