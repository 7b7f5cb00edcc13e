# Shared by scripts/test.sh and scripts/run-local.sh (sourced from the repository root).

die() {
  echo "error: $*" >&2
  exit 1
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || die "$1 is not installed. $2"
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

# The npm tools pinned in package.json/package-lock.json: Azurite, the Agents Playground, playwright-core, ...
ensure_node_tools() {
  require_command node "Install Node.js 20 or later."
  require_command npm "Install Node.js 20 or later (with npm)."
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    echo "Installing the pinned npm tools (npm ci) ..."
    npm ci --no-audit --no-fund
  fi
}

# Headless Chromium for the browser tests: Debian's package, unless CHROMIUM_PATH points elsewhere.
ensure_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ ! -x "$chromium" ]]; then
    echo "Installing Chromium (Debian package chromium) ..."
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
    [[ -x "$chromium" ]] || die "$chromium is still missing after installing chromium; set CHROMIUM_PATH to a Chromium binary."
  fi
}
