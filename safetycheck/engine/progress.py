"""Progress between two saves: score change per module, actions done, new risks. Pure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from safetycheck.engine.assessment import Assessment
from safetycheck.i18n.language import say


@dataclass(frozen=True)
class ModuleChange:
    id: str
    title: str
    old: int | None
    new: int | None
    old_band: str
    new_band: str

    @property
    def change(self) -> int | None:
        return None if self.old is None or self.new is None else self.new - self.old


@dataclass(frozen=True)
class ProgressView:
    old_date: str
    new_date: str
    modules: tuple[ModuleChange, ...]
    done: tuple[str, ...]  # plan items no longer needed (titles)
    new: tuple[str, ...]  # plan items that were not there before
    still: tuple[str, ...]
    dropped: tuple[str, ...]  # saved answers today's content no longer knows
    marked: tuple[str, ...] = ()  # actions the person marked done between the two saves (titles)


def compare(old: Assessment, new: Assessment, lang: str, dropped: tuple[str, ...],
            old_done: tuple[str, ...] = (), new_done: tuple[str, ...] = ()) -> ProgressView:
    old_scores = {s.module.id: s for s in old.scored}
    modules = []
    for s in new.scored:
        before = old_scores.get(s.module.id)
        modules.append(ModuleChange(
            s.module.id, say(s.module.title, lang),
            before.score if before else None, s.score,
            say(before.band.label, lang) if before and before.band else "", say(s.band.label, lang) if s.band else "",
        ))
    old_items = {i.item.id: i for i in old.plan.items}
    new_items = {i.item.id: i for i in new.plan.items}
    return ProgressView(
        old_date=old.date.isoformat(),
        new_date=new.date.isoformat(),
        modules=tuple(modules),
        done=tuple(say(i.item.title, lang) for gid, i in old_items.items() if gid not in new_items),
        new=tuple(say(i.item.title, lang) for gid, i in new_items.items() if gid not in old_items),
        still=tuple(say(i.item.title, lang) for gid, i in new_items.items() if gid in old_items and gid not in new_done),
        dropped=dropped,
        marked=tuple(say(new.content.guidance[g].title, lang) for g in new_done
                     if g not in old_done and g in new.content.guidance),
    )


def render_progress(view: ProgressView, s: dict[str, str], markdown: bool, escape: Callable[[str], str] = str) -> str:
    """`escape` makes content text literal in Markdown (render.text.md); the engine cannot import it."""
    head = "## " if markdown else ""
    bullet = "- " if markdown else "  - "
    out = [("# " if markdown else "") + s["compare_title"], s["compare_from_to"].format(old=view.old_date, new=view.new_date), ""]
    out.append(f"{head}{s['summary']}")
    for m in view.modules:
        if m.old is None and m.new is None:
            continue
        old = "-" if m.old is None else f"{m.old} ({m.old_band})"
        new = "-" if m.new is None else f"{m.new} ({m.new_band})"
        change = "" if m.change is None else f"  {m.change:+d}"
        out.append(f"{bullet}{escape(m.title)}: {old} → {new}{change}")
    for key, items in (("done_actions", view.done), ("compare_marked", view.marked), ("new_risks", view.new),
                       ("still_to_do", view.still)):
        if items:
            out += ["", f"{head}{s[key]}"] + [f"{bullet}{escape(t)}" for t in items]
    if not (view.done or view.new or view.marked) and all(m.change in (0, None) for m in view.modules):
        out += ["", s["nothing_changed"]]
    if view.dropped:
        out += ["", s["dropped_answers"].format(items=escape(", ".join(view.dropped)))]
    return "\n".join(out) + "\n"
