#!/usr/bin/env bash
# Runs the Neovim test: headless Neovim starts the built server (or $CORPUS_LENS_SERVER) on a
# copy of seed 000 and checks symbols, published diagnostics and a hover. Needs `nvim` on the
# PATH (Debian's neovim package: .ci/run installs it); without it the test is skipped with a
# message, unless CORPUS_LENS_REQUIRE_NVIM=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v nvim >/dev/null 2>&1; then
  if [ "${CORPUS_LENS_REQUIRE_NVIM:-0}" = 1 ]; then
    echo "neovim: nvim is not installed" >&2
    exit 1
  fi
  echo "neovim: SKIPPED - nvim is not installed (apt-get install neovim)"
  exit 0
fi
echo "neovim: $(nvim --version | head -n 1)"
server="${CORPUS_LENS_SERVER:-server/out/server.js}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp seeds/000_c507521ed4d42cd6.txt "$work/000.txt"
CORPUS_LENS_SERVER="$(realpath "$server")" CORPUS_LENS_SEED="$work/000.txt" CORPUS_LENS_ROOT="$work" \
  timeout 120 nvim --headless --clean -n -u NONE -i NONE -c "luafile test/neovim/check.lua" </dev/null
