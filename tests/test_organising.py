"""The organisers' module: asked only of people who organise, train or run a group, and its plan
fits them (a detained co-admin comes first, today). Answers files: tests/fixtures/people/."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.content.answers import read_answers
from safetycheck.engine.assessment import Assessment, assess, select_modules
from safetycheck.engine.model import AllOf, AnyOf, Condition, ContentSet, Not, QuestionCondition
from safetycheck.engine.scoring import applicable_questions
from safetycheck.engine.threats import build_profile

from .conftest import FIXTURES

PEOPLE = FIXTURES / "people"
TODAY = dt.date(2026, 12, 7)
GATE = "context.organises_people"
PAGES = "accounts.admin_roles"
ASKED_IN_ACCOUNTS = "accounts.co_admin_detained"
needs_fit_engine = pytest.mark.xfail(
    importlib.util.find_spec("safetycheck.engine.fit") is None,
    reason="needs the plan-fit engine (safetycheck.engine.fit): urgent_when and step conditions", strict=True)


def _assess_all(bundled: ContentSet, name: str) -> Assessment:
    """Every module, as in the guided session, not only those the file answers."""
    answers, _ = read_answers(PEOPLE / f"{name}.yaml", bundled)
    return assess(bundled, answers, select_modules(bundled, [m.id for m in bundled.modules]), TODAY)


def _plan(result: Assessment, bucket: str | None = None) -> list[str]:
    return [i.item.id for i in result.plan.items if bucket is None or i.bucket == bucket]


def _questions_named(condition: Condition | None) -> Iterator[str]:
    if isinstance(condition, AllOf | AnyOf):
        for item in condition.items:
            yield from _questions_named(item)
    elif isinstance(condition, Not):
        yield from _questions_named(condition.item)
    elif isinstance(condition, QuestionCondition):
        yield condition.question


def test_every_question_is_gated_on_organising(bundled: ContentSet) -> None:
    module = bundled.module("organising")
    assert module is not None
    assert len(module.questions) >= 12
    for question in module.questions:
        named = set(_questions_named(question.when))
        # Directly, or through an earlier question of this module that is itself gated; the
        # co-admin and hand-over questions also reach people who run pages with others.
        assert GATE in named or any(n.startswith("organising.") for n in named), question.id
        assert named <= {GATE, PAGES, ASKED_IN_ACCOUNTS} | {q.qid for q in module.questions}, question.id


def test_module_sits_between_the_others_and_has_enough_guidance(bundled: ContentSet) -> None:
    orders = {m.id: m.order for m in bundled.modules}
    assert orders["comms"] < orders["organising"] < orders["travel"]
    items = [g for g in bundled.guidance.values() if g.id.startswith("org-")]
    assert len(items) >= 8
    triggered = {gid for q in bundled.module("organising").questions for o in q.options for gid in o.guidance}
    assert {g.id for g in items} <= triggered  # no org- item that no answer can reach


def test_non_organiser_never_sees_the_module(bundled: ContentSet) -> None:
    result = _assess_all(bundled, "non-organiser-blogger")
    module = bundled.module("organising")
    assert module is not None
    answers, _ = read_answers(PEOPLE / "non-organiser-blogger.yaml", bundled)
    assert applicable_questions(module, answers, build_profile(bundled, answers)) == []
    # The stray organising answers in the file are ignored: no score, no row, no item.
    assert "organising" not in [s.module.id for s in result.scored]
    assert not [i for i in _plan(result) if i.startswith("org-")]


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_non_organiser_report_never_names_the_module(bundled: ContentSet, lang: str) -> None:
    module = bundled.module("organising")
    assert module is not None
    result = CliRunner().invoke(app, ["check", "--answers", str(PEOPLE / "non-organiser-blogger.yaml"), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert module.title.values[lang] not in result.stdout
    for item in (g for g in bundled.guidance.values() if g.id.startswith("org-")):
        assert item.title.values[lang] not in result.stdout


def test_detained_coadmin_comes_today_with_the_group_items(bundled: ContentSet) -> None:
    result = _assess_all(bundled, "organiser-union-coadmin-detained")
    today = _plan(result, "today")
    assert "org-detained-coadmin" in today
    first = next(i for i in result.plan.items if i.item.id == "org-detained-coadmin")
    assert first.urgent
    plan = set(_plan(result))
    assert {"org-chat-settings", "org-protect-lists", "org-handover-plan", "org-collect-less",
            "org-link-sharing", "org-access-inventory", "org-safe-workshop"} <= plan
    bands = {s.module.id: s.band.id for s in result.scored if s.band}
    assert bands["organising"] == "critical"


def test_organiser_who_keeps_no_lists_is_not_asked_where_lists_live(bundled: ContentSet) -> None:
    module = bundled.module("organising")
    assert module is not None
    answers, _ = read_answers(PEOPLE / "organiser-union-coadmin-detained.yaml", bundled)
    answers = {**answers, "context.organises_people": ("organise_no_lists",)}
    asked = {q.id for q in applicable_questions(module, answers, build_profile(bundled, answers))}
    assert "coadmin_detained" in asked and "member_data" in asked
    assert not {"list_location", "list_access"} & asked


def test_careful_trainer_gets_no_organising_action(bundled: ContentSet) -> None:
    result = _assess_all(bundled, "organiser-careful-trainer")
    assert not [i for i in _plan(result) if i.startswith("org-")]
    bands = {s.module.id: s.band.id for s in result.scored if s.band}
    assert bands["organising"] == "low"
    assert "org-safe-workshop" not in _plan(result)


def test_validate_has_nothing_to_say_about_the_module() -> None:
    """Content format 2 is complete here: kinds, exclusive options, done_when, refs that resolve."""
    result = CliRunner().invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert "organising" not in result.output


def test_page_admin_who_organises_no_one_still_learns_a_detained_co_admin_comes_first(bundled: ContentSet) -> None:
    result = _assess_all(bundled, "page-admin-coadmin-detained")
    assert "org-detained-coadmin" in _plan(result, "today")
    assert "org-handover-plan" in _plan(result)
    module = bundled.module("organising")
    assert module is not None
    answers, _ = read_answers(PEOPLE / "page-admin-coadmin-detained.yaml", bundled)
    asked = {q.id for q in applicable_questions(module, answers, build_profile(bundled, answers))}
    assert asked == {"coadmin_detained", "handover_plan"}  # nothing about lists, venues or trainings


@needs_fit_engine
def test_arrest_expected_brings_the_hand_over_and_the_lists_into_today(bundled: ContentSet) -> None:
    result = _assess_all(bundled, "organiser-trainer-expecting-arrest")
    today = _plan(result, "today")
    assert {"org-handover-plan", "org-protect-lists"} <= set(today)
    handover = next(i for i in result.plan.items if i.item.id == "org-handover-plan")
    assert handover.urgent


@needs_fit_engine
def test_the_arrest_step_is_only_for_people_who_expect_arrest(bundled: ContentSet) -> None:
    expecting = CliRunner().invoke(app, ["check", "--answers", str(PEOPLE / "organiser-trainer-expecting-arrest.yaml"), "--format", "plain"])
    not_expecting = CliRunner().invoke(app, ["check", "--answers", str(PEOPLE / "organiser-union-coadmin-detained.yaml"), "--format", "plain"])
    assert expecting.exit_code == 0 and not_expecting.exit_code == 0
    assert "You expect arrest: do this today" in expecting.stdout
    assert "You expect arrest" not in not_expecting.stdout


def test_a_co_admin_detained_is_asked_once_when_the_accounts_module_asked_it(bundled: ContentSet) -> None:
    module = bundled.module("organising")
    assert module is not None
    answers, _ = read_answers(PEOPLE / "organiser-union-coadmin-detained.yaml", bundled)
    answers = {**answers, "accounts.admin_roles": ("yes",), "accounts.co_admin_detained": ("yes_still_admin",)}
    asked = {q.id for q in applicable_questions(module, answers, build_profile(bundled, answers))}
    assert "coadmin_detained" not in asked and "handover_plan" in asked
