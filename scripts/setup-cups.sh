#!/usr/bin/env bash
# A real print server for the printing tests (tests/cli_print.rs): CUPS with the virtual PDF
# printer (printer-driver-cups-pdf) as the default queue, and a second one stopped with a
# reason, as a printer out of paper is. Without systemd: cupsd is started here. Needs root
# (or sudo) and the Debian packages cups and printer-driver-cups-pdf.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo mkdir -p /run/cups
# `lpstat -r` exits 0 either way; its words tell.
running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
    $sudo cupsd
    for _ in $(seq 100); do running && break; sleep 0.1; done
fi
ppd=lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
# The queue renders with pdftocairo: Ghostscript's path turns text into outlines that no
# PDF text reader can read back.
$sudo lpadmin -p PDF -E -v cups-pdf:/ -m "$ppd" 2>/dev/null
$sudo lpadmin -p PDF -o pdftops-renderer-default=pdftocairo
$sudo lpadmin -d PDF
$sudo lpadmin -p Stopped -E -v cups-pdf:/ -m "$ppd" 2>/dev/null
$sudo cupsdisable -r "Out of paper" Stopped
lpstat -p
