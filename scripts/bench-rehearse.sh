#!/usr/bin/env bash
# The rehearsal timer under Xvfb: frames a second and CPU over 20 s while the timer runs
# without auto-scroll, next to examples/hello.rs repainting once a second; the same with
# auto-scroll; and with `--long`, how late the display turns to each new second over a
# run of more than five minutes.
# Usage: scripts/bench-rehearse.sh [--long]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin pitchcraft --example hello
sample=$(mktemp -d)/sanne.brand.ron
cp crates/pitchcraft-core/assets/sample.brand.ron "$sample"
export XDG_DATA_HOME=$(mktemp -d)
long=${1:-}
scripts/with-xvfb.sh -- bash -c "
  HELLO_REPAINT_MS=1000 python3 scripts/rehearse_probe.py hello_1hz 3 20 -- target/release/examples/hello
  PITCHCRAFT_AUTOSTART_REHEARSAL=1 python3 scripts/rehearse_probe.py timer 3 20 -- target/release/pitchcraft '$sample'
  PITCHCRAFT_AUTOSTART_REHEARSAL=scroll python3 scripts/rehearse_probe.py scrolling 3 20 -- target/release/pitchcraft '$sample'
  if [ '$long' = --long ]; then
    PITCHCRAFT_AUTOSTART_REHEARSAL=1 python3 scripts/rehearse_probe.py five_minutes 1 305 -- target/release/pitchcraft '$sample'
  fi
" | tee /tmp/bench-rehearse.out
python3 - /tmp/bench-rehearse.out <<'PY'
import sys
values = dict(line.strip().split("=", 1) for line in open(sys.argv[1]) if "=" in line)
print(f"timer_cpu_ratio_to_hello_1hz={float(values['timer_cpu_percent']) / float(values['hello_1hz_cpu_percent']):.2f}")
PY
