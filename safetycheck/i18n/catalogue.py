"""Translations of the interface: gettext catalogues compiled to `.mo`, loaded only for the
language the person reads (English needs none: it is the source text)."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "safetycheck"


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The catalogue for `lang`; a missing catalogue falls back to English rather than failing."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
