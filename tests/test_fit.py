"""The plan fits the person (issue 11): one answers file per failure kind, on fixture content."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from safetycheck.content.answers import read_answers
from safetycheck.content.catalog import load_content
from safetycheck.engine.assessment import Assessment, assess, select_modules
from safetycheck.engine.model import ContentSet
from safetycheck.render.html import render_html
from safetycheck.render.report import build_view
from safetycheck.render.text import render_markdown, render_plain
from safetycheck.storage.saves import SavedSession, reconcile

from .conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures"
ANSWERS = FIXTURES / "fit-answers"
ID = re.compile(r"\b(?:dev|acc|com|ctx|fam|onl|trv|keep)-[a-z0-9-]+\b")


@pytest.fixture(scope="module")
def fit() -> ContentSet:
    return load_content(bundled=FIXTURES / "fit")


def run(content: ContentSet, name: str) -> Assessment:
    answers, modules = read_answers(ANSWERS / f"{name}.yaml", content)
    return assess(content, answers, select_modules(content, [], modules), TODAY)


def ids(result: Assessment, bucket: str | None = None) -> list[str]:
    items = result.plan.items if bucket is None else result.plan.bucket(bucket)
    return [i.item.id for i in items]


def entry(result: Assessment, gid: str):  # noqa: ANN201 - a PlanItem
    return next(i for i in result.plan.items if i.item.id == gid)


def prose(result: Assessment, lang: str = "en") -> list[str]:
    view = build_view(result, lang)
    html = re.sub(r"<[^>]+>", " ", render_html(view))
    return [render_plain(view), render_markdown(view), html]


# -- advice the person already follows ----------------------------------------------------------
def test_a_practice_in_place_is_never_an_action(fit: ContentSet) -> None:
    result = run(fit, "family-plan-in-place")
    assert "fam-plan" not in ids(result) and "dev-keep-little" not in ids(result)
    assert {"fam-plan", "dev-keep-little", "dev-lock"} <= {i.item.id for i in result.plan.in_place}
    plain = render_plain(build_view(result, "en"))
    assert "Already in place" in plain and "Agree a family plan" in plain.split("Already in place")[1]


def test_not_sure_is_never_done(fit: ContentSet) -> None:
    result = run(fit, "unsure-practices")
    assert {"dev-lock", "dev-biometrics-off", "dev-keep-little", "fam-plan", "dev-updates"} <= set(ids(result))
    assert result.plan.in_place == ()


# -- advice the person cannot follow ------------------------------------------------------------
def test_ruled_out_item_is_replaced_by_its_instead(fit: ContentSet) -> None:
    result = run(fit, "old-android")
    assert "dev-advanced-protection" not in ids(result)
    replacement = entry(result, "dev-replace-phone")
    assert replacement.instead_of == "dev-advanced-protection"
    text = render_plain(build_view(result, "en"))
    assert "Offered in place of “Turn on Advanced Protection”" in text
    assert "Settings > Security & privacy > Advanced Protection" not in text


def test_unknown_capability_keeps_the_item_with_a_check_first(fit: ContentSet) -> None:
    result = run(fit, "android-version-unknown")
    item = entry(result, "dev-advanced-protection")
    assert item.check_first
    platform, steps = item.steps[0]
    assert platform == "general" and steps[0].values["en"].startswith("See your Android version")
    assert "Android 16 or newer" in steps[0].values["en"]


def test_only_the_persons_platforms(fit: ContentSet) -> None:
    android = run(fit, "old-android")
    lock = entry(android, "dev-lock")
    assert [p for p, _ in lock.steps] == ["general", "android"]
    assert [r.title.values["en"] for r in lock.resources] == ["Android lock", "Attending a protest"]
    iphone = run(fit, "flying-out")
    assert [r.title.values["en"] for r in entry(iphone, "dev-lock").resources] == ["iPhone passcode", "Attending a protest"]
    assert all("Android" not in t for t in prose(iphone)[0].split("Your plan")[1].split("Where to get help")[0].splitlines()
               if "Learn more" in t)


# -- urgency from the situation ----------------------------------------------------------------
def test_a_trip_makes_biometrics_urgent_and_brings_power_off(fit: ContentSet) -> None:
    result = run(fit, "flying-out")
    today = ids(result, "today")
    assert "dev-biometrics-off" in today and "dev-power-off" in today
    biometrics = entry(result, "dev-biometrics-off")
    assert biometrics.urgent and biometrics.urgent_reason.values["en"] == "You are crossing a border soon."
    power = entry(result, "dev-power-off")
    assert power.urgent and power.brought_by == "dev-biometrics-off"
    assert today.index("dev-power-off") > today.index("dev-biometrics-off")
    plain = render_plain(build_view(result, "en"))
    assert "Urgent because: You are crossing a border soon." in plain
    assert "Goes with “Turn off face and fingerprint unlock”." in plain


def test_a_birth_date_passcode_is_today(fit: ContentSet) -> None:
    result = run(fit, "birthdate-passcode")
    lock = entry(result, "dev-lock")
    assert lock.bucket == "today" and lock.urgent
    assert lock.urgent_reason.values["ru"] == "Дату рождения пробуют первой."


def test_arrest_expected_brings_what_it_names(fit: ContentSet) -> None:
    result = run(fit, "arrest-expected")
    today = ids(result, "today")
    assert today[0] == "ctx-arrest" and {"dev-power-off", "dev-lock"} <= set(today)
    assert entry(result, "dev-lock").urgent_reason.values["en"] == "You expect to be arrested soon."


def test_do_today_overflow_leads_this_week_still_urgent(fit: ContentSet) -> None:
    scoring = dataclasses.replace(fit.scoring, today_max=2)
    small = dataclasses.replace(fit, scoring=scoring)
    result = run(small, "arrest-expected")
    assert len(result.plan.today) == 2
    assert result.plan.week and result.plan.week[0].urgent
    assert all(i.urgent for i in result.plan.today)


def test_caps_hold_whatever_the_settings(fit: ContentSet) -> None:
    scoring = dataclasses.replace(fit.scoring, today_max=50, week_max=50, today_from=0.0, week_from=0.0)
    result = run(dataclasses.replace(fit, scoring=scoring), "unsure-practices")
    assert len(result.plan.today) <= 5 and len(result.plan.week) <= 7


# -- audience -----------------------------------------------------------------------------------
def test_exile_text_only_for_exiles(fit: ContentSet) -> None:
    home = run(fit, "at-home-relatives")
    assert "fam-exile-police" not in ids(home)
    assert all("host country" not in text and "host-country" not in text for text in prose(home))
    assert any("lawyer's number on paper" in text for text in prose(home))
    exile = run(fit, "exile")
    assert "fam-exile-police" in ids(exile)
    assert "host country" in render_plain(build_view(exile, "en"))


def test_targeted_measures_only_for_the_targeted(fit: ContentSet) -> None:
    answers, modules = read_answers(ANSWERS / "android-version-unknown.yaml", fit)
    answers = {**answers, "context.targeted_by": ("online_mobs",)}
    result = assess(fit, answers, select_modules(fit, [], modules), TODAY)
    assert "dev-advanced-protection" not in ids(result)


# -- words, not ids ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("name", ["arrest-expected", "flying-out", "old-android", "exile", "all-in-place"])
def test_no_ids_in_prose(fit: ContentSet, name: str, lang: str) -> None:
    for text in prose(run(fit, name), lang):
        assert not ID.search(text), ID.search(text)


def test_references_read_as_titles(fit: ContentSet) -> None:
    plain = render_plain(build_view(run(fit, "arrest-expected"), "en"))
    assert "Then “Power off your phone before a checkpoint”, and “Use a long passcode”." in plain


# -- keeping well -------------------------------------------------------------------------------
def test_everything_in_place_gives_a_maintenance_plan(fit: ContentSet) -> None:
    result = run(fit, "all-in-place")
    assert set(ids(result)) == {"keep-checkup", "keep-helpline"}
    assert not {i.item.id for i in result.plan.items} & {i.item.id for i in result.plan.in_place}
    assert "Nothing to do" not in render_plain(build_view(result, "en"))


# -- retired ids --------------------------------------------------------------------------------
def test_retired_ids_in_answers_files_map_to_successors(fit: ContentSet) -> None:
    answers, _ = read_answers(ANSWERS / "retired-ids.yaml", fit)
    assert answers == {"context.now": ("incident",), "context.where": ("exile",), "device.passcode": ("long",)}


def test_retired_ids_in_saves_map_to_successors(fit: ContentSet) -> None:
    saved = SavedSession({"device.screen_lock": ("passphrase",), "context.now": ("recent_hack",), "device.gone": ("x",)},
                         ("device",), "en", "old", dt.date(2026, 1, 1), "0")
    kept, dropped = reconcile(saved, fit)
    assert kept == {"device.passcode": ("long",), "context.now": ("incident",)}
    assert dropped == ["device.gone"]


def test_pocket_card_uses_neutral_card_lines(fit: ContentSet) -> None:
    from safetycheck.render.text import render_card

    card = render_card(build_view(run(fit, "birthdate-passcode"), "en"))
    assert "[ ] Today: Phone: long passcode" in card
    assert "birth" not in card.lower()


def test_exclusive_answers_stand_alone(fit: ContentSet, tmp_path: Path) -> None:
    from safetycheck.errors import AnswersError

    path = tmp_path / "a.yaml"
    path.write_text("answers:\n  device:\n    kept_data: [nothing, old_chats]\n")
    with pytest.raises(AnswersError, match="'nothing' cannot be chosen together"):
        read_answers(path, fit)
    path.write_text("answers:\n  device:\n    kept_data: [old_chats, member_lists]\n")
    assert read_answers(path, fit)[0] == {"device.kept_data": ("old_chats", "member_lists")}


def test_an_urgent_item_ruled_out_passes_its_urgency_to_what_replaces_it(fit: ContentSet) -> None:
    protection = fit.guidance["dev-advanced-protection"]
    urgent = dataclasses.replace(protection, urgent_when=fit.guidance["dev-biometrics-off"].urgent_when)
    content = dataclasses.replace(fit, guidance={**fit.guidance, "dev-advanced-protection": urgent})
    answers, modules = read_answers(ANSWERS / "old-android.yaml", content)
    answers = {**answers, "context.trip": ("trip_soon",)}
    result = assess(content, answers, select_modules(content, [], modules), TODAY)
    replacement = entry(result, "dev-replace-phone")
    assert replacement.urgent and replacement.bucket == "today" and replacement.instead_of == "dev-advanced-protection"
    assert replacement.urgent_reason.values["en"] == "You are crossing a border soon."
