"""Printed materials, as a trainer would print them: headless Chromium prints each page to PDF and
poppler reads it back (page count, page size, what page 1 says); screenshots at 390 px (a phone)
and 1200 px (a laptop or projector) show nothing runs off the edge."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app

from .conftest import EXAMPLES

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(BROWSER is None or not POPPLER,
                                reason="no Chromium or poppler-utils found (.ci/run installs Debian's 'chromium' and 'poppler-utils'; it could not here)")
runner = CliRunner()
A4 = (595.0, 842.0)  # points: 210 x 297 mm
A6 = (298.0, 420.0)  # 105 x 148 mm
LANGS = ["en", "az", "ru"]
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


def _chromium(*args: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}", *args],
                       capture_output=True, timeout=180, check=False)


def print_pdf(page: Path) -> Path:
    pdf = page.with_suffix(".pdf")
    _chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.exists(), "the browser printed nothing"
    return pdf


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    """The size of every page, in points."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def pdf_text(pdf: Path, first: int = 1, last: int = 1) -> str:
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def same_size(pages: list[tuple[float, float]], size: tuple[float, float]) -> bool:
    return all(abs(w - size[0]) < 2 and abs(h - size[1]) < 2 for w, h in pages)


def screenshot(page: Path, width: int, height: int = 1400) -> object:
    from PIL import Image

    shot = page.with_suffix(f".{width}.png")
    _chromium(f"--window-size={width},{height}", f"--screenshot={shot}", page.as_uri())
    assert shot.exists(), "the browser made no screenshot"
    return Image.open(shot).convert("L")


def ink(image: object, box: tuple[int, int, int, int]) -> float:
    """Share of pixels in the box that are not near-white."""
    histogram = image.crop(box).histogram()  # type: ignore[attr-defined]
    return sum(histogram[:200]) / max(sum(histogram), 1)


def write(tmp_path: Path, *args: str, name: str = "page.html") -> Path:
    target = tmp_path / name
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    return target


def fits(page: Path, width: int) -> None:
    image = screenshot(page, width)
    w, h = image.size  # type: ignore[attr-defined]
    assert w == width
    assert ink(image, (0, 0, w, h)) > 0.003  # not blank
    assert ink(image, (w - 6, 0, w, h)) < 0.01  # nothing runs off the right edge


def s(lang: str) -> dict[str, str]:
    from safetycheck.i18n.messages import strings

    return strings(lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=[e.stem for e in EXAMPLE_FILES])
def test_personal_report_prints_in_at_most_12_a4_pages(tmp_path: Path, example: Path, lang: str) -> None:
    pdf = print_pdf(write(tmp_path, "check", "--answers", str(example), "--format", "html", "--lang", lang))
    pages = pdf_pages(pdf)
    assert 1 <= len(pages) <= 12, len(pages)
    assert same_size(pages, A4), pages[:2]
    first = pdf_text(pdf)
    assert s(lang)["summary"] in first and s(lang)["report_title"] in first
    if "protected" not in example.stem:  # every other example has actions: "Start here" is on page 1
        assert s(lang)["start_here"] in first
    text = pdf_text(pdf, 1, len(pages))
    # URLs are printed once each, short: no scheme, never twice in a row.
    assert "https://" not in text and "(https" not in text
    from safetycheck.content.catalog import load_content
    from safetycheck.render.html import short_url

    squeezed = re.sub(r"\s+", "", text)
    urls = {short_url(c.url) for c in load_content().help} | set(re.findall(r"[a-z0-9.-]+\.[a-z]{2,}/[^\s)]*", text))
    for url in urls:
        assert url + url not in squeezed and f"{url}({url}" not in squeezed, url
    last = pdf_text(pdf, len(pages), len(pages))
    assert len(last.strip()) > 80  # no near-empty last page


@pytest.mark.parametrize("lang", LANGS)
def test_handout_page_one_names_area_language_and_date(tmp_path: Path, lang: str) -> None:
    from safetycheck.content.catalog import load_content
    from safetycheck.i18n.language import say

    content = load_content()
    device = content.module("device")
    assert device is not None
    pdf = print_pdf(write(tmp_path, "guide", "--module", "device", "--format", "html", "--lang", lang))
    pages = pdf_pages(pdf)
    assert same_size(pages, A4) and len(pages) <= 20
    first = " ".join(pdf_text(pdf).split())
    assert say(device.title, lang) in first and s(lang)["language_name"] in first
    assert re.search(r"\d{1,2} \w+ \d{4}", first)  # the content date as people write it: 7 dekabr 2026
    assert len(first) > 1500  # the content starts on page 1


@pytest.mark.parametrize("lang", LANGS)
def test_worksheet_and_key_are_separate_documents(tmp_path: Path, lang: str) -> None:
    sheet = print_pdf(write(tmp_path, "worksheet", "context", "device", "--format", "html", "--lang", lang, name="sheet.html"))
    key = print_pdf(write(tmp_path, "worksheet", "context", "device", "--key", "--format", "html", "--lang", lang, name="key.html"))
    sheet_pages, key_pages = pdf_pages(sheet), pdf_pages(key)
    assert len(sheet_pages) <= 8 and same_size(sheet_pages, A4) and same_size(key_pages, A4)
    flat = " ".join(pdf_text(sheet).split())
    assert " ".join(s(lang)["worksheet_warning"].split())[:40] in flat
    whole_sheet = pdf_text(sheet, 1, len(sheet_pages))
    assert s(lang)["scoring_key"] not in whole_sheet and " = " not in whole_sheet
    whole_key = pdf_text(key, 1, len(key_pages))
    assert " ".join(s(lang)["key_warning"].split())[:40] in " ".join(pdf_text(key).split())
    assert "☐" not in whole_key and re.search(r" = \d+", whole_key) and "→" in whole_key


@pytest.mark.parametrize("lang", LANGS)
def test_pocket_card_is_one_a6_page(tmp_path: Path, lang: str) -> None:
    pdf = print_pdf(write(tmp_path, "check", "--answers", str(EXAMPLES / "organiser-expecting-arrest.yaml"), "--format", "card-html",
                          "--lang", lang))
    pages = pdf_pages(pdf)
    assert len(pages) == 1 and same_size(pages, A6), pages
    text = pdf_text(pdf)
    assert s(lang)["card_title"] in text and "Access Now" in text


def test_pocket_card_with_card_lines_is_still_one_a6_page(tmp_path: Path) -> None:
    from safetycheck.render.card import render_card_html

    from .test_workshop import _view_with_cards

    page = tmp_path / "card.html"
    page.write_text(render_card_html(_view_with_cards()))  # type: ignore[arg-type]
    pdf = print_pdf(page)
    assert len(pdf_pages(pdf)) == 1 and same_size(pdf_pages(pdf), A6)
    assert "Neutral habit 0" in pdf_text(pdf) and "Today" in pdf_text(pdf)


@pytest.fixture(scope="module")
def room(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("room")
    for n, example in enumerate(EXAMPLE_FILES):
        result = runner.invoke(app, ["check", "--answers", str(example), "--format", "json", "--anonymous-summary", str(folder / f"{n}.json")])
        assert result.exit_code == 0
    return folder


@pytest.mark.parametrize("width", [390, 1200])
def test_group_view_fits_a_phone_and_a_projector(tmp_path: Path, room: Path, width: int) -> None:
    page = write(tmp_path, "workshop", "summarize", str(room), "--format", "html", "--lang", "ru")
    fits(page, width)
    pdf = print_pdf(page)
    assert same_size(pdf_pages(pdf), A4) and "6 участников" in pdf_text(pdf)


@pytest.mark.parametrize("width", [390, 1200])
@pytest.mark.parametrize("args", [
    ("check", "--answers", str(EXAMPLES / "exile-parents-visited.yaml"), "--format", "html"),
    ("check", "--answers", str(EXAMPLES / "student-leaving-for-conference.yaml"), "--format", "card-html"),
    ("guide", "--module", "travel", "--format", "html"),
    ("worksheet", "device", "--format", "html"),
    ("worksheet", "device", "--key", "--format", "html"),
], ids=["report", "card", "handout", "worksheet", "key"])
def test_pages_fit_the_screen(tmp_path: Path, args: tuple[str, ...], width: int) -> None:
    fits(write(tmp_path, *args, "--lang", "az"), width)


def test_compare_html_is_a_real_page(tmp_path: Path) -> None:
    passphrase = tmp_path / "pass"
    passphrase.write_text("correct horse battery staple\n")
    old, new = tmp_path / "old.sc", tmp_path / "new.sc"
    for answers, target in ((EXAMPLES / "peace-activist-baku.yaml", old), (EXAMPLES / "protected-journalist.yaml", new)):
        result = runner.invoke(app, ["check", "--answers", str(answers), "--format", "json", "--save", str(target),
                                     "--passphrase-file", str(passphrase)])
        assert result.exit_code == 0, result.stderr
    page = tmp_path / "compare.html"
    result = runner.invoke(app, ["compare", str(old), str(new), "--passphrase-file", str(passphrase), "--format", "html",
                                 "--output", str(page)])
    assert result.exit_code == 0, result.stderr
    html = page.read_text()
    assert html.startswith("<!DOCTYPE html>") and "<table>" in html and "<h2>" in html
    pdf = print_pdf(page)
    assert same_size(pdf_pages(pdf), A4)
    assert s("en")["compare_title"] in pdf_text(pdf)
    fits(page, 390)
