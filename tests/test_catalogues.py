"""The gettext catalogues: complete, never fuzzy, placeholders kept, plural forms right, and the
checked-in .mo files compiled from exactly the .po files beside them."""

from __future__ import annotations

import gettext
import io
import re
import sys
from pathlib import Path

import pytest

babel_pofile = pytest.importorskip("babel.messages.pofile")
babel_mofile = pytest.importorskip("babel.messages.mofile")

from safetycheck.i18n.catalogue import DOMAIN, LOCALE_DIR  # noqa: E402
from safetycheck.i18n.messages import EN, EN_PLURALS, plural  # noqa: E402

PLACEHOLDER = re.compile(r"{(\w*)}")
ROOT = Path(__file__).resolve().parents[1]


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po").open("rb") as handle:
        return babel_pofile.read_po(handle, locale=lang)


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_string_is_translated_and_none_is_fuzzy(lang: str) -> None:
    catalogue = _catalogue(lang)
    entries = {m.context: m for m in catalogue if m.id}
    assert set(entries) == set(EN) | set(EN_PLURALS), "run: python tools/i18n.py update"
    assert not catalogue.fuzzy
    for key, message in entries.items():
        assert not message.fuzzy, key
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(form.strip() for form in forms), f"{lang}: {key} is not translated"
        english = " ".join(message.id) if isinstance(message.id, tuple) else message.id
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(english)) | {"n"}, (lang, key)


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_checked_in_mo_matches_the_po(lang: str) -> None:
    """The .mo a checkout and an editable install read is the compiled .po, not an older one."""
    compiled = io.BytesIO()
    babel_mofile.write_mo(compiled, _catalogue(lang), use_fuzzy=False)
    shipped = (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").read_bytes()
    ours = gettext.GNUTranslations(io.BytesIO(compiled.getvalue()))
    theirs = gettext.GNUTranslations(io.BytesIO(shipped))
    assert ours._catalog == theirs._catalog, "run: python tools/i18n.py compile"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 участник"), (2, "2 участника"), (5, "5 участников"), (11, "11 участников"), (21, "21 участник"),
     (22, "22 участника"), (112, "112 участников")],
)
def test_russian_has_three_plural_forms(n: int, expected: str) -> None:
    assert plural("n_participants", n, "ru").format(n=n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "1 question"), (2, "2 questions"), (21, "21 questions")])
def test_english_plurals(n: int, expected: str) -> None:
    assert plural("n_questions", n, "en").format(n=n) == expected


def test_azerbaijani_counts_take_the_singular_noun() -> None:
    assert plural("n_participants", 5, "az").format(n=5) == "5 iştirakçı"


def test_the_pot_is_extracted_from_the_code() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n as tool  # tools/i18n.py
    finally:
        sys.path.pop(0)
    catalogue = tool.build_template()
    keys = {m.context for m in catalogue if m.id}
    assert keys == set(EN) | set(EN_PLURALS)
