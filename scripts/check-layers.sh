#!/usr/bin/env bash
# The layers are crates the compiler keeps apart; this checks what each one pulls in.
# pitchcraft-core: no window, typesetter or audio stack. pitchcraft-card: no window or audio.
# pitchcraft-voice: no window or typesetter. pitchcraft-print: no window, typesetter, audio
# or TLS (it talks to the print server on this computer).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {
    local crate=$1 forbidden=$2
    local found
    found=$(cargo tree -p "$crate" -e normal,build --prefix none --format '{p}' | awk '{print $1}' | sort -u |
        grep -E "^($forbidden)$" || true)
    if [ -n "$found" ]; then
        echo "check-layers: $crate depends on $(echo "$found" | tr '\n' ' ')" >&2
        status=1
    else
        echo "check-layers: $crate is free of ${forbidden//|/, }"
    fi
}
check pitchcraft-core 'egui|eframe|winit|wgpu|glow|typst|typst-pdf|typst-layout|cpal|pulseaudio|alsa-sys'
check pitchcraft-card 'egui|eframe|winit|wgpu|glow|cpal|pulseaudio|alsa-sys'
check pitchcraft-voice 'egui|eframe|winit|wgpu|glow|typst|alsa-sys|alsa'
check pitchcraft-print 'egui|eframe|winit|wgpu|glow|typst|cpal|pulseaudio|alsa-sys|rustls|native-tls|openssl-sys'
# Building needs nothing but Rust: no ALSA headers anywhere in the app on Linux.
check pitchcraft 'alsa-sys|alsa|libpulse-sys|libpulse-binding'

# Inside the app crate: pages (src/ui), what they read (src/state) and the commands they send
# (src/command.rs) never name the shell; state and commands never name the pages either.
# Comments are left out: a doc line may say where a type is drawn.
names() {
    local pattern=$1
    shift
    grep -rnE "$pattern" "$@" --include='*.rs' | grep -vE '^[^:]+:[0-9]+:\s*//' || true
}
shell=$(names '\bcrate::app\b|\bsuper::super::app\b' src/ui src/state src/command.rs)
if [ -n "$shell" ]; then
    echo "check-layers: these name the shell (crate::app); move what they need into src/state:" >&2
    echo "$shell" >&2
    status=1
else
    echo "check-layers: src/ui, src/state and src/command.rs do not name the shell"
fi
pages=$(names '\bcrate::ui\b' src/state src/command.rs)
if [ -n "$pages" ]; then
    echo "check-layers: these name the pages (crate::ui):" >&2
    echo "$pages" >&2
    status=1
else
    echo "check-layers: src/state and src/command.rs do not name the pages"
fi
exit $status
