"""Asks on a real terminal with prompt_toolkit: the only module that imports it.

One small widget for every question, so that nothing can be misanswered: Enter with nothing
ticked says so instead of recording nothing; Back, Skip and Save-for-later are keys, never boxes
ticked beside answers; exclusive options ("no one", "not sure") untick the others; every text is
wrapped to the real width with a hanging indent, redrawn on resize. Ctrl-C raises
KeyboardInterrupt for the boundary: a panic exit.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.styles import Style

from safetycheck.engine.model import NOT_SURE, Question
from safetycheck.engine.session import BACK, PAUSE, SKIP, Progress
from safetycheck.i18n.messages import strings
from safetycheck.render.report import answer_label, say

STYLE_RULES = {"header": "#808080", "question": "bold", "why": "#808080 italic", "pointer": "bold",
               "current": "bold reverse", "hint": "#808080", "note": "#d7af00 bold", "title": "bold"}
# The same keys on a Russian keyboard layout, so nobody has to switch layouts to go back or skip.
ALIASES = {"b": "и", "s": "ы", "x": "ч", "q": "й", "p": "з", "d": "в", "r": "к", "a": "ф", "g": "п", "w": "ц"}
BAND_STYLES = {"band-critical": "#ff5f5f bold", "band-high": "#ff8700", "band-moderate": "#d7af00", "band-low": "#5faf5f",
               "urgent": "#ff5f5f bold", "item": "bold", "title": "bold", "heading": "bold underline", "reason": "#808080",
               "dim": "#808080"}
STYLE = Style.from_dict({**BAND_STYLES, **STYLE_RULES})


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """Wrap on words, never cutting one unless it cannot fit (a URL is put on its own line)."""
    rest = first if rest is None else rest
    out: list[str] = []
    for n, para in enumerate(text.split("\n")):
        lines = textwrap.wrap(para, width=max(10, width), initial_indent=first if n == 0 else rest,
                              subsequent_indent=rest, break_on_hyphens=False,
                              break_long_words=True) or [first if n == 0 else rest]
        out += lines
    return out


@dataclass(frozen=True)
class Item:
    value: str
    label: str
    exclusive: bool = False


class Picker:
    """The state behind one question on screen."""

    def __init__(self, items: Sequence[Item], multiple: bool, ticked: Sequence[str], pointer: int = 0) -> None:
        self.items = list(items)
        self.multiple = multiple
        self.ticked = [v for v in ticked if any(i.value == v for i in self.items)]
        self.pointer = pointer
        self.note = ""

    def move(self, step: int) -> None:
        self.pointer = (self.pointer + step) % len(self.items)
        self.note = ""

    def toggle(self, notes: dict[str, str]) -> None:
        item = self.items[self.pointer]
        self.note = ""
        if item.value in self.ticked:
            self.ticked.remove(item.value)
            return
        if item.exclusive and self.ticked:
            self.note = notes["exclusive_cleared"].format(option=item.label)
            self.ticked = []
        elif not item.exclusive:
            blocking = [i for i in self.items if i.exclusive and i.value in self.ticked]
            if blocking:
                self.note = notes["exclusive_cleared"].format(option=item.label)
                self.ticked = [v for v in self.ticked if v not in {i.value for i in blocking}]
        self.ticked.append(item.value)

    def chosen(self) -> tuple[str, ...]:
        order = [i.value for i in self.items]
        return tuple(sorted(self.ticked, key=order.index))


class _Current:
    """What the shared application shows and which keys it answers, swapped for each screen."""

    render: Callable[[int, int], StyleAndTextTuples] = staticmethod(lambda width, rows: [])
    bindings: KeyBindings = KeyBindings()


def _app() -> Application[str]:
    """One application per terminal session, reused for every screen: building one loads
    prompt_toolkit's hundreds of default key bindings, which cost more than drawing a question."""
    from prompt_toolkit.application.current import get_app_session
    from prompt_toolkit.key_binding import DynamicKeyBindings

    session = get_app_session()
    app: Application[str] | None = getattr(session, "_safetycheck_app", None)
    if app is None:
        control = FormattedTextControl(lambda: _Current.render(*_size()), focusable=True, show_cursor=False)
        app = Application(layout=Layout(Window(control, wrap_lines=True, always_hide_cursor=True)),
                          key_bindings=DynamicKeyBindings(lambda: _Current.bindings), style=STYLE,
                          erase_when_done=True, mouse_support=False)
        session._safetycheck_app = app  # type: ignore[attr-defined]
    return app


def _run(render: Callable[[int, int], StyleAndTextTuples], bindings: KeyBindings, erase: bool = True) -> str:
    """Run a one-screen inline application; its result is the string a key binding exits with."""
    _Current.render = render
    _Current.bindings = bindings
    app = _app()
    app.erase_when_done = erase
    return str(app.run())


def _size() -> tuple[int, int]:
    """Columns and rows of the terminal now (read on every redraw, so a resize re-wraps)."""
    from prompt_toolkit.application.current import get_app

    size = get_app().output.get_size()
    return max(20, size.columns), max(5, size.rows)


def _bind(bindings: KeyBindings, keys: Sequence[str], handler: Callable[[KeyPressEvent], None]) -> None:
    for key in keys:
        bindings.add(key)(handler)
        if key in ALIASES:
            bindings.add(ALIASES[key])(handler)


class PromptAsker:
    """Asks each question with the widget; the Asker of the guided session and `check`."""

    def __init__(self, lang: str, can_pause: bool = True) -> None:
        self.lang = lang
        self.s = strings(lang)
        self.can_pause = can_pause

    def items(self, question: Question) -> list[Item]:
        ordered = [o for o in question.options if o.id != NOT_SURE] + [o for o in question.options if o.id == NOT_SURE]
        return [Item(o.id, answer_label(question, o, self.lang), o.exclusive or o.id == NOT_SURE) for o in ordered]

    def header(self, progress: Progress) -> str:
        area = say(progress.module.title, self.lang)
        if progress.quick:
            return self.s["progress_quick"].format(n=progress.number, total=progress.total, module=area)
        return self.s["progress"].format(n=progress.number, total=progress.total, module=area)

    def hint(self, multiple: bool, can_go_back: bool) -> str:
        keys = [self.s["key_move"], self.s["key_tick"] if multiple else self.s["key_choose"]]
        if multiple:
            keys.append(self.s["key_confirm"])
        if can_go_back:
            keys.append(self.s["key_back"])
        keys.append(self.s["key_skip"])
        if self.can_pause:
            keys.append(self.s["key_pause"])
        keys.append(self.s["key_quit"])
        return " · ".join(keys)

    def screen(self, question: Question, progress: Progress, picker: Picker, width: int, rows: int = 0) -> StyleAndTextTuples:
        """Header, question, why, the note (where the eye is), options, keys. When it is taller than
        the terminal, the why and then the key line give way, so the options stay in view."""
        w = width - 1  # the last column would make some terminals wrap early
        head = [("class:header", line) for line in wrap(self.header(progress), w)]
        head += [("class:question", line) for line in wrap(say(question.text, self.lang), w)]
        why = [("class:why", line) for line in wrap(say(question.why, self.lang), w, "  ")]
        note = [("class:note", line) for line in wrap(picker.note, w)] if picker.note else []
        options: list[tuple[str, str, bool]] = []
        for n, item in enumerate(picker.items):
            # A mark before every option, so a wrapped label's second line (indented under the
            # label) never looks like an option of its own; (•) is the answer given before.
            if picker.multiple:
                mark = "[x] " if item.value in picker.ticked else "[ ] "
            else:
                mark = "(•) " if item.value in picker.ticked else "( ) "
            first = f"{'❯ ' if n == picker.pointer else '  '}{mark}"
            for k, line in enumerate(wrap(item.label, w, first, " " * len(first))):
                options.append(("class:current" if n == picker.pointer else "", line, k == 0 and n == picker.pointer))
        hint = [("class:hint", line) for line in wrap(self.hint(picker.multiple, progress.can_go_back), w)]
        if rows and len(head) + len(why) + len(note) + len(options) + len(hint) + 2 > rows:
            why = []
        if rows and len(head) + len(note) + len(options) + len(hint) + 1 > rows:
            hint = [("class:hint", line) for line in wrap(f"{self.s['key_skip']} · {self.s['key_quit']}", w)]
        out: StyleAndTextTuples = []
        for style, line in head + why + note:
            out.append((style, line + "\n"))
        out.append(("", "\n"))
        for style, line, cursor in options:
            if cursor:
                out.append(("[SetCursorPosition]", ""))
            out.append((style, line))
            out.append(("", "\n"))
        out.append(("", "\n"))
        for n, (style, line) in enumerate(hint):
            out.append((style, line + ("\n" if n + 1 < len(hint) else "")))
        return out

    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        items = self.items(question)
        multiple = question.type == "multiple"
        values = [i.value for i in items]
        start = values.index(previous[0]) if previous and previous[0] in values else 0
        picker = Picker(items, multiple, previous or (), start)
        bindings = KeyBindings()
        notes = self.s

        _bind(bindings, ["up", "k"], lambda e: picker.move(-1))
        _bind(bindings, ["down", "j", "tab"], lambda e: picker.move(1))

        @bindings.add("c-c")
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt())

        def enter(event: KeyPressEvent) -> None:
            if not multiple:
                event.app.exit(result="\x00" + picker.items[picker.pointer].value)
            elif picker.ticked:
                event.app.exit(result="\x00" + "\x00".join(picker.chosen()))
            else:
                picker.note = notes["nothing_ticked"]

        bindings.add("enter")(enter)
        if multiple:
            _bind(bindings, ["space"], lambda e: picker.toggle(notes))
        _bind(bindings, ["s"], lambda e: e.app.exit(result=SKIP))
        if progress.can_go_back:
            _bind(bindings, ["b", "left"], lambda e: e.app.exit(result=BACK))
        if self.can_pause:
            _bind(bindings, ["x"], lambda e: e.app.exit(result=PAUSE))
        for digit in range(1, min(9, len(items)) + 1):
            def jump(event: KeyPressEvent, n: int = digit - 1) -> None:
                picker.pointer = n
                picker.note = ""
            bindings.add(str(digit))(jump)

        result = _run(lambda width, rows: self.screen(question, progress, picker, width, rows), bindings)
        if result.startswith("\x00"):
            return tuple(result[1:].split("\x00"))
        return result


QuestionaryAsker = PromptAsker  # the old name, used by tests and `check`
