#!/usr/bin/env bash
# Runs a command with DISPLAY pointing at a private Xvfb (started and stopped here).
# Usage: scripts/with-xvfb.sh [WIDTHxHEIGHT] -- COMMAND [ARGS...]
set -euo pipefail
size=1280x800
if [ "${1:-}" != "--" ]; then size=$1; shift; fi
[ "${1:-}" = "--" ] && shift
command -v Xvfb >/dev/null || { echo "Xvfb is not installed (apt-get install -y xvfb)" >&2; exit 1; }
fifo=$(mktemp -u); mkfifo "$fifo"
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$fifo" 2>/dev/null &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -f "$fifo"' EXIT
read -r display <"$fifo"
DISPLAY=":$display" "$@"
