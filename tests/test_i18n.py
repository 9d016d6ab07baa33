"""Languages: choosing one, complete bundled translations, no English left, wrapping."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.content.coverage import guidance_texts, module_texts
from safetycheck.engine.model import ContentSet, Text
from safetycheck.i18n.language import LANGUAGES, UNTRANSLATED_MARK, choose_language, say
from safetycheck.i18n.messages import EN, strings

from .conftest import EXAMPLES

runner = CliRunner()
PLACEHOLDER = re.compile(r"{(\w+)}")


@pytest.mark.parametrize(
    ("cli", "env", "expected"),
    [
        ("ru", {"SAFETYCHECK_LANG": "az", "LANG": "en_US.UTF-8"}, "ru"),
        (None, {"SAFETYCHECK_LANG": "az", "LANG": "ru_RU.UTF-8"}, "az"),
        (None, {"LC_ALL": "az_AZ.UTF-8", "LANG": "ru_RU.UTF-8"}, "az"),
        (None, {"LANG": "ru_RU.UTF-8"}, "ru"),
        (None, {"LANG": "de_DE.UTF-8"}, "en"),
        (None, {}, "en"),
        ("AZ", {}, "az"),
    ],
)
def test_language_choice(cli: str | None, env: dict[str, str], expected: str) -> None:
    assert choose_language(cli, env) == expected


def test_unknown_language_exits_2_with_the_list() -> None:
    result = runner.invoke(app, ["list", "--lang", "fr"])
    assert result.exit_code == 2 and "en, az, ru" in result.stderr
    result = runner.invoke(app, ["list"], env={"SAFETYCHECK_LANG": "xx"})
    assert result.exit_code == 2 and "en, az, ru" in result.stderr


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_interface_string_is_translated(lang: str) -> None:
    table = strings(lang)
    for key, english in EN.items():
        assert table[key].strip(), key
        assert sorted(PLACEHOLDER.findall(table[key])) == sorted(PLACEHOLDER.findall(english)), key
    untranslated = [k for k in EN if table[k] == EN[k] and re.search(r"[a-z]{4,} [a-z]{3,}", EN[k])]
    assert not untranslated, untranslated


def _all_texts(content: ContentSet) -> list[tuple[str, Text]]:
    texts: list[tuple[str, Text]] = []
    for module in content.modules:
        texts += [(module.path, t) for t in module_texts(module, {})]
    for item in content.guidance.values():
        texts += [(item.path, t) for t in guidance_texts(item)]
    for contact in content.help:
        texts += [("guidance/_help.yaml", contact.what), ("guidance/_help.yaml", contact.how)]
    return texts


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_bundled_text_is_translated(bundled: ContentSet, lang: str) -> None:
    missing = [f"{path}: {text.values['en'][:60]}" for path, text in _all_texts(bundled) if not text.values.get(lang)]
    assert not missing, f"{len(missing)} texts lack {lang}, e.g. {missing[:5]}"


def test_list_reports_full_coverage() -> None:
    result = runner.invoke(app, ["list", "--format", "json"])
    for module in json.loads(result.stdout)["modules"]:
        assert module["coverage"] == dict.fromkeys(LANGUAGES, 1.0), module["id"]


def test_english_only_pack_falls_back_marked() -> None:
    assert say(Text({"en": "Lock your phone"}), "ru") == UNTRANSLATED_MARK + "Lock your phone"
    assert say(Text({"en": "Lock your phone", "ru": "Заблокируйте телефон"}), "ru") == "Заблокируйте телефон"
    assert say(Text({"en": "Lock your phone"}), "en") == "Lock your phone"


def _english_fragments(bundled: ContentSet, lang: str) -> set[str]:
    """Interface strings and content texts long enough that seeing them means English leaked
    (names kept in English inside the translation, such as a resource's title, are not leaks)."""
    table = strings(lang)
    texts = _all_texts(bundled)
    translated = "\n".join([t.values.get(lang, "") for _, t in texts] + list(table.values()))
    fragments = {v for v in EN.values() if len(v) > 12 and " " in v and "{" not in v}
    fragments |= {t.values["en"] for _, t in texts if len(t.values["en"]) > 25}
    return {f for f in fragments if f not in translated}


def _outputs(tmp_path: Path, lang: str) -> dict[str, str]:
    summaries = tmp_path / "s"
    summaries.mkdir()
    outputs = {}
    for n, example in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        for fmt in ("plain", "markdown", "html", "card"):
            result = runner.invoke(app, ["check", "--answers", str(example), "--lang", lang, "--format", fmt, "--explain",
                                         "--anonymous-summary", str(summaries / f"{n}-{fmt}.json")])
            assert result.exit_code == 0, result.stderr
            outputs[f"{example.stem} {fmt}"] = result.stdout
    for args in (["template"], ["worksheet"], ["worksheet", "--format", "html"], ["guide", "--format", "markdown"], ["about"],
                 ["workshop", "summarize", str(summaries), "--format", "plain"], ["workshop", "summarize", str(summaries), "--format", "html"]):
        result = runner.invoke(app, [*args, "--lang", lang])
        assert result.exit_code == 0, result.stderr
        outputs[" ".join(args)] = result.stdout
    return outputs


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_no_english_left_in_reports_prompts_worksheets_and_summaries(bundled: ContentSet, tmp_path: Path, lang: str) -> None:
    fragments = _english_fragments(bundled, lang)
    leaks = []
    for name, text in _outputs(tmp_path, lang).items():
        leaks += [f"{name}: {f[:50]!r}" for f in fragments if f in text]
        assert UNTRANSLATED_MARK not in text, name
    assert not leaks, leaks[:10]


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_cyrillic_and_azerbaijani_wrap_at_60_columns(lang: str) -> None:
    from safetycheck.content.answers import read_answers
    from safetycheck.content.catalog import load_content
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.render.report import build_view
    from safetycheck.render.terminal import render_rich

    content = load_content()
    answers, modules = read_answers(EXAMPLES / "peace-activist-baku.yaml", content)
    import datetime as dt

    view = build_view(assess(content, answers, select_modules(content, [], modules), dt.date(2026, 11, 24)), lang, explain=True)
    out = render_rich(view, 60, False)
    lines = out.splitlines()
    # an address stands alone on its line, never cut; everything else fits
    assert max(len(line) for line in lines if not line.startswith("https://")) <= 60
    assert any(ch in out for ch in ("ə", "ş") if lang == "az") or any("а" <= ch <= "я" for ch in out)
    # prose is not split inside words (only a single over-long token such as an address may be)
    assert not any(re.search(r"\w-$", line) and " " in line.strip() for line in lines)
