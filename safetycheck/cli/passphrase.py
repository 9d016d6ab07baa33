"""Asking for the passphrase of a save: from a file for scripts, else hidden on the terminal."""

from __future__ import annotations

from pathlib import Path

from safetycheck.cli.boundary import stdin_is_tty
from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason


def read_passphrase(passphrase_file: Path | None, confirm: bool) -> str:
    """From --passphrase-file (scripts, tests), else asked with hidden input (twice when saving)."""
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(tr("err_cannot_read", reason=os_reason(exc)), str(passphrase_file)) from None
        except UnicodeDecodeError:
            raise UsageError(tr("err_passphrase_not_utf8"), str(passphrase_file)) from None
        passphrase = text.rstrip("\r\n")
    else:
        if not stdin_is_tty():
            raise UsageError(tr("err_no_terminal_passphrase"))
        passphrase = _ask_passphrase(confirm)
    if len(passphrase) < 8:
        raise UsageError(tr("err_short_passphrase"))
    return passphrase


def _ask_passphrase(confirm: bool) -> str:
    import typer

    return str(typer.prompt(tr("passphrase_prompt"), hide_input=True, err=True,
                            confirmation_prompt=tr("passphrase_repeat") if confirm else False))
