"""Loads the bundled content plus any packs into one validated `ContentSet`."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from safetycheck.content.crossref import check_guidance_ids, check_items, check_modules, untriggered_guidance
from safetycheck.content.packs import check_pack_contacts, merge_glossary, pack_files
from safetycheck.content.parse import Reader
from safetycheck.content.resolve import resolve
from safetycheck.content.resources import bundled_content_dir, compiled_content_file, content_files
from safetycheck.engine.model import ContentSet, Fact, GuidanceItem, HelpContact, Module, ScoringConfig
from safetycheck.errors import ContentError, ContentErrors, SafetycheckError
from safetycheck.i18n.messages import tr

SCORING_FILE = "_scoring"
HELP_FILE = "_help"
GLOSSARY_FILE = "_glossary"
FACTS_FILE = "_facts"
KINDS = ("questionnaires", "guidance")

# (kind, shown path, file stem, parsed data)
ParsedFile = tuple[str, str, str, Any]


def _read_root(root: Path, shown_root: str | None, digest: Any, errors: list[ContentError]) -> list[ParsedFile]:
    from safetycheck.content.loader import parse_yaml, read_text  # yaml only when there is YAML to read

    files: list[ParsedFile] = []
    for kind in KINDS:
        if shown_root is None:
            paths = content_files(root, kind)
        else:  # a pack: its files stay in its folder
            paths, link_errors = pack_files(root, kind, shown_root)
            errors.extend(link_errors)
        for path in paths:
            shown = f"{kind}/{path.name}" if shown_root is None else str(Path(shown_root) / kind / path.name)
            try:
                text = read_text(path, shown)
                digest.update(shown.encode() + b"\0" + text.encode())
                files.append((kind, shown, path.stem, parse_yaml(text, shown)))
            except SafetycheckError as exc:
                errors.append(ContentError(exc.message, exc.path, exc.line))
    return files


def read_files(root: Path) -> list[tuple[str, str, Any]]:
    """(kind, file name, data) for every file of a content folder; used to compile it."""
    errors: list[ContentError] = []
    files = _read_root(root, None, hashlib.sha256(), errors)
    if errors:
        raise ContentErrors(errors)
    return [(kind, shown.split("/", 1)[1], data) for kind, shown, _, data in files]


def _bundled(bundled: Path | None, digest: Any, errors: list[ContentError]) -> tuple[list[ParsedFile], str | None]:
    """The bundled files: compiled at build time when installed from a wheel, else parsed."""
    if bundled is None and (compiled := compiled_content_file()) is not None:
        from safetycheck.content.compiled import read_compiled

        loaded = read_compiled(compiled)
        if loaded is not None:
            version, files = loaded
            digest.update(version.encode())  # so packs on top still give a version that covers both
            return [(kind, f"{kind}/{name}", name.rsplit(".", 1)[0], data) for kind, name, data in files], version
    return _read_root(bundled or bundled_content_dir(), None, digest, errors), None


def _prebuilt() -> ContentSet | None:
    """The model a wheel's build made from its own content (content/prebuilt.py), when installed so."""
    from safetycheck.content.prebuilt import PREBUILT_FILE, read_prebuilt

    path = compiled_content_file(PREBUILT_FILE)
    return read_prebuilt(path) if path is not None else None


def load_content(packs: Sequence[Path] = (), bundled: Path | None = None) -> ContentSet:
    """Everything the engine needs; raises ContentErrors listing every problem found.

    `bundled` replaces the installed content (tests use small fixture sets).
    """
    if not packs and bundled is None and (prebuilt := _prebuilt()) is not None:
        return prebuilt
    errors: list[ContentError] = []
    warnings: list[str] = []
    digest = hashlib.sha256()
    files, compiled_version = _bundled(bundled, digest, errors)
    pack_files = 0
    bundled_root = (bundled or bundled_content_dir()).resolve()
    for pack in packs:
        if not pack.is_dir():
            raise SafetycheckError(tr("err_not_folder"), str(pack))
        if pack.resolve() == bundled_root:
            continue
        if not any(content_files(pack, kind) for kind in KINDS):
            raise SafetycheckError(tr("err_empty_pack"), str(pack))
        found = _read_root(pack, str(pack), digest, errors)
        files += found
        pack_files += len(found)

    modules: list[Module] = []
    items: list[GuidanceItem] = []
    contacts: list[HelpContact] = []
    glossary: dict[str, dict[str, str]] = {}
    facts: dict[str, Fact] = {}
    scoring: ScoringConfig | None = None
    first_pack_file = len(files) - pack_files
    for index, (kind, shown, name, data) in enumerate(files):
        from_pack = index >= first_pack_file
        reader = Reader(shown)
        if kind == "questionnaires" and name == SCORING_FILE:
            if from_pack:
                reader.error(1, tr("val_pack_scoring"))
            else:
                scoring = reader.scoring(data)
        elif kind == "guidance" and name == HELP_FILE:
            contacts.extend(reader.help_contacts(data, from_pack))
        elif kind == "guidance" and name == GLOSSARY_FILE:
            errors.extend(merge_glossary(glossary, reader.glossary(data), from_pack, shown))
        elif kind == "guidance" and name == FACTS_FILE:
            for fact in reader.facts(data):
                if fact.id in facts:
                    reader.error(1, tr("val_duplicate_fact", id=fact.id))
                facts[fact.id] = fact
        elif name.startswith("_"):
            reader.error(1, tr("val_unknown_settings"))
        elif kind == "questionnaires":
            module = reader.module(data, name, from_pack)
            if module is not None:
                modules.append(module)
        else:
            items.extend(reader.guidance_items(data, from_pack))
        errors.extend(reader.errors)
        warnings.extend(reader.warnings)

    if scoring is None:
        errors.append(ContentError(tr("val_no_scoring"), f"questionnaires/{SCORING_FILE}.yaml"))
        raise ContentErrors(errors)
    guidance, id_errors = check_guidance_ids(items)
    errors.extend(id_errors)
    errors.extend(check_modules(modules, guidance, scoring))
    errors.extend(check_pack_contacts(contacts))
    contact_ids = [c.id for c in contacts]
    item_errors, item_warnings = check_items(modules, guidance, scoring, set(contact_ids))
    errors.extend(item_errors)
    warnings.extend(item_warnings)
    modules, guidance, resolve_errors, resolve_warnings = resolve(modules, guidance, facts)
    errors.extend(resolve_errors)
    warnings.extend(resolve_warnings)
    errors.extend(ContentError(tr("val_duplicate_contact", id=c), f"guidance/{HELP_FILE}.yaml")
                  for c in {c for c in contact_ids if contact_ids.count(c) > 1})
    if errors:
        raise ContentErrors(errors)
    warnings.extend(f"{g.path}:{g.line}: " + tr("val_never_triggered", id=g.id) for g in untriggered_guidance(modules, guidance))
    if compiled_version is not None and not pack_files:
        version = compiled_version
    else:
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
        facts=facts,
    )
