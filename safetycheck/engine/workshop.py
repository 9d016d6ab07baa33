"""Anonymous summaries a participant may hand to a trainer, and the group view built from them. Pure.

A summary holds only: format and content versions, language, the day, each area's level (never a
score: an exact score vector identified every person in a 500-person simulation), the ids of the
advice the plan holds, and, for advice that follows from a sensitive situation (an arrest expected,
a relative questioned), only the area it belongs to (a "topic"). Never answers, question ids, free
text, time of day, host or user names.

Summaries arrive from strangers' laptops: every field is checked against the format of its
`format_version` before anything from it is counted; a file that does not match is skipped with a
reason, never shown.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePath

from safetycheck.engine.assessment import Assessment
from safetycheck.engine.model import ContentSet, GuidanceItem
from safetycheck.i18n.messages import tr

KIND = "safetycheck-anonymous-summary"
FORMAT_VERSION = 2  # 1: the released version (a3dd275) wrote scores; still read, scores dropped
MAX_SUMMARY_BYTES = 64 * 1024
BANDS = ("low", "moderate", "high", "critical")
LANGS = ("en", "az", "ru")
FEW_PARTICIPANTS = 5
# Until every sensitive item carries `sensitive: true`, these ids (which follow from an incident or
# a situation someone may hide: an arrest expected, a case in absentia, relatives questioned or
# pressed) are treated as sensitive whatever the content says.
SENSITIVE_FALLBACK = frozenset({
    "ctx-case-in-absentia", "ctx-expecting-arrest", "ctx-summons", "fam-coercion-demands",
    "fam-relative-questioned", "fam-disown-pressure", "fam-document-pressure",
    "dev-seized-device-response", "dev-threat-notification", "onl-leak-response",
})
_MODULE_ID = re.compile(r"[a-z][a-z0-9_]{0,39}")
_GUIDANCE_ID = re.compile(r"[a-z][a-z0-9-]{0,63}")
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,63}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_KEYS = {
    1: ({"kind", "format_version", "modules", "guidance"}, {"content_version", "lang", "date"}),
    2: ({"kind", "format_version", "content_version", "lang", "date", "modules", "guidance", "topics"}, set()),
}


def is_sensitive(item: GuidanceItem) -> bool:
    return bool(getattr(item, "sensitive", False)) or item.id in SENSITIVE_FALLBACK


def guidance_areas(content: ContentSet) -> dict[str, str]:
    """The area (module) each item belongs to: the guidance file it is written in when that file is
    named after a module (guidance/family.yaml), else the first module whose answers lead to it. The
    file decides first: the danger-now question in `context` leads to items of every area."""
    modules = {m.id for m in content.modules}
    areas: dict[str, str] = {}
    for gid, item in content.guidance.items():
        stem = PurePath(item.path).stem
        if stem in modules:
            areas[gid] = stem
    for module in content.modules:
        for question in module.questions:
            for option in question.options:
                for gid in option.guidance:
                    areas.setdefault(gid, module.id)
    return areas


def build_summary(assessment: Assessment, lang: str) -> dict[str, object]:
    content = assessment.content
    areas = guidance_areas(content)
    items = {i.item.id: i.item for i in assessment.plan.items}
    return {
        "kind": KIND,
        "format_version": FORMAT_VERSION,
        "content_version": content.version,
        "lang": lang,
        "date": assessment.date.isoformat(),
        "modules": {s.module.id: (s.band.id if s.band else None) for s in assessment.scored},
        "guidance": sorted(g for g, item in items.items() if not is_sensitive(item)),
        "topics": sorted({areas.get(g, "context") for g, item in items.items() if is_sensitive(item)}),
    }


@dataclass(frozen=True)
class Known:
    """What this version of the content knows: ids outside it are left out (newer content) and counted."""
    modules: frozenset[str]  # the scored areas, which have levels
    topics: frozenset[str]  # every area, the situation ones included
    guidance: frozenset[str]
    sensitive: frozenset[str]
    areas: Mapping[str, str]

    @classmethod
    def of(cls, content: ContentSet) -> Known:
        return cls(frozenset(m.id for m in content.modules if m.scored), frozenset(m.id for m in content.modules), frozenset(content.guidance),
                   frozenset(g for g, item in content.guidance.items() if is_sensitive(item)), guidance_areas(content))


@dataclass(frozen=True)
class Summary:
    modules: Mapping[str, str | None]  # area -> level; None = included, not assessed
    guidance: tuple[str, ...]
    topics: tuple[str, ...]
    content_version: str
    unknown: int  # well-formed ids this content does not know, left out


def _refuse_constant(name: str) -> float:
    raise ValueError(name)


def _clean_text(value: object) -> bool:
    """A string with no control character, bidi control or lone surrogate."""
    return isinstance(value, str) and not any(
        ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
        or 0xD800 <= ord(c) <= 0xDFFF for c in value)


def _load(raw: bytes) -> dict[str, object]:
    if len(raw) > MAX_SUMMARY_BYTES:
        raise ValueError(tr("err_summary_large"))
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant,
                          parse_float=lambda text: _finite(float(text)))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError(tr("err_summary_json")) from None
    if not isinstance(data, dict) or data.get("kind") != KIND:
        raise ValueError(tr("err_summary_kind"))
    return data


def _finite(number: float) -> float:
    if not math.isfinite(number):
        raise ValueError("not finite")
    return number


def _band(entry: object, version: int) -> str | None:
    """The level of one area; raise ValueError when the entry does not match the format."""
    if version == 1:  # {"score": 0-100 | null, "band": level | null}; the score is dropped here
        if not isinstance(entry, dict) or set(entry) - {"score", "band"}:
            raise ValueError
        score = entry.get("score")
        if not (score is None or (type(score) is int and 0 <= score <= 100)):
            raise ValueError
        entry = entry.get("band")
    if entry is None or (isinstance(entry, str) and entry in BANDS):
        return entry
    raise ValueError


def parse_summary(raw: bytes, known: Known) -> Summary:
    """Raise ValueError with a short reason (never echoing the file's text) when the bytes are not a
    summary of a format we read."""
    data = _load(raw)
    version = data.get("format_version")
    if type(version) is not int or version < 1:
        raise ValueError(tr("err_summary_shape"))
    if version > FORMAT_VERSION:
        raise ValueError(tr("err_summary_newer", version=version))
    required, optional = _KEYS[version]
    if not required <= set(data) <= required | optional:
        raise ValueError(tr("err_summary_shape"))
    lang, date, cv = data.get("lang", "en"), data.get("date", "2000-01-01"), data.get("content_version", "")
    if lang not in LANGS or not (isinstance(date, str) and _DATE.fullmatch(date)):
        raise ValueError(tr("err_summary_shape"))
    if not (isinstance(cv, str) and (cv == "" and version == 1 or _VERSION.fullmatch(cv))):
        raise ValueError(tr("err_summary_shape"))
    modules, guidance, topics = data["modules"], data["guidance"], data.get("topics", [])
    if not isinstance(modules, dict) or not modules or not isinstance(guidance, list) or not isinstance(topics, list):
        raise ValueError(tr("err_summary_shape"))
    if len(modules) > 100 or len(guidance) > 1000 or len(topics) > 100:
        raise ValueError(tr("err_summary_shape"))
    ids = [*modules, *topics]
    if not all(isinstance(i, str) and _MODULE_ID.fullmatch(i) for i in ids) \
            or not all(isinstance(g, str) and _GUIDANCE_ID.fullmatch(g) for g in guidance):
        raise ValueError(tr("err_summary_ids"))
    levels: dict[str, str | None] = {}
    for module_id, entry in modules.items():
        try:
            levels[module_id] = _band(entry, version)
        except ValueError:
            raise ValueError(tr("err_summary_module")) from None
    unknown = sum(1 for m in levels if m not in known.modules)
    unknown += sum(1 for g in guidance if g not in known.guidance) + sum(1 for t in topics if t not in known.topics)
    kept = tuple(dict.fromkeys(g for g in guidance if g in known.guidance))
    # Sensitive advice (in summaries written before it was marked) counts only as its area.
    moved = {known.areas.get(g, "context") for g in kept if g in known.sensitive}
    return Summary(
        modules={m: level for m, level in levels.items() if m in known.modules},
        guidance=tuple(g for g in kept if g not in known.sensitive),
        topics=tuple(sorted({t for t in topics if t in known.topics} | (moved & known.topics))),
        content_version=cv,
        unknown=unknown,
    )


@dataclass(frozen=True)
class AreaRow:
    id: str
    included: int  # participants whose summary holds the area
    not_included: int
    counts: Mapping[str, int]  # level -> participants; "none" = included but not assessed


@dataclass(frozen=True)
class GroupView:
    participants: int
    detailed: bool  # False below FEW_PARTICIPANTS: only the total and a warning
    areas: tuple[AreaRow, ...]
    top_guidance: tuple[tuple[str, int], ...]  # (guidance id, participants whose plan holds it)
    topics: tuple[tuple[str, int], ...]  # (area, participants with sensitive advice in it)
    skipped: tuple[tuple[str, str], ...]  # (file, reason)
    unknown: int  # ids left out because this content does not know them
    content_versions: tuple[str, ...]


def aggregate(files: Iterable[tuple[str, bytes | str]], known: Known, module_order: list[str], top: int = 10) -> GroupView:
    """`files` holds (name, bytes read) or (name, reason it could not be read)."""
    summaries: list[Summary] = []
    skipped: list[tuple[str, str]] = []
    for name, raw in files:
        if isinstance(raw, str):
            skipped.append((name, raw))
            continue
        try:
            summaries.append(parse_summary(raw, known))
        except ValueError as exc:
            skipped.append((name, str(exc)))
    n = len(summaries)
    detailed = n >= FEW_PARTICIPANTS
    areas: list[AreaRow] = []
    if detailed:
        seen = {m for s in summaries for m in s.modules}
        for module_id in [m for m in module_order if m in seen] + sorted(seen - set(module_order)):
            counts = Counter(dict.fromkeys((*BANDS, "none"), 0))
            counts.update((s.modules[module_id] or "none") for s in summaries if module_id in s.modules)
            included = sum(counts.values())
            areas.append(AreaRow(module_id, included, n - included, dict(counts)))
    triggered = Counter(g for s in summaries for g in s.guidance) if detailed else Counter()
    topics = Counter(t for s in summaries for t in s.topics) if detailed else Counter()
    return GroupView(
        participants=n,
        detailed=detailed,
        areas=tuple(areas),
        top_guidance=tuple(sorted(triggered.items(), key=lambda kv: (-kv[1], kv[0]))[:top]),
        topics=tuple(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))),
        skipped=tuple(skipped),
        unknown=sum(s.unknown for s in summaries),
        content_versions=tuple(sorted({s.content_version for s in summaries} - {""})),
    )
