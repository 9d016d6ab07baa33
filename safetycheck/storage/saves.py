"""What a save holds (answers, language, content version) and how it maps back onto today's content."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from safetycheck import __version__
from safetycheck.content.answers import current_option, current_question
from safetycheck.engine.conditions import Answers
from safetycheck.engine.model import ContentSet
from safetycheck.errors import SafetycheckError
from safetycheck.i18n.language import LANGUAGES
from safetycheck.i18n.messages import tr
from safetycheck.sanitize import shown_path

# Version 1 (the released one) had no "done", "asked" or "stage"; they are optional, so a version 1
# save opens as a finished session with nothing marked done, and this version's saves keep the
# same keys for older readers.
PAYLOAD_VERSION = 1
FINISHED = "done"


@dataclass(frozen=True)
class SavedSession:
    answers: dict[str, tuple[str, ...]]
    modules: tuple[str, ...]
    lang: str
    content_version: str
    date: dt.date
    tool_version: str
    done: tuple[str, ...] = ()  # guidance item ids the person marked done
    asked: tuple[str, ...] = ()  # questions answered or skipped (an unfinished session resumes after them)
    stage: str = FINISHED  # "quick", "full", "deeper:<module>" while unfinished; "done" when finished

    @property
    def finished(self) -> bool:
        return self.stage == FINISHED


def to_bytes(answers: Answers, modules: tuple[str, ...], lang: str, content: ContentSet, today: dt.date,
             done: tuple[str, ...] = (), asked: tuple[str, ...] = (), stage: str = FINISHED) -> bytes:
    payload = {
        "payload_version": PAYLOAD_VERSION,
        "tool_version": __version__,
        "content_version": content.version,
        "date": today.isoformat(),  # the day only: no time of day is kept
        "lang": lang,
        "modules": list(modules),
        "answers": {qid: list(chosen) for qid, chosen in sorted(answers.items())},
        "done": sorted(done),
        "asked": sorted(asked),
        "stage": stage,
    }
    return json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")


def from_bytes(data: bytes, shown: str) -> SavedSession:
    """A decrypted payload; payload version 1 is what the released version wrote (read as is)."""
    try:
        raw = json.loads(data.decode("utf-8"))
        version = raw["payload_version"]
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ValueError("payload_version")
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SafetycheckError(tr("err_save_data"), shown) from None
    if version > PAYLOAD_VERSION:
        raise SafetycheckError(tr("err_save_payload_newer", version=version), shown)
    try:
        answers = {str(q): tuple(str(o) for o in chosen) for q, chosen in raw["answers"].items()}
        lang = str(raw["lang"]) if raw["lang"] in LANGUAGES else "en"
        return SavedSession(answers, tuple(str(m) for m in raw["modules"]), lang, str(raw["content_version"]),
                            dt.date.fromisoformat(raw["date"]), str(raw["tool_version"]),
                            tuple(str(d) for d in raw.get("done", [])), tuple(str(q) for q in raw.get("asked", answers)),
                            str(raw.get("stage", FINISHED)))
    except (ValueError, KeyError, TypeError, AttributeError):
        raise SafetycheckError(tr("err_save_data"), shown) from None


def reconcile(saved: SavedSession, content: ContentSet) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Keep the answers today's content still knows; list the ones it no longer asks."""
    kept: dict[str, tuple[str, ...]] = {}
    dropped: list[str] = []
    for qid, chosen in saved.answers.items():
        # Renamed or merged questions and options map onto their successors.
        module_id, _, question_id = qid.partition(".")
        module = content.module(module_id)
        question = current_question(module, question_id) if module is not None else None
        options = [current_option(question, o) for o in chosen] if question is not None else []
        if question is None or None in options:
            dropped.append(qid)
        valid = tuple(dict.fromkeys(o.id for o in options if o is not None))
        if question is not None and valid:
            kept[question.qid] = valid
    return kept, dropped


def read_save(path: Path) -> bytes:
    from safetycheck.content.files import read_bounded
    from safetycheck.storage.vault import MAX_SAVE_BYTES

    return read_bounded(path, shown_path(path), MAX_SAVE_BYTES, tr("err_save_too_large"))
