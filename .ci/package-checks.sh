#!/usr/bin/env bash
# Package checks, run by .ci/run after the test suite: builds the amd64 package, then checks its contents, the
# maintainer scripts (shellcheck), lintian, an install into a throwaway Debian root made here (mmdebstrap), and from
# that installed layout: gatectl --version, a --simulate start with a card granted, systemd-analyze verify and
# security on the installed unit, remove and purge with the purge receipt. Prints one line per check and ends with
# "package checks: N passed, N failed"; exits non-zero when any failed. The tools come from .ci/run.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
passed=0; failed=0
log=$(mktemp -d)
chroot_dir=""

pass() { passed=$((passed + 1)); echo "PASS package: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL package: $1"; [ -z "${2:-}" ] || sed 's/^/    /' "$2" | tail -40; }
check() { # NAME COMMAND...: runs the command, its output to a log shown on failure
  local name=$1 began; began=$(date +%s); shift
  if "$@" >"$log/out" 2>&1; then pass "$name ($(( $(date +%s) - began )) s)"; else fail "$name" "$log/out"; fi
}
in_root() { chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root "$@"; }

cleanup() {
  if [ -n "$chroot_dir" ]; then
    [ ! -f "$chroot_dir/daemon.pid" ] || kill "$(cat "$chroot_dir/daemon.pid")" 2>/dev/null
    for mount in proc dev/pts dev; do umount -l "$chroot_dir/$mount" 2>/dev/null; done
    rm -rf "$chroot_dir"
  fi
  rm -rf "$log"
}
trap cleanup EXIT

started=$(date +%s)
if ! deploy/build-packages.sh amd64 >"$log/build" 2>&1; then
  fail "build-packages.sh amd64" "$log/build"
  echo "package checks: $passed passed, $failed failed"; exit 1
fi
pass "build-packages.sh amd64: $(cat "$log/build")"
deb=$(ls artifacts/gate-controller_*_amd64.deb)

contents() {
  local listing; listing=$(dpkg-deb -c "$deb")
  for path in ./usr/lib/gate-controller/gate-controller ./usr/lib/gate-controller/gatectl ./usr/bin/gatectl \
    ./lib/systemd/system/gate-controller.service ./etc/gate-controller/config.json \
    ./usr/share/gate-controller/models/manifest.json ./usr/share/gate-controller/models/mobilefacenet_foamliu.onnx \
    ./usr/share/gate-controller/models/face_detection_yunet_2023mar_dynamic.onnx ./usr/share/gate-controller/systemd/rtsp.conf \
    ./usr/share/doc/gate-controller/INSTALL.md ./usr/share/doc/gate-controller/copyright ./usr/lib/gate-controller/libonnxruntime.so; do
    grep -q " $path\( ->.*\)\?$" <<<"$listing" || { echo "missing: $path"; return 1; }
  done
  ! grep -E '\.pdb$|libcoreclrtraceptprovider|/master\.key|\.cred$' <<<"$listing" || { echo "must not ship the lines above"; return 1; }
  [ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] && dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -qx './conffiles' \
    && [ "$(dpkg-deb -I "$deb" conffiles)" = /etc/gate-controller/config.json ]
}
check "dpkg-deb -c: layout, conffile, no debug files or keys" contents
check "shellcheck maintainer scripts and package scripts" \
  shellcheck -s sh deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm -- && \
  check "shellcheck build scripts" shellcheck deploy/*.sh deploy/debian/*.sh .ci/package-checks.sh .ci/run
check "lintian (errors and warnings, overrides in deploy/debian/lintian-overrides)" lintian --fail-on error,warning "$deb"

# A throwaway Debian root: a bookworm minbase with apt and systemd (for systemd-creds and systemd-analyze), then the
# package through apt, which installs exactly its Depends: from Debian.
chroot_dir=$(mktemp -d /var/tmp/gate-package-root.XXXXXX)
make_root() {
  # The package's Depends: come in here, from Debian, so the install below needs no network inside the root.
  local depends; depends=$(dpkg-deb -f "$deb" Depends | sed 's/ *([^)]*)//g; s/ //g')
  mmdebstrap --variant=apt --include="systemd,$depends" bookworm "$chroot_dir" >"$log/root" 2>&1 || { cat "$log/root"; return 1; }
  mount -t proc proc "$chroot_dir/proc" && mount --bind /dev "$chroot_dir/dev" && mount --bind /dev/pts "$chroot_dir/dev/pts" &&
    # A booted system has a machine id; systemd-creds keys its host secret to it (and refuses without one).
    chroot "$chroot_dir" systemd-machine-id-setup
}
if check "throwaway root (mmdebstrap bookworm)" make_root; then
  cp "$deb" "$chroot_dir/tmp/"
  check "apt install ./$(basename "$deb") into the throwaway root (postinst: user, groups, models verified, key)" \
    in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$(basename "$deb")"
  check "postinst: user in gpio video input dialout spi i2c; config 0640 root:gate-admin; key sealed by systemd-creds (0600), never over an existing one" sh -c "
    [ \"\$(chroot '$chroot_dir' stat -c '%a %U %G' /etc/gate-controller/config.json)\" = '640 root gate-admin' ] || exit 1
    groups=\$(chroot '$chroot_dir' id -nG gate-controller) && for g in gate-admin gpio video input dialout spi i2c; do echo \" \$groups \" | grep -q \" \$g \" || exit 1; done
    [ \"\$(stat -c %a '$chroot_dir/etc/gate-controller/master-key.cred')\" = 600 ] && sum=\$(md5sum < '$chroot_dir/etc/gate-controller/master-key.cred')
    chroot '$chroot_dir' dpkg-reconfigure gate-controller >/dev/null && [ \"\$(md5sum < '$chroot_dir/etc/gate-controller/master-key.cred')\" = \"\$sum\" ]"
  check "gatectl --version from the installed layout" sh -c "in_out=\$(chroot '$chroot_dir' gatectl --version) && echo \"\$in_out\" && echo \"\$in_out\" | grep -Eq '^gatectl $(cat deploy/VERSION) \\(commit [0-9a-f]{40}\\)\$'"
  # The daemon as the unit starts it: the sealed key decrypted into $CREDENTIALS_DIRECTORY, the packaged config and
  # data directory; --simulate stands in for the GPIO chip and camera, which a build machine lacks.
  simulate() {
    in_root sh -c 'umask 077 && mkdir -p /run/creds && systemd-creds decrypt --name=master-key /etc/gate-controller/master-key.cred /run/creds/master-key' || return 1
    in_root sh -c 'CREDENTIALS_DIRECTORY=/run/creds /usr/lib/gate-controller/gate-controller --simulate --config /etc/gate-controller/config.json --socket /tmp/sim.sock --set Face:Enabled=false > /tmp/sim.log 2>&1 & echo $! > /daemon.pid'
    for _ in $(seq 1 120); do [ -S "$chroot_dir/tmp/sim.sock" ] && in_root gatectl --socket /tmp/sim.sock status >/dev/null 2>&1 && break; sleep 0.5; done
    in_root gatectl --socket /tmp/sim.sock person add --id A-1 --name "Test Resident" &&
      in_root gatectl --socket /tmp/sim.sock card add --id A-1 --card H10301:13:13067 &&
      in_root gatectl --socket /tmp/sim.sock sim card H10301:13:13067 | grep 'granted (card) for A-1'
    local status=$?
    kill "$(cat "$chroot_dir/daemon.pid")"; rm -f "$chroot_dir/daemon.pid"
    for _ in $(seq 1 60); do [ ! -S "$chroot_dir/tmp/sim.sock" ] && break; sleep 0.5; done
    rm -rf "$chroot_dir/run/creds"
    if [ $status -ne 0 ] || [ ! -f "$chroot_dir/var/lib/gate-controller/gate.db" ]; then cat "$chroot_dir/tmp/sim.log"; return 1; fi
  }
  check "--simulate start from the installed layout (packaged config, sealed key as the unit passes it); a card grants" simulate
  relock() { in_root /usr/lib/gate-controller/gate-controller relock --simulate --config /etc/gate-controller/config.json | grep 'door 1: relay line 17 driven low'; }
  check "ExecStopPost relock from the installed layout" relock
  check "systemd-analyze verify on the installed unit" in_root systemd-analyze verify /lib/systemd/system/gate-controller.service
  security() {
    local score; score=$(in_root systemd-analyze security --offline=yes /lib/systemd/system/gate-controller.service 2>&1 | sed -n 's/.*exposure level for gate-controller.service: \([0-9.]*\).*/\1/p')
    echo "exposure $score"; awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'
  }
  check "systemd-analyze security --offline on the installed unit <= 2.0" security
  purge() {
    in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -q gate-controller' || return 1
    if [ ! -f "$chroot_dir/var/lib/gate-controller/gate.db" ] || [ ! -f "$chroot_dir/etc/gate-controller/master-key.cred" ]; then echo "remove erased data"; return 1; fi
    in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -q gate-controller' || return 1
    if [ -e "$chroot_dir/var/lib/gate-controller" ] || [ -e "$chroot_dir/etc/gate-controller/master-key.cred" ]; then echo "purge left data"; return 1; fi
    local receipt; receipt=$(ls "$chroot_dir"/var/log/gate-controller/factory-reset-*.json) || return 1
    grep -Eq '"persons": ?1[,}[:space:]]' "$receipt" || { echo "the receipt does not count the enrolled person"; cat "$receipt"; return 1; }
    dotnet src/GateController.Cli/bin/Release/net10.0/gatectl.dll receipt verify "$receipt" --public-key "${receipt%.json}.device-key.pem"
  }
  check "remove keeps key and store; purge writes a signed receipt (verified here) and erases them" purge
fi
echo "package checks took $(( $(date +%s) - started )) s"
echo "package checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
