#!/usr/bin/env bash
# Times `pbk validate` on generated packs with N chained computed values (v0 = daily, v1 = v0, …), to show that
# loading a pack takes time in proportion to its size (issue 9 §7: 4,000 values took 16 s before, quadratically).
#
# Usage: Scripts/pack-load-time.sh [-c debug|release] [N…]   (default: debug, 1000 2000 4000 8000)
# Prints one line per N: the pack's size, the wall-clock time and the CPU time of the whole pbk process.
set -euo pipefail
cd "$(dirname "$0")/.."

configuration=debug
if [[ "${1:-}" == "-c" ]]; then
  configuration="${2:?-c needs debug or release}"
  shift 2
fi
counts=("$@")
[[ ${#counts[@]} -eq 0 ]] && counts=(1000 2000 4000 8000)

swift build -c "$configuration" --product pbk > /dev/null
pbk="$(swift build -c "$configuration" --show-bin-path)/pbk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for n in "${counts[@]}"; do
  pack="$work/values-$n.json"
  {
    printf '{"formatVersion": 1, "id": "chain", "version": "1", "title": "chain", "source": {"document": "d"},\n'
    printf ' "fullMarks": 100,\n'
    printf ' "inputs": [{"id": "daily", "type": "number", "min": 0, "max": 100, "required": true}],\n'
    printf ' "values": [\n  {"id": "v0", "formula": "daily"}'
    for ((i = 1; i < n; i++)); do printf ',\n  {"id": "v%d", "formula": "v%d"}' "$i" "$((i - 1))"; done
    printf '\n ],\n "components": [{"id": "c", "fullMarks": 100, "score": "v%d"}],\n' "$((n - 1))"
    printf ' "grades": {"bands": [{"grade": "合格", "min": 60}, {"grade": "不合格", "min": 0, "below": 60}]}}\n'
  } > "$pack"
  bytes=$(wc -c < "$pack")
  start=$(date +%s.%N)
  times_before=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  "$pbk" validate "$pack" > /dev/null
  end=$(date +%s.%N)
  # CPU time of the finished child, from this shell's cumulative children times (clock ticks).
  times_after=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
  ticks=$(getconf CLK_TCK)
  awk -v n="$n" -v bytes="$bytes" -v wall="$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    -v cpu="$(awk -v a="$times_before" -v b="$times_after" -v t="$ticks" 'BEGIN { print (b - a) / t }')" \
    -v configuration="$configuration" \
    'BEGIN { printf "%6d values (%8d bytes): %6.3f s wall, %6.3f s CPU (%s build)\n", n, bytes, wall, cpu, configuration }'
done
