"""Hardening (issue 10): web addresses and Markdown (M6), pack help contacts and labels (M7), pack
folders and glossaries (L15)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.content.packs import safe_url, skeleton, url_problem

runner = CliRunner()
TRACKER = "https://example.org/x)![p](https://tracker.example/p.png"

MODULE = """id: extra
title: "Extra {title}"
description: "d"
reviewed: 2026-11-01
order: 90
questions:
  - id: q
    text: "Question {title}"
    why: "Why"
    kind: situation
    type: single
    threats: [seizure]
    options:
      - {{id: bad, label: "Bad", risk: 9, guidance: [extra-item]}}
      - {{id: good, label: "Good", risk: 0}}
      - {{id: not_sure}}
"""
GUIDANCE = """items:
  - id: extra-item
    title: "Fix {title}"
    why: "Because"
    effort: minutes
    steps: {{general: ["Step"]}}
    resources: [{{title: "R", url: {url}, source: "Org"}}]
    reviewed: 2026-11-01
"""
CONTACT = """contacts:
  - id: {cid}
    name: {name}
    what: "Help"
    how: {how}
    url: {url}
    checked: 2026-11-01
"""


def make_pack(tmp_path: Path, url: str = '"https://example.org/x"', title: str = "*x*", contact: dict[str, str] | None = None) -> Path:
    pack = tmp_path / "pack"
    (pack / "questionnaires").mkdir(parents=True, exist_ok=True)
    (pack / "guidance").mkdir(exist_ok=True)
    (pack / "questionnaires" / "extra.yaml").write_text(MODULE.format(title=title), encoding="utf-8")
    (pack / "guidance" / "extra.yaml").write_text(GUIDANCE.format(title=title, url=url), encoding="utf-8")
    if contact is not None:
        fields = {"cid": "pack-helpline", "name": '"Local Helpline"', "how": '"Call the office."', "url": '"https://local.example/help"', **contact}
        (pack / "guidance" / "_help.yaml").write_text(CONTACT.format(**fields), encoding="utf-8")
    return pack


def answers(tmp_path: Path) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text("answers:\n  extra:\n    q: bad\n")
    return path


# -- M6: addresses ---------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    "http://example.org/x", "https://user@example.org/", "https://www.accessnow.org@evil.example/", "https://a:b@example.org/",
    "https://exаmple.org/", "https://example.org\u200b/", "https://exam\u200bple.org/", "https://example.org/\u202ex",
    "javascript:alert(1)", "https://", "https://localhost/", "https://example.org /x", "https://example.org/a b",
    "https://example.org/\nx", "https://-bad-.org/", "https://example.org:99999/", "https://example.123/", "ftp://example.org/",
    "HTTPS://example.org/", "https://exa_mple.org/", "https://example.org\\@evil.example/", "//example.org/",
])
def test_bad_addresses_are_refused(url: str) -> None:
    assert url_problem(url) is not None


@pytest.mark.parametrize("url", ["https://example.org", "https://example.org/x?a=1#f", "https://xn--80ak6aa92e.com/",
                                 "https://sub.example.org:8443/p", TRACKER])
def test_good_addresses_pass_with_link_breakers_encoded(url: str) -> None:
    assert url_problem(url) is None
    safe = safe_url(url)
    assert not any(c in safe for c in "()<>[]\"' `")


@pytest.mark.parametrize("url", [f'"{TRACKER}"', '"https://example.org/<img/src=x>"', "\"https://example.org/a'b\"",
                                 '"https://example.org/[x](y)"', '"https://example.org/x\\")"'])
@pytest.mark.parametrize("fmt", ["markdown", "html", "plain", "json", "card", "card-html"])
def test_addresses_cannot_become_images_or_markup(tmp_path: Path, url: str, fmt: str) -> None:
    pack = make_pack(tmp_path, url=url)
    result = runner.invoke(app, ["check", "--pack", str(pack), "--answers", str(answers(tmp_path)), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "![" not in out and "](https://tracker" not in out and "<img" not in out
    if fmt == "markdown":
        assert_inert_markdown(out)
        links = re.findall(r"\]\(<([^>]*)>\)", out)
        assert links and all(not any(c in link for c in "()<>[] \"'") for link in links)


@pytest.mark.parametrize("title", ["![p](https://tracker.example/p.png)", "<img src=https://t.example/p>", "[x](https://t.example)",
                                   "<https://t.example/p.png>", "&#x3C;img src=x&#x3E;", "`code` | table | cell", "# heading\\n> quote"])
@pytest.mark.parametrize("command", [["check", "--format", "markdown"], ["worksheet", "--format", "markdown"],
                                     ["guide", "--module", "extra", "--format", "markdown"], ["guide", "extra-item", "--format", "markdown"]])
def test_markdown_is_escaped_everywhere(tmp_path: Path, title: str, command: list[str]) -> None:
    pack = make_pack(tmp_path, title=title.replace('"', '\\"'))
    extra = ["--answers", str(answers(tmp_path))] if command[0] == "check" else []
    result = runner.invoke(app, [*command, "--pack", str(pack), *extra])
    assert result.exit_code == 0, result.stderr
    assert_inert_markdown(result.stdout)


def assert_inert_markdown(text: str) -> None:
    """Parsed as CommonMark (markdown-it, which rich brings): no image, no raw HTML, no entity that
    becomes markup, every link an https address, none to the tracker."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    inline = [child for token in tokens for child in (token.children or [])]
    kinds = {t.type for t in tokens} | {t.type for t in inline}
    assert not kinds & {"image", "html_inline", "html_block"}, kinds
    hrefs = [str(t.attrs.get("href")) for t in inline if t.type == "link_open"]
    assert all(h.startswith("https://") for h in hrefs), hrefs
    hosts = [h.split("/")[2] for h in hrefs]
    assert all("t.example" not in h and "tracker" not in h for h in hosts), hosts


# -- M7: pack help contacts ------------------------------------------------------------------------
@pytest.mark.parametrize("contact", [
    {"name": '"Access Now Digital Security Helpline"'},
    {"name": '"Access Nоw Digital Security Helpline"'},  # Cyrillic o
    {"name": '"Ассess Now Digital Security Helpline"'},  # Cyrillic A and s
    {"name": '"Access\\u200b Now Digital Security Helpline"'},
    {"name": '"ACCESS NOW - Digital Security Helpline!"'},
    {"name": '"Access N0w Digital Security Helpline"'},
    {"name": '"Access Now Digital Security Helpline (Baku office)"'},
    {"name": '"Front Line Defenders"'},
    {"name": '"Access Now Helpline"'}, {"name": '"Qurium support desk"'}, {"name": '"Citizen Lab Baku"'},
    {"name": '"Frοnt Line Defenders"'},  # Greek omicron
    {"name": '"Digital First Aid Kit"'},
    {"url": '"https://www.accessnow.org@evil.example/"'},
    {"url": '"https://www.accessnоw.org/help/"'},  # Cyrillic o in the host
    {"url": '"https://www.accessnow.org\\u200b/help/"'},
    {"url": '"https://accessnow.org.evil.example/help"'},
    {"url": '"https://access-now.org/help"'},
    {"url": '"https://accessn0w.org/help"'},
    {"how": '"Email help@accessnow-helpline.org today."'},
    {"how": '"Write to https://www.accessnow.org@evil.example/ now."'},
    {"how": '"Open http://frontlinedefenders.org.evil.example/"'},
    {"how": '"Call \\u202e+994 00 000 00 00"'},
    {"name": "[a, b]"}, {"name": '""'}, {"name": '"   "'}, {"name": "42"},
])
def test_lookalike_or_broken_contacts_are_refused(tmp_path: Path, contact: dict[str, str]) -> None:
    pack = make_pack(tmp_path, contact=contact)
    result = runner.invoke(app, ["validate", str(pack)])
    assert result.exit_code == 2, result.stdout
    assert all(line.startswith("error: ") for line in result.stderr.splitlines())
    again = runner.invoke(app, ["check", "--pack", str(pack), "--answers", str(answers(tmp_path)), "--format", "card"])
    assert again.exit_code == 2 and again.stdout == ""


def test_skeleton_sees_through_lookalikes() -> None:
    assert skeleton("Ассess Nоw") == skeleton("ACCESS-NOW") == skeleton("Access\u200bNow") == "accessnow"


@pytest.mark.parametrize("fmt", ["rich", "plain", "markdown", "html", "json", "card", "card-html"])
def test_pack_content_is_labelled_wherever_shown(tmp_path: Path, fmt: str) -> None:
    pack = make_pack(tmp_path, title="plain", contact={})
    result = runner.invoke(app, ["check", "--pack", str(pack), "--answers", str(answers(tmp_path)), "--format", fmt], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    label = "from a pack, not checked by safetycheck"
    assert re.search(r"Local Helpline\s*\\?\[" + label, out.replace("\n", " ")) or (fmt == "json" and label in out)
    if fmt not in ("card", "card-html"):
        assert out.count(label) >= 3  # the contact, the advice item, the area
    else:
        assert out.count(label) >= 1  # the contact (the pack's item has no card line, so it is left off)
    bundled = "Access Now Digital Security Helpline"
    assert bundled in out and f"{bundled} [" not in out


@pytest.mark.parametrize("lang, label", [("az", "paketdən, safetycheck tərəfindən yoxlanılmayıb"), ("ru", "из пакета, не проверено safetycheck")])
def test_the_label_is_translated(tmp_path: Path, lang: str, label: str) -> None:
    pack = make_pack(tmp_path, contact={})
    result = runner.invoke(app, ["check", "--pack", str(pack), "--answers", str(answers(tmp_path)), "--format", "card", "--lang", lang])
    assert result.exit_code == 0 and label in result.stdout


@pytest.mark.parametrize("command", [["list"], ["template", "extra"], ["worksheet", "extra", "--format", "markdown"], ["guide", "extra-item"]])
def test_labels_in_other_commands(tmp_path: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--pack", str(make_pack(tmp_path))])
    assert result.exit_code == 0, result.stderr
    assert "from a pack, not checked by safetycheck" in result.stdout


# -- L15: pack folders and glossary ----------------------------------------------------------------
@pytest.mark.parametrize("what", ["file", "folder", "chain"])
def test_symlinks_out_of_a_pack_are_refused(tmp_path: Path, what: str) -> None:
    outside = tmp_path / "outside"
    (outside / "guidance").mkdir(parents=True)
    (outside / "guidance" / "secret.yaml").write_text(GUIDANCE.format(title="outside", url='"https://example.org/"').replace("extra-item", "out-item"))
    pack = make_pack(tmp_path)
    if what == "file":
        (pack / "guidance" / "linked.yaml").symlink_to(outside / "guidance" / "secret.yaml")
    elif what == "folder":
        (pack / "questionnaires" / "extra.yaml").unlink()
        (pack / "questionnaires").rmdir()
        (pack / "questionnaires").symlink_to(outside / "guidance")
    else:
        (pack / "guidance" / "hop.yaml").symlink_to(pack / "guidance" / "hop2.yaml")
        (pack / "guidance" / "hop2.yaml").symlink_to(outside / "guidance" / "secret.yaml")
    result = runner.invoke(app, ["validate", str(pack)])
    assert result.exit_code == 2 and "link pointing outside the pack" in result.stderr, result.stderr


def test_a_symlink_inside_the_pack_is_fine(tmp_path: Path) -> None:
    pack = make_pack(tmp_path)
    (pack / "guidance" / "extra.yaml").rename(pack / "real.yaml.txt")
    (pack / "guidance" / "extra.yaml").symlink_to(pack / "real.yaml.txt")
    assert runner.invoke(app, ["validate", str(pack)]).exit_code == 0


def test_a_pack_cannot_change_the_bundled_glossary_but_can_add(tmp_path: Path) -> None:
    from safetycheck.content.catalog import load_content

    term = next(iter(load_content().glossary))
    pack = make_pack(tmp_path)
    (pack / "guidance" / "_glossary.yaml").write_text(f"terms:\n  - {{id: {term}, en: evil, az: evil, ru: evil}}\n")
    result = runner.invoke(app, ["validate", str(pack)])
    assert result.exit_code == 2 and f"glossary term '{term}' is bundled" in result.stderr
    (pack / "guidance" / "_glossary.yaml").write_text("terms:\n  - {id: brand_new_term, en: new, az: yeni, ru: новый}\n")
    assert runner.invoke(app, ["validate", str(pack)]).exit_code == 0


def test_json_reports_carry_the_label_too(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, contact={})
    data = json.loads(runner.invoke(app, ["check", "--pack", str(pack), "--answers", str(answers(tmp_path)), "--format", "json"]).stdout)
    assert any("from a pack" in c["name"] for c in data["help"])
