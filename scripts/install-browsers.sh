#!/usr/bin/env bash
# Makes sure the real browsers the end-to-end tests and `npm start` drive are present: Debian's Chromium and
# Firefox ESR with their Chinese UI translations (a browser only switches its UI language, and with it the
# extension's locale, to a language it has resources for: without them Yandu would show its English
# strings), and a CJK font (without one, Chinese renders as boxes). Also LibreOffice (Writer, Calc) and poppler's
# pdfinfo/pdftotext/pdftoppm, which the export tests use to render the .docx/.xlsx files as a user opens them.
# Installs them with apt when running as root; otherwise stops and prints the command to run. It never
# skips silently: a missing browser would otherwise surface later as an obscure launch timeout.
set -euo pipefail

# fontconfig provides fc-list, which the font check relies on.
PACKAGES=(chromium chromium-l10n firefox-esr firefox-esr-l10n-zh-cn fonts-wqy-microhei fontconfig
  libreoffice-writer libreoffice-calc poppler-utils)
CHROMIUM_ZH=/usr/lib/chromium/locales/zh-CN.pak
FIREFOX_ZH='/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@*.xpi'
COMMAND="apt-get update && apt-get install -y ${PACKAGES[*]}"

# Fills `missing` with what is absent.
check() {
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=("Chromium (/usr/bin/chromium)")
  [[ -f $CHROMIUM_ZH ]] || missing+=("Chromium's Chinese UI ($CHROMIUM_ZH)")
  [[ -x /usr/bin/firefox-esr ]] || missing+=("Firefox ESR (/usr/bin/firefox-esr)")
  compgen -G "$FIREFOX_ZH" >/dev/null || missing+=("Firefox's zh-CN language pack ($FIREFOX_ZH)")
  command -v soffice >/dev/null 2>&1 || missing+=("LibreOffice (soffice)")
  [[ -e /usr/lib/libreoffice/program/libsclo.so ]] || missing+=("LibreOffice Calc")
  for tool in pdfinfo pdftotext pdftoppm; do
    command -v $tool >/dev/null 2>&1 || missing+=("poppler's $tool")
  done
  if ! command -v fc-list >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; then
    missing+=("a CJK font (fc-list :lang=zh is empty)")
  fi
}

check
[[ ${#missing[@]} -eq 0 ]] && exit 0
printf 'install-browsers: missing %s\n' "${missing[@]}" >&2

if [[ $(id -u) -ne 0 ]]; then
  echo "install-browsers: not running as root; install them with:" >&2
  echo "  sudo sh -c '$COMMAND'" >&2
  exit 1
fi

echo "install-browsers: installing ${PACKAGES[*]} (this can take a minute)..." >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Quiet on success; on failure show apt's own output, which says what went wrong.
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
  "${PACKAGES[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-browsers: apt-get failed; run by hand: $COMMAND" >&2
  exit 1
fi

# Check again: on another distribution the packages may install elsewhere.
check
if [[ ${#missing[@]} -gt 0 ]]; then
  printf 'install-browsers: still missing after apt-get: %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "install-browsers: done" >&2
