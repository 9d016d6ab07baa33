"""The example personas are rated as a trainer would expect: calibration of the bundled content."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safetycheck.content.answers import read_answers
from safetycheck.engine.assessment import Assessment, assess, select_modules
from safetycheck.engine.model import ContentSet

from .conftest import EXAMPLES

TOP = {"critical"}
HIGH_OR_TOP = {"high", "critical"}
LOW_OR_MODERATE = {"low", "moderate"}


def _assess(bundled: ContentSet, name: str) -> Assessment:
    answers, modules = read_answers(EXAMPLES / f"{name}.yaml", bundled)
    return assess(bundled, answers, select_modules(bundled, [], modules), dt.date(2026, 11, 24))


def _bands(result: Assessment) -> dict[str, str]:
    return {s.module.id: s.band.id for s in result.scored if s.band}


def _plan(result: Assessment, bucket: str | None = None) -> list[str]:
    return [i.item.id for i in result.plan.items if bucket is None or i.bucket == bucket]


def test_every_example_opens_with_a_description_of_the_person() -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert len(files) >= 6
    for path in files:
        first = path.read_text().splitlines()[0]
        assert first.startswith("# ") and len(first) > 30, path


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_is_valid_and_plans(bundled: ContentSet, path: Path) -> None:
    result = _assess(bundled, path.stem)
    assert result.scored
    assert all(s.score is not None for s in result.scored)


def test_unprotected_peace_activist_is_in_the_top_band(bundled: ContentSet) -> None:
    result = _assess(bundled, "peace-activist-baku")
    bands = _bands(result)
    assert bands["device"] in TOP and bands["accounts"] in TOP and bands["comms"] in TOP
    assert "dev-screen-lock" in _plan(result, "today")
    assert {"acc-move-off-sms", "com-telegram-risks"} <= set(_plan(result))
    assert not any(i.startswith("trv-") for i in _plan(result))  # not travelling
    assert "dev-lockdown-mode" not in _plan(result)  # Android user: no iPhone-only measure


def test_well_protected_journalist_at_high_threat_stays_low(bundled: ContentSet) -> None:
    result = _assess(bundled, "protected-journalist")
    assert result.profile.levels["spyware"].level in {"high", "severe"}
    assert set(_bands(result).values()) <= LOW_OR_MODERATE
    assert _plan(result, "today") == []
    assert not any(i.startswith("trv-") for i in _plan(result))


def test_organiser_expecting_arrest_gets_the_next_hours_first(bundled: ContentSet) -> None:
    result = _assess(bundled, "organiser-expecting-arrest")
    today = _plan(result, "today")
    assert today[0] == "ctx-expecting-arrest"
    assert result.plan.items[0].urgent
    assert "acc-trusted-revoker" in today
    # Do today holds the 5 urgent items that matter most; keeping little on the phone leads This week.
    assert "dev-keep-little" in _plan(result, "today") + _plan(result, "week")
    # Targeted-attack measures are offered because the context shows spyware risk.
    assert "dev-lockdown-mode" in _plan(result)
    assert _bands(result)["accounts"] in HIGH_OR_TOP


def test_exile_whose_parents_were_visited(bundled: ContentSet) -> None:
    result = _assess(bundled, "exile-parents-visited")
    assert result.profile.levels["family_pressure"].level == "severe"
    assert "fam-relative-questioned" in _plan(result, "today")
    assert _bands(result)["family"] in HIGH_OR_TOP
    assert {"acc-recovery-options", "acc-move-off-sms"} <= set(_plan(result))  # the old home SIM
    assert _bands(result)["device"] in LOW_OR_MODERATE  # his devices are in order
    assert not any(i.startswith("trv-") for i in _plan(result))


def test_student_leaving_for_a_conference_gets_travel_help(bundled: ContentSet) -> None:
    result = _assess(bundled, "student-leaving-for-conference")
    assert _bands(result)["travel"] in TOP
    plan = _plan(result)
    assert {"trv-no-carrying", "trv-travel-device", "trv-check-in-plan"} <= set(plan)
    assert "trv-no-carrying" in _plan(result, "today")
    assert "dev-lockdown-mode" not in plan and "dev-android-advanced-protection" not in plan
    assert not any(i.startswith("fam-relative") for i in plan)


def test_activist_threatened_with_a_leak(bundled: ContentSet) -> None:
    result = _assess(bundled, "lgbt-activist-leak-threat")
    assert _bands(result)["online"] in TOP
    today = _plan(result, "today")
    assert "onl-leak-response" in today
    assert {"onl-private-content", "onl-photo-location"} <= set(_plan(result))
    assert any(i.urgent for i in result.plan.items)


def test_not_travelling_means_no_travel_questions(bundled: ContentSet) -> None:
    from safetycheck.engine.scoring import applicable_questions
    from safetycheck.engine.threats import build_profile

    answers = {"context.travel_planned": ("none",)}
    travel = bundled.module("travel")
    assert travel is not None
    assert applicable_questions(travel, answers, build_profile(bundled, answers)) == []
