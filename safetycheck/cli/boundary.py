"""The single error boundary: turns every failure into one line and a fixed exit status.

0 ok, 2 bad input or usage (and no terminal), 130 interrupted, 3 a bug (no traceback unless
--debug / SAFETYCHECK_DEBUG=1). Tracebacks can hold answers in their locals, so they stay hidden.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from safetycheck.errors import ContentErrors, SafetycheckError
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason
from safetycheck.sanitize import one_line

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_BAD_INPUT, EXIT_BUG, EXIT_INTERRUPTED = 0, 2, 3, 130
MAX_ERRORS = 20  # a hostile 2 MiB pack must not print a million lines
MAX_LINE = 400  # nor one line of a megabyte

_wipe = [False]
WIPE = "\x1b[H\x1b[2J\x1b[3J"  # home, erase screen, erase scrollback


def wipe_on_exit(enabled: bool = True) -> None:
    """--clear: every way out (Ctrl-C, an error, the end) wipes the screen and the scrollback, so the
    next person at this computer sees nothing however the session ends. The guided session calls it."""
    _wipe[0] = enabled


def wipe() -> None:
    """Erase screen and scrollback now, if a person is looking at a terminal."""
    if stdout_is_tty():
        sys.stdout.write(WIPE)
        sys.stdout.flush()


wipe_screen = wipe


def _wipe_if_asked() -> None:
    if _wipe[0]:
        wipe()


def error_line(text: object) -> str:
    """One line, cleaned and bounded, prefixed with 'error:' in the person's language."""
    line = one_line(str(text))
    if len(line) > MAX_LINE:
        line = line[: MAX_LINE - 1] + "…"
    return f"{tr('error')}: {line}"


def echo_errors(errors: list[Any]) -> None:
    for error in errors[:MAX_ERRORS]:
        typer.echo(error_line(error), err=True)
    if len(errors) > MAX_ERRORS:
        typer.echo(error_line(tr("err_more_errors", count=len(errors) - MAX_ERRORS)), err=True)


def stopped_message(explicit: object = None) -> str:
    """"Stopped" in the language the command was given (--lang), else the environment's."""
    from safetycheck.i18n.language import choose_language
    from safetycheck.i18n.messages import strings

    try:
        lang = choose_language(explicit if isinstance(explicit, str) else None)
    except SafetycheckError:
        lang = "en"
    return strings(lang)["stopped"]


def guarded(command: F) -> F:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if kwargs.get("clear"):
            wipe_on_exit()
        try:
            return command(*args, **kwargs)
        except typer.Exit as exc:
            if exc.exit_code:
                _wipe_if_asked()
            raise
        except ContentErrors as exc:
            _wipe_if_asked()
            echo_errors(exc.errors)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except SafetycheckError as exc:
            _wipe_if_asked()
            typer.echo(error_line(exc), err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except BrokenPipeError:  # `| head`: the reader left; the entry point ends quietly
            raise
        except OSError as exc:  # the system refused (full disk, permissions): not a bug in safetycheck
            if exc.filename is None or os.environ.get("SAFETYCHECK_DEBUG") == "1":
                _bug(exc)
            _wipe_if_asked()
            typer.echo(error_line(f"{exc.filename}: {tr('err_cannot_use', reason=os_reason(exc))}"), err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except typer.Abort:  # Ctrl-C or Ctrl-D at a click prompt (the passphrase)
            _wipe_if_asked()
            typer.echo(f"\n{stopped_message(kwargs.get('lang'))}", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (KeyboardInterrupt, EOFError) as exc:
            _wipe_if_asked()
            if isinstance(exc, EOFError):
                typer.echo(error_line(tr("err_input_ended")), err=True)
                raise typer.Exit(EXIT_BAD_INPUT) from None
            typer.echo(f"\n{stopped_message(kwargs.get('lang'))}", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:  # a bug: say so in one line, never dump locals holding answers
            _bug(exc)

    return wrapper  # type: ignore[return-value]


def _bug(exc: BaseException) -> None:
    _wipe_if_asked()
    if os.environ.get("SAFETYCHECK_DEBUG") == "1":
        raise exc
    detail = one_line(f"{type(exc).__name__}: {exc}")[:MAX_LINE]
    typer.echo(tr("err_internal", detail=detail), err=True)
    raise typer.Exit(EXIT_BUG) from None


def usage_error(exc: Any) -> int:
    """Typer/click usage errors (unknown option, missing argument) as one line in the person's
    language, not a box."""
    from safetycheck.cli.chrome import usage_error_text

    typer.echo(error_line(usage_error_text(exc)), err=True)
    return EXIT_BAD_INPUT


def stdin_is_tty() -> bool:
    """Whether a person can answer prompts; tests monkeypatch this, since CliRunner replaces stdin."""
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
