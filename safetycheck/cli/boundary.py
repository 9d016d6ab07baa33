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
from safetycheck.sanitize import clean

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK, EXIT_BAD_INPUT, EXIT_BUG, EXIT_INTERRUPTED = 0, 2, 3, 130


_wipe = [False]
WIPE = "\x1b[H\x1b[2J\x1b[3J"  # home, erase screen, erase scrollback


def wipe_on_exit(enabled: bool = True) -> None:
    """--clear: every way out (Ctrl-C, an error, the end) wipes the screen and the scrollback."""
    _wipe[0] = enabled


def wipe() -> None:
    """Erase screen and scrollback now, if a person is looking at a terminal."""
    if stdout_is_tty():
        sys.stdout.write(WIPE)
        sys.stdout.flush()


def _wipe_if_asked() -> None:
    if _wipe[0]:
        wipe()


def stopped_message() -> str:
    from safetycheck.i18n.language import choose_language
    from safetycheck.i18n.messages import strings

    try:
        lang = choose_language(None)
    except SafetycheckError:
        lang = "en"
    return strings(lang)["stopped"]


def guarded(command: F) -> F:
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except typer.Exit as exc:
            if exc.exit_code:
                _wipe_if_asked()
            raise
        except ContentErrors as exc:
            _wipe_if_asked()
            for error in exc.errors:
                typer.echo(f"{tr('error')}: {clean(str(error))}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except SafetycheckError as exc:
            _wipe_if_asked()
            typer.echo(f"{tr('error')}: {clean(str(exc))}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except typer.Abort:  # Ctrl-C or Ctrl-D at a click prompt (the passphrase)
            _wipe_if_asked()
            typer.echo(f"\n{stopped_message()}", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except (KeyboardInterrupt, EOFError) as exc:
            _wipe_if_asked()
            if isinstance(exc, EOFError):
                typer.echo(f"{tr('error')}: {tr('err_input_ended')}", err=True)
                raise typer.Exit(EXIT_BAD_INPUT) from None
            typer.echo(f"\n{stopped_message()}", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:  # a bug: say so in one line, never dump locals holding answers
            _wipe_if_asked()
            if os.environ.get("SAFETYCHECK_DEBUG") == "1":
                raise
            typer.echo(tr("err_internal", detail=f"{type(exc).__name__}: {clean(str(exc))}"), err=True)
            raise typer.Exit(EXIT_BUG) from None

    return wrapper  # type: ignore[return-value]


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
