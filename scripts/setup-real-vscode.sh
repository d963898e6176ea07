#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3, i.e. VS Code 1.100.3) plus Debian's Chromium so the
# extension can be tested in a browser-served workbench. The npm package's postinstall downloads
# binaries from outside the registries, so it is installed with --ignore-scripts and the steps that
# postinstall would have done are replayed by hand (see shared/notes/real-vscode.md).
#
# Idempotent: apt is skipped when the packages are present, and the code-server install is skipped when
# its completion marker exists. Details go to .vscode-test/setup.log; stdout gets one line per step.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.vscode-test"
PREFIX="$CACHE/code-server"
# The marker names the version so bumping CODE_SERVER_VERSION forces a reinstall.
MARKER="$PREFIX/.installed-$CODE_SERVER_VERSION"
LOG="$CACHE/setup.log"
APT_PACKAGES=(chromium libkrb5-dev ripgrep)

mkdir -p "$CACHE"
: >"$LOG"
START=$SECONDS

step() { printf '[setup-real-vscode] %s\n' "$*"; printf '\n=== %s\n' "$*" >>"$LOG"; }
run() { "$@" >>"$LOG" 2>&1; }
fail() {
  printf '[setup-real-vscode] FAILED (exit %s); last lines of %s:\n' "$1" "$LOG" >&2
  tail -n 30 "$LOG" >&2
  exit "$1"
}
trap 'fail $?' ERR

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  step "apt: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  run $SUDO apt-get update
  run env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
else
  step "apt: ${APT_PACKAGES[*]} already installed"
fi

if [[ -f "$MARKER" ]]; then
  step "code-server $CODE_SERVER_VERSION already installed in ${PREFIX#"$ROOT"/}"
  step "done in $((SECONDS - START)) s"
  exit 0
fi

# node-gyp would otherwise download Node's headers, which these machines cannot reach; use the
# machine's own when npm has not been pointed at them already.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]] && ! npm config get nodedir 2>/dev/null | grep -q '^/'; then
  export npm_config_nodedir=/usr
fi

# A half-finished earlier attempt leaves an unknown state; start clean.
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
CS="$PREFIX/lib/node_modules/code-server"
VS="$CS/lib/vscode"

step "npm: code-server@$CODE_SERVER_VERSION (scripts skipped)"
run npm install --no-audit --no-fund --prefix "$PREFIX" -g "code-server@$CODE_SERVER_VERSION" --ignore-scripts

step "native: argon2"
(cd "$CS" && run env npm_config_yes=true npm rebuild argon2)

step "npm: VS Code runtime dependencies"
(cd "$VS" && run npm install --no-audit --no-fund --omit=dev --ignore-scripts)

# npm_config_yes lets node-pty's install script call `npx node-gyp` without prompting.
step "native: kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog"
(cd "$VS" && run env npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog)

step "links: ripgrep, node_modules.asar, remote-cli, browser helper"
mkdir -p "$VS/node_modules/@vscode/ripgrep/bin"
ln -sfn "$(command -v rg)" "$VS/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VS/node_modules.asar"
ln -sfn code-linux.sh "$VS/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$VS/bin/helpers/browser.sh"

step "npm: built-in extensions' dependencies"
(cd "$VS/extensions" && run npm install --no-audit --no-fund --omit=dev --ignore-scripts)

step "check: code-server --version"
run "$PREFIX/bin/code-server" --config "$PREFIX/.version-check.yaml" --version
grep -q "^$CODE_SERVER_VERSION " "$LOG" || { echo "unexpected code-server --version output" >>"$LOG"; false; }

touch "$MARKER"
step "done in $((SECONDS - START)) s (log: ${LOG#"$ROOT"/})"
