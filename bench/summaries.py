"""Workshop aggregation benchmark: 10,000 anonymous summaries summarised, against the time of
simply reading the same files (the floor any implementation pays).

    python bench/summaries.py [--count 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODULES = ["device", "accounts", "comms", "travel", "family", "online"]
BANDS = ["low", "moderate", "high", "critical"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    count = parser.parse_args().count
    from safetycheck.content.catalog import load_content

    guidance = sorted(load_content().guidance)
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        for n in range(count):
            score = {m: rng.randint(0, 100) for m in rng.sample(MODULES, rng.randint(1, len(MODULES)))}
            data = {"kind": "safetycheck-anonymous-summary", "format_version": 1, "content_version": "bench", "lang": "en",
                    "date": "2026-11-24", "modules": {m: {"score": s, "band": BANDS[min(3, s // 25)]} for m, s in score.items()},
                    "guidance": rng.sample(guidance, rng.randint(5, 30))}
            Path(folder, f"{n:05d}.json").write_text(json.dumps(data))
        read_cmd = [sys.executable, "-c", f"import pathlib; [p.read_bytes() for p in pathlib.Path({folder!r}).glob('*.json')]"]
        summarize_cmd = [sys.executable, "-m", "safetycheck", "workshop", "summarize", folder, "--format", "json"]
        floor, ours = [], []
        for _ in range(5):
            for cmd, bucket in ((read_cmd, floor), (summarize_cmd, ours)):
                start = time.perf_counter()
                subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
                bucket.append(time.perf_counter() - start)
    print(f"{count} summaries: summarize median {statistics.median(ours):.2f} s "
          f"(reading the files alone: {statistics.median(floor):.2f} s; ratio {statistics.median(ours) / statistics.median(floor):.1f}x; target < 2 s)")


if __name__ == "__main__":
    main()
