#!/usr/bin/env bash
# What a screen reader meets: starts the app under Xvfb with a private D-Bus session and the
# AT-SPI bus switched on (as a desktop with Orca does), in English and in Dutch, on the
# welcome screen and on every page of the sample, and prints what scripts/a11y-audit.py
# counts (nodes, interactive ones, unnamed ones, sibling buttons sharing a name).
#
# Usage: scripts/check-a11y.sh [BINARY] [--json] [--assert]   (default: target/debug/pitchcraft)
# With --assert it fails on an unnamed control, sibling buttons sharing a name, a window
# frame not named after its title, or welcome cards that Tab does not reach or Enter does
# not press.
# Needs xvfb, dbus (dbus-run-session), at-spi2-core and python3-pyatspi; without them it
# says so in one line and stops, and with CI=true it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/debug/pitchcraft}
shift || true
# Debian's pyatspi is for the system's Python (a python3 earlier on PATH may not have it).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
for tool in Xvfb dbus-run-session dbus-send xdotool "$py" /usr/libexec/at-spi-bus-launcher; do
    if ! command -v "$tool" >/dev/null && [ ! -x "$tool" ]; then
        echo "check-a11y: skipped: no $tool — apt-get install xvfb dbus at-spi2-core python3-pyatspi xdotool" >&2
        [ "${CI:-}" = "true" ] && exit 1
        exit 0
    fi
done
"$py" -c 'import pyatspi' 2>/dev/null || {
    echo "check-a11y: skipped: no pyatspi — apt-get install python3-pyatspi" >&2
    [ "${CI:-}" = "true" ] && exit 1
    exit 0
}

run_one() { # LANG MODE(welcome|pages)
    local lang=$1 mode=$2
    dbus-run-session -- bash -s "$bin" "$lang" "$mode" "$py" "$@" <<'INNER'
set -euo pipefail
bin=$1 lang=$2 mode=$3 py=$4
shift 4
home=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$home"' EXIT
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
# Switch the accessibility bus on, as a desktop does when a screen reader runs.
for _ in $(seq 50); do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus org.freedesktop.DBus.Properties.Set \
        string:org.a11y.Status string:IsEnabled variant:boolean:true >/dev/null 2>&1 && break
    sleep 0.1
done
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
export DISPLAY=$display XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config HOME=$home LANG=$lang LC_ALL=
if [ "$mode" = welcome ]; then
    "$bin" >/dev/null 2>&1 &
    app=$!
    if [ "${lang:0:2}" = nl ]; then cards="Begin mijn merk,Bekijk het voorbeeld,Een bestand openen"; else cards="Start my brand,Explore the sample,Open a file"; fi
    "$py" scripts/a11y-audit.py "--cards=$cards" "--pid=$app" "$@"
else
    "$bin" --sample >/dev/null 2>&1 &
    if [ "${lang:0:2}" = nl ]; then names=Ontdekken,Pitches,Oefenen,Kaart,Netwerk,Notities; else names=Discover,Pitches,Rehearse,Card,Network,Notes; fi
    "$py" scripts/a11y-audit.py --pages --names=$names "$@"
fi
INNER
}

for lang in en_GB.UTF-8 nl_NL.UTF-8; do
    echo "== ${lang:0:2}, welcome"
    run_one "$lang" welcome "$@"
    echo "== ${lang:0:2}, the sample's pages"
    run_one "$lang" pages "$@"
done
