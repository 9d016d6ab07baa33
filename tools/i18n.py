"""Interface-text catalogues: extract, update, compile (and a one-time move from the old dicts).

    python tools/i18n.py extract    # safetycheck/i18n/locale/safetycheck.pot from the code (Babel)
    python tools/i18n.py update     # merge the .pot into az.po and ru.po (new strings left empty)
    python tools/i18n.py compile    # .po -> .mo (checked in; tests keep the two in sync)
    python tools/i18n.py all        # extract, update, compile

The English strings are the `EN` and `EN_PLURALS` dictionaries in safetycheck/i18n/messages.py;
each key becomes the entry's msgctxt, so two strings with the same English can be translated
differently. Babel is a development and build dependency, never a run-time one.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "safetycheck" / "i18n"
LOCALE_DIR = I18N / "locale"
DOMAIN = "safetycheck"
LANGUAGES = ("az", "ru")
KEYWORDS = {"pgettext": ((1, "c"), 2), "npgettext": ((1, "c"), 2, 3)}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_dicts(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple[int, str, Any, list[str]]]:
    """A Babel extractor for the `EN` and `EN_PLURALS` dictionary literals: key -> msgctxt."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        targets = [node.target] if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [])
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        value = getattr(node, "value", None)
        if not names & {"EN", "EN_PLURALS", "ERRORS_EN", "HELP_EN"} or not isinstance(value, ast.Dict):
            continue
        for key, text in zip(value.keys, value.values, strict=True):
            if not isinstance(key, ast.Constant):
                continue
            if isinstance(text, ast.Tuple):
                one, other = (ast.literal_eval(e) for e in text.elts)
                yield key.lineno, "npgettext", (key.value, one, other), []
            else:
                yield key.lineno, "pgettext", (key.value, ast.literal_eval(text)), []


def build_template() -> Catalog:
    """The .pot's entries, extracted from messages.py with Babel."""
    catalog = Catalog(project="safetycheck", msgid_bugs_address="", charset="utf-8")
    source = I18N / "messages.py"
    for line, message, comments, context in extract_from_file(extract_dicts, str(source), keywords=KEYWORDS):
        catalog.add(message, None, [(str(source.relative_to(ROOT)), line)], auto_comments=comments, context=context)
    return catalog


def extract() -> Catalog:
    catalog = build_template()
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    with (LOCALE_DIR / f"{DOMAIN}.pot").open("wb") as out:
        write_po(out, catalog, width=100, omit_header=False, sort_output=False, no_location=True)
    return catalog


def read_catalog(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def write_catalog(lang: str, catalog: Catalog) -> None:
    # A fuzzy header is left out of the .mo, and with it the plural rule: never mark it fuzzy.
    catalog.fuzzy = False
    catalog.project, catalog.version = "safetycheck", ""
    catalog.last_translator = catalog.language_team = "safetycheck translators"
    catalog.copyright_holder, catalog.msgid_bugs_address = "the safetycheck authors", ""
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, sort_output=False, ignore_obsolete=True, include_previous=False, no_location=True)


def update(template: Catalog) -> None:
    for lang in LANGUAGES:
        catalog = read_catalog(lang) if po_path(lang).exists() else Catalog(locale=lang, domain=DOMAIN, project="safetycheck")
        # No fuzzy matching: a guessed translation of another string is worse than an empty one.
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        write_catalog(lang, catalog)


def compile_all() -> None:
    for lang in LANGUAGES:
        catalog = read_catalog(lang)
        with po_path(lang).with_suffix(".mo").open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)


def migrate() -> None:
    """Fold translations still kept in the old messages_az.py / messages_ru.py dicts into the .po files."""
    sys.path.insert(0, str(ROOT))
    from safetycheck.i18n.messages import EN, EN_PLURALS

    for lang in LANGUAGES:
        module = I18N / f"messages_{lang}.py"
        if not module.exists():
            continue
        namespace: dict[str, Any] = {}
        exec(compile(module.read_text(encoding="utf-8"), str(module), "exec"), namespace)  # our own file
        table = namespace[lang.upper()]
        catalog = read_catalog(lang) if po_path(lang).exists() else Catalog(locale=lang, domain=DOMAIN, project="safetycheck")
        for key, text in table.items():
            if key in EN_PLURALS:
                one, other = EN_PLURALS[key]
                catalog.add((one, other), tuple(text), context=key)
            elif key in EN:
                catalog.add(EN[key], text, context=key)
        write_catalog(lang, catalog)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "all"
    if command == "migrate":
        migrate()
    elif command == "extract":
        extract()
    elif command == "update":
        update(extract())
    elif command == "compile":
        compile_all()
    elif command == "all":
        update(extract())
        compile_all()
    else:
        sys.exit(__doc__)
