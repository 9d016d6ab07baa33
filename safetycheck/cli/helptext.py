"""Command help in the person's language, as far as Typer allows: chosen from SAFETYCHECK_LANG or
the locale when the commands are declared (--lang is parsed too late to change --help)."""

from __future__ import annotations

from safetycheck.errors import SafetycheckError
from safetycheck.i18n.language import choose_language
from safetycheck.i18n.messages import strings


def _language() -> str:
    try:
        return choose_language(None)
    except SafetycheckError:
        return "en"


H = strings(_language())
