"""The pure engine: conditions, threat profile, scoring, residual risk and tailoring."""

from __future__ import annotations

from safetycheck.engine.assessment import assess, select_modules
from safetycheck.engine.conditions import holds
from safetycheck.engine.model import AllOf, AnyOf, ContentSet, Not, QuestionCondition, ThreatCondition
from safetycheck.engine.scoring import score_module
from safetycheck.engine.threats import build_profile

from .conftest import TODAY

RANKS = {"low": 0, "moderate": 1, "high": 2, "severe": 3}

UNPROTECTED = {
    "device.phone_os": ("ios",),
    "device.screen_lock": ("none",),
    "device.lockdown_mode": ("no",),
    "device.kept_data": ("old_chats", "member_lists"),
}
PROTECTED = {
    "device.phone_os": ("ios",),
    "device.screen_lock": ("passphrase",),
    "device.lockdown_mode": ("yes",),
    "device.kept_data": ("nothing",),
    "device.returned": ("no",),
}
HIGH_THREAT = {"context.targeted_by": ("state_security",), "context.expect_arrest": ("no",)}
LOW_THREAT = {"context.targeted_by": ("none_known",)}


def _device_score(content: ContentSet, answers: dict[str, tuple[str, ...]]) -> tuple[int | None, str]:
    result = assess(content, answers, select_modules(content, ["device"]), TODAY)
    device = next(s for s in result.scores if s.module.id == "device")
    return device.score, device.band.id if device.band else ""


def test_question_conditions() -> None:
    answers = {"device.phone_os": ("android",), "device.kept_data": ("old_chats", "member_lists")}
    assert holds(QuestionCondition("device.phone_os", in_=("android", "ios")), answers, {}, RANKS)
    assert not holds(QuestionCondition("device.phone_os", in_=("ios",)), answers, {}, RANKS)
    assert holds(QuestionCondition("device.kept_data", in_=("member_lists",)), answers, {}, RANKS)
    assert not holds(QuestionCondition("device.kept_data", not_in=("old_chats",)), answers, {}, RANKS)
    assert holds(QuestionCondition("device.phone_os", answered=True), answers, {}, RANKS)
    assert holds(QuestionCondition("device.screen_lock", answered=False), answers, {}, RANKS)
    # An unanswered question satisfies neither `in` nor `not_in`.
    assert not holds(QuestionCondition("device.screen_lock", in_=("none",)), answers, {}, RANKS)
    assert not holds(QuestionCondition("device.screen_lock", not_in=("none",)), answers, {}, RANKS)


def test_combinators_and_threat_conditions() -> None:
    answers = {"device.phone_os": ("ios",)}
    ios = QuestionCondition("device.phone_os", in_=("ios",))
    android = QuestionCondition("device.phone_os", in_=("android",))
    spyware_high = ThreatCondition("spyware", "high")
    assert holds(AllOf((ios, spyware_high)), answers, {"spyware": 2}, RANKS)
    assert not holds(AllOf((ios, spyware_high)), answers, {"spyware": 1}, RANKS)
    assert holds(AnyOf((android, ios)), answers, {}, RANKS)
    assert holds(Not(android), answers, {}, RANKS)


def test_threat_profile_takes_the_highest_level_and_says_why(mini: ContentSet) -> None:
    profile = build_profile(mini, {"context.targeted_by": ("state_security",), "context.expect_arrest": ("yes",)})
    assert profile.levels["spyware"].level == "high"
    assert profile.levels["seizure"].level == "severe"
    assert [o.id for _, o in profile.levels["seizure"].raised_by] == ["yes"]
    assert profile.levels["border"].level == "low"  # baseline, raised by nothing
    assert profile.levels["border"].raised_by == ()


def test_baseline_profile_without_context(mini: ContentSet) -> None:
    profile = build_profile(mini, {})
    assert {t: lv.level for t, lv in profile.levels.items()} == {t.id: t.baseline for t in mini.scoring.threats}


def test_residual_risk_strong_practices_stay_out_of_the_top_band(mini: ContentSet) -> None:
    score, band = _device_score(mini, {**HIGH_THREAT, **PROTECTED})
    assert score == 0 and band == "low"


def test_residual_risk_unprotected_high_threat_is_critical(mini: ContentSet) -> None:
    score, band = _device_score(mini, {**HIGH_THREAT, **UNPROTECTED})
    assert band == "critical" and score is not None and score >= 75


def test_threat_profile_changes_which_answers_weigh_most(mini: ContentSet) -> None:
    # Same practices; keeping old chats guards against smears too, so it weighs more for someone
    # facing online mobs than for someone who knows of nobody targeting them.
    answers = {"device.phone_os": ("android",), "device.screen_lock": ("passphrase",), "device.android_updates": ("yes",),
               "device.kept_data": ("old_chats", "member_lists"), "device.returned": ("no",)}
    mobbed, _ = _device_score(mini, {"context.targeted_by": ("online_mobs",), **answers})
    unknown, _ = _device_score(mini, {**LOW_THREAT, **answers})
    assert (unknown, mobbed) == (23, 31)


def test_conditioned_out_and_skipped_questions_never_count(mini: ContentSet) -> None:
    profile = build_profile(mini, LOW_THREAT)
    module = mini.module("device")
    assert module is not None
    # Lockdown Mode applies only to iPhone users at high spyware risk: an answer to it is ignored here.
    answers = {**LOW_THREAT, "device.phone_os": ("ios",), "device.lockdown_mode": ("no",), "device.screen_lock": ("passphrase",)}
    result = score_module(module, answers, profile, mini)
    assert "device.lockdown_mode" not in {a.question.qid for a in result.answers}
    assert "device.lockdown_mode" not in {q.qid for q in result.unanswered}
    assert result.score == 0
    assert {q.qid for q in result.unanswered} == {"device.kept_data", "device.returned"}


def test_not_sure_scores_as_moderate_risk(mini: ContentSet) -> None:
    question = mini.question("device.screen_lock")
    assert question is not None
    assert question.option("not_sure").risk == 5  # type: ignore[union-attr]
    score, band = _device_score(mini, {"device.screen_lock": ("not_sure",)})
    assert score == 50 and band == "high"


def test_nothing_answered_is_not_assessed(mini: ContentSet) -> None:
    assert _device_score(mini, {}) == (None, "")


def test_explain_points_add_up_to_the_score(mini: ContentSet) -> None:
    result = assess(mini, {**HIGH_THREAT, **UNPROTECTED}, select_modules(mini, ["device"]), TODAY)
    device = next(s for s in result.scores if s.module.id == "device")
    assert round(sum(device.points(a) for a in device.answers)) == device.score


def test_plan_urgent_first_each_item_once_with_its_answers(mini: ContentSet) -> None:
    answers = {**HIGH_THREAT, **UNPROTECTED, "device.returned": ("yes",)}
    result = assess(mini, answers, select_modules(mini, []), TODAY)
    items = result.plan.items
    assert items[0].item.id == "dev-returned" and items[0].urgent and items[0].bucket == "today"
    ids = [i.item.id for i in items]
    assert len(ids) == len(set(ids))
    keep_little = next(i for i in items if i.item.id == "dev-keep-little")
    assert {o.id for _, o in keep_little.triggers} == {"old_chats", "member_lists"}


def test_plan_shows_steps_only_for_the_persons_platforms(mini: ContentSet) -> None:
    result = assess(mini, {"device.phone_os": ("ios",), "device.screen_lock": ("pin4",)}, select_modules(mini, []), TODAY)
    lock = next(i for i in result.plan.items if i.item.id == "dev-lock")
    assert [p for p, _ in lock.steps] == ["general", "ios"]


def test_plan_buckets_follow_risk_times_weight(mini: ContentSet) -> None:
    high = assess(mini, {**HIGH_THREAT, "device.screen_lock": ("none",)}, select_modules(mini, []), TODAY)
    low = assess(mini, {**LOW_THREAT, "device.screen_lock": ("pin4",)}, select_modules(mini, []), TODAY)
    assert next(i for i in high.plan.items if i.item.id == "dev-lock").bucket == "today"  # 10 x 0.75
    assert next(i for i in low.plan.items if i.item.id == "dev-lock").bucket == "week"  # 6 x 0.5


def test_quick_wins_first_at_equal_priority(mini: ContentSet) -> None:
    # keep-little (an hour) and lock (minutes) both triggered at the same risk x weight.
    answers = {"device.screen_lock": ("pin4",), "device.kept_data": ("old_chats",)}
    result = assess(mini, answers, select_modules(mini, []), TODAY)
    week = [i.item.id for i in result.plan.bucket("week")]
    later = [i.item.id for i in result.plan.bucket("later")]
    assert week == ["dev-lock"] and later == ["dev-keep-little"]


def test_not_sure_points_to_guidance(mini: ContentSet) -> None:
    result = assess(mini, {"device.android_updates": ("not_sure",), "device.phone_os": ("android",)}, select_modules(mini, []), TODAY)
    # android_updates' not_sure lists no guidance of its own: it points to the riskiest answer's.
    assert "dev-updates" in [i.item.id for i in result.plan.items]


def test_stale_content_is_reported(mini: ContentSet) -> None:
    result = assess(mini, {}, select_modules(mini, []), TODAY)
    assert result.stale == ("dev-keep-little",)


def test_deterministic(mini: ContentSet) -> None:
    answers = {**HIGH_THREAT, **UNPROTECTED}
    first = assess(mini, answers, select_modules(mini, []), TODAY)
    second = assess(mini, answers, select_modules(mini, []), TODAY)
    assert [(s.score, s.band) for s in first.scores] == [(s.score, s.band) for s in second.scores]
    assert [i.item.id for i in first.plan.items] == [i.item.id for i in second.plan.items]
