"""The HTML reports look right in a real browser: headless Chromium takes screenshots we inspect."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from safetycheck.cli.app import app

from .conftest import EXAMPLES

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium found (.ci/run installs Debian's 'chromium'; it could not here)")
runner = CliRunner()


def screenshot(page: Path, width: int, height: int = 1400) -> object:
    from PIL import Image

    shot = page.with_suffix(f".{width}.png")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
                        f"--window-size={width},{height}", f"--screenshot={shot}", page.as_uri()],
                       capture_output=True, timeout=120, check=False)
    assert shot.exists(), "the browser made no screenshot"
    return Image.open(shot).convert("L")


def ink(image: object, box: tuple[int, int, int, int]) -> float:
    """Share of pixels in the box that are not near-white."""
    histogram = image.crop(box).histogram()  # type: ignore[attr-defined]
    return sum(histogram[:200]) / max(sum(histogram), 1)


def report(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "page.html"
    result = runner.invoke(app, [*args, "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    return target


@pytest.mark.parametrize("width", [390, 1000])
def test_report_renders_and_fits(tmp_path: Path, width: int) -> None:
    page = report(tmp_path, "check", "--answers", str(EXAMPLES / "exile-parents-visited.yaml"), "--format", "html")
    image = screenshot(page, width)
    w, h = image.size  # type: ignore[attr-defined]
    assert w == width
    assert ink(image, (0, 0, w, h)) > 0.02  # not blank
    # Nothing runs off the right edge: the last few columns hold no text.
    assert ink(image, (w - 6, 0, w, h)) < 0.01


@pytest.mark.parametrize("args", [
    ("check", "--answers", str(EXAMPLES / "student-leaving-for-conference.yaml"), "--format", "card-html"),
    ("guide", "--module", "travel", "--format", "html"),
    ("worksheet", "device", "--format", "html"),
], ids=["card", "handout", "worksheet"])
def test_other_pages_render_and_fit(tmp_path: Path, args: tuple[str, ...]) -> None:
    page = report(tmp_path, *args)
    image = screenshot(page, 390)
    w, h = image.size  # type: ignore[attr-defined]
    assert ink(image, (0, 0, w, h)) > 0.01
    assert ink(image, (w - 6, 0, w, h)) < 0.01


def test_group_view_renders(tmp_path: Path) -> None:
    summaries = tmp_path / "summaries"
    summaries.mkdir()
    for n, example in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        result = runner.invoke(app, ["check", "--answers", str(example), "--format", "json", "--anonymous-summary", str(summaries / f"{n}.json")])
        assert result.exit_code == 0
    page = report(tmp_path, "workshop", "summarize", str(summaries), "--format", "html")
    image = screenshot(page, 1000)
    w, h = image.size  # type: ignore[attr-defined]
    assert ink(image, (0, 0, w, h)) > 0.01
