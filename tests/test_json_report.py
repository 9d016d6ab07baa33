"""The stable JSON reports (docs/json-report.md): the documented keys are there, with real values."""

from __future__ import annotations

import json
from pathlib import Path

from safetycheck.content.answers import read_answers
from safetycheck.content.catalog import load_content
from safetycheck.engine.assessment import assess, select_modules
from safetycheck.render.json_report import render_json
from safetycheck.render.report import build_view

from .conftest import TODAY
from .test_cli import run

FIXTURES = Path(__file__).parent / "fixtures"
ITEM_KEYS = {"id", "title", "why", "effort", "effort_label", "bucket", "urgent", "urgent_reason", "priority", "triggers",
             "steps", "resources", "tradeoff", "instead_of_id", "instead_of", "brought_by_id", "brought_by", "refers_to",
             "keeping_well", "check_first", "reviewed"}


def _report(name: str, lang: str = "en") -> dict:
    content = load_content(bundled=FIXTURES / "fit")
    answers, modules = read_answers(FIXTURES / "fit-answers" / f"{name}.yaml", content)
    return json.loads(render_json(build_view(assess(content, answers, select_modules(content, [], modules), TODAY), lang)))


def test_check_json_plan_has_exactly_three_buckets_of_full_items() -> None:
    data = _report("flying-out")
    assert set(data["plan"]) == {"today", "week", "later"}
    today = data["plan"]["today"]
    assert today and all(ITEM_KEYS <= set(item) for bucket in data["plan"].values() for item in bucket)
    biometrics = next(i for i in today if i["id"] == "dev-biometrics-off")
    assert biometrics["urgent"] and biometrics["urgent_reason"] == "You are crossing a border soon."
    assert biometrics["refers_to"] == ["dev-power-off"]
    power = next(i for i in today if i["id"] == "dev-power-off")
    assert power["brought_by_id"] == "dev-biometrics-off"
    assert {g["platform"] for i in today for g in i["steps"]} <= {"general", "ios"}
    assert all(r["url"].startswith("https://") and {"title", "source", "lang", "note"} <= set(r) for i in today for r in i["resources"])


def test_check_json_modules_and_in_place() -> None:
    data = _report("family-plan-in-place")
    device = next(m for m in data["modules"] if m["id"] == "device")
    assert {"id", "title", "score", "band", "band_label", "answered", "unanswered", "urgent"} <= set(device)
    assert isinstance(device["score"], int) and device["band"] in {"low", "moderate", "high", "critical"}
    in_place = {row["id"] for row in data["in_place"]}
    assert "fam-plan" in in_place
    planned = {i["id"] for bucket in data["plan"].values() for i in bucket}
    assert not planned & in_place


def test_check_json_resource_language_note() -> None:
    data = _report("flying-out", "ru")
    resources = [r for b in data["plan"].values() for i in b for r in i["resources"]]
    assert resources and all(r["note"] == "(на английском)" for r in resources if r["lang"] == "en")


def test_instead_in_json() -> None:
    data = _report("old-android")
    replacement = next(i for b in data["plan"].values() for i in b if i["id"] == "dev-replace-phone")
    assert replacement["instead_of_id"] == "dev-advanced-protection"


def test_cli_check_json_on_bundled_content(tmp_path: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("answers:\n  context: {}\n  device:\n    phone_os: android\n")
    code, out, _ = run("check", "--answers", str(answers), "--format", "json")
    data = json.loads(out)
    assert code == 0 and set(data["plan"]) == {"today", "week", "later"}
    assert {"modules", "in_place", "help", "format_version"} <= set(data)


def test_cli_guide_and_list_json() -> None:
    code, out, _ = run("guide", "--format", "json")
    items = json.loads(out)["items"]
    assert code == 0 and items and {"id", "title", "steps", "resources"} <= set(items[0])
    code, out, _ = run("list", "--format", "json")
    modules = json.loads(out)["modules"]
    assert code == 0 and all({"en", "az", "ru"} == set(m["coverage"]) for m in modules)
    assert all(isinstance(m["question_list"], list) and m["question_list"][0]["id"] for m in modules)
