"""What a save holds (answers, language, content version) and how it maps back onto today's content."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from safetycheck import __version__
from safetycheck.engine.conditions import Answers
from safetycheck.engine.model import ContentSet
from safetycheck.errors import SafetycheckError
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason

PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class SavedSession:
    answers: dict[str, tuple[str, ...]]
    modules: tuple[str, ...]
    lang: str
    content_version: str
    date: dt.date
    tool_version: str


def to_bytes(answers: Answers, modules: tuple[str, ...], lang: str, content: ContentSet, today: dt.date) -> bytes:
    payload = {
        "payload_version": PAYLOAD_VERSION,
        "tool_version": __version__,
        "content_version": content.version,
        "date": today.isoformat(),  # the day only: no time of day is kept
        "lang": lang,
        "modules": list(modules),
        "answers": {qid: list(chosen) for qid, chosen in sorted(answers.items())},
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def from_bytes(data: bytes, shown: str) -> SavedSession:
    try:
        raw = json.loads(data.decode("utf-8"))
        answers = {str(q): tuple(str(o) for o in chosen) for q, chosen in raw["answers"].items()}
        return SavedSession(answers, tuple(str(m) for m in raw["modules"]), str(raw["lang"]), str(raw["content_version"]),
                            dt.date.fromisoformat(raw["date"]), str(raw["tool_version"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SafetycheckError(tr("err_save_data"), shown) from None


def reconcile(saved: SavedSession, content: ContentSet) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Keep the answers today's content still knows; list the ones it no longer asks."""
    kept: dict[str, tuple[str, ...]] = {}
    dropped: list[str] = []
    for qid, chosen in saved.answers.items():
        question = content.question(qid)
        valid = tuple(o for o in chosen if question is not None and question.option(o) is not None)
        if question is None or len(valid) != len(chosen):
            dropped.append(qid)
        if question is not None and valid:
            kept[qid] = valid
    return kept, dropped


def read_save(path: Path) -> bytes:
    from safetycheck.storage.vault import MAX_SAVE_BYTES

    try:
        with path.open("rb") as handle:
            blob = handle.read(MAX_SAVE_BYTES + 1)
    except OSError as exc:
        raise SafetycheckError(tr("err_cannot_read", reason=os_reason(exc)), str(path)) from None
    if len(blob) > MAX_SAVE_BYTES:
        raise SafetycheckError(tr("err_save_too_large"), str(path))
    return blob
