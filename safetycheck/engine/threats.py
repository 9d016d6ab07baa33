"""Builds the threat profile from the profile (context) module's answers."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from safetycheck.engine.conditions import Answers, applies
from safetycheck.engine.model import ContentSet, Option, Question, ScoringConfig


@dataclass(frozen=True)
class ThreatLevel:
    threat: str
    level: str
    weight: float
    raised_by: tuple[tuple[Question, Option], ...]  # the answers that set this level


@dataclass(frozen=True)
class ThreatProfile:
    levels: MappingProxyType[str, ThreatLevel]
    level_ranks: MappingProxyType[str, int]

    @property
    def ranks(self) -> dict[str, int]:
        return {t: self.level_ranks[lv.level] for t, lv in self.levels.items()}

    def weight_of(self, threats: tuple[str, ...]) -> tuple[float, str]:
        """The weight of the most likely of these threats, and which threat it is."""
        best = max(threats, key=lambda t: (self.levels[t].weight, t), default=None)
        if best is None:
            return 0.5, ""
        return self.levels[best].weight, best


def build_profile(content: ContentSet, answers: Answers) -> ThreatProfile:
    """A threat's level is the highest that any applicable profile answer gives it (else its baseline)."""
    config: ScoringConfig = content.scoring
    ranks = {lv.id: i for i, lv in enumerate(config.levels)}
    best: dict[str, tuple[int, list[tuple[Question, Option]]]] = {t.id: (ranks[t.baseline], []) for t in config.threats}
    for module in content.modules:
        if module.scored:
            continue
        for question in module.questions:
            chosen = answers.get(question.qid)
            # Profile modules cannot test threats (validation forbids it), so no threat ranks are needed.
            if chosen is None or not applies(question, answers, {}, ranks):
                continue
            for option_id in chosen:
                option = question.option(option_id)
                if option is None:
                    continue
                for threat, level in option.threats.items():
                    rank, reasons = best[threat]
                    if ranks[level] > rank:
                        best[threat] = (ranks[level], [(question, option)])
                    elif ranks[level] == rank:
                        reasons.append((question, option))
    levels = {
        threat: ThreatLevel(threat, config.levels[rank].id, config.levels[rank].weight, tuple(reasons))
        for threat, (rank, reasons) in best.items()
    }
    return ThreatProfile(MappingProxyType(levels), MappingProxyType(ranks))
