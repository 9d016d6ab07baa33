"""The guided session's decisions without a terminal: question selection, honest progress,
danger now, the last screen, marks in saves, exclusive options."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from safetycheck.cli.prompts import Item, Picker
from safetycheck.content.catalog import load_content
from safetycheck.engine.assessment import assess, select_modules
from safetycheck.engine.model import ContentSet, Question
from safetycheck.engine.quick import QUICK_MAX, danger_now, deeper_questions, quick_questions
from safetycheck.engine.session import SKIP, Progress, SessionState, run_pass
from safetycheck.i18n.messages import strings
from safetycheck.render.summary import build_summary, layout
from safetycheck.storage.saves import from_bytes, to_bytes

from .conftest import EXAMPLES
from .terminal import GUIDED


@pytest.fixture(scope="module")
def guided() -> ContentSet:
    return load_content(bundled=GUIDED)


class Script:
    def __init__(self, replies: dict[str, tuple[str, ...] | str]) -> None:
        self.replies = replies
        self.seen: list[tuple[str, int, int]] = []

    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        self.seen.append((question.qid, progress.number, progress.total))
        return self.replies.get(question.qid, SKIP)


def test_quick_check_is_danger_first_then_marked_questions(guided: ContentSet) -> None:
    picked = [q.qid for q in quick_questions(guided, guided.modules)]
    assert picked[0] == "context.happening_now"
    assert picked == ["context.happening_now", "context.targeted_by", "device.phone_os", "device.screen_lock",
                      "device.kept_data", "accounts.two_step"]


def test_quick_check_without_marks_stays_short_and_covers_every_area(bundled: ContentSet) -> None:
    picked = quick_questions(bundled, bundled.modules)
    assert len(picked) <= QUICK_MAX
    assert {q.module for q in picked} >= {m.id for m in bundled.modules if m.scored and m.questions}


def test_progress_total_never_grows_and_deeper_asks_only_the_rest(guided: ContentSet) -> None:
    state = SessionState()
    script = Script({"context.happening_now": ("nothing_now",), "device.phone_os": ("android",), "device.screen_lock": ("none",)})
    run_pass(guided, quick_questions(guided, guided.modules), script, state, quick=True)
    assert [n for _, n, _ in script.seen] == list(range(1, 7))
    assert {t for _, _, t in script.seen} == {6}
    rest = [q.qid for q in deeper_questions(guided.module("device"), state.asked)]  # type: ignore[arg-type]
    assert rest == ["device.android_updates", "device.returned"]
    deeper = Script({"device.android_updates": ("no",)})
    run_pass(guided, deeper_questions(guided.module("device"), state.asked), deeper, state)  # type: ignore[arg-type]
    assert [(q, n, t) for q, n, t in deeper.seen] == [("device.android_updates", 1, 2), ("device.returned", 2, 2)]


def test_danger_now_brings_its_items_and_at_most_three_contacts(guided: ContentSet) -> None:
    danger = danger_now(guided, {"context.happening_now": ("arrest_expected", "device_taken")})
    assert danger.guidance == ("ctx-arrest", "dev-returned")
    assert danger.contacts == ("frontline", "access-now")
    assert not danger_now(guided, {"context.happening_now": ("nothing_now",)}).urgent


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize(("columns", "rows"), [(80, 24), (40, 30)])
def test_last_screen_fits_and_starts_with_the_plan(bundled: ContentSet, lang: str, columns: int, rows: int) -> None:
    from safetycheck.content.answers import read_answers

    answers, modules = read_answers(EXAMPLES / "peace-activist-baku.yaml", bundled)
    assessment = assess(bundled, answers, select_modules(bundled, [], modules), dt.date(2026, 12, 7))
    summary = build_summary(assessment, lang)
    assert 1 <= len(summary.start) <= 5
    first = assessment.plan.items[0]
    assert summary.start[0].id == first.item.id  # in the plan's order
    lines = layout(summary, lang, columns, rows, ["footer"])
    assert len(lines) <= rows and all(len(line) < columns for _, line in lines)
    assert lines[0][1].startswith(strings(lang)["summary_title"].split(" ·")[0])
    done = build_summary(assessment, lang, done={first.item.id})
    assert first.item.id not in {s.id for s in done.start} and done.done == 1


def test_picker_keeps_exclusive_options_alone() -> None:
    picker = Picker([Item("a", "A"), Item("b", "B"), Item("none", "None", exclusive=True)], True, ())
    picker.toggle(strings("en"))
    picker.move(1)
    picker.toggle(strings("en"))
    assert picker.chosen() == ("a", "b")
    picker.move(1)
    picker.toggle(strings("en"))
    assert picker.chosen() == ("none",) and "cannot go together" in picker.note
    picker.move(1)
    picker.toggle(strings("en"))
    assert picker.chosen() == ("a",)


def test_saves_keep_marks_and_progress_and_released_saves_still_open(guided: ContentSet) -> None:
    data = to_bytes({"device.phone_os": ("ios",)}, ("device",), "en", guided, dt.date(2026, 12, 7),
                    done=("dev-lock",), asked=("device.phone_os", "device.screen_lock"), stage="quick")
    saved = from_bytes(data, "x")
    assert saved.done == ("dev-lock",) and not saved.finished and "device.screen_lock" in saved.asked
    released = {"payload_version": 1, "tool_version": "0.1.0", "content_version": "x", "date": "2026-01-02",
                "lang": "ru", "modules": ["device"], "answers": {"device.phone_os": ["ios"]}}
    old = from_bytes(json.dumps(released).encode(), "old")
    assert old.finished and old.done == () and old.asked == ("device.phone_os",)


def test_last_screen_with_nothing_answered_does_not_say_all_is_well(guided: ContentSet) -> None:
    assessment = assess(guided, {}, select_modules(guided, []), dt.date(2026, 12, 7))
    text = "\n".join(line for _, line in layout(build_summary(assessment, "en"), "en", 80, 24, []))
    assert "Nothing answered yet" in text and "Keep your habits" not in text


def test_help_contacts_speak_the_persons_language_first(bundled: ContentSet) -> None:
    from safetycheck.engine.quick import help_for, in_their_language

    ids = ("citizen-lab", "cpj-emergencies", "front-line-defenders", "access-now-helpline")
    # Russian: the two who answer in Russian come first; English: the situation's own order
    assert in_their_language(bundled, ids, "ru") == ("front-line-defenders", "access-now-helpline", "citizen-lab")
    assert in_their_language(bundled, ids, "en") == ids[:3]
    # nobody answers in Azerbaijani: the situation's order stands
    assert in_their_language(bundled, ids, "az") == ids[:3]
    # nothing happening now: still one name on the last screen, the general helpline
    assert help_for(bundled, {}, "az") == ("access-now-helpline",)
    arrest = help_for(bundled, {"context.danger_now": ("arrest_soon",)}, "en")
    assert 1 <= len(arrest) <= 3 and "access-now-helpline" in arrest


def test_start_here_says_why_an_urgent_item_cannot_wait(bundled: ContentSet) -> None:
    answers = {"context.organises_people": ("lists_held",), "organising.coadmin_detained": ("detained_now",)}
    assessment = assess(bundled, answers, select_modules(bundled, []), dt.date(2026, 12, 7))
    start = build_summary(assessment, "en").start
    coadmin = next(s for s in start if s.id == "org-detained-coadmin")
    assert coadmin.reason_kind == "urgent" and coadmin.reason.startswith("A co-admin is detained")
    text = "\n".join(line for _, line in layout(build_summary(assessment, "en"), "en", 80, 24, []))
    assert "Urgent because: A co-admin is detained" in text
    assert "Because you answered: A co-admin" not in text


def test_start_here_gives_upkeep_its_why_not_an_answer(bundled: ContentSet) -> None:
    # nothing answered: only keeping-well items, which no answer brought
    assessment = assess(bundled, {}, select_modules(bundled, []), dt.date(2026, 12, 7))
    summary = build_summary(assessment, "en")
    assert summary.start and all(s.reason_kind == "why" for s in summary.start)
    text = "\n".join(line for _, line in layout(summary, "en", 80, 24, []))
    assert "Because you answered" not in text and "Why: " in text


def test_start_here_says_what_a_reply_answers_and_points_to_a_reason_already_given(bundled: ContentSet) -> None:
    from safetycheck.content.answers import read_answers

    answers, modules = read_answers(EXAMPLES / "exile-parents-visited.yaml", bundled)
    assessment = assess(bundled, answers, select_modules(bundled, [], modules), dt.date(2026, 12, 7))
    text = "\n".join(line for _, line in layout(build_summary(assessment, "en"), "en", 80, 24, []))
    # "Yes, recently, …" alone does not say what it answers: its question comes with it
    assert "because of you? → Yes, recently, or it is happening now" in " ".join(text.split())
    # a reason given for an earlier action is pointed to, not repeated
    assert "For the same reason as 1." in text
    assert text.count("Yes, recently, or it is happening now") == 1
