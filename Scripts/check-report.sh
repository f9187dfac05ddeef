#!/usr/bin/env bash
# Opens `pbk report` pages in a real browser (headless Chromium) and checks what it rendered against pbk evaluate.
#
#   Scripts/check-report.sh              every shipped pack's sample data (Examples/data/PACK.csv)
#   Scripts/check-report.sh --scale N    also a report of N subjects (达州, generated): its size and render time
#
# For each pack it writes the report and the public notice (--redact) under .build/report-check/, has Chromium
# render each and dump the DOM, and Scripts/check-report.py compares the rows' ids, totals, grades, stars and ranks
# (data-* attributes and the cells a person reads), the counts and the grade and star charts with
# `pbk evaluate --format csv` on the same data; it also opens PAGE#q=ID to check that the search box, run by the
# browser, leaves that subject alone, checks the notice shows no id, total or unmasked name, and fails on any script
# error in the browser's console. Screenshots (1280×2000) go to .build/report-screenshots/ for people to look at;
# they are not compared. Exits non-zero on any mismatch.
#
# Needs Swift, Python 3 (standard library) and Chromium: when `chromium` is missing it is installed from the
# distribution's packages with apt-get (with the Noto CJK fonts, so that Chinese renders), as root or through sudo;
# if that fails, the script stops and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

scale=""
if [ "${1:-}" = "--scale" ]; then
  scale="${2:?--scale needs a number of subjects}"
elif [ -n "${1:-}" ]; then
  echo "usage: Scripts/check-report.sh [--scale N]" >&2
  exit 64
fi

install_packages() {
  local runner=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then runner="sudo"; else
      echo "check-report: error: '$*' is not installed and this user cannot install it (not root, no sudo)." >&2
      echo "check-report: install it (Debian/Ubuntu: apt-get install -y $*) and run again." >&2
      exit 1
    fi
  fi
  if ! $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; then
    $runner apt-get update && $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" || {
      echo "check-report: error: apt-get could not install $*; the browser check cannot run." >&2
      exit 1
    }
  fi
}

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "== installing Chromium (apt-get install chromium fonts-noto-cjk)"
  install_packages chromium fonts-noto-cjk
  browser="$(command -v chromium || true)"
  [ -n "$browser" ] || { echo "check-report: error: chromium is still not on PATH after installing it" >&2; exit 1; }
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "== installing a Chinese font (fonts-noto-cjk), so that the screenshots show Chinese"
  install_packages fonts-noto-cjk
fi
echo "== $("$browser" --version 2>/dev/null | head -n 1)"

# Every Chromium run: headless, no sandbox (containers, root), no GPU, its own throwaway profile.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chrome() {
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$profile" "$@"
}

echo "== building pbk"
swift build --product pbk >/dev/null
pbk="$(swift build --show-bin-path)/pbk"

out=.build/report-check
shots=.build/report-screenshots
mkdir -p "$out" "$shots"
export PBK_REPORT_TIME="Scripts/check-report.sh"
packs=(dazhou shangyu zhungeer member-points)
for pack in "${packs[@]}"; do
  data="Examples/data/$pack.csv"
  # Exit 1 means rows were rejected: the pages list them, the check compares them; anything else stops here.
  "$pbk" report --pack "RulePacks/$pack/pack.json" --input "$data" --output "$out/$pack.html" 2>"$out/$pack.report.txt" || [ $? = 1 ]
  "$pbk" report --pack "RulePacks/$pack/pack.json" --input "$data" --output "$out/$pack.redacted.html" --redact 2>/dev/null || [ $? = 1 ]
  "$pbk" evaluate --pack "RulePacks/$pack/pack.json" --input "$data" --format csv --output "$out/$pack.csv" 2>"$out/$pack.evaluate.txt" || [ $? = 1 ]
  last="$(tail -n 1 "$out/$pack.csv" | cut -d, -f1)"
  page="file://$root/$out/$pack.html"
  chrome --enable-logging=stderr --v=0 --dump-dom "$page" >"$out/$pack.dom.html" 2>"$out/$pack.console.txt"
  chrome --dump-dom "$page#q=$last" >"$out/$pack.search.html" 2>/dev/null
  chrome --dump-dom "file://$root/$out/$pack.redacted.html" >"$out/$pack.redacted.dom.html" 2>/dev/null
  chrome --window-size=1280,2000 --screenshot="$shots/$pack.png" "$page" >/dev/null 2>&1
  chrome --window-size=1280,2000 --screenshot="$shots/$pack-redacted.png" "file://$root/$out/$pack.redacted.html" >/dev/null 2>&1
  [ -s "$shots/$pack.png" ] || { echo "check-report: error: Chromium wrote no screenshot of $page" >&2; exit 1; }
done
echo "== comparing what Chromium rendered with pbk evaluate"
python3 Scripts/check-report.py compare "$out" "${packs[@]}"
echo "screenshots: $shots/"

if [ -n "$scale" ]; then
  echo "== scale: $scale subjects (达州), release build"
  swift build -c release --product pbk >/dev/null
  fast="$(swift build -c release --show-bin-path)/pbk"
  python3 Scripts/check-report.py generate "$scale" "$out/scale.csv"
  start=$(date +%s%N)
  "$fast" report --pack RulePacks/dazhou/pack.json --input "$out/scale.csv" --output "$out/scale.html" 2>"$out/scale.report.txt" || [ $? = 1 ]
  made=$((($(date +%s%N) - start) / 1000000))
  bytes=$(stat -c %s "$out/scale.html")
  echo "report: $bytes bytes ($((bytes / 1048576)) MiB), written in $made ms; $(tail -n 1 "$out/scale.report.txt")"
  # Render time: Chromium's wall time for a screenshot (start-up included; best of 3), and inside the page, from
  # navigation start to the first frame after the load event (a copy of the page logs it).
  sed 's|</body>|<script>addEventListener("load",function(){requestAnimationFrame(function(){setTimeout(function(){console.log("pbk-render-ms "+Math.round(performance.now()))})})})</script></body>|' \
    "$out/scale.html" >"$out/scale.timed.html"
  chrome --window-size=1280,2000 --screenshot="$shots/empty.png" "file://$root/$out/member-points.html" >/dev/null 2>&1
  best=""
  for run in 1 2 3; do
    start=$(date +%s%N)
    chrome --enable-logging=stderr --v=0 --window-size=1280,2000 --screenshot="$shots/scale.png" "file://$root/$out/scale.timed.html" \
      >/dev/null 2>"$out/scale.console.txt"
    wall=$((($(date +%s%N) - start) / 1000000))
    inside="$(grep -o 'pbk-render-ms [0-9]*' "$out/scale.console.txt" | tail -n 1 | cut -d' ' -f2)"
    echo "  run $run: ${wall} ms wall (Chromium start-up included), ${inside:-?} ms in the page"
    if [ -z "$best" ] || [ "$wall" -lt "$best" ]; then best=$wall; fi
  done
  start=$(date +%s%N)
  chrome --window-size=1280,2000 --screenshot="$shots/empty.png" "file://$root/$out/member-points.html" >/dev/null 2>&1
  idle=$((($(date +%s%N) - start) / 1000000))
  echo "best wall time ${best} ms; a 12-subject page takes ${idle} ms (Chromium's start-up)"
  failed=0
  if [ "$bytes" -ge $((50 * 1000 * 1000)) ]; then echo "check-report: ✗ the report is 50 MB or more" >&2; failed=1; fi
  if [ "$best" -ge 5000 ]; then echo "check-report: ✗ Chromium took 5 s or more to render the report" >&2; failed=1; fi
  [ $failed = 0 ] || exit 1
fi
echo "check-report passed"
