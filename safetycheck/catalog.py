"""Loads the bundled content plus any packs into one validated `ContentSet`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from safetycheck.content import Reader
from safetycheck.crossref import check_guidance_ids, check_modules, untriggered_guidance
from safetycheck.errors import ContentError, ContentErrors, SafetycheckError
from safetycheck.loader import parse_yaml, read_text
from safetycheck.model import ContentSet, GuidanceItem, HelpContact, Module, ScoringConfig
from safetycheck.resources import bundled_content_dir, content_files

SCORING_FILE = "_scoring.yaml"
HELP_FILE = "_help.yaml"
GLOSSARY_FILE = "_glossary.yaml"


def load_content(packs: Sequence[Path] = (), bundled: Path | None = None) -> ContentSet:
    """Everything the engine needs; raises ContentErrors listing every problem found.

    `bundled` replaces the installed content (tests use small fixture sets).
    """
    bundled = bundled or bundled_content_dir()
    roots = [(bundled, None)] + [(p, str(p)) for p in packs if p.resolve() != bundled.resolve()]
    errors: list[ContentError] = []
    warnings: list[str] = []
    digest = hashlib.sha256()
    modules: list[Module] = []
    items: list[GuidanceItem] = []
    contacts: list[HelpContact] = []
    scoring: ScoringConfig | None = None
    glossary: dict[str, dict[str, str]] = {}

    for root, shown_root in roots:
        if shown_root is not None and not root.is_dir():
            raise SafetycheckError("is not a folder", shown_root)
        from_pack = shown_root is not None
        if from_pack and not any(content_files(root, kind) for kind in ("questionnaires", "guidance")):
            raise SafetycheckError("holds no questionnaires/*.yaml or guidance/*.yaml files", shown_root)
        for kind in ("questionnaires", "guidance"):
            for path in content_files(root, kind):
                shown = f"{kind}/{path.name}" if shown_root is None else str(Path(shown_root) / kind / path.name)
                reader = Reader(shown)
                try:
                    text = read_text(path, shown)
                    digest.update(shown.encode() + b"\0" + text.encode())
                    data = parse_yaml(text, shown)
                except SafetycheckError as exc:
                    errors.append(ContentError(exc.message, exc.path, exc.line))
                    continue
                name = path.stem
                if kind == "questionnaires" and name == SCORING_FILE[:-5]:
                    if from_pack:
                        reader.error(1, "a pack cannot change the scoring settings")
                    else:
                        scoring = reader.scoring(data)
                elif kind == "guidance" and name == HELP_FILE[:-5]:
                    contacts.extend(reader.help_contacts(data))
                elif kind == "guidance" and name == GLOSSARY_FILE[:-5]:
                    glossary.update(reader.glossary(data))
                elif name.startswith("_"):
                    reader.error(1, "unknown settings file (files starting with '_' are reserved)")
                elif kind == "questionnaires":
                    module = reader.module(data, name, from_pack)
                    if module is not None:
                        modules.append(module)
                else:
                    items.extend(reader.guidance_items(data, from_pack))
                errors.extend(reader.errors)
                warnings.extend(reader.warnings)

    if scoring is None:
        errors.append(ContentError("scoring settings are missing or invalid", f"questionnaires/{SCORING_FILE}"))
        raise ContentErrors(errors)
    guidance, id_errors = check_guidance_ids(items)
    errors.extend(id_errors)
    errors.extend(check_modules(modules, guidance, scoring))
    contact_ids = [c.id for c in contacts]
    errors.extend(ContentError(f"duplicate help contact id '{c}'", HELP_FILE) for c in {c for c in contact_ids if contact_ids.count(c) > 1})
    if errors:
        raise ContentErrors(errors)
    warnings.extend(f"{g.path}:{g.line}: guidance '{g.id}' is never triggered by any answer" for g in untriggered_guidance(modules, guidance))
    newest = max([m.reviewed for m in modules] + [g.reviewed for g in guidance.values()], default=None)
    version = f"{newest.isoformat() if newest else 'none'}-{digest.hexdigest()[:8]}"
    return ContentSet(
        modules=tuple(sorted(modules, key=lambda m: (m.order, m.id))),
        guidance=guidance,
        help=tuple(contacts),
        scoring=scoring,
        version=version,
        warnings=tuple(warnings),
        glossary=glossary,
    )
