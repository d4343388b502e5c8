#!/usr/bin/env bash
# Opens a folder (default: seeds/) in VS Code with Corpus Lens loaded from this repository as the
# extension under development.
#   - Desktop VS Code (`code` on PATH): code --extensionDevelopmentPath=<repo> <folder>
#   - Otherwise: the offline code-server from scripts/vscode-server (installed if needed), on
#     127.0.0.1 only, and the URL to open in a browser. Runs until Ctrl-C.
#
# usage: scripts/open-in-vscode.sh [folder]      (PORT=<n> picks the port; default 8765 or a free one)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FOLDER="${1:-$REPO_ROOT/seeds}"
[[ -d "$FOLDER" ]] || { echo "open-in-vscode: $FOLDER is not a folder" >&2; exit 1; }
FOLDER="$(cd "$FOLDER" && pwd)"

if [[ ! -f "$REPO_ROOT/client/out/extension.js" ]]; then
  if [[ -d "$REPO_ROOT/node_modules" ]]; then
    echo "open-in-vscode: building the extension (npm run build)"
    (cd "$REPO_ROOT" && npm run build --silent)
  else
    echo "open-in-vscode: the extension is not built: run npm install in $REPO_ROOT first" >&2
    exit 1
  fi
fi

if command -v code >/dev/null 2>&1; then
  echo "open-in-vscode: code --extensionDevelopmentPath=$REPO_ROOT $FOLDER"
  exec code --extensionDevelopmentPath="$REPO_ROOT" "$FOLDER"
fi

# ---- no desktop VS Code: code-server ---------------------------------------------------------
bash "$REPO_ROOT/scripts/vscode-server/install.sh"
CODE_SERVER_DIR="${CODE_SERVER_DIR:-$REPO_ROOT/.vscode-test/code-server}"
ENTRY="$CODE_SERVER_DIR/package/out/node/entry.js"

# A user-data folder that persists between runs (settings, opened editors), trust prompts off.
# code-server's own state (its logs; it reads the config from the repository) stays next to it,
# not in ~/.config and ~/.local/share.
STATE="$REPO_ROOT/.vscode-test/open-in-vscode"
DATA="$STATE/data"
EXTENSIONS="$STATE/extensions"
mkdir -p "$DATA/User" "$EXTENSIONS"
[[ -f "$DATA/User/settings.json" ]] || printf '{\n  "security.workspace.trust.enabled": false,\n  "telemetry.telemetryLevel": "off",\n  "git.openRepositoryInParentFolders": "never"\n}\n' >"$DATA/User/settings.json"

port_free() { node -e 'const s=require("net").createServer();s.once("error",()=>process.exit(1));s.listen(+process.argv[1],"127.0.0.1",()=>s.close(()=>process.exit(0)))' "$1"; }
PORT="${PORT:-8765}"
if ! port_free "$PORT"; then
  PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
fi

# shellcheck disable=SC2016
URL="$(node -e '
  const [port, folder, ext] = process.argv.slice(1);
  const payload = [["extensionDevelopmentPath", `vscode-remote://127.0.0.1:${port}${ext}`]];
  console.log(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
' "$PORT" "$FOLDER" "$REPO_ROOT")"

LOG="$REPO_ROOT/.vscode-test/open-in-vscode/code-server.log"
# Its own session, so Ctrl-C here stops the server and everything it started (extension host, ...).
EXTENSIONS_GALLERY='{}' XDG_DATA_HOME="$STATE/code-server/data" XDG_CONFIG_HOME="$STATE/code-server/config" \
  CODE_SERVER_CONFIG="$REPO_ROOT/scripts/vscode-server/config.yaml" setsid node "$ENTRY" --auth none --bind-addr "127.0.0.1:$PORT" \
  --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$DATA" --extensions-dir "$EXTENSIONS" "$FOLDER" >"$LOG" 2>&1 &
SERVER=$!
stop() { kill -TERM -- "-$SERVER" 2>/dev/null || true; sleep 1; kill -KILL -- "-$SERVER" 2>/dev/null || true; }
trap 'echo; echo "open-in-vscode: stopping code-server"; stop; exit 0' INT TERM
trap stop EXIT

for _ in $(seq 1 120); do
  node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$SERVER" 2>/dev/null || { echo "open-in-vscode: code-server exited; see $LOG" >&2; tail -n 20 "$LOG" >&2; exit 1; }
  sleep 0.5
done

cat <<EOF

  Corpus Lens (from $REPO_ROOT) in code-server, folder $FOLDER
  Open in a browser on this machine:

    $URL

  (from another machine: ssh -L $PORT:127.0.0.1:$PORT <this host>, then the same URL)
  Log: $LOG   Reload the browser window after rebuilding (npm run build). Ctrl-C stops.

EOF
wait "$SERVER"
