"""The device content says what is true in December 2026 and never gives the advice the audit
found dangerous or stale. Read from the YAML itself, so these checks keep holding whatever the
engine does with the texts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "az", "ru")


def _load(relpath: str) -> Any:
    return yaml.safe_load((ROOT / relpath).read_text(encoding="utf-8"))


def _texts(node: Any, lang: str) -> Iterator[str]:
    """Every string a reader of `lang` can see under `node` (texts are maps of languages)."""
    if isinstance(node, dict):
        if lang in node and isinstance(node[lang], str):
            yield node[lang]
        for key, value in node.items():
            if key not in LANGS:
                yield from _texts(value, lang)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, lang)


@pytest.fixture(scope="module")
def items() -> dict[str, Any]:
    return {item["id"]: item for item in _load("guidance/device.yaml")["items"]}


@pytest.fixture(scope="module")
def questions() -> dict[str, Any]:
    return {q["id"]: q for q in _load("questionnaires/device.yaml")["questions"]}


def _all(item: Any, lang: str = "en") -> str:
    return "\n".join(_texts(item, lang))


def test_intrusion_logging_is_a_decision_with_the_helpline_never_a_default(items: dict[str, Any]) -> None:
    text = _all(items["dev-android-advanced-protection"])
    assert "turn on Intrusion Logging" not in text
    step = next(s for s in _texts(items["dev-android-advanced-protection"]["steps"], "en") if "Intrusion Logging" in s)
    for fact in ("Do not turn it on by default", "Access Now Helpline", "12 months", "cannot delete",
                 "screen lock", "Google password"):
        assert fact in step, fact


def test_advanced_protection_names_its_costs_and_a_fallback(items: dict[str, Any]) -> None:
    item = items["dev-android-advanced-protection"]
    tradeoff = item["tradeoff"]["en"]
    assert "calls from numbers that are not in your contacts are blocked" in tradeoff
    assert "stop getting updates" in tradeoff and "Psiphon" in tradeoff
    assert "dev-android-hardening" in item["instead"]
    fallback = _all(items["dev-android-hardening"])
    assert "Auto Blocker" in fallback and "Maximum restrictions" in fallback


def test_no_stale_apple_or_windows_facts(items: dict[str, Any]) -> None:
    for lang in LANGS:
        for item_id, item in items.items():
            text = _all(item, lang)
            assert "Security Responses" not in text or "Rapid Security Responses" in text, (item_id, lang)
            assert "iOS 26 or newer" not in text and "iOS 26 or later" not in text, (item_id, lang)
    updates = _all(items["dev-updates"])
    assert "Background Security Improvements" in updates and "Privacy & Security" in updates
    assert "{fact:ios_current}" in updates  # the current version lives in guidance/_facts.yaml
    assert "13 October 2026" in updates  # the first year of Windows 10 extended updates is over


def test_the_android_lockdown_button_has_its_real_name(items: dict[str, Any]) -> None:
    steps = items["dev-biometrics-off"]["steps"]["android"]
    ru = "\n".join(s["ru"] for s in steps)
    az = "\n".join(s["az"] for s in steps)
    assert "«Блокировка входа»" in ru  # AOSP values-ru global_action_lockdown
    assert "«Блокировка»" not in ru
    assert "Kilidləyin" in az  # AOSP values-az global_action_lockdown


def test_locked_phones_refuse_cables_in_the_arrest_and_lockdown_items(items: dict[str, Any]) -> None:
    assert "Wired Accessories" in _all(items["dev-power-off"]["steps"]["ios"])
    assert "USB" in _all(items["dev-power-off"]["steps"]["android"])
    assert "Allow accessories to connect" in _all(items["dev-disk-encryption"]["steps"]["macos"])
    assert "refuses cables" in items["dev-lockdown-mode"]["tradeoff"]["en"]


def test_spyware_checks_go_through_experts_never_a_scanner_app(items: dict[str, Any]) -> None:
    for item_id in ("dev-threat-notification", "dev-suspicious-device"):
        text = _all(items[item_id])
        assert "MVT" in text and "AndroidQF" in text, item_id
        assert "Access Now" in text and "Security Lab" in text, item_id
        assert "scanner" in text, item_id  # named only to warn against it
    for item_id, item in items.items():
        assert "install a spyware scanner" not in _all(item).lower(), item_id


def test_theft_protection_and_backups_name_their_costs(items: dict[str, Any]) -> None:
    theft = _all(items["dev-theft-protection"])
    assert "Significant Locations" in theft and "Failed Authentication Lock" in theft
    backups = _all(items["dev-backups"])
    assert "Secure Backups" in backups and "64-character recovery key" in backups


def test_old_digital_first_aid_kit_domain_is_gone(items: dict[str, Any]) -> None:
    for item_id, item in items.items():
        for resource in item["resources"]:
            assert "digitaldefenders.org" not in resource["url"], item_id


def test_azerbaijani_setting_paths_name_the_english_screen_first(items: dict[str, Any]) -> None:
    for item_id, item in items.items():
        for text in _texts(item["steps"], "az"):
            if "Ayarlar >" in text:
                assert "Ayarlar (Settings)" in text or "Ayarlarda (Settings)" in text, (item_id, text)


def test_new_questions_for_facts_the_old_ones_could_not_take(questions: dict[str, Any]) -> None:
    newest = questions["phone_newest"]
    assert [o["id"] for o in newest["options"]] == ["newest", "one_behind", "older", "not_sure"]
    guess = questions["passcode_guessable"]
    obvious = next(o for o in guess["options"] if o["id"] == "obvious")
    assert "birth date" in obvious["label"]["en"] and obvious["risk"] == 10
