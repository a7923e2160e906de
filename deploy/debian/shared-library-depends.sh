#!/usr/bin/env bash
# Prints, one a line, the Debian packages that provide the shared libraries the ELF files under DIR need (their
# NEEDED entries) and DIR does not ship itself; libc6 with the highest GLIBC symbol version any file asks for.
# Sonames map to packages through this machine's dpkg database, any architecture (package names are the same on
# amd64 and arm64), so an arm64 publish is resolved on an amd64 build machine too.
set -euo pipefail
dir=$1
mapfile -t elves < <(find "$dir" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q ELF' _ {} \; -print)
shipped=$(find "$dir" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(for f in "${elves[@]}"; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u | comm -23 - <(echo "$shipped"))
glibc=$(for f in "${elves[@]}"; do readelf -V "$f" | grep -o 'GLIBC_[0-9][0-9.]*'; done | sed 's/GLIBC_//' | sort -uV | tail -1)
for soname in $needed; do
  case "$soname" in
    ld-linux*|libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*) echo "libc6 (>= $glibc)"; continue ;;
  esac
  package=$(dpkg -S "*/$soname" 2>/dev/null | grep -E -- '-linux-gnu(/|$)|lib/[^/]+$' | head -1 | cut -d: -f1 || true)
  if [ -z "$package" ]; then
    echo "shared-library-depends.sh: no installed Debian package provides $soname (needed under $dir); install it or its -dev package here" >&2
    exit 1
  fi
  echo "$package"
done | sort -u
