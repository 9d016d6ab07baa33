"""The screens around the questions: menus (start, danger now, areas), the last screen with its
keys, ticking actions done, the pager for the full plan, a file name. Drawn with the same shared
prompt_toolkit application as the questions (see prompts.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl

from safetycheck.cli.prompts import STYLE, Item, Picker, _bind, _run, wrap
from safetycheck.i18n.messages import strings


def text_lines(line: str, width: int) -> list[str]:
    """A line of a screen, wrapped: numbered and bulleted lines hang under their text; an address
    stands alone and is broken only where it is longer than the whole width (never shortened)."""
    import re

    stripped = line.strip()
    if stripped.startswith("https://") and " " not in stripped:
        indented = line if len(line) <= width else stripped
        return [indented[i:i + width] for i in range(0, len(indented), width)]
    prefix = re.match(r"^\s*(?:\d+\.|•|-)\s+", line)
    return wrap(line, width, "", " " * len(prefix.group(0)) if prefix else "")


def choose(title_lines: Sequence[str], choices: Sequence[tuple[str, str]], lang: str, default: int = 0,
           keys: dict[str, str] | None = None) -> str:
    """A menu: lines of text, then one choice per line; Enter picks, or a shortcut key. Returns its value."""
    s = strings(lang)
    picker = Picker([Item(v, label) for v, label in choices], False, (), default)
    bindings = KeyBindings()
    _bind(bindings, ["up", "k"], lambda e: picker.move(-1))
    _bind(bindings, ["down", "j", "tab"], lambda e: picker.move(1))

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    bindings.add("enter")(lambda e: e.app.exit(result=picker.items[picker.pointer].value))
    for key, value in (keys or {}).items():
        def pick(event: KeyPressEvent, v: str = value) -> None:
            event.app.exit(result=v)
        _bind(bindings, [key], pick)

    def render(width: int, rows: int) -> StyleAndTextTuples:
        w = width - 1
        out: StyleAndTextTuples = []
        for n, line in enumerate(title_lines):
            for part in text_lines(line, w):
                out.append(("class:title" if n == 0 else "", part + "\n"))
        out.append(("", "\n"))
        for n, item in enumerate(picker.items):
            first = "❯ " if n == picker.pointer else "  "
            for k, line in enumerate(wrap(item.label, w, first, "    ")):  # deeper: not a choice of its own
                if k == 0 and n == picker.pointer:
                    out.append(("[SetCursorPosition]", ""))
                out.append(("class:current" if n == picker.pointer else "", line))
                out.append(("", "\n"))
        out.append(("", "\n"))
        for part in wrap(s["menu_keys"], w):
            out.append(("class:hint", part + "\n"))
        return out

    return _run(render, bindings)


def page(text: str, lang: str) -> None:
    """The full plan, one screen at a time, on the alternate screen: nothing stays in the scrollback."""
    from prompt_toolkit.layout import ScrollOffsets

    s = strings(lang)
    bindings = KeyBindings()
    state = {"top": 0}

    def render() -> StyleAndTextTuples:
        from prompt_toolkit.application.current import get_app

        size = get_app().output.get_size()
        width, height = max(20, size.columns - 1), max(3, size.rows - 1)
        all_lines: list[str] = []
        for line in text.split("\n"):
            indent = " " * (len(line) - len(line.lstrip()))
            all_lines += wrap(line.strip(), width, indent, indent + "  ") if line.strip() else [""]
        state["top"] = max(0, min(state["top"], len(all_lines) - height))
        shown = all_lines[state["top"]:state["top"] + height]
        shown += [""] * (height - len(shown))
        footer = s["pager_keys"].format(n=min(len(all_lines), state["top"] + height), total=len(all_lines))
        return [("", "\n".join(shown) + "\n"), ("class:hint reverse", footer[:width])]

    def scroll(step: int | str) -> Callable[[KeyPressEvent], None]:
        def handler(event: KeyPressEvent) -> None:
            rows = max(3, event.app.output.get_size().rows - 1)
            state["top"] += {"page": rows - 1, "-page": -(rows - 1)}.get(str(step), step if isinstance(step, int) else 0)
            state["top"] = max(0, state["top"])
        return handler

    _bind(bindings, ["down", "j", "enter"], scroll(1))
    _bind(bindings, ["up", "k"], scroll(-1))
    _bind(bindings, ["pagedown", "space"], scroll("page"))
    _bind(bindings, ["pageup"], scroll("-page"))
    _bind(bindings, ["q", "escape"], lambda e: e.app.exit(result=""))

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    control = FormattedTextControl(render, focusable=True, show_cursor=False)
    app: Application[str] = Application(layout=Layout(Window(control, scroll_offsets=ScrollOffsets())),
                                        key_bindings=bindings, style=STYLE, full_screen=True, mouse_support=False)
    app.run()


def last_screen(draw: Callable[[int, int], list[tuple[str, str]]], keys: dict[str, str], lang: str) -> str:
    """The summary with the menu keys under it, redrawn at the real width; returns the action chosen."""
    bindings = KeyBindings()

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    for key, action in keys.items():
        def pick(event: KeyPressEvent, a: str = action) -> None:
            event.app.exit(result=a)
        _bind(bindings, [key], pick)

    def render(width: int, rows: int) -> StyleAndTextTuples:
        lines = draw(width, rows)
        return [(f"class:{style}" if style else "", line + ("\n" if n + 1 < len(lines) else ""))
                for n, (style, line) in enumerate(lines)]

    return _run(render, bindings)


def pick_many(title: str, items: Sequence[tuple[str, str]], ticked: Sequence[str], lang: str) -> list[str] | None:
    """Tick several (marking actions done); Enter confirms, even with none ticked (that unmarks all)."""
    s = strings(lang)
    picker = Picker([Item(v, label) for v, label in items], True, ticked)
    bindings = KeyBindings()
    _bind(bindings, ["up", "k"], lambda e: picker.move(-1))
    _bind(bindings, ["down", "j", "tab"], lambda e: picker.move(1))
    _bind(bindings, ["space"], lambda e: picker.toggle(s))
    bindings.add("enter")(lambda e: e.app.exit(result="\x00" + "\x00".join(picker.chosen())))
    _bind(bindings, ["q", "escape"], lambda e: e.app.exit(result="\x01"))

    @bindings.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    def render(width: int, rows: int) -> StyleAndTextTuples:
        w = width - 1
        out: StyleAndTextTuples = [("class:title", line + "\n") for line in wrap(title, w)]
        for n, item in enumerate(picker.items):
            first = f"{'❯ ' if n == picker.pointer else '  '}{'[x] ' if item.value in picker.ticked else '[ ] '}"
            for k, line in enumerate(wrap(item.label, w, first, " " * len(first))):
                if k == 0 and n == picker.pointer:
                    out.append(("[SetCursorPosition]", ""))
                out.append(("class:current" if n == picker.pointer else "", line + "\n"))
        out += [("class:hint", line) for line in wrap(f"{s['key_move']} · {s['key_tick']} · {s['key_confirm']} · q {s['back_to_menu']}", w)]
        return out

    result = _run(render, bindings)
    if result == "\x01":
        return None
    return [v for v in result[1:].split("\x00") if v]


def ask_text(prompt_text: str, default: str = "") -> str:
    """One line of input (a file name); Ctrl-C is the panic exit as everywhere."""
    from prompt_toolkit import PromptSession

    # erased when done: the last screen is redrawn below, and a leftover prompt line would push it down
    return PromptSession(erase_when_done=True).prompt(prompt_text, default=default).strip()
