#!/usr/bin/env bash
# Builds the PartyBuildingKit documentation with the toolchain's own docc, from the library's symbol graph (no
# swift-docc-plugin), into .build/docc/PartyBuildingKit.doccarchive. Fails when:
#   - docc reports any warning (a broken symbol link, a malformed directive…);
#   - a public symbol has no documentation of its own, or a public type is in no topic group of the overview
#     (Scripts/doc-coverage.py);
#   - a Swift block of an article is not code that Tests/PartyBuildingKitTests/DocumentationSnippetTests.swift
#     compiles and runs (Scripts/doc-snippets.py; `swift test` runs that file).
#
#   Scripts/docc.sh            # debug build of the library only; a few seconds once it is built
set -euo pipefail
cd "$(dirname "$0")/.."

module=PartyBuildingKit
catalog="Sources/$module/$module.docc"
work=.build/docc
graphs="$work/symbol-graphs"
archive="$work/$module.doccarchive"

# The toolchain's docc sits beside its swift (Linux toolchains, Swift 6 on macOS via a toolchain); else the PATH's.
swift_path="$(command -v swift)"
docc="$(dirname "$(readlink -f "$swift_path" 2>/dev/null || echo "$swift_path")")/docc"
[[ -x "$docc" ]] || docc="$(command -v docc || true)"
[[ -x "$docc" ]] || { echo "error: no docc beside $swift_path nor on the PATH" >&2; exit 1; }

echo "== swift build --target $module"
mkdir -p "$work"
swift build --target "$module" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
tail -n 1 "$work/build.log"
bin="$(swift build --show-bin-path)"
triple="$(swift -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')"

echo "== symbol graph ($triple)"
rm -rf "$graphs" "$archive"
mkdir -p "$graphs"
swift symbolgraph-extract -module-name "$module" -I "$bin/Modules" -I "$bin" -target "$triple" \
  -minimum-access-level public -skip-synthesized-members -output-dir "$graphs"

echo "== documentation of every public symbol"
python3 Scripts/doc-coverage.py "$graphs" "$module" "$catalog"

echo "== article code is test code"
python3 Scripts/doc-snippets.py "$catalog" "Tests/${module}Tests/DocumentationSnippetTests.swift"

echo "== docc convert ($docc)"
log="$work/docc.log"
status=0
"$docc" convert "$catalog" --additional-symbol-graph-dir "$graphs" --output-path "$archive" \
  --fallback-display-name "$module" --fallback-bundle-identifier "$module" --warnings-as-errors \
  >"$log" 2>&1 || status=$?
# --warnings-as-errors turns each warning into an error; count both, in case a docc ignores the flag.
problems="$(grep -cE '(warning|error): ' "$log" || true)"
if [[ $status -ne 0 || $problems -ne 0 ]]; then
  cat "$log" >&2
  echo "error: docc convert: $problems warnings or errors (exit status $status)" >&2
  exit 1
fi
echo "docc: 0 warnings; $(find "$archive/data/documentation" -name '*.json' | wc -l | tr -d ' ') pages in $archive"
