"""The JSON report: stable keys for scripts and trainers."""

from __future__ import annotations

import json
from dataclasses import asdict

from safetycheck import __version__
from safetycheck.render.report import ReportView

FORMAT_VERSION = 1


def render_json(view: ReportView) -> str:
    data = {
        "format_version": FORMAT_VERSION,
        "tool_version": __version__,
        "content_version": view.content_version,
        "lang": view.lang,
        "date": view.date,
        "modules": [asdict(m) for m in view.modules],
        "threat_profile": [asdict(t) for t in view.threats],
        "plan": {b: [asdict(e) for e in view.bucket(b)] for b in ("today", "week", "later")},
        "urgent": view.urgent_count,
        "unanswered": [{"module": m, "question": q} for m, q in view.unanswered],
        "explain": [{"module": m, "answers": [asdict(r) for r in rows]} for m, rows in view.explain],
        "help": [asdict(c) for c in view.contacts],
        "in_place": [asdict(r) for r in view.in_place],
        "stale": list(view.stale_ids),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
