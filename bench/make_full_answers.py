"""Write bench/full-every-module.yaml: every question of every module answered with its
riskiest option, so the report is as long as it gets (the worst case for rendering)."""

from pathlib import Path

from safetycheck.content.catalog import load_content
from safetycheck.engine.conditions import applies
from safetycheck.engine.threats import build_profile

content = load_content()
answers: dict[str, tuple[str, ...]] = {}
for module in content.modules:
    for question in module.questions:
        profile = build_profile(content, answers)
        if not applies(question, answers, profile.ranks, profile.level_ranks):
            continue
        choices = [o for o in question.options if o.id != "not_sure"]
        if question.type == "multiple":
            answers[question.qid] = tuple(o.id for o in choices if o.risk > 0 or o.threats)
        else:
            answers[question.qid] = (max(choices, key=lambda o: (o.risk, len(o.threats))).id,)
lines = ["# Every question of every module answered with its riskiest option (bench worst case).", "answers:"]
for module in content.modules:
    lines.append(f"  {module.id}:")
    for question in module.questions:
        if question.qid in answers:
            chosen = answers[question.qid]
            value = f"[{', '.join(chosen)}]" if question.type == "multiple" else f'"{chosen[0]}"'
            lines.append(f"    {question.id}: {value}")
Path(__file__).with_name("full-every-module.yaml").write_text("\n".join(lines) + "\n")
print(f"{len(answers)} answers")
