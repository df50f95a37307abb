#!/usr/bin/env bash
# System tools the test suite uses to check reports as a person would:
#   pdftotext/pdfinfo (poppler-utils) read the PDF back, qpdf checks its structure; LibreOffice Calc opens the
#   transparency package's CSV files; Chromium runs the axe-core
#   accessibility check on the HTML report. Installs them from Debian's packages when missing.
set -euo pipefail
missing=()
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# The transparency package test opens its CSV files in LibreOffice Calc.
# LibreOffice Calc opens the collection workbooks (drop-downs and protection must survive).
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Mancano ${missing[*]}: installarli con il gestore di pacchetti del sistema (servono ai test dei rapporti)." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "Installazione di ${missing[*]} (strumenti dei test dei rapporti)…"
$SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}
