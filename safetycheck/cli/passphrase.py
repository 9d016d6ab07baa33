"""Asking for the passphrase of a save: from a file for scripts, else hidden on the terminal.

A new save's passphrase must resist offline guessing on a seized laptop: zxcvbn (pure Python,
imported only here and only when a passphrase is checked, ~30 ms) estimates the guesses needed,
with short lists of common Azerbaijani and Russian passwords and words that its English lists
lack. Its feedback is English, so the reason shown is the tool's own, translated.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from safetycheck.cli.boundary import stdin_is_tty
from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr
from safetycheck.sanitize import shown_path

MIN_LENGTH = 8
ASK_ATTEMPTS = 3
MAX_FILE_BYTES = 4096  # a passphrase file, not /dev/zero
MIN_GUESSES_LOG10 = 10  # zxcvbn's top score: about 10^10 guesses, years at scrypt's cost per guess
_ESTIMATE_CHARS = 72  # zxcvbn refuses longer input (and slows down before); the rest only adds strength

# Common passwords and password words in Azerbaijan and Russian-speaking countries, most common
# first (zxcvbn ranks them by position). Latin transliterations and Cyrillic typed on an English
# layout ("gfhjkm" is "пароль") included, since that is how people type them.
WEAK_WORDS = (
    "parol", "пароль", "gfhjkm", "sifre", "şifrə", "sifrə", "parolum", "parolim", "йцукен", "фыва", "ячсмит",
    "azerbaycan", "azərbaycan", "azerbaijan", "азербайджан", "baki", "bakı", "baku", "баку", "qarabag", "qarabağ",
    "karabakh", "карабах", "vetən", "vətən", "veten", "salam", "салам", "sevgi", "sevgim", "məhəbbət", "mehebbet",
    "canim", "canım", "qardas", "qardaş", "bacim", "bacım", "anam", "atam", "allah", "neftchi", "neftçi", "xezer",
    "xəzər", "araz", "turan", "aysel", "leyla", "nigar", "günel", "gunel", "elvin", "anar", "kamran", "ramil",
    "rauf", "rəşad", "resad", "murad", "aynur", "sevinc", "nərmin", "narmin",
    "привет", "ghbdtn", "privet", "любовь", "lyubov", "lubov", "solnce", "солнце", "solnyshko", "солнышко",
    "россия", "rossiya", "москва", "moskva", "котик", "kotik", "zaq1xsw2", "1q2w3e4r", "1q2w3e", "ytrewq",
    "наташа", "natasha", "марина", "marina", "максим", "maksim", "masha", "маша", "sasha", "саша", "dima",
    "дима", "андрей", "andrey", "сергей", "sergey", "ирина", "irina", "ольга", "olga", "anastasia", "анастасия",
    "zenit", "зенит", "spartak", "спартак", "qwerty", "asdfgh", "zxcvbn",
)

_REASONS = {"passwords": "weak_common", "user_inputs": "weak_common", "spatial": "weak_sequence",
            "repeat": "weak_sequence", "sequence": "weak_sequence", "date": "weak_date", "regex": "weak_date"}


def normalize(text: str) -> str:
    """One spelling of each letter (NFC), whichever way the keyboard or file composed it; no BOM."""
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def weakness(passphrase: str) -> str | None:
    """None if strong enough, else the key of the translated reason it is not."""
    if len(passphrase) < MIN_LENGTH:
        return "err_short_passphrase"
    from zxcvbn import zxcvbn

    sample = passphrase[:_ESTIMATE_CHARS]
    result: dict[str, Any] = zxcvbn(sample, user_inputs=list(WEAK_WORDS))
    if float(result["guesses_log10"]) >= MIN_GUESSES_LOG10:
        return None
    matches = [m for m in result["sequence"] if m.get("pattern") != "bruteforce"]
    if not matches:
        return "weak_guessable"
    widest = max(matches, key=lambda m: len(m.get("token", "")))
    kind = widest.get("dictionary_name") if widest.get("pattern") == "dictionary" else widest.get("pattern")
    if kind == "passwords" and len(widest.get("token", "")) < len(sample) // 2:
        kind = "english_wikipedia"  # a common password as a small part: a common word
    return _REASONS.get(str(kind), "weak_word" if widest.get("pattern") == "dictionary" else "weak_guessable")


def read_passphrase(passphrase_file: Path | None, confirm: bool) -> str:
    """From --passphrase-file (scripts, tests), else asked with hidden input (twice when saving).
    A new passphrase (confirm) must be strong; one that opens an existing save only long enough."""
    if passphrase_file is not None:
        return _checked(_from_file(passphrase_file), confirm)
    if not stdin_is_tty():
        raise UsageError(tr("err_no_terminal_passphrase"))
    for _attempt in range(ASK_ATTEMPTS - 1):  # at the terminal, a weak choice is explained and asked again:
        try:                                  # the answers given so far are not lost
            return _checked(_as_text(_ask_passphrase(confirm)), confirm)
        except UsageError as exc:
            import typer

            typer.echo(exc.message, err=True)
    return _checked(_as_text(_ask_passphrase(confirm)), confirm)


def _checked(passphrase: str, confirm: bool) -> str:
    if len(passphrase) < MIN_LENGTH:
        raise UsageError(tr("err_short_passphrase"))
    if confirm and (reason := weakness(passphrase)) is not None:
        raise UsageError(tr("err_weak_passphrase", reason=tr(reason)) if reason.startswith("weak_") else tr(reason))
    return passphrase


def _as_text(typed: str) -> str:
    """What the terminal gave, if it is text: undecodable bytes arrive as surrogates or U+FFFD."""
    try:
        typed.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(tr("err_passphrase_not_text")) from None
    if "\ufffd" in typed:
        raise UsageError(tr("err_passphrase_not_text"))
    return normalize(typed)


def _from_file(path: Path) -> str:
    from safetycheck.content.files import read_bounded

    raw = read_bounded(path, shown_path(path), MAX_FILE_BYTES, tr("err_passphrase_file_large"), UsageError)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # never the byte position: it says something about the secret
        raise UsageError(tr("err_passphrase_not_text"), shown_path(path)) from None
    return normalize(text).rstrip("\r\n")


def _ask_passphrase(confirm: bool, prompt: str | None = None) -> str:
    import typer

    try:
        return str(typer.prompt(prompt or tr("passphrase_prompt"), hide_input=True, err=True,
                                confirmation_prompt=tr("passphrase_repeat") if confirm else False))
    except UnicodeError:  # invalid UTF-8 typed (a wrong terminal encoding): say so, not where
        raise UsageError(tr("err_passphrase_not_text")) from None


def ask_passphrase_for(path: Path) -> str:
    """A second file that the first passphrase did not open: ask for its own."""
    return _as_text(_ask_passphrase(False, tr("passphrase_for", path=shown_path(path))))
