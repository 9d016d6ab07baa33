"""Property tests over random answer sets on the bundled content (issue 11, item 9)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safetycheck.content.catalog import load_content
from safetycheck.engine.assessment import Assessment, assess
from safetycheck.engine.fit import reading_of
from safetycheck.engine.model import NOT_SURE, ContentSet, Question
from safetycheck.render.html import render_html
from safetycheck.render.report import build_view
from safetycheck.render.text import render_markdown, render_plain

from .conftest import TODAY

CONTENT: ContentSet = load_content()
URL = re.compile(r"https://\S+|<https://[^>]+>|\S+@\S+")
TAG = re.compile(r"<[^>]+>")
ID = re.compile(r"\b(?:" + "|".join(sorted({g.split("-")[0] for g in CONTENT.guidance})) + r")-[a-z0-9]+(?:-[a-z0-9]+)*\b")


def _answer(question: Question) -> st.SearchStrategy[tuple[str, ...] | None]:
    ids = [o.id for o in question.options]
    exclusive = [o.id for o in question.options if o.exclusive or o.id == NOT_SURE]
    if question.type == "multiple":
        free = [i for i in ids if i not in exclusive]
        several = st.lists(st.sampled_from(free), min_size=1, unique=True).map(tuple) if free else st.nothing()
        return st.one_of(st.none(), st.sampled_from(exclusive).map(lambda i: (i,)) if exclusive else st.nothing(), several)
    return st.one_of(st.none(), st.sampled_from(ids).map(lambda i: (i,)))


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, tuple[str, ...]]:
    answers = {}
    for module in CONTENT.modules:
        for question in module.questions:
            chosen = draw(_answer(question))
            if chosen:
                answers[question.qid] = chosen
    return answers


def _assess(answers: dict[str, tuple[str, ...]]) -> Assessment:
    return assess(CONTENT, answers, list(CONTENT.modules), TODAY)


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPERTY
@given(answer_sets())
def test_plan_never_holds_what_is_done_ruled_out_or_for_someone_else(answers: dict[str, tuple[str, ...]]) -> None:
    result = _assess(answers)
    reading = reading_of(CONTENT, answers, result.profile)
    for planned in result.plan.items:
        item = planned.item
        assert item.done_when is None or reading.truth(item.done_when) is not True, item.id
        assert item.needs is None or reading.truth(item.needs) is not False, item.id
        assert item.audience is None or reading.holds(item.audience), item.id
        shown = {id(t) for _, texts in planned.steps for t in texts}
        for steps in item.steps.values():
            for step in steps:
                if step.when is not None and not reading.holds(step.when):
                    assert id(step.text) not in shown, item.id
    for done in result.plan.in_place:
        assert reading.truth(done.item.done_when) is True
    assert len(result.plan.today) <= 5 and len(result.plan.week) <= 7
    if any(item.keeping_well for item in CONTENT.guidance.values()):
        assert result.plan.items, "a plan is never empty"
    ids = [p.item.id for p in result.plan.items]
    assert len(ids) == len(set(ids))


@PROPERTY
@given(answer_sets(), st.sampled_from(["en", "az", "ru"]))
def test_no_id_in_rendered_prose(answers: dict[str, tuple[str, ...]], lang: str) -> None:
    view = build_view(_assess(answers), lang)
    for text in (render_plain(view), render_markdown(view), TAG.sub(" ", render_html(view))):
        prose = URL.sub(" ", text)
        found = ID.search(prose)
        assert found is None, prose[max(0, found.start() - 80): found.end() + 20]


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
def test_resources_only_for_the_persons_platforms(lang: str) -> None:
    answers = {"device.phone_os": ("android",), "context.targeted_by": ("state_security",)}
    result = _assess(answers)
    for planned in result.plan.items:
        for resource in planned.resources:
            assert not resource.platforms or "android" in resource.platforms, planned.item.id
        assert {p for p, _ in planned.steps} <= {"general", "android"} or planned.steps == tuple(
            (p, tuple(s.text for s in steps)) for p, steps in planned.item.steps.items()), planned.item.id


@PROPERTY
@given(answer_sets())
def test_every_kept_item_lands_in_one_bucket(answers: dict[str, tuple[str, ...]]) -> None:
    """Nothing triggered is lost: each triggered item is planned, in place, or ruled out for a reason."""
    result = _assess(answers)
    reading = reading_of(CONTENT, answers, result.profile)
    placed = {p.item.id for p in result.plan.items} | {p.item.id for p in result.plan.in_place}
    for score in result.scores:
        for question in score.answered:
            for option in (o for o in question.options if o.id in answers[question.qid]):
                for gid in option.guidance:
                    item = CONTENT.guidance[gid]
                    lost = gid not in placed
                    explained = (item.audience is not None and not reading.holds(item.audience)) or (
                        item.needs is not None and reading.truth(item.needs) is False)
                    assert not lost or explained, gid
