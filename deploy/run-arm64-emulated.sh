#!/usr/bin/env bash
# arm64 without a board: publishes linux-arm64 self-contained and runs it under qemu-user (as root, on Debian 12 amd64).
#   deploy/run-arm64-emulated.sh [--setup-only]
# Sets up, idempotently: the arm64 architecture and the arm64 libraries the publish needs (from its ELF NEEDED
# entries and deploy/debian/dlopen-depends), qemu-user-static from bookworm-backports (bookworm's own 7.2 segfaults in
# ONNX Runtime's OrtEnv initialisation; 10.0 does not) and binfmt_misc, so arm64 child processes (the face worker)
# start as well. Then the daemon starts in simulation, and a Wiegand card and a PIN grant through gatectl sim, both
# arm64 processes. Prints what it measured (emulation is slow: the figures are notes, not goals) and exits non-zero
# when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${ARM64_WORK:-$(mktemp -d /var/tmp/gate-arm64.XXXXXX)}
publish_dir=$work/publish
export DEBIAN_FRONTEND=noninteractive
export DOTNET_EnableWriteXorExecute=0   # W^X double-mapping is slow and fragile under qemu-user
export DOTNET_EnableDiagnostics=0

step() { echo "arm64: $*"; }
seconds_since() { echo "$(( $(date +%s%N) / 1000000 - $1 ))" | awk '{ printf "%.1f", $1 / 1000 }'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

setup_backports() {
  local list=/etc/apt/sources.list.d/gate-bookworm-backports.sources
  [ -f "$list" ] && return 0
  # The same mirror and key as the machine's bookworm suite, for the backports suite.
  awk 'BEGIN { RS = ""; FS = "\n" } /Suites:[^\n]*bookworm( |$|\n)/ && !done {
         for (i = 1; i <= NF; i++) if ($i !~ /^#/) { sub(/^Suites:.*/, "Suites: bookworm-backports", $i); print $i }
         done = 1 }' /etc/apt/sources.list.d/debian.sources > "$list"
  grep -q '^URIs:' "$list" || { rm -f "$list"; echo "no bookworm suite in /etc/apt/sources.list.d/debian.sources to copy" >&2; return 1; }
  apt-get update -qq
}

setup_qemu() {
  setup_backports
  if ! qemu-aarch64-static --version 2>/dev/null | grep -q 'version \(9\|[1-9][0-9]\)\.'; then
    apt-get install -y -qq -t bookworm-backports qemu-user-static >/dev/null
  fi
  dpkg -s binfmt-support >/dev/null 2>&1 || apt-get install -y -qq binfmt-support >/dev/null
  [ -e /proc/sys/fs/binfmt_misc/status ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || update-binfmts --enable qemu-aarch64
}

setup_arm64_libraries() { # PUBLISH_DIR
  dpkg --print-foreign-architectures | grep -qx arm64 || { dpkg --add-architecture arm64; apt-get update -qq; }
  local packages
  packages=$({ deploy/debian/shared-library-depends.sh "$1"; grep -v '^#' deploy/debian/dlopen-depends | awk 'NF { print $1 }'; } \
    | sed 's/ (.*//' | sort -u | sed 's/$/:arm64/')
  # shellcheck disable=SC2086 # one package a word
  dpkg -s $packages >/dev/null 2>&1 || apt-get install -y -qq $packages >/dev/null
}

publish() {
  [ -x "$publish_dir/gate-controller" ] && [ -z "${ARM64_REPUBLISH:-}" ] && return 0
  local project
  for project in src/GateController/GateController.csproj src/GateController.Cli/GateController.Cli.csproj; do
    dotnet publish "$project" -c Release -r linux-arm64 --self-contained -o "$publish_dir" -p:DebugType=none -nologo -v quiet >/dev/null
  done
  rm -f "$publish_dir/libcoreclrtraceptprovider.so"
}

gatectl() { "$publish_dir/gatectl" --socket "$work/admin.sock" "$@"; }

run_daemon() {
  local started; started=$(now_ms)
  "$publish_dir/gate-controller" --simulate --data-dir "$work/data" --socket "$work/admin.sock" --set Face:Enabled=false \
    --set Readers:0:Id=front --set Readers:0:Kind=wiegand --set Readers:0:Data0Pin=23 --set Readers:0:Data1Pin=24 \
    --set Keypads:0:Id=lobby --set Keypads:0:Kind=wiegand8 --set Keypads:0:Data0Pin=5 --set Keypads:0:Data1Pin=6 \
    > "$work/daemon.log" 2>&1 &
  daemon=$!
  for _ in $(seq 1 600); do
    [ -S "$work/admin.sock" ] && gatectl status >/dev/null 2>&1 && break
    kill -0 "$daemon" 2>/dev/null || { cat "$work/daemon.log"; echo "the arm64 daemon exited during start-up" >&2; return 1; }
    sleep 0.5
  done
  step "daemon serving after $(seconds_since "$started") s (arm64 under $(qemu-aarch64-static --version | head -1))"
}

grant() { # WHAT EXPECT COMMAND...: the first decision after start may be split by JIT warm-up, so up to three tries
  local what=$1 expect=$2 started answer; shift 2
  for attempt in 1 2 3; do
    started=$(now_ms)
    answer=$("$@" 2>&1 || true)
    if grep -q "$expect" <<<"$answer"; then
      step "$what granted on attempt $attempt in $(seconds_since "$started") s: $answer"
      return 0
    fi
    step "$what attempt $attempt: $answer"
  done
  return 1
}

main() {
  step "setting up qemu-user-static, binfmt_misc and the arm64 libraries"
  setup_qemu
  local started; started=$(now_ms)
  publish
  step "published linux-arm64 in $(seconds_since "$started") s"
  setup_arm64_libraries "$publish_dir"
  file "$publish_dir/gate-controller" | grep -q 'ARM aarch64' || { echo "the publish is not arm64" >&2; return 1; }
  [ "${1:-}" != --setup-only ] || return 0
  rm -rf "$work/data" "$work/admin.sock"
  run_daemon
  trap 'kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null' EXIT
  gatectl person add --id A-1 --name "Arm Resident" >/dev/null
  gatectl card add --id A-1 --card H10301:13:13067 >/dev/null
  printf '2580\n' | gatectl pin set --id A-1 >/dev/null
  grant "Wiegand card" "granted (card) for A-1" gatectl sim card H10301:13:13067
  grant "PIN" "granted (pin) for A-1" gatectl sim keys 2580# --keypad lobby
  step "all passed"
}

main "$@"
