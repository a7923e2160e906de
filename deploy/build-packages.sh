#!/usr/bin/env bash
# Builds artifacts/gate-controller_VERSION_{amd64,arm64}.deb with dpkg-deb from self-contained publishes.
#   deploy/build-packages.sh [amd64|arm64]...        (default: both)
# Needs dotnet, dpkg-deb, readelf (binutils) and the models: GATE_MODELS_MIRROR (default ../shared/models) and the
# sample video: GATE_MEDIA_MIRROR (default ../shared/faces/video, the nearest ancestor's). Depends: is computed from the ELF NEEDED entries of
# what is shipped (deploy/debian/shared-library-depends.sh) plus deploy/debian/{dlopen,program,file}-depends.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=$(tr -d '[:space:]' < deploy/VERSION)
maintainer=${DEB_MAINTAINER:-GateController authors <gate-controller@example.org>}
# The nearest ancestor's shared/ (../shared beside a checkout, as the tests look for it).
shared() { local dir=$root; while [ "$dir" != / ]; do dir=$(dirname "$dir"); [ ! -d "$dir/shared/$1" ] || { echo "$dir/shared/$1"; return; }; done; echo "$root/../shared/$1"; }
models=${GATE_MODELS_MIRROR:-$(shared models)}
media=${GATE_MEDIA_MIRROR:-$(shared faces/video)}
arches=("$@")
[ ${#arches[@]} -gt 0 ] || arches=(amd64 arm64)
mkdir -p artifacts

rid_of() {
  case "$1" in
    amd64) echo linux-x64 ;;
    arm64) echo linux-arm64 ;;
    *) echo "build-packages.sh: unknown architecture '$1' (amd64 or arm64)" >&2; exit 2 ;;
  esac
}

publish() { # RID DIR
  local project
  for project in src/GateController/GateController.csproj src/GateController.Cli/GateController.Cli.csproj; do
    dotnet publish "$project" -c Release -r "$1" --self-contained -o "$2" \
      -p:DebugType=none -p:Version="$version" -nologo -v quiet >/dev/null
  done
  # Loaded only when LTTng tracing is switched on; it alone would pull in liblttng-ust.
  rm -f "$2/libcoreclrtraceptprovider.so"
  find "$2" -name '*.pdb' -delete
}

stage_files() { # STAGE
  local stage=$1 lib=$1/usr/lib/gate-controller share=$1/usr/share/gate-controller doc=$1/usr/share/doc/gate-controller
  install -d "$stage/usr/bin" "$stage/lib/systemd/system" "$stage/etc/gate-controller" "$share/models" "$share/media" "$share/systemd" "$doc"
  ln -s ../lib/gate-controller/gatectl "$stage/usr/bin/gatectl"
  install -m 0644 systemd/gate-controller.service "$stage/lib/systemd/system/"
  install -m 0644 systemd/drop-ins/rtsp.conf "$share/systemd/"
  install -m 0644 deploy/debian/config.json "$stage/etc/gate-controller/config.json"
  install -m 0644 deploy/debian/config.json "$share/config.json"
  # The int8 embedder is not shipped: postinst builds it from the fp32 model and checks it against the manifest.
  install -m 0644 models/manifest.json "$share/models/"
  local file
  for file in $(python3 -c 'import json,sys; print(" ".join(m["file"] for m in json.load(open(sys.argv[1]))["models"] if "derivation" not in m))' models/manifest.json); do
    [ -f "$models/$file" ] || { echo "build-packages.sh: model $file is not in $models (set GATE_MODELS_MIRROR)" >&2; exit 1; }
    install -m 0644 "$models/$file" "$share/models/"
  done
  install -m 0644 models/media.json "$share/media/"
  for file in $(python3 -c 'import json,sys; print(" ".join(m["file"] for m in json.load(open(sys.argv[1]))["media"]))' models/media.json); do
    install -m 0644 "$media/$file" "$share/media/"
  done
  install -m 0644 README.md deploy/INSTALL.md "$doc/"
  install -m 0644 deploy/debian/copyright "$doc/copyright"
  install -d "$stage/usr/share/lintian/overrides"
  install -m 0644 deploy/debian/lintian-overrides "$stage/usr/share/lintian/overrides/gate-controller"
  printf 'gate-controller (%s) stable; urgency=medium\n\n  * Built from commit %s.\n\n -- %s  %s\n' \
    "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$maintainer" "$(date -R -u -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")" \
    | gzip -9n > "$doc/changelog.gz"
  # Plain modes throughout (lintian): programs 0755, libraries and data 0644.
  find "$stage" -type d -exec chmod 0755 {} +
  find "$stage" -type f -exec chmod 0644 {} +
  chmod 0755 "$lib/gate-controller" "$lib/gatectl"
  [ ! -f "$lib/createdump" ] || chmod 0755 "$lib/createdump"
}

control() { # STAGE ARCH
  local stage=$1 arch=$2 depends
  depends=$(deploy/debian/shared-library-depends.sh "$stage/usr/lib/gate-controller")
  depends=$({ printf '%s\n' "$depends"; grep -hv '^#' deploy/debian/dlopen-depends deploy/debian/program-depends deploy/debian/file-depends | awk 'NF {print $1}'; } \
    | sort -u | paste -sd, | sed 's/,/, /g')
  install -d "$stage/DEBIAN"
  cat > "$stage/DEBIAN/control" <<CONTROL
Package: gate-controller
Version: $version
Architecture: $arch
Maintainer: $maintainer
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Section: misc
Priority: optional
Description: gate access daemon: face, card and PIN at a residential gate
 Edge daemon for a Raspberry Pi 4/5 or a Jetson. Card readers and PIN keypads
 (Wiegand, USB, NFC, matrix) and, opt-in per resident, face recognition on the
 device (ONNX models, encrypted template store) open the door relay over GPIO.
 It runs as a hardened systemd service with a watchdog; gatectl is its admin
 tool.
CONTROL
  echo /etc/gate-controller/config.json > "$stage/DEBIAN/conffiles"
  install -m 0755 deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm "$stage/DEBIAN/"
  (cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
  chmod 0644 "$stage/DEBIAN/md5sums" "$stage/DEBIAN/conffiles" "$stage/DEBIAN/control"
}

for arch in "${arches[@]}"; do
  rid=$(rid_of "$arch")
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  publish "$rid" "$stage/usr/lib/gate-controller"
  stage_files "$stage"
  control "$stage" "$arch"
  deb="artifacts/gate-controller_${version}_${arch}.deb"
  # xz, as the Debian archive wants (lintian refuses zstd members); 20 % smaller than zstd -9, but minutes to build.
  dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" -z"${DEB_COMPRESSION_LEVEL:-6}" --build "$stage" "$deb" >/dev/null
  echo "$deb $(du -h "$deb" | cut -f1) (installed $(grep '^Installed-Size' "$stage/DEBIAN/control" | cut -d' ' -f2) KiB)"
  rm -rf "$stage"
  trap - EXIT
done
