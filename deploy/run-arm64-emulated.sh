#!/usr/bin/env bash
# arm64 without a board: publishes linux-arm64 self-contained and runs it under qemu-user (as root, on Debian 12 amd64).
#   deploy/run-arm64-emulated.sh [--setup-only]
# Sets up, idempotently: the arm64 architecture and the arm64 libraries the publish needs (from its ELF NEEDED
# entries and deploy/debian/dlopen-depends), qemu-user-static from bookworm-backports (bookworm's own 7.2 segfaults in
# ONNX Runtime's OrtEnv initialisation; 10.0 does not) and binfmt_misc, so arm64 child processes (the face worker)
# start as well. Then the daemon starts in simulation, and a Wiegand card and a PIN grant through gatectl sim, both
# arm64 processes; then, with face on, one photo of each of 12 persons of ../shared/faces is enrolled and another
# identified, on the arm64 daemon and on the x64 build in the same run: the best match must be the same and its
# cosine similarity within 0.01. Prints what it measured (emulation is slow: the figures are notes, not goals) and
# exits non-zero when a step fails. Both runs use arm64's default embedder, fp32 (ModelOptions.DefaultEmbedderFor: the
# int8 kernels round differently on arm64). ARM64_SKIP_FACE=1 leaves the face part out;
# ARM64_EMBEDDER=mobilefacenet_foamliu_int8.onnx compares the int8 embedder instead (up to 0.015 apart, measured).
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
  [ -e /proc/sys/fs/binfmt_misc/status ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || return 0
  if [ -f /usr/lib/binfmt.d/qemu-aarch64.conf ]; then
    # qemu 10 ships systemd-binfmt's format; without systemd running, register the line by hand (flag F: the
    # interpreter is opened now, so it serves child processes and chroots alike).
    grep -v '^#' /usr/lib/binfmt.d/qemu-aarch64.conf > /proc/sys/fs/binfmt_misc/register
  else
    dpkg -s binfmt-support >/dev/null 2>&1 || apt-get install -y -qq binfmt-support >/dev/null
    update-binfmts --enable qemu-aarch64
  fi
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

run_daemon() { # EXTRA SETTINGS...
  local started; started=$(now_ms)
  "$publish_dir/gate-controller" --simulate --data-dir "$work/data" --socket "$work/admin.sock" "$@" \
    --set Readers:0:Id=front --set Readers:0:Kind=wiegand --set Readers:0:Data0Pin=23 --set Readers:0:Data1Pin=24 \
    --set Readers:0:FrameGap=00:00:00.300 \
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

stop_daemon() { kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }   # also the EXIT trap: under set -e a failed kill would be the exit status

# The face path with the camera worker out of the way (no camera, restarts far apart): identify runs its own
# analysis process per request, an arm64 child of the arm64 daemon. Both runs share one verified model cache.
face_settings=(--camera /nonexistent/camera --set Face:MatchThreshold=0.01 --set Vision:Models:Embedder="${ARM64_EMBEDDER:-mobilefacenet_foamliu.onnx}" --set Face:Worker:RestartDelay=00:10:00
  --set Face:Worker:MaximumRestartDelay=01:00:00 --set Face:Worker:StartTimeout=00:10:00 --set Face:Worker:AnalysisTimeout=00:10:00)

# Enrols one photo of each person and identifies another; prints "person probe best similarity" per probe. With
# PLAN unset (the x64 run) it picks, per person, the first photo that enrols (exactly one face) and the next one as
# probe, and writes them to $work/plan; the arm64 run then uses the same photos.
identify_all() { # GATECTL...
  local person enrol probe faces=$work/faces
  if [ -z "${PLAN:-}" ]; then
    : > "$work/plan"
    for person in "${persons[@]}"; do
      "$@" person add --id "$person" --name "Person $person" >/dev/null
      for enrol in $(find "$faces/$person/" -maxdepth 1 \( -name '*.jpg' -o -name '*.png' \) | sort); do
        "$@" face enroll --id "$person" --consent "test run" "$enrol" >/dev/null 2>&1 || continue
        probe=$(find "$faces/$person/" -maxdepth 1 \( -name '*.jpg' -o -name '*.png' \) | sort | awk -v e="$enrol" 'found { print; exit } $0 == e { found = 1 }')
        [ -z "$probe" ] || echo "$person $enrol $probe" >> "$work/plan"
        break
      done
    done
  else
    while read -r person enrol probe; do
      "$@" person add --id "$person" --name "Person $person" >/dev/null
      "$@" face enroll --id "$person" --consent "test run" "$enrol" >/dev/null
    done < "$work/plan"
  fi
  while read -r person enrol probe; do
    "$@" identify --json "$probe" | python3 -c '
import json, sys
faces = [f for f in json.load(sys.stdin)["faces"] if f["match"]]
best = max(faces, key=lambda f: f["match"]["similarity"]) if faces else None
print(sys.argv[1], best["match"]["id"] if best else "-", best["match"]["similarity"] if best else 0)' "$person/$(basename "$probe")"
  done < "$work/plan"
}

compare_face_with_x64() {
  # The nearest ancestor's shared/ (../shared beside a checkout, as the tests look for it).
  local dir=$PWD; while [ "$dir" != / ] && [ ! -d "$dir/shared/faces" ]; do dir=$(dirname "$dir"); done
  ln -sfn "$dir/shared/faces" "$work/faces"
  mapfile -t persons < <(find "$work/faces/" -mindepth 1 -maxdepth 1 -type d ! -name groups ! -name negatives -printf '%f\n' | sort | head -12)
  local cache=$work/models x64_socket=$work/x64.sock started
  rm -rf "$work/x64-data" "$x64_socket"
  [ -f src/GateController/bin/Release/net10.0/gate-controller.dll ] || dotnet build GateController.sln -c Release -nologo -v quiet >/dev/null
  started=$(now_ms)
  dotnet src/GateController/bin/Release/net10.0/gate-controller.dll --simulate --data-dir "$work/x64-data" --socket "$x64_socket" \
    --set Vision:Models:CacheDirectory="$cache" "${face_settings[@]}" > "$work/x64.log" 2>&1 &
  local x64=$!
  for _ in $(seq 1 240); do [ -S "$x64_socket" ] && dotnet src/GateController.Cli/bin/Release/net10.0/gatectl.dll --socket "$x64_socket" status >/dev/null 2>&1 && break; sleep 0.5; done
  identify_all dotnet src/GateController.Cli/bin/Release/net10.0/gatectl.dll --socket "$x64_socket" > "$work/x64.txt"
  kill "$x64"; wait "$x64" 2>/dev/null || true
  step "x64: enrolled and identified ${#persons[@]} persons in $(seconds_since "$started") s"
  rm -rf "$work/data" "$work/admin.sock"
  started=$(now_ms)
  run_daemon --set Vision:Models:CacheDirectory="$cache" "${face_settings[@]}"
  PLAN=1 identify_all gatectl > "$work/arm64.txt"
  stop_daemon
  step "arm64: enrolled and identified ${#persons[@]} persons in $(seconds_since "$started") s (start included)"
  paste "$work/x64.txt" "$work/arm64.txt" | awk '
    { same = ($2 == $5); delta = $3 - $6; if (delta < 0) delta = -delta
      printf "arm64:   %s  x64 %s %.4f  arm64 %s %.4f  |diff| %.4f %s\n", $1, $2, $3, $5, $6, delta, (same && delta <= 0.01 && $2 != "-") ? "ok" : "MISMATCH"
      if (!same || delta > 0.01 || $2 == "-") bad++; if (delta > worst) worst = delta }
    END { printf "arm64: face: %d of %d photos with the same best match within 0.01 (largest |diff| %.4f)\n", NR - bad, NR, worst; exit bad > 0 || NR < 10 }'
}

# Under emulation a simulated swipe's real-timed edges can arrive late (JIT warm-up, a loaded host): the card reader's
# frame gap is 300 ms here instead of 25 ms, and each grant gets up to eight tries. Keypad keys are frames of their own,
# so the keypad keeps its gap.
grant() { # WHAT EXPECT COMMAND...
  local what=$1 expect=$2 started answer; shift 2
  for attempt in 1 2 3 4 5 6 7 8; do
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

checks_passed=0 checks_failed=0
check() { # WHAT COMMAND...: one counted check (CI adds the counts to its closing line)
  local what=$1; shift
  if "$@"; then checks_passed=$((checks_passed + 1)); echo "PASS arm64: $what"
  else checks_failed=$((checks_failed + 1)); echo "FAIL arm64: $what"; fi
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
  run_daemon --set Face:Enabled=false
  trap stop_daemon EXIT
  gatectl person add --id A-1 --name "Arm Resident" >/dev/null
  gatectl card add --id A-1 --card H10301:13:13067 >/dev/null
  printf '2580\n' | gatectl pin set --id A-1 >/dev/null
  check "a Wiegand card grants on the arm64 daemon" grant "Wiegand card" "granted (card) for A-1" gatectl sim card H10301:13:13067
  check "a PIN grants on the arm64 daemon" grant "PIN" "granted (pin) for A-1" gatectl sim keys 2580# --keypad lobby
  stop_daemon
  [ -n "${ARM64_SKIP_FACE:-}" ] || check "identify: same best match as x64 within 0.01 on >= 10 photos" compare_face_with_x64
  echo "arm64 checks: $checks_passed passed, $checks_failed failed"
  [ "$checks_failed" -eq 0 ]
}

main "$@"
