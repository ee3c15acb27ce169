#!/usr/bin/env python3
"""Measure a desktop program under X: time to first frame, resident memory, idle CPU.

The program must print a line starting with "frame" to stderr for every frame it draws
(Pitchcraft and examples/hello.rs do so with PITCHCRAFT_TRACE_FRAMES=1).

Usage: window_probe.py NAME RUNS IDLE_SECONDS -- COMMAND [ARGS...]
Prints name=value lines: NAME_startup_ms (median), NAME_rss_mib (median),
NAME_idle_cpu_percent (median), NAME_idle_frames (median).
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
    # utime and stime are fields 14 and 15 of the whole line (11 and 12 after the name).
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def one_run(command, settle, idle):
    env = dict(os.environ, PITCHCRAFT_TRACE_FRAMES="1")
    started = time.monotonic()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env, text=True)
    frames = []
    first = threading.Event()

    def read():
        for line in process.stderr:
            if line.startswith("frame"):
                frames.append(time.monotonic())
                first.set()

    threading.Thread(target=read, daemon=True).start()
    if not first.wait(60):
        process.kill()
        raise SystemExit(f"{command[0]}: no frame within 60 s")
    startup_ms = (frames[0] - started) * 1000
    time.sleep(max(0.0, settle - (time.monotonic() - started)))
    rss = rss_mib(process.pid)
    cpu_before, frames_before, t_before = cpu_seconds(process.pid), len(frames), time.monotonic()
    time.sleep(idle)
    cpu_after, frames_after, t_after = cpu_seconds(process.pid), len(frames), time.monotonic()
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    cpu_percent = (cpu_after - cpu_before) / (t_after - t_before) * 100
    return startup_ms, rss, cpu_percent, frames_after - frames_before


def main():
    name, runs, idle = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1 :]
    results = [one_run(command, settle=5.0, idle=idle) for _ in range(runs)]
    startup, rss, cpu, frames = (statistics.median(column) for column in zip(*results))
    print(f"{name}_startup_ms={startup:.0f}")
    print(f"{name}_rss_mib={rss:.1f}")
    print(f"{name}_idle_cpu_percent={cpu:.2f}")
    print(f"{name}_idle_frames={frames:.0f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
