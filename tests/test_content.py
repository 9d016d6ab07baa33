"""The bundled content: complete, sourced, dated, and every item reachable."""

from __future__ import annotations

from safetycheck.content.crossref import untriggered_guidance
from safetycheck.engine.model import NOT_SURE, ContentSet

MODULES = ["context", "device", "accounts", "comms", "organising", "travel", "family", "online"]


def test_the_modules_in_order(bundled: ContentSet) -> None:
    assert [m.id for m in bundled.modules] == MODULES
    assert not bundled.modules[0].scored  # context builds the threat profile


def test_enough_questions_and_guidance(bundled: ContentSet) -> None:
    assert sum(len(m.questions) for m in bundled.modules) >= 100
    assert len(bundled.guidance) >= 70


def test_every_question_has_why_not_sure_and_threat_tags(bundled: ContentSet) -> None:
    for module in bundled.modules:
        for question in module.questions:
            assert question.why.values["en"].strip(), question.qid
            assert question.option(NOT_SURE) is not None, question.qid
            if module.scored:
                assert question.threats, question.qid


def test_every_guidance_item_is_triggered_by_some_answer(bundled: ContentSet) -> None:
    assert untriggered_guidance(list(bundled.modules), dict(bundled.guidance)) == []


def test_every_item_is_sourced_dated_and_has_steps(bundled: ContentSet) -> None:
    for item in bundled.guidance.values():
        assert item.resources, item.id
        assert all(r.url.startswith("https://") and r.source.strip() for r in item.resources), item.id
        assert item.reviewed.year >= 2025, item.id
        assert item.steps, item.id


def test_help_contacts_are_checked_and_include_the_access_now_helpline(bundled: ContentSet) -> None:
    assert any("Access Now" in c.name for c in bundled.help)
    assert all(c.url.startswith("https://") and c.checked.year >= 2025 for c in bundled.help)


def test_targeted_attack_measures_are_gated_on_the_threat_profile(bundled: ContentSet) -> None:
    for qid in ("device.lockdown_mode", "device.android_advanced_protection", "accounts.advanced_protection"):
        question = bundled.question(qid)
        assert question is not None and question.when is not None, qid
        assert "ThreatCondition" in repr(question.when), qid


def test_urgent_paths_exist(bundled: ContentSet) -> None:
    urgent = {(q.qid, o.id) for m in bundled.modules for q in m.questions for o in q.options if o.urgent}
    for expected in [("context.expect_arrest", "yes"), ("device.seized_before", "yes_not_secured"),
                     ("accounts.unrecognised_logins", "seen_not_handled"), ("family.relative_questioned", "yes_now"),
                     ("context.incidents", "threat_notification")]:
        assert expected in urgent, expected
