"""Numbers and dates as people write them in each language (CLDR's patterns, as a small table:
Babel's data would cost more at start-up than the three languages need)."""

from __future__ import annotations

import datetime as dt

_DECIMAL_COMMA = {"az", "ru"}

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "az": ("yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
           "dekabr"),
    # Russian dates take the genitive: "3 декабря 2026 г."
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
}


def number(value: float, lang: str, places: int | None = None, signed: bool = False) -> str:
    """0.75 -> "0,75" in az and ru; whole numbers without decimals; `places` rounds first.
    Version numbers (iOS 26.1) are content text, never passed through here, so they keep their points."""
    if places is not None:
        value = round(value, places)
    text = f"{value:+g}" if signed else f"{value:g}"
    return text.replace(".", ",") if lang in _DECIMAL_COMMA else text


def long_date(day: dt.date, lang: str) -> str:
    """3 December 2026 (British, like our English) / 3 dekabr 2026 / 3 декабря 2026 г."""
    month = _MONTHS.get(lang, _MONTHS["en"])[day.month - 1]
    if lang == "ru":
        return f"{day.day} {month} {day.year}\u202fг."  # CLDR: a narrow no-break space before г.
    return f"{day.day} {month} {day.year}"
