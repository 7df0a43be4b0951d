# Shared by scripts/quickstart and scripts/test: installs what copydesk needs
# on Debian 12 or 13, quietly, and only what is missing. Sourced, not run.

set -euo pipefail

COPYDESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COPYDESK_VENV="${COPYDESK_VENV:-$COPYDESK_ROOT/.venv}"

# Build tools and the C++ libraries copydesk links (ICU, RE2, Abseil), the
# test and benchmark frameworks, and what Python needs to build an extension.
COPYDESK_APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libre2-dev libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev pybind11-dev
  python3-dev python3-venv
)

say() { printf 'copydesk: %s\n' "$*" >&2; }

# Runs a command quietly; on failure shows its output and stops.
quietly() {
  local log
  log="$(mktemp)"
  if ! "$@" >"$log" 2>&1; then
    say "failed: $*"
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
}

ensure_apt_packages() {
  local missing=()
  local pkg
  for pkg in "${COPYDESK_APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { say "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  quietly "${sudo[@]}" apt-get update -qq
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

# A fingerprint of every tracked source file, so `pip install` runs only
# when something changed since the last install into this venv.
source_fingerprint() {
  (cd "$COPYDESK_ROOT" && git ls-files -z -- cpp bindings python CMakeLists.txt cmake pyproject.toml 2>/dev/null \
     | xargs -0 sha1sum 2>/dev/null | sha1sum | cut -d' ' -f1)
}

# Creates the venv and installs copydesk into it.
ensure_venv_package() {
  if [[ ! -x "$COPYDESK_VENV/bin/python" ]]; then
    say "creating virtual environment $COPYDESK_VENV"
    quietly python3 -m venv "$COPYDESK_VENV"
  fi
  local stamp="$COPYDESK_VENV/.copydesk-installed"
  local want
  want="$(source_fingerprint)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  say "building and installing copydesk into $COPYDESK_VENV (a few minutes the first time)"
  quietly "$COPYDESK_VENV/bin/python" -m pip install --disable-pip-version-check -q "$COPYDESK_ROOT"
  echo "$want" >"$stamp"
}

# Installs the Python test runner into the venv if it is not there yet.
ensure_pytest() {
  if ! "$COPYDESK_VENV/bin/python" -c "import pytest" 2>/dev/null; then
    quietly "$COPYDESK_VENV/bin/python" -m pip install --disable-pip-version-check -q "pytest>=7"
  fi
}
