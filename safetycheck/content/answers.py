"""Answers files: read and check them (no prompts here), and write blank templates."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safetycheck.engine.conditions import Answers
from safetycheck.engine.model import ContentSet, Module, Option, Question
from safetycheck.errors import AnswersError, SafetycheckError
from safetycheck.i18n.language import say
from safetycheck.i18n.messages import tr

MAX_ANSWERS_BYTES = 256 * 1024


def read_answers(path: Path, content: ContentSet, shown: str | None = None) -> tuple[Answers, tuple[str, ...]]:
    """Parse an answers file; returns the answers and the module ids it covers, in file order."""
    from safetycheck.content.loader import read_yaml
    from safetycheck.content.nodes import Node

    shown = shown or str(path)
    try:
        data = read_yaml(path, shown, MAX_ANSWERS_BYTES)
    except SafetycheckError as exc:
        raise AnswersError(exc.message, exc.path, exc.line) from None
    if data is None:
        raise AnswersError(tr("err_answers_empty"), shown, 1)
    if not isinstance(data, Node) or "answers" not in data:
        raise AnswersError(tr("err_answers_shape"), shown, getattr(data, "line", 1))
    for key in data:
        if key != "answers":
            raise AnswersError(tr("err_answers_key", key=key), shown, data.line_of(key))
    by_module = data["answers"]
    if by_module is None:
        return {}, ()
    if not isinstance(by_module, Node):
        raise AnswersError(tr("err_answers_modules"), shown, data.line_of("answers"))
    answers: dict[str, tuple[str, ...]] = {}
    modules: list[str] = []
    for module_id, entries in by_module.items():
        module = content.module(module_id)
        line = by_module.line_of(module_id)
        if module is None:
            known = ", ".join(m.id for m in content.modules)
            raise AnswersError(tr("err_unknown_module", id=module_id, known=known), shown, line)
        modules.append(module_id)
        if entries is None:
            continue
        if not isinstance(entries, Node):
            raise AnswersError(tr("err_module_answers", id=module_id), shown, line)
        for question_id, value in entries.items():
            question = current_question(module, str(question_id))
            qline = entries.line_of(question_id)
            if question is None:
                raise AnswersError(tr("err_unknown_question", id=question_id, module=module_id), shown, qline)
            chosen = _chosen(question, value, shown, qline)
            if chosen:
                answers[question.qid] = chosen
    return answers, tuple(modules)


def _chosen(question: Question, value: Any, shown: str, line: int) -> tuple[str, ...]:
    if value is None or value == []:
        return ()
    if isinstance(value, bool) and question.type == "yesno":
        value = "yes" if value else "no"
    values = value if isinstance(value, list) else [value]
    if len(values) > 1 and question.type != "multiple":
        raise AnswersError(tr("err_one_answer", id=question.qid), shown, line)
    chosen = []
    for entry in values:
        option = current_option(question, str(entry)) if isinstance(entry, str) else None
        if option is None:
            ids = ", ".join(o.id for o in question.options)
            raise AnswersError(tr("err_unknown_option", option=entry, id=question.qid, options=ids), shown, line)
        if option.id not in chosen:
            chosen.append(option.id)
    exclusive = [o.id for o in question.options if o.exclusive and o.id in chosen]
    if exclusive and len(chosen) > 1:  # "none", "not sure": never together with another answer
        raise AnswersError(tr("err_exclusive_answer", id=question.qid, option=exclusive[0]), shown, line)
    return tuple(chosen)


def current_question(module: Module, question_id: str) -> Question | None:
    """The question asked under this id today, or the one that replaced a retired id (old answers
    files and saves keep working after a question is renamed or merged)."""
    return (next((q for q in module.questions if q.id == question_id), None)
            or next((q for q in module.questions if question_id in q.replaces), None))


def current_option(question: Question, option_id: str) -> Option | None:
    """The option with this id, or the one that replaced a retired option id."""
    return question.option(option_id) or next((o for o in question.options if option_id in o.replaces), None)


def _comment(text: str) -> list[str]:
    return [f"    # {line}".rstrip() for line in text.splitlines() or [""]]


def render_template(content: ContentSet, modules: Sequence[Module], lang: str, strings: dict[str, str]) -> str:
    """A blank answers file: every question as comments, every answer empty (itself valid)."""
    lines = [f"# {strings['template_intro']}", f"# {strings['template_how']}", "answers:"]
    for module in modules:
        label = f" [{strings['from_pack']}]" if module.from_pack else ""
        lines.append(f"  # == {' '.join(say(module.title, lang).split())}{label} ==")  # one line, whatever the title holds
        lines.append(f"  {module.id}:")
        for question in module.questions:
            lines.append("")
            lines += _comment(say(question.text, lang))
            lines += _comment(f"{strings['why']}: {say(question.why, lang)}")
            kind = strings["pick_several"] if question.type == "multiple" else strings["pick_one"]
            lines += _comment(kind)
            for option in question.options:
                label = say(option.label, lang) if option.label else strings.get(f"option_{option.id}", option.id)
                lines += _comment(f"  {option.id:<20} {label}")
            if question.when is not None:
                lines += _comment(strings["template_conditional"])
            lines.append(f"    {question.id}:")
    return "\n".join(lines) + "\n"
