"""Workshops: anonymous summaries, the group view, worksheets, handouts and the pocket card."""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import random
import re
import socket
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app
from safetycheck.engine.workshop import SENSITIVE_FALLBACK, Known, aggregate

from .conftest import EXAMPLES, REPO

runner = CliRunner()
PERSONAS = sorted(EXAMPLES.glob("*.yaml"))
FORMATS = ["rich", "plain", "markdown", "html", "json"]
ORDER = ["context", "device", "accounts", "comms", "travel", "family", "online"]


_WRITTEN: dict[Path, bytes] = {}


def make_summaries(folder: Path, personas: list[Path] = PERSONAS) -> list[Path]:
    """Each persona's summary, written by the command once per test run, then copied (checks are slow)."""
    folder.mkdir(exist_ok=True)
    out = []
    for n, persona in enumerate(personas):
        target = folder / f"p{n}.json"
        if persona in _WRITTEN:
            target.write_bytes(_WRITTEN[persona])
        else:
            result = runner.invoke(app, ["check", "--answers", str(persona), "--format", "json", "--anonymous-summary", str(target)])
            assert result.exit_code == 0, result.stderr
            _WRITTEN[persona] = target.read_bytes()
        out.append(target)
    return out


def read(files: list[Path]) -> list[tuple[str, bytes | str]]:
    return [(str(f), f.read_bytes()) for f in files]


@pytest.fixture(scope="module")
def known() -> Known:
    from safetycheck.content.catalog import load_content

    return Known.of(load_content())


def test_anonymous_summary_holds_levels_not_answers_scores_or_time(tmp_path: Path) -> None:
    from safetycheck.content.catalog import load_content

    content = load_content()
    target = make_summaries(tmp_path / "s", [EXAMPLES / "exile-parents-visited.yaml"])[0]
    assert target.stat().st_mode & 0o777 == 0o600
    text = target.read_text()
    data = json.loads(text)
    assert set(data) == {"kind", "format_version", "content_version", "lang", "date", "modules", "guidance", "topics"}
    assert len(data["date"]) == 10  # a day, no time of day
    # The file's own time is the day too, never the moment it was written.
    stamp = dt.datetime.fromtimestamp(target.stat().st_mtime)
    assert (stamp.hour, stamp.minute, stamp.second, stamp.microsecond) == (0, 0, 0, 0)
    assert target.stat().st_mtime_ns % 1_000_000_000 == 0
    assert all(level in (None, "low", "moderate", "high", "critical") for level in data["modules"].values())
    assert "score" not in text and not re.search(r"\d{2,}", json.dumps(data["modules"]))
    assert all(g in content.guidance and not content.guidance[g].sensitive and g not in SENSITIVE_FALLBACK for g in data["guidance"])
    assert set(data["topics"]) <= {m.id for m in content.modules}
    question_ids = {q.id for m in content.modules for q in m.questions}
    option_ids = {o.id for m in content.modules for q in m.questions for o in q.options} - {"none"}
    words = set(re.split(r'[\s",:\[\]{}]+', text))
    assert not words & question_ids, words & question_ids
    assert not words & (option_ids - set(data["modules"]) - set(data["topics"]) - {"high", "low", "moderate", "critical"})
    for private in (getpass.getuser(), socket.gethostname(), str(tmp_path), "Samir", "Ganja"):
        assert private not in text


def test_sensitive_advice_becomes_a_topic(tmp_path: Path, known: Known) -> None:
    """Someone expecting arrest: the summary says only that the situation area holds sensitive advice."""
    target = make_summaries(tmp_path / "s", [EXAMPLES / "organiser-expecting-arrest.yaml"])[0]
    report = json.loads(runner.invoke(app, ["check", "--answers", str(EXAMPLES / "organiser-expecting-arrest.yaml"), "--format", "json"]).stdout)
    planned = {i["id"] for bucket in report["plan"].values() for i in bucket}
    sensitive = planned & known.sensitive
    assert sensitive, "the example should lead to sensitive advice"
    data = json.loads(target.read_text())
    assert not set(data["guidance"]) & sensitive and data["topics"] == sorted({known.areas[g] for g in sensitive})
    for gid in sensitive:
        assert gid not in target.read_text()


def _random_people(n: int, seed: int) -> list[dict[str, object]]:
    from safetycheck.content.catalog import load_content
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.engine.session import SKIP, run_session
    from safetycheck.engine.workshop import build_summary

    content = load_content()
    rng = random.Random(seed)

    class RandomPerson:
        def ask(self, question, progress, previous):  # noqa: ANN001, ANN202
            if rng.random() < 0.1:
                return SKIP
            options = [o.id for o in question.options]
            if question.type == "multiple":
                return tuple(rng.sample(options, rng.randint(1, min(3, len(options)))))
            return (rng.choice(options),)

    scored = [m.id for m in content.modules if m.scored]
    people = []
    for _ in range(n):
        modules = select_modules(content, [m for m in scored if rng.random() < 0.7] or scored[:1])
        answers = run_session(content, modules, RandomPerson())
        people.append(build_summary(assess(content, answers, modules, dt.date(2026, 12, 7)), "en"))
    return people


def test_500_random_people_share_of_unique_summaries(capsys: pytest.CaptureFixture[str]) -> None:
    """Reports how many summaries are unique (README states the figure): levels alone, and whole summaries."""
    people = _random_people(500, seed=7)
    whole = Counter(json.dumps(p, sort_keys=True) for p in people)
    levels = Counter(json.dumps(p["modules"], sort_keys=True) for p in people)
    unique_whole = sum(1 for p in people if whole[json.dumps(p, sort_keys=True)] == 1) / len(people)
    unique_levels = sum(1 for p in people if levels[json.dumps(p["modules"], sort_keys=True)] == 1) / len(people)
    with capsys.disabled():
        print(f"\n500 random people: {unique_whole:.0%} of summaries unique; {unique_levels:.0%} by levels alone")
    assert all("score" not in json.dumps(p) for p in people)
    assert not any(set(p["guidance"]) & SENSITIVE_FALLBACK for p in people)  # type: ignore[arg-type]
    readme = (REPO / "README.md").read_text()
    stated = re.search(r"(\d+)% of (?:the )?summaries\s+were\s+unique", readme)
    assert stated, "README states the share of unique summaries"
    assert abs(int(stated.group(1)) - round(unique_whole * 100)) <= 3
    stated_levels = re.search(r"(\d+)% by\s+levels\s+alone", readme)
    assert stated_levels and abs(int(stated_levels.group(1)) - round(unique_levels * 100)) <= 10


def test_group_view_counts(tmp_path: Path, known: Known) -> None:
    files = make_summaries(tmp_path / "s")
    view = aggregate(read(files), known, ORDER)
    assert view.participants == len(PERSONAS) and view.detailed
    for area in view.areas:
        assert area.included + area.not_included == len(PERSONAS)
        assert sum(area.counts.values()) == area.included
    device = next(a for a in view.areas if a.id == "device")
    assert device.included == len(PERSONAS)  # every persona answered device
    travel = next(a for a in view.areas if a.id == "travel")
    assert (travel.included, travel.not_included, travel.counts["critical"]) == (1, len(PERSONAS) - 1, 1)
    counts = dict(view.top_guidance)
    individually = [set(json.loads(f.read_text())["guidance"]) for f in files]
    for gid, count in counts.items():
        assert count == sum(gid in g for g in individually)
    assert list(counts.values()) == sorted(counts.values(), reverse=True)
    assert dict(view.topics) and all(t in known.topics for t, _ in view.topics)


@pytest.mark.parametrize("fmt", FORMATS)
def test_summarize_every_format(tmp_path: Path, fmt: str) -> None:
    make_summaries(tmp_path / "s")
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "s"), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["participants"] == len(PERSONAS) and data["top_guidance"][0]["count"] >= 1
        travel = next(a for a in data["areas"] if a["id"] == "travel")
        assert travel["included"] == 1 and travel["not_included"] == len(PERSONAS) - 1
    else:
        assert f"{len(PERSONAS)} participants" in result.stdout
        assert "included by 1, not by 5" in result.stdout  # travel: who included it and who did not


@pytest.mark.parametrize("lang, expected", [("en", "6 participants"), ("ru", "6 участников"), ("az", "6 iştirakçı")])
def test_participants_in_every_language(tmp_path: Path, lang: str, expected: str) -> None:
    make_summaries(tmp_path / "s")
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "s"), "--format", "plain", "--lang", lang])
    assert result.exit_code == 0 and expected in result.stdout


@pytest.mark.parametrize("n, ru", [(1, "участник"), (2, "участника"), (4, "участника"), (5, "участников"), (11, "участников"),
                                   (12, "участников"), (21, "участник"), (22, "участника"), (25, "участников"), (111, "участников")])
def test_plural_forms(n: int, ru: str) -> None:
    from safetycheck.render.workshop import counted

    assert counted("n_participants", n, "ru") == f"{n} {ru}"
    assert counted("n_participants", n, "en") == f"{n} participant{'s' if n != 1 else ''}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_few_participants_show_only_the_total(tmp_path: Path, fmt: str) -> None:
    make_summaries(tmp_path / "s", PERSONAS[:3])
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "s"), "--format", fmt])
    assert result.exit_code == 0
    out = result.stdout
    if fmt == "json":
        data = json.loads(out)
        assert data["participants"] == 3 and not data["detailed"]
        assert data["areas"] == data["top_guidance"] == data["topics"] == []
        return
    out = re.sub(r"<style>.*?</style>", "", out, flags=re.S)
    assert "3 participants" in out and "fewer than 5" in out
    for detail in ("Your phone and computer", "critical", "What to teach first", "dev-"):
        assert detail not in out, detail
    five = make_summaries(tmp_path / "t", PERSONAS[:5])
    result = runner.invoke(app, ["workshop", "summarize", str(five[0].parent), "--format", fmt])
    assert "fewer than 5" not in result.stdout and "Your phone and computer" in result.stdout


VALID = {"kind": "safetycheck-anonymous-summary", "format_version": 2, "content_version": "2026-11-24-x", "lang": "en",
         "date": "2026-12-07", "modules": {"device": "high"}, "guidance": ["dev-updates"], "topics": []}
HOSTILE = {
    "osc52-module": '{"kind":"safetycheck-anonymous-summary","format_version":2,"content_version":"v","lang":"en","date":"2026-12-07",'
                    '"modules":{"m\\u001b]52;c;aGVsbG8=\\u0007\\u001b[2J":"high"},"guidance":[],"topics":[]}',
    "title-version": json.dumps({**VALID, "content_version": "v\x1b]0;PWNED\x07"}),
    "csi8-guidance": json.dumps({**VALID, "guidance": ["dev-updates\x9b2J"]}),
    "bidi-guidance": json.dumps({**VALID, "guidance": ["dev-\u202eupdates"]}),
    "markup-topic": json.dumps({**VALID, "topics": ["<b>x</b>"]}),
    "control-in-key": json.dumps({**VALID, "modules": {"device\x07": "high"}}),
    "lone-surrogate": '{"kind":"safetycheck-anonymous-summary","format_version":2,"content_version":"v\\ud800","lang":"en",'
                      '"date":"2026-12-07","modules":{"device":"high"},"guidance":[],"topics":[]}',
    "deep-nesting": '{"kind":"safetycheck-anonymous-summary","format_version":2,"x":' + "[" * 50000 + "]" * 50000 + "}",
    "huge-float": json.dumps(VALID).replace('"format_version": 2', '"format_version": 1e999'),
    "nan": json.dumps(VALID).replace('"guidance": ["dev-updates"]', '"guidance": NaN'),
    "big-int": json.dumps(VALID).replace('"format_version": 2', '"format_version": ' + "9" * 5000),
    "bad-lang": json.dumps({**VALID, "lang": "xx"}),
    "no-modules": json.dumps({**VALID, "modules": {}}),
    "extra-key": json.dumps({**VALID, "name": "Leyla"}),
    "bad-level": json.dumps({**VALID, "modules": {"device": "extreme"}}),
    "bool-version": json.dumps({**VALID, "format_version": True}),
    "bad-date": json.dumps({**VALID, "date": "2026-12-07T10:11:12"}),
    "list-guidance": json.dumps({**VALID, "guidance": [["dev-updates"]]}),
    "v1-bad-score": json.dumps({**VALID, "format_version": 1, "modules": {"device": {"score": 900, "band": "low"}}}),
    "not-json": "{not json",
    "other-kind": '{"kind": "something-else"}',
    "newer": json.dumps({**VALID, "format_version": 99}),
    "binary": "\udcff\udcfe",
}
BAD_BYTES = ("\x1b", "\x07", "\x9b", "\u202e", "<b>x</b>", "PWNED", "Leyla")


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_summaries_are_skipped_and_nothing_reaches_the_trainer(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "s"
    make_summaries(folder, PERSONAS[:5])
    for name, text in HOSTILE.items():
        (folder / f"{name}.json").write_bytes(text.encode("utf-8", "surrogateescape"))
    # A file name can be hostile too.
    (folder / "name\x1b]0;T\x07.json").write_text("{}")
    result = runner.invoke(app, ["workshop", "summarize", str(folder), "--format", fmt])
    assert result.exit_code == 0, result.stderr + str(result.exception)
    everything = result.stdout + result.stderr
    for bad in BAD_BYTES:
        assert bad not in everything, (bad, everything[:400])
    for name in HOSTILE:
        assert f"{name}.json" in result.stderr, name
    assert "Traceback" not in everything and len(result.stderr.splitlines()) == len(HOSTILE) + 1
    if fmt == "json":
        assert json.loads(result.stdout)["participants"] == 5


def test_unknown_ids_from_newer_content_are_left_out_and_counted(tmp_path: Path, known: Known) -> None:
    newer = json.dumps({**VALID, "modules": {"device": "high", "satellite": "low"}, "guidance": ["dev-updates", "sat-new-advice"],
                        "topics": ["spacetravel"]}).encode()
    view = aggregate([("newer.json", newer)] * 5, known, ORDER)
    assert view.participants == 5 and view.unknown == 15 and not view.skipped
    assert [a.id for a in view.areas] == ["device"] and dict(view.top_guidance) == {"dev-updates": 5}


def test_summaries_from_the_released_version_still_read(tmp_path: Path, known: Known) -> None:
    """Version 1 (a3dd275) wrote scores; they are dropped on reading, sensitive advice becomes its area."""
    old = {"kind": "safetycheck-anonymous-summary", "format_version": 1, "content_version": "2026-11-24-7fa63f34", "lang": "en",
           "date": "2026-11-30", "modules": {"device": {"score": 74, "band": "critical"}, "family": {"score": None, "band": None}},
           "guidance": ["dev-updates", "fam-relative-questioned"]}
    view = aggregate([(f"{n}.json", json.dumps(old).encode()) for n in range(5)], known, ORDER)
    assert view.participants == 5 and not view.skipped
    device = next(a for a in view.areas if a.id == "device")
    assert device.counts["critical"] == 5
    assert dict(view.top_guidance) == {"dev-updates": 5} and dict(view.topics) == {"family": 5}


def test_missing_empty_or_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "nonexistent")])
    assert result.exit_code == 2 and "no summary files" in result.stderr
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "empty")])
    assert result.exit_code == 2 and "no summary files" in result.stderr
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.json").write_text("{not json")
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "bad"), "--format", "json"])
    assert result.exit_code == 2 and "x.json" in result.stderr and "no summary could be counted" in result.stderr
    assert result.stdout == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_among_the_summaries_never_blocks(tmp_path: Path) -> None:
    folder = tmp_path / "s"
    make_summaries(folder, PERSONAS[:5])
    os.mkfifo(folder / "pipe.json")
    result = runner.invoke(app, ["workshop", "summarize", str(folder), "--format", "json"])
    assert result.exit_code == 0 and "pipe.json: not a regular file" in result.stderr
    assert json.loads(result.stdout)["participants"] == 5


def test_room_file_warning_speaks_of_the_room(tmp_path: Path) -> None:
    make_summaries(tmp_path / "s")
    result = runner.invoke(app, ["workshop", "summarize", str(tmp_path / "s"), "--format", "html", "--output", str(tmp_path / "room.html")])
    assert result.exit_code == 0
    assert "the room" in result.stderr and "your" not in result.stderr.lower()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_worksheet_is_the_participant_sheet_only(fmt: str) -> None:
    result = runner.invoke(app, ["worksheet", "context", "device", "--format", fmt])
    assert result.exit_code == 0
    out = result.stdout
    seen = re.sub(r"<head>.*?</head>|<style>.*?</style>|<[^>]+>", " ", out, flags=re.S)
    assert "never hand it in" in seen[:600] and "Only if" in out and "Not sure" in out
    assert "Scoring key" not in out and " = " not in re.sub(r"<[^>]+>", "", out)
    assert ("- [ ] " in out) if fmt == "markdown" else ("☐" in out and out.startswith("<!DOCTYPE html>"))
    conditions = re.findall(r"Only if[^)]*\)", out)
    assert conditions and not any(sym in c for c in conditions for sym in (" | ", "≠", " + "))
    assert any(" or " in c for c in conditions) and any("did not tick" in c for c in conditions)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_worksheet_key_alone(fmt: str) -> None:
    from safetycheck.content.catalog import load_content
    from safetycheck.i18n.language import say

    content = load_content()
    result = runner.invoke(app, ["worksheet", "device", "--key", "--format", fmt])
    assert result.exit_code == 0
    text = re.sub(r"<head>.*?</head>|<style>.*?</style>|<[^>]+>", "\n", result.stdout, flags=re.S)
    assert "Scoring key" in text and "never collect" in text[:800] and "☐" not in text
    screen_lock = content.question("device.screen_lock")
    assert screen_lock is not None
    lines = [line.strip(" -") for line in text.splitlines()]
    for option in screen_lock.options:
        assert any(re.fullmatch(rf".+ = {option.risk}", line) for line in lines)
        for gid in option.guidance:
            assert f"→ {say(content.guidance[gid].title, 'en')}" in text
    assert not re.search(r"→ [a-z]+-[a-z-]+$", text, re.M)  # titles, never bare ids


def test_worksheet_markdown_escapes_pack_text(tmp_path: Path) -> None:
    pack = tmp_path / "pack" / "questionnaires"
    pack.mkdir(parents=True)
    pack.joinpath("local.yaml").write_text(
        "id: local\ntitle: Our city\ndescription: Local risks.\nreviewed: 2026-11-01\norder: 90\nquestions:\n"
        "  - id: meeting_place\n    kind: practice\n    text: 'Do you meet <img src=x> in the [same](https://evil.example) cafe?'\n"
        "    why: Routines make you easy to find.\n"
        "    type: yesno\n    threats: [seizure]\n    options:\n      - {id: 'yes', risk: 6}\n      - {id: 'no', risk: 0}\n      - {id: not_sure}\n")
    result = runner.invoke(app, ["worksheet", "local", "--pack", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.stderr
    assert not re.search(r"(?<!\\)<img", result.stdout) and not re.search(r"(?<!\\)\]\(https", result.stdout)
    assert "\\[same\\]" in result.stdout


def _view_with_cards() -> object:
    from safetycheck.content.answers import read_answers
    from safetycheck.content.catalog import load_content
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.render.report import build_view

    content = load_content()
    answers, modules = read_answers(EXAMPLES / "organiser-expecting-arrest.yaml", content)
    view = build_view(assess(content, answers, select_modules(content, [], modules), dt.date(2026, 12, 7)), "en")
    # Give every other item a neutral card line, as content will; the rest must stay off the card.
    plan = tuple(replace(e, card=f"Neutral habit {n}") if n % 2 == 0 else replace(e, card="") for n, e in enumerate(view.plan))
    return replace(view, plan=plan)


@pytest.mark.parametrize("fmt", ["card", "card-html"])
def test_pocket_card_holds_no_scores_answers_or_titles(fmt: str) -> None:
    result = runner.invoke(app, ["check", "--answers", str(EXAMPLES / "exile-parents-visited.yaml"), "--format", fmt])
    assert result.exit_code == 0
    out = re.sub(r"<style>.*?</style>|<[^>]+>", " ", result.stdout, flags=re.S)  # what a reader sees
    assert "Access Now" in out and "What to do" in out
    for leak in ("/100", "critical", "high", "Because you answered", "Ganja", "Score", "→", "questioned", "detained", "arrest"):
        assert leak not in out, leak
    assert "Front Line Defenders" not in out and "Citizen Lab" not in out  # only general contacts


def test_pocket_card_lines_today_marked_titles_never() -> None:
    from safetycheck.render.card import card_view, render_card_html, render_card_text

    view = _view_with_cards()
    card = card_view(view)  # type: ignore[arg-type]
    with_lines = [e for e in view.plan if e.card]  # type: ignore[attr-defined]
    assert [line for line, _ in card.lines] == [e.card for e in with_lines][: len(card.lines)]
    assert [today for _, today in card.lines] == [e.bucket == "today" for e in with_lines][: len(card.lines)]
    assert any(today for _, today in card.lines)
    assert set(card.left_off) == {e.id for e in view.plan if not e.card}  # type: ignore[attr-defined]
    for render in (render_card_text, render_card_html):
        out = render(view)  # type: ignore[arg-type]
        assert "Today" in out and "Neutral habit 0" in out
        for entry in view.plan:  # type: ignore[attr-defined]
            assert entry.title not in out, entry.title


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_guide_handouts_name_area_language_and_date(fmt: str) -> None:
    result = runner.invoke(app, ["guide", "--module", "travel", "--format", fmt])
    assert result.exit_code == 0
    head = re.sub(r"<style>.*?</style>|<[^>]+>", " ", result.stdout, flags=re.S)[:600]
    assert "Travel" in head and "Language: English" in head and re.search(r"Content reviewed: \d{1,2} [A-Z][a-z]+ \d{4}", head)
    assert "trv-" not in result.stdout.split("\n")[0] and "Learn more" in result.stdout
