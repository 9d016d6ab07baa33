"""How much of each module is translated: the texts a person reads, counted per language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from safetycheck.engine.model import GuidanceItem, Module, Text
from safetycheck.i18n.language import LANGUAGES, is_translated


def guidance_texts(item: GuidanceItem) -> Iterator[Text]:
    yield item.title
    yield item.why
    for steps in item.steps.values():
        yield from (step.text for step in steps)
    for text in (item.tradeoff, item.check, item.card):
        if text is not None:
            yield text
    for urgent in item.urgent_when:
        yield urgent.reason
    for resource in item.resources:
        yield resource.title


def module_texts(module: Module, guidance: Mapping[str, GuidanceItem]) -> Iterator[Text]:
    """The module's own texts and those of every guidance item it can trigger."""
    yield module.title
    yield module.description
    triggered: dict[str, GuidanceItem] = {}
    for question in module.questions:
        yield question.text
        yield question.why
        for option in question.options:
            if option.label is not None:
                yield option.label
            triggered.update((gid, guidance[gid]) for gid in option.guidance if gid in guidance)
    for item in triggered.values():
        yield from guidance_texts(item)


def coverage(module: Module, guidance: Mapping[str, GuidanceItem]) -> dict[str, float]:
    texts = list(module_texts(module, guidance))
    if not texts:
        return dict.fromkeys(LANGUAGES, 1.0)
    return {lang: round(sum(is_translated(t, lang) for t in texts) / len(texts), 3) for lang in LANGUAGES}
