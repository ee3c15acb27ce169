#!/usr/bin/env python3
"""Frames and CPU of a program over a window of time, and (for Pitchcraft's rehearsal) how
late the timer's display turns to each new second.

Usage: rehearse_probe.py NAME SETTLE_SECONDS MEASURE_SECONDS -- COMMAND [ARGS...]
Needs PITCHCRAFT_TRACE_FRAMES=1 behaviour: one "frame" line per frame on stderr, and
"rehearse shown=M:SS elapsed_ms=N" lines while a rehearsal runs.
Prints NAME_frames_per_second, NAME_cpu_percent, and for rehearsals NAME_second_lag_ms_*.
"""

import os
import statistics
import subprocess
import sys
import threading
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def shown_seconds(text, target):
    if text.startswith("+"):
        minutes, seconds = text[1:].split(":")
        return target + int(minutes) * 60 + int(seconds)
    minutes, seconds = text.split(":")
    return int(minutes) * 60 + int(seconds)


def main():
    name, settle, measure = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    target = float(os.environ.get("PROBE_TARGET_SECONDS", "30"))
    command = sys.argv[sys.argv.index("--") + 1 :]
    env = dict(os.environ, PITCHCRAFT_TRACE_FRAMES="1")
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
    frames = []
    shown = []

    def read():
        for line in process.stderr:
            if line.startswith("frame"):
                frames.append(time.monotonic())
            elif line.startswith("rehearse shown="):
                parts = dict(part.split("=", 1) for part in line.split()[1:])
                if parts["shown"]:
                    shown.append((shown_seconds(parts["shown"], target), int(parts["elapsed_ms"])))

    threading.Thread(target=read, daemon=True).start()
    time.sleep(settle)
    cpu0, frames0, t0 = cpu_seconds(process.pid), len(frames), time.monotonic()
    time.sleep(measure)
    cpu1, frames1, t1 = cpu_seconds(process.pid), len(frames), time.monotonic()
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    print(f"{name}_frames_per_second={(frames1 - frames0) / (t1 - t0):.2f}")
    print(f"{name}_cpu_percent={(cpu1 - cpu0) / (t1 - t0) * 100:.2f}")
    # The frame that first shows a new second: how long after the true second it came.
    lags = []
    last = None
    for second, elapsed_ms in shown:
        if second != last:
            lags.append((second, elapsed_ms - second * 1000))
            last = second
    if lags:
        values = [lag for _, lag in lags]
        print(f"{name}_second_changes={len(lags)}")
        print(f"{name}_second_lag_ms_median={statistics.median(values):.0f}")
        print(f"{name}_second_lag_ms_max={max(values):.0f}")
        print(f"{name}_second_lag_ms_min={min(values):.0f}")
        late = [lag for second, lag in lags if second >= 300]
        if late:
            print(f"{name}_second_lag_ms_after_5_min_max={max(late):.0f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
