#!/usr/bin/env bash
# Checks what the desktop sees of Pitchcraft, as CI does on every submission: the desktop
# file, AppStream metainfo and MIME type validate; the .deb builds (from the debug binary
# the tests built: no second, optimised build), passes lintian and installs; a *.brand.ron
# file has the new type, which opens with Pitchcraft; `gio open` on one starts Pitchcraft
# with that document (its name in the window's title); removing the package cleans up.
#
# Needs (Debian): desktop-file-utils appstream libxml2-utils lintian xdg-utils
# libfile-mimeinfo-perl libglib2.0-bin shared-mime-info xvfb xauth xdotool, and root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
id=io.github.pitchcraft.Pitchcraft

step() { printf '\n== %s\n' "$*"; }

step "desktop file, metainfo, MIME type"
desktop-file-validate "assets/$id.desktop"
appstreamcli validate --no-net "assets/$id.metainfo.xml"
xmllint --noout "assets/$id.mime.xml"

step "package"
scripts/package-deb.sh --debug
deb=$(ls -t target/debian/pitchcraft_*.deb | head -1)
lintian --fail-on error "$deb"

step "install"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null
trap '$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq pitchcraft >/dev/null' EXIT
work=$(mktemp -d)
cp crates/pitchcraft-core/assets/sample.brand.ron "$work/sanne.brand.ron"
type=$(xdg-mime query filetype "$work/sanne.brand.ron")
[ "$type" = application/x-pitchcraft-brand ] || { echo "filetype: $type"; exit 1; }
default=$(xdg-mime query default application/x-pitchcraft-brand)
[ "$default" = "$id.desktop" ] || { echo "default: $default"; exit 1; }
echo "$type opens with $default"

step "gio open under Xvfb"
cat > "$work/open.sh" <<'INNER'
set -u
export XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config"
gio open "$1/sanne.brand.ron" &
for _ in $(seq 1 120); do
    window=$(xdotool search --name "Sanne de Vries" 2>/dev/null | head -1)
    if [ -n "$window" ]; then
        echo "window: $(xdotool getwindowname "$window")"
        pkill -x pitchcraft
        exit 0
    fi
    sleep 0.5
done
echo "no Pitchcraft window with the document's title appeared in 60 s"
pkill -x pitchcraft
exit 1
INNER
xvfb-run -a -s '-screen 0 1280x800x24' bash "$work/open.sh" "$work" 2>/dev/null

step "remove"
trap - EXIT
$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq pitchcraft >/dev/null
[ ! -e /usr/bin/pitchcraft ] && [ ! -e "/usr/share/applications/$id.desktop" ] || { echo "files left behind"; exit 1; }
if [ "$(xdg-mime query filetype "$work/sanne.brand.ron")" = application/x-pitchcraft-brand ]; then
    echo "the MIME type is still registered"
    exit 1
fi
rm -rf "$work"
echo "desktop integration: ok"
