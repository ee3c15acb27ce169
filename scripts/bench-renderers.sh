#!/usr/bin/env bash
# Both renderers on this machine's display (Xvfb with Mesa's software rendering, llvmpipe),
# each beside examples/hello.rs on the same renderer: startup to the first frame, memory
# and idle CPU (window_probe.py), then frames a second and CPU over 20 s of a running
# rehearsal timer, of the auto-scrolling teleprompter, and of hello repainting once a
# second (rehearse_probe.py).
# Usage: scripts/bench-renderers.sh [RUNS]   (default 5 startup runs; medians)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
# Two builds: built together, the example's dev-dependencies would add their features to
# the app's binary too (76.2 MB instead of the shipped 70.4 MB).
cargo build --release --quiet --example hello
cargo build --release --quiet --bin pitchcraft
sample=$(mktemp -d)/sanne.brand.ron
cp crates/pitchcraft-core/assets/sample.brand.ron "$sample"
export XDG_DATA_HOME=$(mktemp -d)   # no remembered window or settings
out=/tmp/bench-renderers.out
: > "$out"
for renderer in glow wgpu; do
    xvfb-run -a -s '-screen 0 1280x800x24' env PITCHCRAFT_RENDERER=$renderer bash -c "
      python3 scripts/window_probe.py ${renderer}_hello $runs 10 -- target/release/examples/hello
      python3 scripts/window_probe.py ${renderer}_app $runs 10 -- target/release/pitchcraft '$sample'
      HELLO_REPAINT_MS=1000 python3 scripts/rehearse_probe.py ${renderer}_hello_1hz 3 20 -- target/release/examples/hello
      PITCHCRAFT_AUTOSTART_REHEARSAL=1 python3 scripts/rehearse_probe.py ${renderer}_timer 3 20 -- target/release/pitchcraft '$sample'
      PITCHCRAFT_AUTOSTART_REHEARSAL=scroll python3 scripts/rehearse_probe.py ${renderer}_scroll 3 20 -- target/release/pitchcraft '$sample'
    " 2>/dev/null | grep -v second_ | tee -a "$out"
done
python3 - "$out" <<'PY'
import sys
v = {k: float(x) for k, x in (line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)}
print()
print("| | glow | wgpu |")
print("|---|---|---|")
rows = [
    ("timer CPU, % of one core", "{r}_timer_cpu_percent"),
    ("hello at 1 Hz CPU, %", "{r}_hello_1hz_cpu_percent"),
    ("timer ÷ hello at 1 Hz", None),
    ("idle CPU (document open), %", "{r}_app_idle_cpu_percent"),
    ("hello idle CPU, %", "{r}_hello_idle_cpu_percent"),
    ("startup to first frame, ms", "{r}_app_startup_ms"),
    ("hello startup, ms", "{r}_hello_startup_ms"),
    ("memory (RSS), MiB", "{r}_app_rss_mib"),
    ("hello memory, MiB", "{r}_hello_rss_mib"),
    ("teleprompter auto-scroll, frames/s", "{r}_scroll_frames_per_second"),
    ("teleprompter auto-scroll CPU, %", "{r}_scroll_cpu_percent"),
]
for label, key in rows:
    cells = []
    for r in ("glow", "wgpu"):
        if key is None:
            cells.append(f"{v[f'{r}_timer_cpu_percent'] / max(v[f'{r}_hello_1hz_cpu_percent'], 0.01):.2f}")
        else:
            cells.append(f"{v[key.format(r=r)]:.1f}")
    print(f"| {label} | {cells[0]} | {cells[1]} |")
PY
