"""Numbers and dates in each language's own way, checked against CLDR through Babel."""

from __future__ import annotations

import datetime as dt

import pytest

from safetycheck.i18n.formats import long_date, number

babel_dates = pytest.importorskip("babel.dates")
babel_numbers = pytest.importorskip("babel.numbers")


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("value", [0.75, 7.6, 0.25, 12.0, 3.5])
def test_decimals_match_cldr(lang: str, value: float) -> None:
    assert number(value, lang) == babel_numbers.format_decimal(value, locale=lang, group_separator=False)


def test_decimal_commas_and_signs() -> None:
    assert number(0.75, "ru") == "0,75"
    assert number(7.6, "az", signed=True) == "+7,6"
    assert number(7.6, "en", signed=True) == "+7.6"
    assert number(7.649, "ru", places=1) == "7,6"
    assert number(10.0, "ru") == "10"


@pytest.mark.parametrize("lang", ["en", "az", "ru"])
@pytest.mark.parametrize("day", [dt.date(2026, 12, 3), dt.date(2027, 1, 21), dt.date(2026, 5, 9)])
def test_long_dates_match_cldr(lang: str, day: dt.date) -> None:
    cldr_locale = "en_GB" if lang == "en" else lang  # our English is British ("prioritised")
    assert long_date(day, lang) == babel_dates.format_date(day, format="long", locale=cldr_locale)


def test_long_dates_as_people_write_them() -> None:
    assert long_date(dt.date(2026, 12, 3), "az") == "3 dekabr 2026"
    assert long_date(dt.date(2026, 12, 3), "ru") == "3 декабря 2026\u202fг."
