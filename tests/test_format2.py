"""Content format 2: the keys that fit the plan to the person are read, resolved and checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from safetycheck.content.catalog import load_content
from safetycheck.content.schema import json_schema
from safetycheck.engine.conditions import truth
from safetycheck.engine.model import ContentSet
from safetycheck.errors import ContentErrors

FIT = Path(__file__).parent / "fixtures" / "fit"


@pytest.fixture(scope="module")
def fit() -> ContentSet:
    return load_content(bundled=FIT)


@pytest.fixture
def fit_copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIT, target)
    return target


def _break(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def _errors(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(bundled=root)
    return [str(e) for e in info.value.errors]


def test_new_question_and_option_keys_are_read(fit: ContentSet) -> None:
    now = fit.question("context.now")
    assert now is not None and now.danger_now and now.quick and now.kind == "situation"
    assert now.option("arrest_expected").contacts == ("access-now", "dfak")
    assert now.option("incident").replaces == ("recent_hack",)
    passcode = fit.question("device.passcode")
    assert passcode.kind == "practice" and passcode.replaces == ("screen_lock",)
    assert fit.question("device.android_version").option("v11").number == 11
    targeted = fit.question("context.targeted_by")
    assert targeted.option("none").exclusive and targeted.option("not_sure").exclusive
    assert not targeted.option("state_security").exclusive


def test_new_item_keys_are_read(fit: ContentSet) -> None:
    lock = fit.guidance["dev-lock"]
    assert lock.done_when is not None and lock.card.values["en"] == "Phone: long passcode"
    assert lock.urgent_when[0].reason.values["ru"] == "Дату рождения пробуют первой."
    assert [r.platforms for r in lock.resources] == [("android",), ("ios",), ()]
    assert all(r.lang == "en" for r in lock.resources)
    protection = fit.guidance["dev-advanced-protection"]
    assert protection.instead == ("dev-replace-phone",) and protection.audience is not None
    assert fit.guidance["fam-plan"].sensitive and fit.guidance["keep-checkup"].keeping_well
    steps = fit.guidance["fam-plan"].steps["general"]
    assert steps[0].when is None and steps[1].when is not None


def test_facts_fill_texts_and_bounds(fit: ContentSet) -> None:
    protection = fit.guidance["dev-advanced-protection"]
    assert "needs Android 16 or newer" in protection.check.values["en"]
    assert "{fact:" not in fit.guidance["dev-replace-phone"].steps["general"][0].text.values["en"]
    # min: {fact: android_advanced_protection} keeps exactly the options numbered 16 or more
    assert protection.needs.min_ == 16 and protection.needs.in_ == ("v16",)
    assert fit.facts["android_advanced_protection"].value == 16


def test_refs_become_titles_in_each_language(fit: ContentSet) -> None:
    arrest = fit.guidance["ctx-arrest"]
    assert arrest.refs == ("dev-power-off", "dev-lock")
    text = arrest.steps["general"][1].text.values["en"]
    assert "“Power off your phone before a checkpoint”" in text and "{ref:" not in text and "dev-" not in text


def test_ref_uses_the_readers_language(fit_copy: Path) -> None:
    _break(fit_copy, "guidance/items.yaml", '"Before any checkpoint, also {ref:dev-power-off}."',
           '{en: "Also {ref:dev-power-off}.", ru: "Также: {ref:dev-power-off}.", az: "Həmçinin: {ref:dev-power-off}."}')
    step = load_content(bundled=fit_copy).guidance["dev-biometrics-off"].steps["general"][0].text.values
    assert step["ru"] == "Также: «Выключите телефон перед досмотром»."
    assert step["az"] == "Həmçinin: “Keçid məntəqəsindən əvvəl telefonu söndürün”."


def test_truth_is_three_valued(fit: ContentSet) -> None:
    needs = fit.guidance["dev-advanced-protection"].needs
    ranks = {"low": 0}
    assert truth(needs, {"device.android_version": ("v16",)}, {}, ranks) is True
    assert truth(needs, {"device.android_version": ("v11",)}, {}, ranks) is False
    assert truth(needs, {"device.android_version": ("not_sure",)}, {}, ranks) is None
    assert truth(needs, {}, {}, ranks) is None
    done = fit.guidance["dev-updates"].done_when  # all: updated yes, and not an old Android
    assert truth(done, {"device.updated": ("yes",)}, {}, ranks) is None
    assert truth(done, {"device.updated": ("no",)}, {}, ranks) is False
    assert truth(done, {"device.updated": ("yes",), "device.android_version": ("v16",)}, {}, ranks) is True


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("done_when: {question: device.passcode, in: [long]}", "done_when: {question: device.passcode, in: [longer]}",
         "done_when of guidance 'dev-lock' refers to unknown option 'longer' of 'device.passcode'"),
        ("done_when: {question: device.passcode, in: [long]}", "done_when: {question: device.pin, in: [long]}",
         "done_when of guidance 'dev-lock' refers to unknown question 'device.pin'"),
        ("done_when: {question: device.passcode, in: [long]}", "done_when: {question: passcode, in: [long]}",
         "names its question in full"),
        ("instead: [dev-replace-phone]", "instead: [dev-new-phone]", "'instead' of guidance 'dev-advanced-protection' names unknown item 'dev-new-phone'"),
        ("also {ref:dev-power-off}", "also {ref:dev-switch-off}", "guidance 'dev-biometrics-off' refers to unknown item '{ref:dev-switch-off}'"),
        ("needs Android {fact:android_advanced_protection}", "needs Android {fact:android_ap}", "refers to unknown fact 'android_ap'"),
        ("min: {fact: android_advanced_protection}", "min: {fact: android_ap}", "names unknown fact 'android_ap'"),
        ("needs: {question: device.android_version, min:", "needs: {question: device.passcode, min:",
         "compares 'device.passcode' with min/max, but none of its options has a 'number'"),
        ("when: {question: context.trip, in: [trip_soon]}", "when: {threat: border, at_least: extreme}", "names unknown level 'extreme'"),
        ("text: \"If police in your host country contact you, ask for it in writing.\"\n          when: {question: context.where, in: [exile]}",
         "text: \"If police in your host country contact you, ask for it in writing.\"\n          when: {question: context.where, in: [abroad]}",
         "a 'general' step of guidance 'fam-plan' refers to unknown option 'abroad'"),
    ],
)
def test_item_reference_errors(fit_copy: Path, old: str, new: str, problem: str) -> None:
    _break(fit_copy, "guidance/items.yaml", old, new)
    errors = _errors(fit_copy)
    assert any(problem in e for e in errors), errors
    assert all(e.startswith("guidance/") for e in errors)


@pytest.mark.parametrize(
    ("relative", "old", "new", "problem"),
    [
        ("questionnaires/context.yaml", "contacts: [access-now]}", "contacts: [red-cross]}", "names unknown help contact 'red-cross'"),
        ("questionnaires/context.yaml", "replaces: [recent_hack]", "replaces: [nothing_now]", "replaces 'nothing_now', which is still an option"),
        ("questionnaires/device.yaml", "replaces: [screen_lock]", "replaces: [biometrics]", "replaces 'biometrics', which is still a question"),
        ("questionnaires/device.yaml", "number: 11,", "number: eleven,", "'number' of option 'v11'"),
        ("questionnaires/device.yaml", "kind: practice\n    text: How is", "kind: habit\n    text: How is", "'kind' of question 'passcode' must be one of"),
        ("guidance/_facts.yaml", "value: 16", "value: true", "'value' of fact 'android_advanced_protection'"),
        ("guidance/items.yaml", "    needs: {question: device.android_version, min: {fact: android_advanced_protection}}\n", "",
         "has 'check' but no 'needs'"),
    ],
)
def test_question_and_file_errors(fit_copy: Path, relative: str, old: str, new: str, problem: str) -> None:
    _break(fit_copy, relative, old, new)
    errors = _errors(fit_copy)
    assert any(problem in e for e in errors), errors


def test_content_without_the_new_keys_stays_valid(mini: ContentSet) -> None:
    assert mini.facts == {}
    assert mini.question("device.phone_os").kind == "" and mini.question("context.targeted_by").kind == "situation"
    assert all(item.done_when is None and item.refs == () for item in mini.guidance.values())


def test_missing_kind_and_done_when_are_warned(fit_copy: Path) -> None:
    _break(fit_copy, "questionnaires/device.yaml", "  - id: biometrics\n    kind: practice\n", "  - id: biometrics\n")
    _break(fit_copy, "guidance/items.yaml", "    done_when: {question: device.kept_data, in: [nothing]}\n", "")
    warnings = load_content(bundled=fit_copy).warnings
    assert any("question 'biometrics' has no 'kind'" in w for w in warnings)
    assert any("'dev-keep-little' is triggered by a practice question but has no 'done_when'" in w for w in warnings)


def test_schema_describes_the_new_keys() -> None:
    guidance = json_schema("guidance")
    item = guidance["$defs"]["guidance"]["properties"]
    for key in ("done_when", "needs", "check", "instead", "urgent_when", "audience", "card", "keeping_well", "sensitive"):
        assert key in item
    assert {"platforms", "lang"} <= set(guidance["$defs"]["resource"]["properties"])
    assert {"min", "max"} <= set(guidance["$defs"]["condition"]["properties"])
    module = json_schema("module")
    assert {"kind", "quick", "danger_now", "replaces"} <= set(module["$defs"]["question"]["properties"])
    assert {"exclusive", "contacts", "replaces", "number"} <= set(module["$defs"]["option"]["properties"])
    assert "facts" in json_schema("facts")["properties"]
    json.dumps(guidance)


def test_bundled_content_loads_with_its_facts(bundled: ContentSet) -> None:
    assert bundled.facts["android_advanced_protection"].value == 16
    assert bundled.facts["ios_lockdown_mode"].value == 16
