"""Start-up, full-run and memory benchmark: safetycheck against a bare Typer app, interleaved.

    python bench/startup.py [--rounds 15]

Each round runs, in turn: the baseline app's --help, `safetycheck --help`, and a full
every-module `safetycheck check --answers bench/full-every-module.yaml --format rich`.
Reports medians, ratios to the baseline, and the peak resident memory of the full run
(from wait4's rusage of that one process). Targets: --help <= 1.25x, full check <= 2x, <= 60 MiB.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall time in ms and peak RSS in MiB of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    rounds = parser.parse_args().rounds
    commands = {
        "baseline --help": [PY, str(HERE / "baseline_app.py"), "--help"],
        "safetycheck --help": [PY, "-m", "safetycheck", "--help"],
        "check every module (rich)": [PY, "-m", "safetycheck", "check", "--answers", str(HERE / "full-every-module.yaml"), "--format", "rich"],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    memory: dict[str, list[float]] = {k: [] for k in commands}
    for cmd in commands.values():  # warm the file cache once
        run(cmd)
    for _ in range(rounds):
        for name, cmd in commands.items():
            ms, mib = run(cmd)
            times[name].append(ms)
            memory[name].append(mib)
    from safetycheck.content.resources import compiled_content_file

    mode = "compiled at build time (wheel install)" if compiled_content_file() else "parsed from YAML (checkout or editable install)"
    print(f"content: {mode}; {rounds} rounds, interleaved")
    base = statistics.median(times["baseline --help"])
    print(f"{'command':<26}{'median ms':>10}{'ratio':>8}{'peak MiB':>10}")
    for name in commands:
        median = statistics.median(times[name])
        print(f"{name:<26}{median:>10.0f}{median / base:>8.2f}{max(memory[name]):>10.1f}")


if __name__ == "__main__":
    main()
