"""Time to draw the next question after a key press, in a real pty (median).

    python bench/next_question.py [--rounds 40]

Starts the guided session on the bundled content at 80x24, takes the full check (every area),
and for each question skips with `s`, timing from the key press to the moment the next
question's progress header ("· N of") has arrived on the terminal. Target: median < 50 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time

import pexpect


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "SAFETYCHECK_LANG": "en", "NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "safetycheck"], encoding="utf-8", dimensions=(24, 80), env=env, timeout=30)
    child.delaybeforesend = None  # pexpect waits 50 ms before each send by default: not part of the figure
    child.expect("Quit")
    child.send("\x1b[B\r")  # every area: the most questions
    child.expect(r"· 1 of \d+")
    child.expect("once")
    times = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        child.send("s")
        child.expect(re.compile(r"· \d+ of \d+"))
        times.append((time.perf_counter() - start) * 1000)
        child.expect("once")  # fully drawn (the last word of the key line) before the next key
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    print(f"next question after a key press: median {statistics.median(times):.1f} ms, "
          f"p90 {sorted(times)[int(len(times) * 0.9)]:.1f} ms over {len(times)} questions (target < 50 ms)")


if __name__ == "__main__":
    main()
