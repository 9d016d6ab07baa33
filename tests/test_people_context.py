"""The plan fits the person, for the situation, travel, family and online areas (issues 11 and 12).

Each failure the held-out people showed has its own answers file under fixtures/people/ (not the
shipped examples): a family with a written plan gets no "agree a family plan"; someone who lives in
Azerbaijan reads no text meant for exiles; a trip within weeks raises the checkpoint item to Do today;
no item id reaches prose a person reads; the danger-now question leads to urgent items and contacts.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.content.answers import read_answers
from safetycheck.engine.assessment import Assessment, assess, select_modules
from safetycheck.engine.model import ContentSet, GuidanceItem
from safetycheck.engine.tailoring import ActionPlan

from .conftest import FIXTURES

PEOPLE = FIXTURES / "people"
TODAY = dt.date(2026, 12, 7)
AREAS = ("ctx-", "trv-", "fam-", "onl-")
# Any guidance id of any area, as it would appear if an id leaked into prose.
ITEM_ID = re.compile(r"\b(?:ctx|trv|fam|onl|dev|acc|com|org)-[a-z]+(?:-[a-z]+)*\b")
MINE = ("family-plan-done", "inside-country-threatened", "flying-out-soon", "exile-threatened")
EXILE_WORDS = ("host country", "host-country", "where you live now", "country where you live", "living abroad", "in exile")

runner = CliRunner()
# The plan-fit engine (issue 11) lists what is already in place apart from the plan. Until it has
# landed, the plan-level tests below cannot pass whatever the content says, so they wait for it.
fit_engine = pytest.mark.skipif("in_place" not in getattr(ActionPlan, "__dataclass_fields__", {}),
                                reason="needs the plan-fit engine (issue 11)")


def _assess(bundled: ContentSet, name: str) -> Assessment:
    answers, modules = read_answers(PEOPLE / f"{name}.yaml", bundled)
    return assess(bundled, answers, select_modules(bundled, [], modules), TODAY)


def _actions(result: Assessment, bucket: str | None = None) -> list[str]:
    return [i.item.id for i in result.plan.items if bucket is None or i.bucket == bucket]


def _markdown(name: str) -> str:
    result = runner.invoke(app, ["check", "--answers", str(PEOPLE / f"{name}.yaml"), "--format", "markdown"])
    assert result.exit_code == 0, result.output
    return result.output


def _prose(markdown: str) -> str:
    """What a person reads: the report without its link targets (URLs may hold any word)."""
    return re.sub(r"\]\([^)]*\)", "]", re.sub(r"https://\S+", "", markdown))


def _my_items(bundled: ContentSet) -> list[GuidanceItem]:
    return [item for item in bundled.guidance.values() if item.id.startswith(AREAS)]


# --- The danger-now question -------------------------------------------------------------


def test_danger_now_is_the_first_question_and_every_situation_has_steps_and_help(bundled: ContentSet) -> None:
    context = next(m for m in bundled.modules if m.id == "context")
    first = context.questions[0]
    assert first.danger_now and first.quick and first.type == "multiple"
    assert sum(q.danger_now for m in bundled.modules for q in m.questions) == 1
    contacts = {c.id for c in bundled.help}
    situations = [o for o in first.options if not o.exclusive and o.id != "not_sure"]
    assert {o.id for o in situations} >= {"arrest_soon", "device_taken", "account_taken", "spyware_warning", "relative_held", "content_leaked"}
    for option in situations:
        assert option.urgent, option.id
        assert option.guidance and all(g in bundled.guidance for g in option.guidance), option.id
        assert 1 <= len(option.contacts) <= 3 and set(option.contacts) <= contacts, option.id
    assert first.option("nothing_now").exclusive and first.option("not_sure").exclusive


def test_contradictory_picks_are_marked_exclusive(bundled: ContentSet) -> None:
    for name in ("context.targeted_by", "context.incidents", "travel.devices_crossing", "family.linked_publicly",
                 "family.shared_accounts", "online.public_details", "online.public_bio", "online.private_content"):
        question = bundled.question(name)
        exclusive = [o.id for o in question.options if o.exclusive and o.id != "not_sure"]
        assert len(exclusive) == 1, name


def test_quick_check_takes_few_questions_per_area(bundled: ContentSet) -> None:
    # context's quick questions are the ones that decide which other areas apply to the person
    limits = {"context": 6, "travel": 2, "family": 2, "online": 2}
    for module in bundled.modules:
        if module.id in limits:
            assert 1 <= sum(q.quick for q in module.questions) <= limits[module.id], module.id


def test_every_question_says_whether_it_asks_a_practice_or_a_situation(bundled: ContentSet) -> None:
    for module in bundled.modules:
        if module.id in ("context", "travel", "family", "online"):
            assert all(q.kind in ("practice", "situation") for q in module.questions), module.id


def test_new_questions_exist_in_three_languages(bundled: ContentSet) -> None:
    for name in ("context.lawyer_number", "context.spyware_followup", "context.travel_when",
                 "family.relative_knows_more", "online.public_bio"):
        question = bundled.question(name)
        assert question is not None, name
        for text in (question.text, question.why):
            assert {"en", "az", "ru"} <= set(text.values), name


def test_keeping_well_items_exist_for_a_person_who_does_everything(bundled: ContentSet) -> None:
    keeping = {i.id for i in bundled.guidance.values() if i.keeping_well}
    assert {"ctx-look-again", "ctx-spyware-warning-plan", "ctx-keep-helpline"} <= keeping


def test_items_from_sensitive_situations_are_marked(bundled: ContentSet) -> None:
    for item_id in ("ctx-case-in-absentia", "ctx-expecting-arrest", "fam-coercion-demands", "fam-relative-questioned"):
        assert bundled.guidance[item_id].sensitive, item_id


def test_no_bare_item_id_in_any_text_of_these_areas(bundled: ContentSet) -> None:
    for item in _my_items(bundled):
        texts = [item.title, item.why, *(s.text for steps in item.steps.values() for s in steps)]
        texts += [item.tradeoff] if item.tradeoff else []
        for text in texts:
            for lang, value in text.values.items():
                assert not ITEM_ID.search(value), (item.id, lang, value)


# --- Done means done ---------------------------------------------------------------------


@fit_engine
def test_a_family_with_a_written_plan_is_not_told_to_agree_one(bundled: ContentSet) -> None:
    result = _assess(bundled, "family-plan-done")
    actions = _actions(result)
    assert "fam-family-plan" not in actions
    for done in ("fam-code-word", "fam-outside-contact", "fam-document-pressure", "ctx-lawyer-ready", "ctx-threat-model"):
        assert done not in actions, done


@fit_engine
def test_the_same_family_without_a_plan_is_told_to_agree_one(bundled: ContentSet) -> None:
    answers, modules = read_answers(PEOPLE / "family-plan-done.yaml", bundled)
    changed = dict(answers)
    changed["family.family_plan"] = ("talked",)
    result = assess(bundled, changed, select_modules(bundled, [], modules), TODAY)
    assert "fam-family-plan" in _actions(result)


# --- Audience: exiles and people inside the country --------------------------------------


@fit_engine
def test_someone_inside_the_country_reads_nothing_meant_for_exiles(bundled: ContentSet) -> None:
    result = _assess(bundled, "inside-country-threatened")
    actions = _actions(result)
    assert not {"ctx-exile-safety", "ctx-case-in-absentia", "fam-report-host-country"} & set(actions)
    prose = _prose(_markdown("inside-country-threatened")).lower()
    for words in EXILE_WORDS:
        assert words not in prose, words
    assert "city abroad" not in prose and "your host" not in prose


@fit_engine
def test_an_exile_reads_the_host_country_steps(bundled: ContentSet) -> None:
    result = _assess(bundled, "exile-threatened")
    actions = _actions(result)
    assert {"ctx-exile-safety", "ctx-case-in-absentia"} <= set(actions)
    prose = _prose(_markdown("exile-threatened")).lower()
    assert "where you live" in prose


# --- Urgency from the situation ----------------------------------------------------------


@fit_engine
def test_a_trip_within_weeks_brings_the_checkpoint_into_do_today(bundled: ContentSet) -> None:
    result = _assess(bundled, "flying-out-soon")
    today = _actions(result, "today")
    assert "trv-at-checkpoint" in today
    assert len(today) <= 5


@fit_engine
def test_a_relative_held_now_makes_the_family_steps_urgent(bundled: ContentSet) -> None:
    result = _assess(bundled, "exile-threatened")
    urgent = {i.item.id for i in result.plan.items if i.bucket == "today" or getattr(i, "urgent", False)}
    assert "fam-relative-questioned" in urgent


# --- Words, not ids ----------------------------------------------------------------------


@fit_engine
@pytest.mark.parametrize("name", MINE)
def test_no_item_id_reaches_the_report(name: str) -> None:
    prose = _prose(_markdown(name))
    assert not ITEM_ID.search(prose), ITEM_ID.search(prose)


def test_every_people_file_is_read_without_error(bundled: ContentSet) -> None:
    for path in (PEOPLE / f"{name}.yaml" for name in MINE):
        assert path.read_text().startswith("# "), path
        answers, _ = read_answers(path, bundled)
        assert answers


@fit_engine
def test_arrest_expected_now_puts_the_arrest_steps_first(bundled: ContentSet) -> None:
    answers, modules = read_answers(PEOPLE / "family-plan-done.yaml", bundled)
    changed = dict(answers)
    changed["context.danger_now"] = ("arrest_soon",)
    result = assess(bundled, changed, select_modules(bundled, [], modules), TODAY)
    assert "ctx-expecting-arrest" in _actions(result, "today")
