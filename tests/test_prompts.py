"""The question widget and the session flow, driven by prompt_toolkit's pipe input."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput

from safetycheck.cli.prompts import PromptAsker as QuestionaryAsker
from safetycheck.engine.model import ContentSet, Question
from safetycheck.engine.session import BACK, SKIP, Progress, run_session

DOWN, ENTER, SPACE, CTRL_C = "\x1b[B", "\r", " ", "\x03"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe_input, create_app_session(input=pipe_input, output=DummyOutput()):
        yield pipe_input


class ScriptedAsker:
    """Answers from a script, recording what it was asked: the engine without a terminal."""

    def __init__(self, replies: list[tuple[str, ...] | str]) -> None:
        self.replies = replies
        self.asked: list[tuple[str, int, int]] = []

    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        self.asked.append((question.qid, progress.number, progress.total))
        return self.replies.pop(0)


def test_session_applies_conditions_live(mini: ContentSet) -> None:
    device = mini.module("device")
    asker = ScriptedAsker([("android",), ("none",), ("no",), SKIP, ("yes",)])
    answers = run_session(mini, [device], asker)  # type: ignore[list-item]
    asked = [qid for qid, _, _ in asker.asked]
    assert "device.android_updates" in asked and "device.lockdown_mode" not in asked
    assert answers == {"device.phone_os": ("android",), "device.screen_lock": ("none",),
                       "device.android_updates": ("no",), "device.returned": ("yes",)}
    assert asker.asked[0][1:] == (1, 6)  # an upper bound: the two phone-specific questions may apply
    totals = [total for _, _, total in asker.asked]
    assert totals == sorted(totals, reverse=True) and totals[-1] == 5  # it only shrinks, never grows
    assert [n for _, n, _ in asker.asked] == [1, 2, 3, 4, 5]


def test_going_back_re_asks_and_drops_answers_that_no_longer_apply(mini: ContentSet) -> None:
    device = mini.module("device")
    asker = ScriptedAsker([("android",), ("none",), BACK, BACK, ("ios",), ("pin4",), SKIP, SKIP])
    answers = run_session(mini, [device], asker)  # type: ignore[list-item]
    assert answers == {"device.phone_os": ("ios",), "device.screen_lock": ("pin4",)}
    assert "device.android_updates" not in answers


def test_back_on_the_first_question_stays_there(mini: ContentSet) -> None:
    device = mini.module("device")
    asker = ScriptedAsker([BACK, ("ios",), SKIP, SKIP, SKIP])
    run_session(mini, [device], asker)  # type: ignore[list-item]
    assert [qid for qid, _, _ in asker.asked][:2] == ["device.phone_os", "device.phone_os"]


def test_select_widget_returns_the_option_id(keys: PipeInput, mini: ContentSet) -> None:
    question = mini.question("device.screen_lock")
    keys.send_text(DOWN + ENTER)
    reply = QuestionaryAsker("en").ask(question, Progress(1, 3, mini.module("device"), False), None)  # type: ignore[arg-type]
    assert reply == ("pin4",)


def test_not_sure_skip_and_back_are_offered(keys: PipeInput, mini: ContentSet) -> None:
    question = mini.question("device.screen_lock")
    module = mini.module("device")
    asker = QuestionaryAsker("en")
    keys.send_text(DOWN * 3 + ENTER)  # none, pin4, passphrase, not_sure
    assert asker.ask(question, Progress(1, 3, module, True), None) == ("not_sure",)  # type: ignore[arg-type]
    keys.send_text("s")  # skip and back are keys, not answers
    assert asker.ask(question, Progress(1, 3, module, True), None) == SKIP  # type: ignore[arg-type]
    keys.send_text("b")
    assert asker.ask(question, Progress(1, 3, module, True), None) == BACK  # type: ignore[arg-type]
    keys.send_text("и")  # the same key on a Russian layout
    assert asker.ask(question, Progress(1, 3, module, True), None) == BACK  # type: ignore[arg-type]


def test_enter_on_nothing_ticked_waits_and_not_sure_is_exclusive(keys: PipeInput, mini: ContentSet) -> None:
    question = mini.question("device.kept_data")
    module = mini.module("device")
    keys.send_text(ENTER + SPACE + ENTER)  # Enter alone records nothing: the question stays
    assert QuestionaryAsker("en").ask(question, Progress(1, 3, module, False), None) == ("old_chats",)  # type: ignore[arg-type]
    keys.send_text(SPACE + DOWN * 3 + SPACE + ENTER)  # old chats, then "not sure": the tick moves
    assert QuestionaryAsker("en").ask(question, Progress(1, 3, module, False), None) == ("not_sure",)  # type: ignore[arg-type]


def test_checkbox_widget_returns_several(keys: PipeInput, mini: ContentSet) -> None:
    question = mini.question("device.kept_data")
    keys.send_text(SPACE + DOWN + SPACE + ENTER)
    reply = QuestionaryAsker("en").ask(question, Progress(1, 3, mini.module("device"), False), None)  # type: ignore[arg-type]
    assert reply == ("old_chats", "member_lists")


def test_ctrl_c_raises_keyboard_interrupt(keys: PipeInput, mini: ContentSet) -> None:
    keys.send_text(CTRL_C)
    with pytest.raises(KeyboardInterrupt):
        QuestionaryAsker("en").ask(mini.question("device.screen_lock"), Progress(1, 1, mini.module("device"), False), None)  # type: ignore[arg-type]


def test_interactive_check_through_the_cli(keys: PipeInput, monkeypatch: pytest.MonkeyPatch) -> None:
    """CliRunner + pipe input: the whole command with every question skipped by Enter on empty checkboxes."""
    from typer.testing import CliRunner

    from safetycheck.cli.app import app
    from safetycheck.content.catalog import load_content

    content = load_content()
    monkeypatch.setattr("safetycheck.cli.check.stdin_is_tty", lambda: True)
    # Skip every question of context and device with the s key.
    count = sum(len(m.questions) for m in (content.module("context"), content.module("device")) if m)
    keys.send_text("s" * count)
    result = CliRunner().invoke(app, ["check", "device", "--format", "plain"])
    assert result.exit_code == 0, result.output
    assert "Your plan" in result.stdout
