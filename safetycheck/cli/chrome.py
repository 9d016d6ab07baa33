"""The command line's own words (help titles, usage errors) in the person's language.

Typer 0.28 vendors Click with its English strings written into the code, not looked up through
gettext, so there is no catalogue to hand it. Instead: the help panels' titles and the help option's
text are set before Typer draws help, and usage errors are caught (the app runs with
`standalone_mode=False`) and said again in one line from the exception's own fields. Typer is pinned
below 0.29 in pyproject.toml; `tests/test_chrome.py` fails if a new version moves these names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import get_close_matches
from typing import Any

from safetycheck.i18n.messages import current_language, strings, tr

_CHOICE_VALUE = re.compile(r"^'(?P<value>.*)' is not one of", re.DOTALL)
_NO_SUCH_COMMAND = re.compile(r"^No such command '(?P<name>.*?)'\.", re.DOTALL)
_EXTRA_ARGS = re.compile(r"^Got unexpected extra argument\(s\) \((?P<args>.*)\)$", re.DOTALL)


def language_from_argv(argv: Sequence[str]) -> str | None:
    """`--lang X` or `--lang=X` anywhere on the command line, read before Typer builds help."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def localize_help() -> None:
    """Help panels and the help option in the current language (call before Typer draws help)."""
    from typer import rich_utils
    from typer._click import decorators, formatting

    rich_utils.OPTIONS_PANEL_TITLE = tr("chrome_options")
    rich_utils.COMMANDS_PANEL_TITLE = tr("chrome_commands")
    rich_utils.ARGUMENTS_PANEL_TITLE = tr("chrome_arguments")
    rich_utils.ERRORS_PANEL_TITLE = tr("error")
    words = strings(current_language())  # these two keep their "{}" for Typer to fill
    rich_utils.DEFAULT_STRING = words["chrome_default"]
    rich_utils.REQUIRED_LONG_STRING = words["chrome_required"]
    formatting.HelpFormatter.write_usage.__defaults__ = ("", tr("chrome_usage") + " ")
    original = getattr(decorators.help_option, "__wrapped__", decorators.help_option)

    def help_option(param_decls: list[str]) -> Any:
        decorate = original(param_decls)

        def apply(command: Any) -> Any:
            command = decorate(command)
            command.params[-1].help = tr("chrome_help_option")
            return command

        return apply

    help_option.__wrapped__ = original  # type: ignore[attr-defined]
    decorators.help_option = help_option
    _plain_when_narrow(formatting)


NARROW = 60  # below this, Rich's help panels cut words ("modullar…"); Click's plain layout wraps them


def _plain_when_narrow(formatting: Any) -> None:
    """On a narrow terminal (a phone's is about 40 columns) help is drawn by Click's plain formatter
    at the terminal's own width, with its section titles in the person's language."""
    import typer.core

    from safetycheck.cli.console import terminal_columns

    columns = terminal_columns()
    if columns is None or columns >= NARROW:
        return
    typer.core.HAS_RICH = False  # read when help is drawn, so this choice holds for this run only
    formatting.FORCED_WIDTH = max(20, columns - 1)  # Click otherwise never goes below 50
    # an option longer than this stands on its own line, its help below: words keep their letters together
    write_dl = formatting.HelpFormatter.write_dl

    def narrow_dl(self: Any, rows: Sequence[tuple[str, str]], col_max: int = 10, col_spacing: int = 2) -> None:
        room = self.width - self.current_indent
        write_dl(self, [row for term, text in rows for row in _fold_term(term, text, room)], col_max, col_spacing)

    formatting.HelpFormatter.write_dl = narrow_dl
    titles = {"Options": tr("chrome_options"), "Commands": tr("chrome_commands"), "Arguments": tr("chrome_arguments")}
    english = typer.core._
    typer.core._ = lambda text: titles.get(text, english(text))


def _fold_term(term: str, text: str, room: int) -> list[tuple[str, str]]:
    """An option too wide for the screen ("--format <rich|plain|…|card-html>") folded after a "|",
    its help on the last piece."""
    if len(term) <= room or "|" not in term:
        return [(term, text)]
    pieces: list[str] = []
    for part in term.split("|"):
        if pieces and len(pieces[-1]) + len(part) + 1 <= room:
            pieces[-1] += "|" + part
        else:
            pieces.append(("  " if pieces else "") + part)
    pieces = [piece + ("|" if n + 1 < len(pieces) else "") for n, piece in enumerate(pieces)]
    return [(piece, "") for piece in pieces[:-1]] + [(pieces[-1], text)]


def _param_name(param: Any) -> str:
    if param is None:
        return ""
    opts = [o for o in getattr(param, "opts", ()) if o.startswith("-")]
    if opts:
        return " / ".join(f"'{o}'" for o in sorted(opts, key=len, reverse=True))
    return f"'{param.human_readable_name}'"


def _suggestions(word: str, candidates: Sequence[str]) -> str:
    matches = get_close_matches(word, list(candidates))
    return (" " + tr("chrome_did_you_mean", names=", ".join(f"'{m}'" for m in matches))) if matches else ""


def usage_error_text(exc: Any) -> str:
    """What a Click usage error says, in the current language, with where to find help (the
    boundary makes it one clean line)."""
    from typer._click import exceptions as errors

    ctx = getattr(exc, "ctx", None)
    message = str(getattr(exc, "message", "") or "")
    if isinstance(exc, errors.NoSuchOption):
        text = tr("chrome_no_such_option", name=exc.option_name) + _suggestions(exc.option_name, exc.possibilities or ())
    elif isinstance(exc, errors.BadOptionUsage):
        key = "chrome_option_takes_no_value" if "does not take a value" in message else "chrome_option_needs_value"
        text = tr(key, name=exc.option_name)
    elif isinstance(exc, errors.MissingParameter):
        kind = getattr(exc.param, "param_type_name", "option")
        text = tr("chrome_missing_argument" if kind == "argument" else "chrome_missing_option", name=_param_name(exc.param))
    elif isinstance(exc, errors.BadParameter):
        choices = getattr(getattr(exc.param, "type", None), "choices", None)
        value = _CHOICE_VALUE.match(message)
        if choices and value:
            text = tr("chrome_not_a_choice", name=_param_name(exc.param), value=value["value"],
                      choices=", ".join(str(getattr(c, "value", c)) for c in choices))
        else:
            text = tr("chrome_invalid_value", name=_param_name(exc.param), reason=message)
    elif match := _NO_SUCH_COMMAND.match(message):
        commands = list(getattr(ctx.command, "commands", {}) or {}) if ctx else []
        text = tr("chrome_no_such_command", name=match["name"]) + _suggestions(match["name"], commands)
    elif match := _EXTRA_ARGS.match(message):
        text = tr("chrome_extra_arguments", args=match["args"])
    elif message.startswith("Missing command"):
        text = tr("chrome_missing_command")
    else:
        text = message
    hint = tr("chrome_help_hint", command=f"{ctx.command_path} -h") if ctx is not None else ""
    return f"{text} {hint}" if hint else text
