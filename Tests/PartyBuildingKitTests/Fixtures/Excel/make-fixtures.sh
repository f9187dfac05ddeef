#!/usr/bin/env bash
# Regenerates the Excel test workbooks from Examples/data/*.csv; run from anywhere, then check the results in.
# Needs LibreOffice Calc (Debian: apt-get install -y libreoffice-calc) and openpyxl (pip install openpyxl).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$(cd "$here/../../../../Examples/data" && pwd)"
cd "$here"

# LibreOffice: CSV filter options 44 (comma), 34 (double quote), 76 (UTF-8), 1 (from line 1); numbers are
# recognised, so they become numeric cells.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$data/dazhou.csv" "$work/dazhou-libreoffice.csv"
soffice --headless -env:UserInstallation="file://$work/profile" --infilter=CSV:44,34,76,1 \
  --convert-to xlsx --outdir "$work" "$work/dazhou-libreoffice.csv" > /dev/null
cp "$work/dazhou-libreoffice.xlsx" .
# Check that LibreOffice wrote numbers as numeric cells: cell F2 (一季度 of DZ001) must be <v>92</v> without t="s".
unzip -p dazhou-libreoffice.xlsx xl/worksheets/sheet1.xml | grep -q '<c r="F2" s="[0-9]*" t="n"><v>92</v>' \
  || unzip -p dazhou-libreoffice.xlsx xl/worksheets/sheet1.xml | grep -q '<c r="F2"[^>]*><v>92</v>' \
  || { echo "LibreOffice did not write F2 as a number" >&2; exit 1; }

python3 make-fixtures.py "$data"
python3 make-deflate-vectors.py
ls -l ./*.xlsx
