#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ and runs each for a while; exits non-zero on any crash, leak, timeout or
# out-of-memory, keeping the input that caused it.
#
# Usage: Scripts/fuzz.sh [--seconds N] [--no-build] [--out DIR] [target…]
#   targets: pack formula csv json xlsx (default: all five, one after another)
#   --seconds N   how long each target runs (default 60)
#   --no-build    reuse the binaries already in the output folder
#   --out DIR     the output folder (default .build-fuzz; a copy lets a long run go on while you rebuild)
#
# Everything it makes is in .build-fuzz/ (git-ignored):
#   .build-fuzz/<target>               the fuzz binaries (library + harness, -O, ASan, libFuzzer)
#   .build-fuzz/corpus/<target>/       the working corpus: seeds (regenerated on each run) plus what libFuzzer adds
#   .build-fuzz/artifacts/<target>/    crash-*, leak-*, timeout-*, oom-* inputs
#   .build-fuzz/logs/<target>.log      libFuzzer's output
# Seeds come from the shipped packs (RulePacks/**/pack.json), Examples/data/*, the fixtures under Tests/**/Fixtures/,
# every formula in those packs (Fuzz/seeds.swift), and the few checked-in seeds in Fuzz/corpus/<target>/.
# Reproduce a failure with: .build-fuzz/<target> .build-fuzz/artifacts/<target>/crash-…
set -euo pipefail
trap 'echo "fuzz.sh: error: the command on line $LINENO failed (exit $?); nothing was fuzzed after it" >&2' ERR
cd "$(dirname "$0")/.."

seconds=60
build=1
out=.build-fuzz
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#--seconds=}"; shift ;;
    --no-build) build=0; shift ;;
    --out) out="${2:?--out needs a folder}"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    pack|formula|csv|json|xlsx) targets+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1'; targets are pack, formula, csv, json, xlsx" >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=(pack formula csv json xlsx)
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: --seconds takes a whole number, not '$seconds'" >&2; exit 2; }

mkdir -p "$out/mod" "$out/logs"
# The Swift runtime's backtracer would otherwise spend up to 30 s on each crash, inside libFuzzer's crash handler.
export SWIFT_BACKTRACE=enable=no
# Leak detection stays on: the Swift runtime's own allocations (metadata, caches) are not reported as leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"

quiet_link() { grep -v -e "ld.gold: warning: Cannot export local symbol" -e '^$' || true; }

if [[ $build -eq 1 ]]; then
  echo "== checking that swiftc supports libFuzzer (-sanitize=fuzzer)"
  probe="$out/probe"
  mkdir -p "$probe"
  cat > "$probe/probe.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput") public func probe(_ start: UnsafeRawPointer, _ count: Int) -> CInt { 0 }
EOF
  if ! swiftc -sanitize=fuzzer,address -parse-as-library "$probe/probe.swift" -o "$probe/probe" > "$probe/log" 2>&1; then
    quiet_link < "$probe/log" >&2
    echo "fuzz.sh: error: this swiftc ($(command -v swiftc)) cannot build libFuzzer targets" \
      "(swiftc -sanitize=fuzzer,address failed above); use a Swift toolchain for Linux from swift.org, which ships libFuzzer" >&2
    exit 1
  fi

  echo "== building the library once, instrumented (-O -g, ASan, libFuzzer coverage)"
  start=$SECONDS
  # Build from a copy, so that editing a source while the (slow) build runs does not stop it.
  rm -rf "$out/src"
  mkdir -p "$out/src"
  cp -R Sources/PartyBuildingKit Fuzz "$out/src/"
  sources=()
  while IFS= read -r file; do sources+=("$file"); done < <(find "$out/src/PartyBuildingKit" -name '*.swift' | LC_ALL=C sort)
  swiftc -emit-library -static -module-name PartyBuildingKit -package-name partybuildingkit -parse-as-library -swift-version 6 -enable-testing \
    -sanitize=fuzzer,address -O -g \
    -emit-module -emit-module-path "$out/mod/PartyBuildingKit.swiftmodule" \
    "${sources[@]}" -o "$out/libPartyBuildingKit.a" 2>&1 | quiet_link
  for target in "${targets[@]}"; do
    echo "== building $target"
    swiftc -sanitize=fuzzer,address -package-name partybuildingkit -parse-as-library -swift-version 6 -O -g -I "$out/mod" \
      "$out/src/Fuzz/$target.swift" "$out/libPartyBuildingKit.a" -o "$out/$target" 2>&1 | quiet_link
  done
  swiftc -O "$out/src/Fuzz/seeds.swift" -o "$out/seeds" 2>&1 | quiet_link
  echo "   built in $((SECONDS - start)) s"
fi
for target in "${targets[@]}" seeds; do
  [[ -x "$out/$target" ]] || { echo "fuzz.sh: error: $out/$target is missing; run without --no-build" >&2; exit 1; }
done

# Seeds: copied into the working corpus on every run (cp -n keeps what libFuzzer found earlier).
seed() {
  local target="$1"; shift
  local corpus="$out/corpus/$target"
  mkdir -p "$corpus"
  for file in "$@"; do
    [[ -f "$file" ]] || continue
    cp -n "$file" "$corpus/seed-$(echo "$file" | tr '/' '_')"
  done
  if [[ -d "Fuzz/corpus/$target" ]]; then
    for file in Fuzz/corpus/"$target"/*; do [[ -f "$file" ]] && cp -n "$file" "$corpus/checked-in-$(basename "$file")"; done
  fi
  return 0
}
packs=()
while IFS= read -r file; do packs+=("$file"); done < <(find RulePacks -name pack.json | LC_ALL=C sort)
fixture_json=()
while IFS= read -r file; do fixture_json+=("$file"); done < <(find Tests -path '*/Fixtures/*' -name '*.json' | LC_ALL=C sort)
fixture_other=()
while IFS= read -r file; do fixture_other+=("$file"); done < <(find Tests -path '*/Fixtures/*' \( -name '*.csv' -o -name '*.jsonl' \) | LC_ALL=C sort)
examples=()
while IFS= read -r file; do examples+=("$file"); done < <(find Examples/data -type f ! -name '*.xlsx' | LC_ALL=C sort)
workbooks=()
while IFS= read -r file; do workbooks+=("$file"); done < <(find Examples/data Tests -name '*.xlsx' | LC_ALL=C sort)

# Per target: the longest input (bytes) and the dictionary. A pack is at most 1 MiB (RulePack.maximumBytes), but the
# shipped ones are under 64 KiB and a longer input only slows each run; a formula is at most 4,000 characters
# (up to 12,000 bytes of Chinese), so 16 KiB also reaches the "too long" path.
max_len() {
  case "$1" in pack) echo 65536 ;; formula) echo 16384 ;; csv) echo 16384 ;; json) echo 65536 ;; xlsx) echo 65536 ;; esac
}

status=0
summary=()
for target in "${targets[@]}"; do
  case "$target" in
    pack) seed pack "${packs[@]}" "${fixture_json[@]}" ;;
    formula)
      mkdir -p "$out/corpus/formula"
      "$out/seeds" "$out/corpus/formula" "${packs[@]}" "${fixture_json[@]}" > /dev/null
      seed formula ;;
    csv) seed csv "${examples[@]}" "${fixture_other[@]}" ;;
    json) seed json "${packs[@]}" "${fixture_json[@]}" "${fixture_other[@]}" "${examples[@]}" ;;
    xlsx) seed xlsx "${workbooks[@]}" ;;
  esac
  artifacts="$out/artifacts/$target"
  mkdir -p "$artifacts"
  log="$out/logs/$target.log"
  echo "== fuzzing $target for $seconds s (corpus $out/corpus/$target, log $log)"
  code=0
  "$out/$target" "$out/corpus/$target" \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -rss_limit_mb=4096 -timeout=20 \
    -dict="Fuzz/$target.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 -print_pcs=0 > "$log" 2>&1 || code=$?
  executions=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)
  found=$(grep -o -E "(crash|leak|timeout|oom)-[0-9a-f]+" "$log" | sort -u | tr '\n' ' ' || true)
  if [[ $code -ne 0 || -n "$found" ]]; then
    status=1
    summary+=("$target: FAILED (exit $code) after ${executions:-?} executions")
    echo "fuzz.sh: $target failed (exit $code); the end of $log:" >&2
    tail -n 40 "$log" >&2
    for name in $found; do echo "fuzz.sh: kept the input: $artifacts/$name" >&2; done
  else
    summary+=("$target: ${executions:-?} executions, 0 crashes")
  fi
done

echo "== summary (${seconds} s per target; ${SECONDS} s in all, building included)"
for line in "${summary[@]}"; do echo "   $line"; done
exit $status
