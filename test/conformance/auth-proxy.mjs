// Loopback proxy for the conformance run: the suite cannot send a bearer token, so this adds one and
// forwards everything else verbatim (Host and Origin included, so the server's own DNS-rebinding checks
// are what the suite exercises). Usage: node auth-proxy.mjs <listenPort> <targetPort> (token in MCP_AUTH_TOKEN).
import http from "node:http";

const [listenPort, targetPort] = process.argv.slice(2).map(Number);
const token = process.env.MCP_AUTH_TOKEN;
if (!listenPort || !targetPort || !token) {
  process.stderr.write("usage: MCP_AUTH_TOKEN=... node auth-proxy.mjs <listenPort> <targetPort>\n");
  process.exit(2);
}

http
  .createServer((req, res) => {
    const headers = { ...req.headers, authorization: `Bearer ${token}` };
    const up = http.request({ host: "127.0.0.1", port: targetPort, method: req.method, path: req.url, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
    res.on("close", () => up.destroy());
  })
  .listen(listenPort, "127.0.0.1", () => process.stderr.write(`auth proxy on 127.0.0.1:${listenPort} -> ${targetPort}\n`));
