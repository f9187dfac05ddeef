#!/bin/sh
# Differential check of PartyBuildingKit's arithmetic against an exact reference (Python's fractions).
#
#   Scripts/arith-check.sh [SEED] [COUNT]        defaults: seed 1, 100000 formulas
#
# Builds pbk-arith-check (debug), which draws COUNT random formulas and operands from SEED and prints each with
# PartyBuildingKit's result or error kind; Scripts/arith-check.py recomputes every one exactly under the rules of
# RulePacks/README.md §5 and exits 1 on any disagreement, printing the first few. Both run at once, through a pipe.
# Needs Swift and Python 3 (standard library only).
set -eu
seed="${1:-1}"
count="${2:-100000}"
cd "$(dirname "$0")/.."
swift build --product pbk-arith-check >/dev/null
binary="$(swift build --product pbk-arith-check --show-bin-path)/pbk-arith-check"
status_file="$(mktemp)"
trap 'rm -f "$status_file"' EXIT
start=$(date +%s)
if { "$binary" --seed "$seed" --count "$count"; echo $? >"$status_file"; } | python3 Scripts/arith-check.py; then
  result=0
else
  result=1
fi
if [ "$(cat "$status_file")" != 0 ]; then
  echo "arith-check: pbk-arith-check failed (exit $(cat "$status_file"))" >&2
  exit 1
fi
echo "arith-check: seed $seed, $count formulas, $(($(date +%s) - start)) s"
exit $result
