#!/usr/bin/env bash
# Installs what scripts/vscode-server/run-tests.mjs needs to run extension tests in a real VS Code
# without internet: Debian's Chromium (plus the headers code-server's native modules build against)
# and code-server (VS Code's own server and workbench) from the npm registry, unpacked and built
# under .vscode-test/code-server/ in the repository.
#
# Idempotent: a marker file records a finished install; a second run checks it and exits in seconds.
# Nothing is downloaded but npm packages (by name, with npm) and Debian packages (with apt-get).
#
# Environment:
#   CODE_SERVER_DIR   where to install (default: <repo>/.vscode-test/code-server)
#   SKIP_APT=1        never call apt-get (fail instead if a package is missing)
#
# code-server keeps its own state (logs, a config file) under $XDG_DATA_HOME and
# $XDG_CONFIG_HOME, by default in ~: the check below points both into the install folder.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
APT_PACKAGES=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep fonts-wqy-microhei)

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
INSTALL_DIR="${CODE_SERVER_DIR:-$REPO_ROOT/.vscode-test/code-server}"
PACKAGE_DIR="$INSTALL_DIR/package"
MARKER="$INSTALL_DIR/.installed"
LOG="$INSTALL_DIR/install.log"
START=$SECONDS

say() { printf '[vscode-server %3ds] %s\n' "$((SECONDS - START))" "$*"; }
die() {
  printf '[vscode-server] ERROR: %s\n' "$*" >&2
  if [[ -s "$LOG" ]]; then
    printf '[vscode-server] last lines of %s:\n' "$LOG" >&2
    tail -n 30 "$LOG" >&2 || true
  fi
  exit 1
}
# Runs a command with its output in the log; on failure shows the log's tail.
run() {
  printf '\n$ (%s) %s\n' "$PWD" "$*" >>"$LOG"
  "$@" >>"$LOG" 2>&1 || die "command failed (exit $?): $*"
}

command -v node >/dev/null || die "node is not on PATH (Node 20 is needed)"
command -v npm >/dev/null || die "npm is not on PATH"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
NODE_ABI="$(node -p 'process.versions.modules')"
# The marker also names Node's ABI: native modules built for another Node must be rebuilt.
EXPECTED_MARKER="code-server=$CODE_SERVER_VERSION node-abi=$NODE_ABI arch=$(uname -m)"

apt_missing() {
  local pkg missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)" != "install ok installed" ]]; then
      missing+=("$pkg")
    fi
  done
  echo "${missing[@]:-}"
}

installed_ok() {
  [[ -f "$MARKER" && "$(cat "$MARKER")" == "$EXPECTED_MARKER" ]] || return 1
  [[ -f "$PACKAGE_DIR/out/node/entry.js" ]] || return 1
  [[ -f "$PACKAGE_DIR/node_modules/argon2/lib/binding/napi-v3/argon2.node" ]] || return 1
  local mod
  for mod in node-pty/build/Release/pty.node @parcel/watcher/build/Release/watcher.node \
    kerberos/build/Release/kerberos.node native-watchdog/build/Release/watchdog.node @vscode/spdlog/build/Release/spdlog.node; do
    [[ -f "$PACKAGE_DIR/lib/vscode/node_modules/$mod" ]] || return 1
  done
  [[ -x "$PACKAGE_DIR/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] || return 1
  return 0
}

# One install at a time (open-in-vscode.sh and a test run may start together).
mkdir -p "$INSTALL_DIR"
exec 9>"$INSTALL_DIR/.lock"
if ! flock -n 9; then
  say "another install.sh is running; waiting for it"
  flock 9
fi

# ---- 1. Debian packages --------------------------------------------------------------------------
MISSING="$(apt_missing)"
if [[ -z "$MISSING" ]]; then
  say "Debian packages present (${APT_PACKAGES[*]})"
else
  [[ "${SKIP_APT:-}" == 1 ]] && die "missing Debian packages and SKIP_APT=1: $MISSING"
  command -v apt-get >/dev/null || die "missing packages ($MISSING) and no apt-get: install them by hand"
  SUDO=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "missing packages ($MISSING); run as root or install them: apt-get install -y $MISSING"
    SUDO=(sudo)
  fi
  say "installing Debian packages: $MISSING (apt-get update + install)"
  run "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update
  # shellcheck disable=SC2086
  run "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 $MISSING
  MISSING="$(apt_missing)"
  [[ -z "$MISSING" ]] || die "still missing after apt-get install: $MISSING"
  say "Debian packages installed"
fi
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing although the chromium package is installed"
[[ -x /usr/bin/rg ]] || die "/usr/bin/rg is missing although the ripgrep package is installed"

# ---- 2. code-server ------------------------------------------------------------------------------
if installed_ok; then
  say "code-server $CODE_SERVER_VERSION already installed in $PACKAGE_DIR (marker: $MARKER)"
  exit 0
fi

[[ "$NODE_MAJOR" == 20 ]] || say "WARNING: code-server $CODE_SERVER_VERSION is made for Node 20; this is Node $NODE_MAJOR"

mkdir -p "$INSTALL_DIR"
: >"$LOG"
say "installing code-server $CODE_SERVER_VERSION into $INSTALL_DIR (log: $LOG)"

# node-gyp: npm's own copy, built against the local Node headers (nothing downloaded).
NODE_GYP="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || NODE_GYP="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || die "npm's bundled node-gyp was not found"
NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
[[ -f "$NODE_PREFIX/include/node/node.h" ]] || die "Node headers not found in $NODE_PREFIX/include/node (node-gyp would try to download them)"
GYP=(node "$NODE_GYP" rebuild --nodedir="$NODE_PREFIX" --jobs="$(nproc 2>/dev/null || echo 2)")
NPM_INSTALL=(npm install --omit=dev --ignore-scripts --no-audit --no-fund --no-update-notifier --loglevel=error)

STAGE="$INSTALL_DIR/stage"
rm -rf "$STAGE" "$MARKER"
mkdir -p "$STAGE"
TARBALL="$INSTALL_DIR/code-server-$CODE_SERVER_VERSION.tgz"
if [[ ! -s "$TARBALL" ]]; then
  say "fetching the code-server $CODE_SERVER_VERSION package (npm pack, ~42 MB)"
  (cd "$STAGE" && run npm pack "code-server@$CODE_SERVER_VERSION" --loglevel=error)
  mv "$STAGE/code-server-$CODE_SERVER_VERSION.tgz" "$TARBALL"
fi
say "unpacking"
run tar -xzf "$TARBALL" -C "$STAGE"
P="$STAGE/package"
[[ -f "$P/out/node/entry.js" ]] || die "the code-server package has no out/node/entry.js"

say "npm install in lib/vscode (VS Code's server dependencies)"
(cd "$P/lib/vscode" && run "${NPM_INSTALL[@]}")

# kerberos, node-pty and @parcel/watcher are needed to run; @vscode/spdlog writes VS Code's log
# files (exthost.log, remoteagent.log: worth having when a test fails) and native-watchdog stops an
# orphaned extension host. The rest (windows-*, deviceid) are not used on Linux.
for mod in kerberos node-pty @parcel/watcher native-watchdog @vscode/spdlog; do
  say "building native module $mod"
  [[ -d "$P/lib/vscode/node_modules/$mod" ]] || die "lib/vscode/node_modules/$mod is missing after npm install"
  (cd "$P/lib/vscode/node_modules/$mod" && run "${GYP[@]}")
done

say "ripgrep from Debian, node_modules.asar link"
mkdir -p "$P/lib/vscode/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$P/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$P/lib/vscode/node_modules.asar"

say "npm install in lib/vscode/extensions (built-in extensions)"
(cd "$P/lib/vscode/extensions" && run "${NPM_INSTALL[@]}")

say "npm install in code-server itself"
(cd "$P" && run "${NPM_INSTALL[@]}")

say "building native module argon2"
(cd "$P/node_modules/argon2" && run "${GYP[@]}" --module_name=argon2 --module_path=lib/binding/napi-v3 --napi_build_version=3)
mkdir -p "$P/node_modules/argon2/lib/binding/napi-v3"
cp "$P/node_modules/argon2/build/Release/argon2.node" "$P/node_modules/argon2/lib/binding/napi-v3/argon2.node"

say "checking that code-server starts"
# It prints "4.100.3 <commit> with Code 1.100.3".
VERSION_OUT="$(cd "$P" && XDG_DATA_HOME="$INSTALL_DIR/state/data" XDG_CONFIG_HOME="$INSTALL_DIR/state/config" \
  CODE_SERVER_CONFIG="$SCRIPT_DIR/config.yaml" node out/node/entry.js --version 2>>"$LOG")" || die "code-server --version failed"
printf '%s\n' "$VERSION_OUT" >>"$LOG"
VSCODE_VERSION="$(printf '%s\n' "$VERSION_OUT" | sed -n "s/^$CODE_SERVER_VERSION [0-9a-f]* with Code \([0-9.]*\)$/\1/p" | head -n1)"
[[ -n "$VSCODE_VERSION" ]] || die "unexpected code-server --version output: $VERSION_OUT"

rm -rf "$PACKAGE_DIR"
mv "$P" "$PACKAGE_DIR"
rm -rf "$STAGE"
printf '%s\n' "$EXPECTED_MARKER" >"$MARKER"
installed_ok || die "install finished but the check of $PACKAGE_DIR failed"
say "done: code-server $CODE_SERVER_VERSION (VS Code $VSCODE_VERSION) in $PACKAGE_DIR"
