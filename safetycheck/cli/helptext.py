"""Command help in the person's language: chosen when the commands are declared, from `--lang` on
the command line (read here, before Typer parses it), else SAFETYCHECK_LANG or the locale."""

from __future__ import annotations

import sys

from safetycheck.cli.chrome import language_from_argv
from safetycheck.errors import SafetycheckError
from safetycheck.i18n.language import choose_language
from safetycheck.i18n.messages import strings


def _language() -> str:
    try:
        return choose_language(language_from_argv(sys.argv[1:]))
    except SafetycheckError:  # a wrong --lang is reported by the command itself
        try:
            return choose_language(None)
        except SafetycheckError:
            return "en"


H = strings(_language())
