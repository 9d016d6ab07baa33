"""Anonymous summaries a participant may hand to a trainer, and the group view built from them. Pure.

A summary holds only: format and content versions, language, the day, each module's score and
band, and the ids of the advice the plan triggered. Never answers, question ids, free text, time of
day, host or user names.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from safetycheck.engine.assessment import Assessment
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason

KIND = "safetycheck-anonymous-summary"
FORMAT_VERSION = 1
MAX_SUMMARY_BYTES = 64 * 1024
BANDS = ("low", "moderate", "high", "critical")
FEW_PARTICIPANTS = 5


def build_summary(assessment: Assessment, lang: str) -> dict[str, object]:
    return {
        "kind": KIND,
        "format_version": FORMAT_VERSION,
        "content_version": assessment.content.version,
        "lang": lang,
        "date": assessment.date.isoformat(),
        "modules": {s.module.id: {"score": s.score, "band": s.band.id if s.band else None} for s in assessment.scored},
        "guidance": sorted({i.item.id for i in assessment.plan.items}),
    }


@dataclass(frozen=True)
class Summary:
    modules: dict[str, tuple[int | None, str | None]]
    guidance: tuple[str, ...]
    content_version: str


def parse_summary(raw: bytes) -> Summary:
    """Raise ValueError with a short reason when the bytes are not a summary we can read."""
    if len(raw) > MAX_SUMMARY_BYTES:
        raise ValueError(tr("err_summary_large"))
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ValueError(tr("err_summary_json")) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise ValueError(tr("err_summary_kind"))
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise ValueError(tr("err_summary_newer", version=version))
    modules, guidance = data.get("modules"), data.get("guidance")
    if not isinstance(modules, dict) or not isinstance(guidance, list) or not all(isinstance(g, str) for g in guidance):
        raise ValueError(tr("err_summary_shape"))
    parsed: dict[str, tuple[int | None, str | None]] = {}
    for module_id, entry in modules.items():
        score, band = (entry.get("score"), entry.get("band")) if isinstance(entry, dict) else (None, "?")
        if not (score is None or (isinstance(score, int) and not isinstance(score, bool) and 0 <= score <= 100)) or band not in (*BANDS, None):
            raise ValueError(tr("err_summary_module", id=module_id))
        parsed[str(module_id)] = (score, band)
    return Summary(parsed, tuple(dict.fromkeys(guidance)), str(data.get("content_version", "")))


@dataclass(frozen=True)
class ModuleDistribution:
    id: str
    counts: dict[str, int]  # band -> participants; "none" = not assessed
    median: float | None


@dataclass(frozen=True)
class GroupView:
    participants: int
    modules: tuple[ModuleDistribution, ...]
    top_guidance: tuple[tuple[str, int], ...]  # (guidance id, participants it was triggered for)
    skipped: tuple[tuple[str, str], ...]  # (file, reason)
    content_versions: tuple[str, ...]


def summary_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the *.json files inside folders named, each once, in a stable order."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            found.update((p, None) for p in sorted(path.glob("*.json")) if p.is_file())
        else:
            found[path] = None
    return list(found)


def aggregate(files: list[Path], module_order: list[str], top: int = 10) -> GroupView:
    summaries: list[Summary] = []
    skipped: list[tuple[str, str]] = []
    for path in files:
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_SUMMARY_BYTES + 1)
            summaries.append(parse_summary(raw))
        except OSError as exc:
            skipped.append((str(path), os_reason(exc)))
        except ValueError as exc:
            skipped.append((str(path), str(exc)))
    seen_modules = {m for s in summaries for m in s.modules}
    ordered = [m for m in module_order if m in seen_modules] + sorted(seen_modules - set(module_order))
    modules = []
    for module_id in ordered:
        counts = Counter(dict.fromkeys((*BANDS, "none"), 0))
        scores = []
        for s in summaries:
            if module_id in s.modules:
                score, band = s.modules[module_id]
                counts[band or "none"] += 1
                if score is not None:
                    scores.append(score)
        modules.append(ModuleDistribution(module_id, dict(counts), statistics.median(scores) if scores else None))
    triggered = Counter(g for s in summaries for g in s.guidance)
    return GroupView(
        participants=len(summaries),
        modules=tuple(modules),
        top_guidance=tuple(sorted(triggered.items(), key=lambda kv: (-kv[1], kv[0]))[:top]),
        skipped=tuple(skipped),
        content_versions=tuple(sorted({s.content_version for s in summaries})),
    )
