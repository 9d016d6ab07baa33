"""Asking for the passphrase of a save: from a file for scripts, else hidden on the terminal."""

from __future__ import annotations

from pathlib import Path

from safetycheck.cli.boundary import stdin_is_tty
from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr


def read_passphrase(passphrase_file: Path | None, confirm: bool) -> str:
    """From --passphrase-file (scripts, tests), else asked with hidden input (twice when saving)."""
    if passphrase_file is not None:
        try:
            text = passphrase_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(tr("err_cannot_read", reason=exc), str(passphrase_file)) from None
        passphrase = text.rstrip("\r\n")
    else:
        if not stdin_is_tty():
            raise UsageError(tr("err_no_terminal_passphrase"))
        passphrase = _ask_passphrase(confirm)
        while confirm and len(passphrase) < 8:  # a rule broken is asked again, like a mismatch
            import typer

            typer.echo(f"{tr('error')}: {tr('err_short_passphrase')}", err=True)
            passphrase = _ask_passphrase(confirm)
    if len(passphrase) < 8:
        raise UsageError(tr("err_short_passphrase"))
    return passphrase


def _ask_passphrase(confirm: bool, prompt: str | None = None) -> str:
    import typer

    return str(typer.prompt(prompt or tr("passphrase_prompt"), hide_input=True, err=True,
                            confirmation_prompt=tr("passphrase_repeat") if confirm else False))


def ask_passphrase_for(path: Path) -> str:
    """A second file that the first passphrase did not open: ask for its own."""
    return _ask_passphrase(False, tr("passphrase_for", path=path))
