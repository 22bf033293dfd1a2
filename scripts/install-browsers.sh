#!/usr/bin/env bash
# Makes sure the real browsers the end-to-end tests and `npm start` drive are present: Debian's Chromium,
# Firefox ESR, and a CJK font (without one, Chinese renders as boxes in screenshots).
# Installs them with apt when running as root; otherwise stops and prints the command to run. It never
# skips silently: a missing browser would otherwise surface later as an obscure launch timeout.
set -euo pipefail

# fontconfig provides fc-list, which the check below relies on.
PACKAGES=(chromium firefox-esr fonts-wqy-microhei fontconfig)
missing=()
[[ -x /usr/bin/chromium ]] || missing+=("Chromium (/usr/bin/chromium)")
[[ -x /usr/bin/firefox-esr ]] || missing+=("Firefox ESR (/usr/bin/firefox-esr)")
if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
  missing+=("a CJK font (fc-list :lang=zh is empty)")
fi

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

printf 'install-browsers: missing %s\n' "${missing[@]}" >&2
command_line="apt-get update && apt-get install -y ${PACKAGES[*]}"

if [[ $(id -u) -ne 0 ]]; then
  echo "install-browsers: not running as root; install them with:" >&2
  echo "  sudo sh -c '$command_line'" >&2
  exit 1
fi

echo "install-browsers: installing ${PACKAGES[*]} (this can take a minute)..." >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet on success; on failure show apt's own output, which says what went wrong.
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${PACKAGES[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browsers: apt-get failed; run by hand: $command_line" >&2
  exit 1
fi

# Check again: a package may install under another path on a different distribution.
[[ -x /usr/bin/chromium ]] || { echo "install-browsers: /usr/bin/chromium still missing" >&2; exit 1; }
[[ -x /usr/bin/firefox-esr ]] || { echo "install-browsers: /usr/bin/firefox-esr still missing" >&2; exit 1; }
[[ -n "$(fc-list :lang=zh 2>/dev/null)" ]] || { echo "install-browsers: no CJK font after install" >&2; exit 1; }
echo "install-browsers: done" >&2
