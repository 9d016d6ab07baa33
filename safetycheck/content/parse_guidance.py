"""Reading guidance files: items (with the keys that fit the plan to the person), help contacts,
the glossary and platform facts."""

from __future__ import annotations

from typing import Any

from safetycheck.content.nodes import Node
from safetycheck.content.parse_base import GUIDANCE_ID, ReaderBase, short_repr
from safetycheck.content.spec import PLATFORM_KEYS
from safetycheck.engine.model import PLATFORMS, Condition, Fact, GuidanceItem, HelpContact, Resource, Step, Text, UrgentWhen
from safetycheck.i18n.language import LANGUAGES
from safetycheck.i18n.messages import tr


class GuidanceReader(ReaderBase):
    def guidance_items(self, raw: Any, from_pack: bool) -> list[GuidanceItem]:
        node = self.mapping(raw, "guidance_file", 1, tr("val_w_guidance_file"))
        if node is None:
            return []
        return [g for g in (self.guidance(r, from_pack) for r in self.items(node, "items")) if g]

    def guidance(self, raw: Any, from_pack: bool) -> GuidanceItem | None:
        node = self.mapping(raw, "guidance", getattr(raw, "line", 0), tr("val_w_guidance_item"))
        if node is None:
            return None
        gid = self.ident(node, "id", tr("val_w_guidance_item"), GUIDANCE_ID)
        what = tr("val_w_guidance_id", id=gid)
        needs = self.optional_condition(node, "needs")
        if "check" in node and needs is None and "needs" not in node:
            self.error(node.line_of("check"), tr("val_check_no_needs", what=what))
        return GuidanceItem(
            id=gid,
            title=self.text(node, "title", what) or Text.plain(gid),
            why=self.text(node, "why", what) or Text.plain(""),
            effort=self.choice(node, "effort", what, ("minutes", "hour", "day"), "hour"),
            steps=self.steps(node, what),
            resources=self.resources(node, what),
            reviewed=self.date(node, "reviewed", what),
            tradeoff=self.text(node, "tradeoff", what),
            path=self.path,
            line=node.line,
            from_pack=from_pack,
            done_when=self.optional_condition(node, "done_when"),
            needs=needs,
            check=self.text(node, "check", what),
            instead=self.id_list(node, "instead", what, GUIDANCE_ID),
            urgent_when=self.urgent_when(node, what),
            audience=self.optional_condition(node, "audience"),
            card=self.text(node, "card", what),
            keeping_well=self.boolean(node, "keeping_well", what),
            sensitive=self.boolean(node, "sensitive", what),
        )

    def optional_condition(self, node: Node, key: str) -> Condition | None:
        return self.condition(node[key], node.line_of(key), "") if key in node else None

    def steps(self, node: Node, what: str) -> dict[str, tuple[Step, ...]]:
        steps: dict[str, tuple[Step, ...]] = {}
        raw_steps = node.get("steps")
        if raw_steps is not None and not isinstance(raw_steps, Node):
            self.error(node.line_of("steps"), tr("val_steps_map", what=what))
            return steps
        for platform, entries in (raw_steps or {}).items():
            if platform not in PLATFORM_KEYS:
                self.error(raw_steps.line_of(platform), tr("val_steps_platform", what=what, platform=platform, known=", ".join(PLATFORM_KEYS)))
                continue
            if not isinstance(entries, list) or not entries:
                self.error(raw_steps.line_of(platform), tr("val_steps_empty", platform=platform, what=what))
                continue
            built = [self.step(e, getattr(e, "line", raw_steps.line_of(platform)), what) for e in entries]
            steps[platform] = tuple(s for s in built if s)
        return steps

    def step(self, raw: Any, line: int, what: str) -> Step | None:
        """A text, or {text, when}: a step shown only when its condition holds."""
        if isinstance(raw, Node) and "text" in raw:
            node = self.mapping(raw, "step", line, tr("val_w_step_of", what=what))
            if node is None:
                return None
            text = self.text(node, "text", what)
            when = self.optional_condition(node, "when")
            return Step(text, when) if text is not None else None
        text = self.text_value(raw, line, "step", what)
        return Step(text) if text is not None else None

    def resources(self, node: Node, what: str) -> tuple[Resource, ...]:
        resources = []
        rwhat = tr("val_w_resource_of", what=what)
        for raw_r in self.items(node, "resources"):
            r = self.mapping(raw_r, "resource", getattr(raw_r, "line", node.line), rwhat)
            if r is None:
                continue
            src = r.get("source")
            if not isinstance(src, str) or not src.strip():
                self.error(r.line, tr("val_resource_source", what=rwhat))
            platforms = self.id_list(r, "platforms", rwhat)
            for platform in platforms:
                if platform not in PLATFORMS:
                    self.error(r.line_of("platforms"), tr("val_unknown_platform", what=rwhat, platform=platform, known=", ".join(PLATFORMS)))
            lang = self.ident(r, "lang", rwhat) or "en"
            resources.append(Resource(self.text(r, "title", rwhat) or Text.plain(""),
                                      self.url(r, "url", rwhat), str(src), platforms, lang))
        if "resources" in node and not resources:
            self.error(node.line_of("resources"), tr("val_needs_resource", what=what))
        return tuple(resources)

    def urgent_when(self, node: Node, what: str) -> tuple[UrgentWhen, ...]:
        out = []
        uwhat = tr("val_w_urgent_of", what=what)
        for raw_u in self.items(node, "urgent_when"):
            u = self.mapping(raw_u, "urgent", getattr(raw_u, "line", node.line_of("urgent_when")), uwhat)
            if u is None:
                continue
            when = self.optional_condition(u, "when")
            reason = self.text(u, "reason", uwhat)
            if when is not None and reason is not None:
                out.append(UrgentWhen(when, reason))
        return tuple(out)

    def facts(self, raw: Any) -> list[Fact]:
        """Platform facts (guidance/_facts.yaml): what changes every year, in one place."""
        node = self.mapping(raw, "facts_file", 1, tr("val_w_facts_file"))
        out = []
        for raw_f in self.items(node, "facts") if node is not None else []:
            f = self.mapping(raw_f, "fact", getattr(raw_f, "line", 1), tr("val_w_fact"))
            if f is None:
                continue
            fid = self.ident(f, "id", tr("val_w_fact"))
            value = f.get("value")
            if isinstance(value, bool) or not isinstance(value, int | float | str) or (isinstance(value, str) and not value.strip()):
                self.error(f.line_of("value"), tr("val_fact_value", id=fid, value=short_repr(value)))
                continue
            out.append(Fact(fid, float(value) if isinstance(value, int | float) else value,
                            self.text(f, "about", tr("val_w_fact_id", id=fid)) or Text.plain(""), self.url(f, "source", tr("val_w_fact_id", id=fid)),
                            self.date(f, "checked", tr("val_w_fact_id", id=fid))))
        return out

    def help_contacts(self, raw: Any, from_pack: bool = False) -> list[HelpContact]:
        node = self.mapping(raw, "help_file", 1, tr("val_w_help_file"))
        if node is None:
            return []
        contacts = []
        for raw_c in self.items(node, "contacts"):
            c = self.mapping(raw_c, "contact", getattr(raw_c, "line", node.line), tr("val_w_contact"))
            if c is None:
                continue
            cid = self.ident(c, "id", tr("val_w_contact"), GUIDANCE_ID)
            what = tr("val_w_contact_id", id=cid)
            name = c.get("name")
            if not isinstance(name, str) or not name.strip():
                self.error(c.line_of("name") if "name" in c else c.line, tr("val_contact_no_name", what=what))
                name = ""
            contacts.append(HelpContact(cid, name, self.text(c, "what", what) or Text.plain(""),
                                        self.text(c, "how", what) or Text.plain(""), self.url(c, "url", what),
                                        self.date(c, "checked", what), self.id_list(c, "languages", what), from_pack))
        return contacts

    def glossary(self, raw: Any) -> dict[str, dict[str, str]]:
        """Terms every translation uses: id -> {en, az, ru}."""
        node = self.mapping(raw, "glossary_file", 1, tr("val_w_glossary"))
        terms: dict[str, dict[str, str]] = {}
        for raw_t in self.items(node, "terms") if node is not None else []:
            t = self.mapping(raw_t, "term", getattr(raw_t, "line", 1), tr("val_w_glossary_term"))
            if t is None:
                continue
            tid = self.ident(t, "id", tr("val_w_glossary_term"))
            if tid in terms:
                self.error(t.line, tr("val_glossary_duplicate", id=tid))
            values = {lang: t.get(lang) for lang in LANGUAGES}
            if not all(isinstance(v, str) and v.strip() for v in values.values()):
                self.error(t.line, tr("val_glossary_languages", id=tid))
                continue
            terms[tid] = {k: str(v) for k, v in values.items()}
        return terms
