"""The privacy promise, proven: no network, no writes unless asked, nothing left behind."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO

HARNESS = Path(__file__).parent / "audit_run.py"
EXAMPLE = str(EXAMPLES / "peace-activist-baku.yaml")
NETWORK_MODULES = {"socket", "ssl", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
                   "telnetlib", "xmlrpc", "webbrowser", "asyncio"}


def audited(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(HARNESS), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("saves")
    passphrase = folder / "pass.txt"
    passphrase.write_text("correct horse battery staple\n")
    save = folder / "me.sc"
    result = subprocess.run([sys.executable, "-m", "safetycheck", "check", "--answers", EXAMPLE, "--save", str(save),
                             "--passphrase-file", str(passphrase), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return save, passphrase


@pytest.fixture(scope="module")
def summaries(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Anonymous summaries from several people (written outside the audit), for the group view."""
    folder = tmp_path_factory.mktemp("summaries")
    for n, example in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        result = subprocess.run([sys.executable, "-m", "safetycheck", "check", "--answers", str(example), "--anonymous-summary",
                                 str(folder / f"s{n}.json"), "--format", "json"], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    return folder


COMMANDS = [
    ["--help"], ["--version"], ["about"], ["list"], ["list", "--format", "json"], ["schema", "module"], ["validate"],
    ["template"], ["template", "device", "--lang", "ru"], ["guide"], ["guide", "dev-screen-lock"],
    *[["guide", "--module", "device", "--format", f] for f in ("plain", "markdown", "html", "json")],
    *[["check", "--answers", EXAMPLE, "--format", f] for f in ("rich", "plain", "markdown", "html", "json")],
    ["check", "--answers", EXAMPLE, "--explain", "--format", "rich"],
    ["check", "device", "--answers", EXAMPLE, "--lang", "az"],
    *[["check", "--answers", EXAMPLE, "--format", f] for f in ("card", "card-html")],
    *[["worksheet", "--format", f] for f in ("markdown", "html")], ["worksheet", "device", "--lang", "ru", "--format", "html"],
    ["compare", "--help"], ["workshop", "--help"], ["check", "--bogus"], ["check", "--answers", "missing.yaml"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a)[:60])
def test_no_network_no_writes_no_processes(args: list[str], tmp_path: Path) -> None:
    result = audited(*args, cwd=tmp_path)
    assert result.returncode in ((2,) if "--bogus" in args or "missing.yaml" in args else (0,)), result.stderr
    assert "AUDIT" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["plain", "markdown", "html", "json", None])
def test_workshop_summarize_only_reads(summaries: Path, tmp_path: Path, fmt: str | None) -> None:
    result = audited("workshop", "summarize", str(summaries), *(["--format", fmt] if fmt else []), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "AUDIT" not in result.stderr and list(tmp_path.iterdir()) == []


def test_the_guided_session_only_reads(tmp_path: Path) -> None:
    """A scripted run in a real terminal: Enter on every prompt until the session ends. Enter with
    nothing ticked is refused on a multiple-choice question, so there the script skips (s); the
    session ends on the last screen's menu, so there it presses its quit key (q)."""
    import pexpect

    from .terminal import Screen

    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "SAFETYCHECK_LANG": "en", "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, [str(HARNESS)], cwd=str(tmp_path), env=env, encoding="utf-8", dimensions=(40, 100), timeout=5)
    child.logfile_read = view = Screen(40, 100)
    screens = 0
    for _ in range(300):
        try:
            child.expect(pexpect.EOF, timeout=0.5)  # quiet for half a second: the screen is drawn
            break
        except pexpect.TIMEOUT:
            text = view.text()
            child.send("q" if "q quit" in text else "s" if "Nothing is ticked" in text else "\r")
            screens += 1
    else:
        child.terminate(force=True)
        pytest.fail(f"the guided session did not end:\n{view.text()}")
    child.close()
    assert screens > 3  # it really asked questions
    assert "Your safety check" in view.text()  # it reached the last screen (the summary stays after quitting)
    assert child.exitstatus == 0, child.before
    assert list(tmp_path.iterdir()) == []


CHANNELS = ["open", "link", "hardlink_to", "symlink", "mkfifo", "mknod", "utime", "chown", "sqlite3", "ctypes", "raw_fd", "tmpfile",
            "socket", "subprocess"]


@pytest.mark.parametrize("channel", CHANNELS)
def test_the_audit_hook_sees_every_channel(tmp_path: Path, channel: str) -> None:
    """A control per channel: each one used on purpose must be reported, or the proofs above prove nothing."""
    result = audited("list", cwd=tmp_path, env={"SAFETYCHECK_AUDIT_CONTROL": channel})
    assert result.returncode == 99 and "AUDIT" in result.stderr, (channel, result.stderr)


def test_open_and_compare_only_read(saved: tuple[Path, Path], tmp_path: Path) -> None:
    save, passphrase = saved
    for args in (["open", str(save), "--passphrase-file", str(passphrase)],
                 ["compare", str(save), str(save), "--passphrase-file", str(passphrase), "--format", "json"]):
        result = audited(*args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr


def test_bad_input_paths_write_nothing_either(tmp_path: Path) -> None:
    bad = tmp_path.parent / f"{tmp_path.name}-bad.yaml"
    bad.write_text("answers:\n  device:\n    screen_lock: sometimes\n")
    result = audited("check", "--answers", str(bad), cwd=tmp_path)
    assert result.returncode == 2 and "AUDIT" not in result.stderr


@pytest.mark.parametrize("args", [["check", "--answers", EXAMPLE, "--output", "r.txt"],
                                  ["check", "--answers", EXAMPLE, "--anonymous-summary", "s.json"],
                                  ["template", "--output", "t.yaml"], ["worksheet", "--output", "w.html"]])
def test_the_audit_hook_does_catch_writes(tmp_path: Path, args: list[str]) -> None:
    """A control: asking for a file must show up, or the tests above would prove nothing."""
    result = audited(*args, cwd=tmp_path)
    assert result.returncode == 99 and ("open for writing" in result.stderr or "os.link" in result.stderr), result.stderr


def test_package_imports_no_network_module() -> None:
    for path in (REPO / "safetycheck").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] not in NETWORK_MODULES, f"{path.name} imports {name}"


def test_a_full_run_loads_no_network_module() -> None:
    talkers = {"socket", "ssl", "http.client", "urllib.request", "asyncio", "requests", "httpx", "aiohttp", "ftplib", "smtplib"}
    code = (f"import sys, runpy; sys.argv = ['safetycheck', 'check', '--answers', {EXAMPLE!r}, '--format', 'rich'];\n"
            "try:\n    runpy.run_module('safetycheck', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            f"print(sorted(m for m in {sorted(talkers)!r} if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr


def test_home_xdg_tmp_and_working_directory_stay_empty(tmp_path: Path) -> None:
    dirs = {name: tmp_path / name for name in ("home", "config", "cache", "data", "state", "runtime", "tmp", "cwd")}
    for d in dirs.values():
        d.mkdir()
    env = {**os.environ, "HOME": str(dirs["home"]), "XDG_CONFIG_HOME": str(dirs["config"]), "XDG_CACHE_HOME": str(dirs["cache"]),
           "XDG_DATA_HOME": str(dirs["data"]), "XDG_STATE_HOME": str(dirs["state"]), "XDG_RUNTIME_DIR": str(dirs["runtime"]),
           "TMPDIR": str(dirs["tmp"]), "PYTHONDONTWRITEBYTECODE": ""}
    for args in (["check", "--answers", EXAMPLE, "--explain"], ["template"], ["guide", "--format", "html"], ["list"], ["about"]):
        result = subprocess.run([sys.executable, "-m", "safetycheck", *args], cwd=dirs["cwd"], env=env,
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    assert {name: sorted(p.name for p in d.iterdir()) for name, d in dirs.items()} == {name: [] for name in dirs}


@pytest.mark.parametrize("entry", ["module", "script"])
def test_no_bytecode_is_written_but_the_package_init(tmp_path: Path, entry: str) -> None:
    """A fresh process on a fresh copy of the package (a checkout, an editable install or
    `pip install --no-compile`: no __pycache__ anywhere), with Python free to cache bytecode.
    Only `safetycheck/__pycache__/__init__.*.pyc` may appear (compiled before __init__.py runs;
    it holds that file's code only); no other module is ever cached, in the package or beside it."""
    import shutil

    copy = tmp_path / "checkout"
    shutil.copytree(REPO / "safetycheck", copy / "safetycheck", ignore=shutil.ignore_patterns("__pycache__", "_compiled"))
    for kind in ("questionnaires", "guidance"):
        shutil.copytree(REPO / kind, copy / kind)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env["PYTHONPATH"] = str(copy)
    runner = (["-m", "safetycheck"] if entry == "module" else
              ["-c", "import sys; from safetycheck.cli.app import main; sys.argv[0] = 'safetycheck'; main()"])
    for args in (["check", "--answers", EXAMPLE, "--format", f] for f in ("plain", "html", "card")):
        result = subprocess.run([sys.executable, *runner, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
    cached = sorted(str(p.relative_to(copy)) for p in copy.rglob("*.pyc"))
    assert all(p.startswith("safetycheck/__pycache__/__init__.") for p in cached), cached
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkout"]
