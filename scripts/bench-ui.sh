#!/usr/bin/env bash
# The performance table of the real window, in one run under Xvfb: Pitchcraft (empty and
# with the sample document) and the minimal eframe window of examples/hello.rs side by
# side. Time to first frame, resident memory after 5 s, CPU over 10 s idle (medians of
# RUNS starts), and CPU over 20 s with a rehearsal timer running, next to hello
# repainting once a second (what a timer needs). Prints name=value lines, then the
# ratios to hello.
# With PulseAudio installed, also the same run recording the voice from a private daemon's
# null sink, and what recording adds (needs pulseaudio and pulseaudio-utils).
# Usage: scripts/bench-ui.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet --bin pitchcraft --example hello
sample=$(mktemp -d)/sanne.brand.ron
cp crates/pitchcraft-core/assets/sample.brand.ron "$sample"
export XDG_DATA_HOME=$(mktemp -d)   # no remembered window or settings
out=$(mktemp)
scripts/with-xvfb.sh -- bash -c "
  python3 scripts/window_probe.py hello $runs 10 -- target/release/examples/hello
  python3 scripts/window_probe.py pitchcraft $runs 10 -- target/release/pitchcraft
  python3 scripts/window_probe.py pitchcraft_document $runs 10 -- target/release/pitchcraft '$sample'
  HELLO_REPAINT_MS=1000 python3 scripts/rehearse_probe.py hello_1hz 3 20 -- target/release/examples/hello
  PITCHCRAFT_AUTOSTART_REHEARSAL=1 python3 scripts/rehearse_probe.py timer 3 20 -- target/release/pitchcraft '$sample'
" | tee "$out"
if command -v pulseaudio >/dev/null && command -v pactl >/dev/null; then
    pulse=$(mktemp -d)
    export XDG_RUNTIME_DIR=$pulse HOME=$pulse PULSE_SERVER=unix:$pulse/pulse/native
    pulseaudio -n --daemonize=no --exit-idle-time=-1 --load="module-native-protocol-unix auth-anonymous=1" \
        --load="module-null-sink sink_name=vmic" >/dev/null 2>&1 &
    daemon=$!
    trap 'kill $daemon 2>/dev/null || true' EXIT
    for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    pactl set-default-source vmic.monitor
    scripts/with-xvfb.sh -- bash -c "
      PITCHCRAFT_AUTOSTART_REHEARSAL=1 python3 scripts/rehearse_probe.py timer_again 3 20 -- target/release/pitchcraft '$sample'
      PITCHCRAFT_AUTOSTART_REHEARSAL=1 PITCHCRAFT_AUTOSTART_RECORD=1 python3 scripts/rehearse_probe.py timer_recording 3 20 -- target/release/pitchcraft '$sample'
    " | tee -a "$out"
fi
python3 - "$out" <<'PY'
import sys
values = {}
for line in open(sys.argv[1]):
    if "=" in line:
        name, value = line.strip().split("=", 1)
        values[name] = float(value)
def ratio(name, over, base):
    if values[base] > 0:
        print(f"{name}_ratio_to_hello={values[over] / values[base]:.2f}")
    else:
        print(f"{name}_ratio_to_hello=n/a (hello used {values[base]})")
for who in ("pitchcraft", "pitchcraft_document"):
    for figure in ("startup_ms", "rss_mib", "idle_cpu_percent"):
        ratio(f"{who}_{figure}", f"{who}_{figure}", f"hello_{figure}")
ratio("timer_cpu_percent", "timer_cpu_percent", "hello_1hz_cpu_percent")
if "timer_recording_cpu_percent" in values:
    added = values["timer_recording_cpu_percent"] - values["timer_again_cpu_percent"]
    print(f"recording_adds_cpu_percent={added:.2f}")
PY
