#!/usr/bin/env bash
# The Windows build, proven under Wine: the installer installs silently per user into a
# fresh prefix; the program answers --version, makes the sample, checks it, drafts, writes
# the card as a one-page PDF, refuses a read-only file clearly and leaves it whole, and
# opens its real window under Xvfb (a screenshot, not blank); with no print server it hands
# the PDF to the program that prints PDFs (a stand-in registered for the check) and says so
# in words where there is none; the file association is in the prefix's registry; the
# uninstaller leaves nothing of the program and keeps the person's files. Before all that,
# the executable's own icon and version information are read back from its resources.
#
# Needs target/windows/pitchcraft.exe and the installer (scripts/build-windows.sh
# --installer), wine64 (Debian: /usr/lib/wine/wine64), MinGW-w64 (for the Wine-only stand-in
# of bcryptprimitives.dll), xvfb-run, ImageMagick, poppler-utils and icoutils.
# Usage: scripts/check-windows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
wineserver=$(command -v wineserver || echo /usr/lib/wine/wineserver64)
for tool in "$wine" x86_64-w64-mingw32-gcc xvfb-run xdotool convert pdfinfo wrestool icotool; do
    if ! command -v "$tool" >/dev/null && [ ! -x "$tool" ]; then
        echo "check-windows: skipped: no $tool — apt-get install wine64 gcc-mingw-w64-x86-64 xvfb xdotool imagemagick poppler-utils icoutils" >&2
        [ "${CI:-}" = "true" ] && exit 1
        exit 0
    fi
done
setup=$(ls target/windows/pitchcraft-setup-*.exe 2>/dev/null | head -1)
if [ -z "$setup" ]; then
    echo "check-windows: no installer: run scripts/build-windows.sh --installer first" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# No .NET or Gecko to download, and no menu entries made on this machine's desktop.
# A home of its own: Wine links the prefix's Documents to the home's, and the check must
# not write into the real one.
mkdir -p "$work/home"
export HOME=$work/home WINEPREFIX=$work/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
fail() { echo "check-windows: FAILED: $*" >&2; exit 1; }
ok() { echo "check-windows: ok: $*"; }

# The executable's resources: the app's icon at every size of packaging/windows/pitchcraft.ico,
# and the version block Explorer's Details tab and Apps & features read.
exe=target/windows/pitchcraft.exe
wrestool -x --type=14 "$exe" -o "$work/exe.ico" 2>/dev/null || fail "pitchcraft.exe has no icon"
sizes() { icotool -l "$1" | grep -o -- '--width=[0-9]* --height=[0-9]*' | sort; }
[ -n "$(sizes "$work/exe.ico")" ] && [ "$(sizes "$work/exe.ico")" = "$(sizes packaging/windows/pitchcraft.ico)" ] ||
    fail "the icon in pitchcraft.exe is not the app's ($(sizes "$work/exe.ico" | tr '\n' ' '))"
crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
wrestool -x --raw --type=16 "$exe" | strings -el > "$work/version.txt"
for want in ProductName Pitchcraft FileVersion "$crate_version" OriginalFilename pitchcraft.exe CompanyName; do
    grep -qx -- "$want" "$work/version.txt" || fail "no $want in the version information: $(tr '\n' ' ' < "$work/version.txt")"
done
ok "pitchcraft.exe carries the app's icon ($(sizes "$work/exe.ico" | wc -l) sizes) and version $crate_version"

"$wine" wineboot --init >/dev/null 2>&1
ok "a fresh prefix"
"$wine" "$setup" /S >/dev/null 2>&1
"$wineserver" -w 2>/dev/null || true
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/ | grep -v Public | head -1)
program="$user_dir/AppData/Local/Programs/Pitchcraft"
[ -f "$program/pitchcraft.exe" ] || fail "the installer put no pitchcraft.exe in $program"
[ -f "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Pitchcraft.lnk" ] || fail "no Start menu entry"
ok "installed per user in AppData\\Local\\Programs\\Pitchcraft with a Start menu entry"

# The Wine-only stand-in (never shipped): Wine 8 lacks bcryptprimitives.dll.
x86_64-w64-mingw32-gcc -shared -O2 -o "$program/bcryptprimitives.dll" packaging/windows/wine/bcryptprimitives.c -ladvapi32

run() { "$wine" "$program/pitchcraft.exe" "$@"; }
version=$(run --version | tr -d '\r')
[[ "$version" == pitchcraft\ * ]] || fail "--version said: $version"
ok "--version: $version"

docs="$user_dir/Documents"
mkdir -p "$docs"
run new --sample 'C:\users\'"$(basename "$user_dir")"'\Documents\sanne.brand.ron' >/dev/null
[ -f "$docs/sanne.brand.ron" ] || fail "new --sample wrote nothing"
doc='C:\users\'"$(basename "$user_dir")"'\Documents\sanne.brand.ron'
run check "$doc" | tr -d '\r' | grep -q "Sanne de Vries" || fail "check"
ok "new --sample, check"
run draft --json "$doc" | tr -d '\r' | python3 -c 'import json, sys; json.load(sys.stdin)' || fail "draft --json is no JSON"
ok "draft --json"
run card -o 'C:\users\'"$(basename "$user_dir")"'\Documents\card.pdf' "$doc" >/dev/null
pages=$(pdfinfo "$docs/card.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "$pages" = 1 ] || fail "the card has $pages pages"
ok "card -o card.pdf: one page"

# Printing where no print server answers (Windows has none; the port here refuses, as
# localhost:631 does there): the PDF goes to the program Windows prints PDFs with. A fresh
# prefix has none, which is said in words; then a stand-in registered as the PDF program,
# whose Print copies the file, as a reader would print it.
export CUPS_SERVER=127.0.0.1:9
if run print "$doc" >"$work/print.out" 2>&1; then fail "print said done with no program to print PDFs"; fi
grep -q "no program on this computer prints PDFs" "$work/print.out" || fail "print said: $(cat "$work/print.out")"
ok "print without a PDF program: $(tr -d '\r' < "$work/print.out" | head -1 | cut -c1-70)…"
# (Wine's ShellExecute reads the machine's classes, HKEY_CLASSES_ROOT; the prefix, thrown
# away after the check, takes them along.)
"$wine" reg add 'HKCR\.pdf' /ve /d PitchcraftCheck.Pdf /f >/dev/null 2>&1
"$wine" reg add 'HKCR\PitchcraftCheck.Pdf\shell\print\command' /ve \
    /d 'C:\windows\system32\cmd.exe /c copy /y "%1" C:\printed.pdf' /f >/dev/null 2>&1
run print "$doc" >"$work/print.out" 2>&1 || fail "print: $(cat "$work/print.out")"
for _ in $(seq 40); do [ -s "$WINEPREFIX/drive_c/printed.pdf" ] && break; sleep 0.5; done
pages=$(pdfinfo "$WINEPREFIX/drive_c/printed.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "$pages" = 1 ] || fail "the PDF program was handed no one-page card (pages: ${pages:-none})"
pdftotext "$WINEPREFIX/drive_c/printed.pdf" - | grep -q "Sanne de Vries" || fail "the printed PDF is not the card"
unset CUPS_SERVER
ok "print: the card handed to the PDF program's Print ($(tr -d '\r' < "$work/print.out" | head -1 | cut -c1-60)…)"

# A read-only document that fmt would rewrite (a blank line too many at its end): a clear
# error, and the file as it was.
printf '\n\n' >> "$docs/sanne.brand.ron"
cp "$docs/sanne.brand.ron" "$work/before.ron"
"$wine" cmd /c attrib +r "$doc" >/dev/null 2>&1
if run fmt "$doc" >"$work/fmt.out" 2>&1; then fail "fmt wrote a read-only file"; fi
cmp -s "$docs/sanne.brand.ron" "$work/before.ron" || fail "the read-only document changed"
grep -qi "read-only\|denied\|permission" "$work/fmt.out" || fail "fmt said: $(cat "$work/fmt.out")"
"$wine" cmd /c attrib -r "$doc" >/dev/null 2>&1
ok "fmt on a read-only file: $(tr -d '\r' < "$work/fmt.out" | head -1)"

# The real window, under Xvfb: a screenshot that is not blank, and the window titled after
# the document. Wine's desktop process is started again inside the X session (one started
# without a display has no graphics driver).
"$wineserver" -k 2>/dev/null || true
export WINE_BIN=$wine WINESERVER=$wineserver PROGRAM=$program DOC=$doc
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    "$WINE_BIN" "$PROGRAM/pitchcraft.exe" screenshot "C:\shot.png" "$DOC" >/dev/null 2>&1 || exit 1
    "$WINE_BIN" "$PROGRAM/pitchcraft.exe" "$DOC" >/dev/null 2>&1 &
    disown  # killed with Wine below, not reported
    for _ in $(seq 60); do
        xdotool search --name "Sanne de Vries" >/dev/null 2>&1 && { xdotool getwindowname "$(xdotool search --name "Sanne de Vries" | head -1)" > "$WINEPREFIX/title.txt"; break; }
        sleep 0.5
    done
    "$WINESERVER" -k 2>/dev/null || true
' || fail "the window did not open"
shot="$WINEPREFIX/drive_c/shot.png"
[ -f "$shot" ] || fail "no screenshot"
colours=$(convert "$shot" -format %k info:)
[ "$colours" -gt 16 ] || fail "the screenshot is blank ($colours colours)"
title=$(cat "$WINEPREFIX/title.txt" 2>/dev/null || true)
[[ "$title" == *"Sanne de Vries"* ]] || fail "no window titled after the sample (title: $title)"
ok "the real window: \"$title\", a screenshot of $colours colours"

# The association, in the prefix's registry.
"$wine" reg query 'HKCU\Software\Classes\Pitchcraft.BrandDocument\shell\open\command' 2>/dev/null | tr -d '\r' |
    grep -q 'pitchcraft.exe' || fail "no file association"
"$wine" reg query 'HKCU\Software\Classes\.ron\OpenWithProgids' 2>/dev/null | grep -q Pitchcraft.BrandDocument ||
    fail "not offered under Open with"
ok ".brand.ron opens in Pitchcraft"

# Uninstall: the program goes, the person's files stay.
rm -f "$program/bcryptprimitives.dll"
"$wine" "$program/uninstall.exe" /S >/dev/null 2>&1
"$wineserver" -w 2>/dev/null || true
sleep 2
[ ! -e "$program/pitchcraft.exe" ] || fail "pitchcraft.exe is still there"
[ ! -e "$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Pitchcraft.lnk" ] || fail "the Start menu entry is still there"
if "$wine" reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Pitchcraft' >/dev/null 2>&1; then
    fail "still in Apps & features"
fi
[ -f "$docs/sanne.brand.ron" ] && [ -f "$docs/card.pdf" ] || fail "the person's files went with it"
ok "uninstalled: nothing of the program left, the documents kept"
