"""Languages: which one the person reads, and the one function that resolves a text in it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol

from safetycheck.errors import UsageError
from safetycheck.i18n.messages import set_language, tr
from safetycheck.sanitize import clean


class Text(Protocol):
    """A text in several languages (the engine's `model.Text`); i18n sits below the engine."""

    @property
    def values(self) -> Mapping[str, str]: ...

LANGUAGES = ("en", "az", "ru")


def localize(text: Text | None, lang: str) -> str:
    """The text in `lang`, falling back to English when it has not been translated."""
    if text is None:
        return ""
    return text.values.get(lang) or text.values["en"]


UNTRANSLATED_MARK = "[en] "


def say(text: Text | None, lang: str) -> str:
    """`localize`, made safe to show (content comes from packs we do not control), and marked
    when it falls back to English, so a reader knows it is not a mistranslation."""
    if text is None:
        return ""
    mark = UNTRANSLATED_MARK if lang != "en" and not text.values.get(lang) else ""
    return mark + clean(localize(text, lang))


def is_translated(text: Text, lang: str) -> bool:
    return bool(text.values.get(lang))


def choose_language(cli_value: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang, else SAFETYCHECK_LANG, else the locale (LC_ALL, LANG), else English."""
    env = os.environ if environ is None else environ
    if cli_value:
        code = cli_value.strip().lower()
        if code not in LANGUAGES:
            raise UsageError(tr("err_unknown_language", code=cli_value, available=", ".join(LANGUAGES)))
        set_language(code)
        return code
    explicit = env.get("SAFETYCHECK_LANG", "").strip().lower()
    if explicit:
        if explicit not in LANGUAGES:
            raise UsageError(tr("err_env_language", code=explicit, available=", ".join(LANGUAGES)))
        set_language(explicit)
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        code = env.get(var, "")[:2].lower()
        if code in LANGUAGES:
            set_language(code)
            return code
        if code:
            break
    set_language("en")
    return "en"
