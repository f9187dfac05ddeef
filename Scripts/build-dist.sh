#!/usr/bin/env bash
# Builds the archive of pbk to hand out to people without a Swift toolchain, and checks that it runs without one.
#
#   Scripts/build-dist.sh
#
# Writes dist/pbk-<version>-linux-x86_64.tar.gz (and a .sha256 beside it), with one top-level folder of the same
# name holding: pbk, RulePacks/ (the packs and their README), Examples/data/, README.md, CHANGELOG.md, INSTALL.txt and
# 安装说明.txt. The version is PBK.version in Sources/PBKCommandLine/PBK.swift.
#
# pbk is built in release with --static-swift-stdlib, which on Linux also links Foundation (with its ICU data),
# Dispatch and the Swift runtime into the binary; it needs only the system's libc, libm, libstdc++ and libgcc_s. It is
# linked against this machine's glibc, so it runs on systems whose glibc is at least the newest symbol version it
# uses (found here with objdump and written into the install notes).
#
# The archive is then unpacked into a temporary folder and checked, exit status 1 on any failure:
#   1. ldd resolves every library, none from the Swift toolchain, and the binary asks for no library beyond libc,
#      libm, libstdc++, libgcc_s and the dynamic loader;
#   2. the commands in INSTALL.txt (--version, --help, test RulePacks, evaluate, explain) succeed from the unpacked
#      folder with `env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH=`;
#   3. as root (or with an unprivileged user namespace), the same run in a chroot holding only the unpacked folder and
#      the few system libraries ldd lists: nothing of Swift exists there (skipped, with a message, where chroot is
#      not possible);
#   4. for each folder in PBK_DIST_ROOTFS (space-separated), e.g. one made with
#      `debootstrap --variant=minbase bookworm /var/tmp/rootfs-bookworm`, the same run in a chroot of that system;
#      where that system's glibc is older than the binary needs, the check is that pbk refuses to start.
#
# Needs Swift 6, bash, tar, gzip, objdump, readelf, ldd and strip (binutils and glibc, present wherever Swift runs).
# Builds in .build-dist/, so the usual .build/ stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

fail() {
  echo "build-dist: $*" >&2
  exit 1
}

[[ "$(uname -s)" == Linux && "$(uname -m)" == x86_64 ]] ||
  fail "this script builds the Linux x86-64 archive and must run on Linux x86-64 (this is $(uname -s) $(uname -m))"
for tool in swift tar gzip objdump readelf ldd strip sha256sum; do
  command -v "$tool" >/dev/null || fail "'$tool' is not on PATH; it is needed to build or check the archive"
done

for rootfs in ${PBK_DIST_ROOTFS:-}; do
  [[ -x "$rootfs/bin/sh" ]] ||
    fail "PBK_DIST_ROOTFS: $rootfs is not a system folder (no bin/sh); make one with debootstrap"
done

version="$(sed -n 's/^ *public static let version = "\([^"]*\)".*/\1/p' Sources/PBKCommandLine/PBK.swift)"
[[ -n "$version" ]] || fail "cannot find 'public static let version = \"…\"' in Sources/PBKCommandLine/PBK.swift"
name="pbk-$version-linux-x86_64"
archive="dist/$name.tar.gz"
# The toolchain's own folder (e.g. /opt/swift/usr), where no library of the shipped binary may come from.
toolchain="$(cd "$(dirname "$(readlink -f "$(command -v swift)")")/.." && pwd)"

# MARK: Build

echo "build-dist: building pbk $version (release, --static-swift-stdlib) in .build-dist/"
build_start=$(date +%s)
# (Foundation's static library draws a linker warning about mktemp that says nothing about pbk; it is left out.)
set +e
swift build -c release --product pbk --static-swift-stdlib --build-path .build-dist 2>&1 |
  grep -v "the use of \`mktemp' is dangerous"
build_status=${PIPESTATUS[0]}
set -e
[[ $build_status == 0 ]] || fail "swift build failed"
build_seconds=$(($(date +%s) - build_start))
binary="$(swift build -c release --product pbk --static-swift-stdlib --build-path .build-dist --show-bin-path)/pbk"
[[ -x "$binary" ]] || fail "the build left no executable at $binary"

# MARK: Stage

rm -rf "dist/$name" "$archive" "$archive.sha256"
stage="dist/$name"
mkdir -p "$stage"
# Only what git tracks, so a stray file in RulePacks/ or Examples/data/ does not ship; outside a git checkout, all.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z -- RulePacks Examples/data README.md CHANGELOG.md | xargs -0 cp --parents -t "$stage" --
else
  cp -R --parents -t "$stage" RulePacks Examples/data README.md CHANGELOG.md
fi
for required in RulePacks/README.md Examples/data README.md CHANGELOG.md; do
  [[ -e "$stage/$required" ]] || fail "$required is missing from the archive"
done
strip -o "$stage/pbk" "$binary"

# The oldest glibc the binary runs on: the newest GLIBC_x.y symbol version it asks for.
glibc="$(objdump -T "$stage/pbk" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n 1)"
[[ -n "$glibc" ]] || fail "objdump lists no GLIBC symbol version in pbk; is it a glibc executable?"

cat >"$stage/安装说明.txt" <<EOF
pbk $version — 基层党建考核规则包工具（Linux x86-64 版）

本压缩包只适用于 64 位 x86 处理器上的 Linux（x86-64，也称 amd64），
系统的 glibc 须为 $glibc 或更新（例如 Debian 12、Ubuntu 22.04 及以后的版本）。
查看本机 glibc 版本：ldd --version（第一行末尾的数字）。
Windows 版尚未制作，也未经测试；ARM（aarch64）Linux 版和 macOS 版也没有提供。
使用时无需安装 Swift 或其他任何软件。

1. 解压并进入文件夹：
     tar -xzf $name.tar.gz
     cd $name
2. 查看帮助：
     ./pbk --help
3. 运行随附规则包中的全部测试用例（最后一行应为 "N passed, 0 failed"）：
     ./pbk test RulePacks
4. 用示例数据评估达州的规则包：
     ./pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv
   保存为可用 Excel 打开的 CSV 文件：
     ./pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --format csv --output 结果.csv
   逐条说明某人的得分由来：
     ./pbk explain --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --subject DZ001

如果运行时提示 "version \`GLIBC_2.xx' not found" 之类的信息，说明本机系统版本过旧，本版本无法在其上运行。
规则包的写法见 RulePacks/README.md；各版本的变化见 CHANGELOG.md。
EOF

cat >"$stage/INSTALL.txt" <<EOF
pbk $version — party-building assessment rule packs (Linux x86-64 build)

This archive is for Linux on 64-bit x86 processors (x86-64, also called amd64) only, with glibc $glibc or newer
(for example Debian 12, Ubuntu 22.04 and later). To see your glibc version: ldd --version (the last number of the
first line). Windows builds are not yet made or tested; there is no build for ARM (aarch64) Linux or macOS either.
Nothing else needs to be installed: no Swift toolchain, no libraries.

1. Unpack and enter the folder:
     tar -xzf $name.tar.gz
     cd $name
2. Show the help:
     ./pbk --help
3. Run every test case of the packs that come with it (the last line should read "N passed, 0 failed"):
     ./pbk test RulePacks
4. Evaluate the sample data with the 达州 (Dazhou) pack:
     ./pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv
   Save it as a CSV file that opens in Excel:
     ./pbk evaluate --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --format csv --output results.csv
   Explain one person's score line by line:
     ./pbk explain --pack RulePacks/dazhou/pack.json --input Examples/data/dazhou.csv --subject DZ001

If pbk stops with a message such as "version \`GLIBC_2.xx' not found", the system is too old for this build.
The rule-pack format is described in RulePacks/README.md; what changed in each version is in CHANGELOG.md.
EOF

# MARK: Pack

# Owner, modes, order, times and gzip header fixed, so the same sources and toolchain give the same archive.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mtime="@$(git log -1 --format=%ct)"
else
  mtime="@0"
fi
tar -C dist --sort=name --owner=0 --group=0 --numeric-owner --mode=u+rwX,go+rX,go-w --mtime="$mtime" -cf - "$name" |
  gzip -9 -n >"$archive"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
rm -rf "$stage"

# MARK: Check

check_dir="$(mktemp -d "${TMPDIR:-/tmp}/pbk-dist-check-XXXXXX")"
cleanup=("$check_dir")
trap 'rm -rf "${cleanup[@]}"' EXIT
tar -C "$check_dir" -xzf "$archive"
unpacked="$check_dir/$name"
[[ -x "$unpacked/pbk" ]] || fail "the archive has no executable $name/pbk"

# 1. Libraries: every one found, none from the toolchain, none but the system's C and C++ runtimes.
libraries="$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= ldd "$unpacked/pbk")"
if grep -q "not found" <<<"$libraries"; then fail "pbk needs a library that is not found:"$'\n'"$libraries"; fi
if grep -qF "$toolchain" <<<"$libraries"; then
  fail "pbk loads a library from the toolchain ($toolchain):"$'\n'"$libraries"
fi
needed="$(readelf -d "$unpacked/pbk" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
for library in $needed; do
  case "$library" in
    libc.so.6 | libm.so.6 | libstdc++.so.6 | libgcc_s.so.1 | ld-linux-x86-64.so.2 | libpthread.so.0 | libdl.so.2) ;;
    *) fail "pbk asks for $library, which a system without Swift may not have; only libc, libm, libstdc++ and" \
      "libgcc_s may stay dynamic" ;;
  esac
done
echo "build-dist: pbk needs only $(echo $needed | sed 's/ /, /g'); glibc $glibc or newer"

# Runs the commands of INSTALL.txt with `$@` in front (e.g. a chroot), pbk at $1 and the folder's files under $2;
# sets `tests` to the last line of `pbk test`.
run_install_commands() {
  local pbk="$1" folder="$2"
  shift 2
  local output
  output="$("$@" "$pbk" --version)" || fail "pbk --version failed ($*)"
  [[ "$output" == "pbk $version "* ]] || fail "pbk --version printed '$output', expected 'pbk $version …' ($*)"
  "$@" "$pbk" --help >/dev/null || fail "pbk --help failed ($*)"
  output="$("$@" "$pbk" test "$folder/RulePacks")" || fail "pbk test RulePacks failed ($*):"$'\n'"$output"
  [[ "$(tail -n 1 <<<"$output")" =~ ^[1-9][0-9]*\ passed,\ 0\ failed$ ]] ||
    fail "pbk test RulePacks ended with '$(tail -n 1 <<<"$output")' ($*)"
  tests="$(tail -n 1 <<<"$output")"
  local pack="$folder/RulePacks/dazhou/pack.json" data="$folder/Examples/data/dazhou.csv"
  output="$("$@" "$pbk" evaluate --pack "$pack" --input "$data" 2>&1)" ||
    fail "pbk evaluate failed ($*):"$'\n'"$output"
  grep -q "DZ001" <<<"$output" || fail "pbk evaluate printed no result for DZ001 ($*)"
  output="$("$@" "$pbk" explain --pack "$pack" --input "$data" --subject DZ001)" ||
    fail "pbk explain failed ($*)"
  grep -q "DZ001" <<<"$output" || fail "pbk explain did not explain DZ001 ($*)"
}

# 2. From the unpacked folder, with an empty environment: no toolchain on PATH, no library path.
if env -i PATH=/usr/bin:/bin sh -c 'command -v swift' >/dev/null; then
  echo "build-dist: note: swift is on /usr/bin:/bin here, so check 2 does not hide it; checks 1 and 3 still do" >&2
fi
cd "$unpacked"
run_install_commands ./pbk . env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH=
cd "$root"
echo "build-dist: runs from the unpacked folder with env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH= ($tests)"

# 3. In a chroot holding only the unpacked folder and the libraries ldd lists.
chroot_command=()
# On Linux the Swift runtime reads a program's arguments from /proc/self/cmdline (without /proc, pbk sees none and
# prints its usage), so the chroot gets its own /proc: unshare mounts one in new mount and process namespaces, gone
# when the command ends. Full paths, as `env -i PATH=…` looks a
# command up in the PATH it sets.
chroot_path="$(command -v chroot || true)"
if [[ -z "$chroot_path" && -x /usr/sbin/chroot ]]; then chroot_path=/usr/sbin/chroot; fi
unshare_path="$(command -v unshare || true)"
if [[ -n "$chroot_path" && -n "$unshare_path" ]]; then
  if [[ "$(id -u)" == 0 ]] && "$unshare_path" --mount --pid --fork true 2>/dev/null; then
    chroot_command=("$unshare_path" --mount --pid --fork)
  elif "$unshare_path" --map-root-user --mount --pid --fork true 2>/dev/null; then
    chroot_command=("$unshare_path" --map-root-user --mount --pid --fork)
  fi
fi
if ((${#chroot_command[@]} > 0)); then
  jail="$check_dir/root"
  mkdir -p "$jail/proc"
  cp -R "$unpacked" "$jail/$name"
  for library in $(grep -o '/[^ ]*' <<<"$libraries"); do
    mkdir -p "$jail$(dirname "$library")"
    cp -L "$library" "$jail$library"
  done
  in_jail=(env -i PATH=/usr/bin:/bin "${chroot_command[@]}" "--mount-proc=$jail/proc" "$chroot_path" "$jail")
  "${in_jail[@]}" "/$name/pbk" --version >/dev/null 2>&1 ||
    fail "pbk does not start in a chroot holding only the archive and the libraries ldd lists:"$'\n'"$(
      "${in_jail[@]}" "/$name/pbk" --version 2>&1)"
  run_install_commands "/$name/pbk" "/$name" "${in_jail[@]}"
  echo "build-dist: runs in a chroot holding only the archive and" \
    "$(find "$jail" -name '*.so*' | wc -l) system libraries ($tests)"
else
  echo "build-dist: skipped the chroot check: it needs unshare and chroot, as root or with unprivileged user" \
    "namespaces (checks 1 and 2 passed)" >&2
fi

# 4. In each system folder named in PBK_DIST_ROOTFS.
for rootfs in ${PBK_DIST_ROOTFS:-}; do
  ((${#chroot_command[@]} > 0)) ||
    fail "PBK_DIST_ROOTFS is set, but chroot is not possible here (needs unshare and root)"
  in_rootfs=(env -i PATH=/usr/bin:/bin "${chroot_command[@]}" "--mount-proc=$rootfs/proc" "$chroot_path" "$rootfs")
  place="$(mktemp -d "$rootfs/tmp/pbk-dist-check-XXXXXX")"
  cleanup+=("$place")
  inside="/tmp/$(basename "$place")"
  cp -R "$unpacked" "$place/"
  system_glibc="$("${in_rootfs[@]}" ldd --version | awk 'NR == 1 {print $NF}')"
  if [[ "$(printf '%s\n%s\n' "$glibc" "$system_glibc" | sort -V | head -n 1)" != "$glibc" ]]; then
    if "${in_rootfs[@]}" "$inside/$name/pbk" --version >/dev/null 2>&1; then
      fail "pbk ran in $rootfs (glibc $system_glibc) although the install notes say it needs glibc $glibc"
    fi
    refusal="$("${in_rootfs[@]}" "$inside/$name/pbk" --version 2>&1 | awk 'NR == 1')" || true
    echo "build-dist: does not start in $rootfs (glibc $system_glibc, older than $glibc), as the install notes" \
      "say: $refusal"
  else
    run_install_commands "$inside/$name/pbk" "$inside/$name" "${in_rootfs[@]}"
    echo "build-dist: runs in $rootfs (glibc $system_glibc; $tests)"
  fi
done

size=$(stat -c %s "$archive")
unpacked_size=$(stat -c %s "$unpacked/pbk")
echo "build-dist: $archive ($((size / 1024)) KiB; pbk $((unpacked_size / 1024)) KiB unpacked), built in ${build_seconds} s"
echo "build-dist: $(cat "$archive.sha256")"
