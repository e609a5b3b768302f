// The HTTP callback a v6 gateway can call when a customer connects: the
// request body is a ConnOpen, the response body a ConnOpenResp that allows
// (or refuses) the connection and may set its session, customerId, topics
// and a first message.
//
//   node examples/conn-open-callback-v6.mjs --port 8080 --path /netsvr/open --deny 10.0.0.66 [--timeout-ms 5000]
//   (then set the gateway's Customer.OnOpenCallbackApi to http://<host>:8080/netsvr/open)
//
// What the decision can rest on: netsvr v8.0.6 answers 404 to a WebSocket URL
// with a query string, so rawQuery is always empty there, and ConnOpen carries
// no headers but X-Forwarded-For and X-Real-IP. So this callback decides by
// address, and admits everyone else as a guest: the customer proves who it is
// with its first message (a token), and the business then names it with
// ConnInfoUpdate (newCustomerId, newSession).
//
// It is written to be copied into production: only POST on the one path,
// a bounded body, and slow or silent senders are cut off.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { connOpenFromBinary, connOpenRespToBinary } from "netsvr-protocol/v6";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8080" },
    path: { type: "string", default: "/" },
    deny: { type: "string", multiple: true, default: [] },
    "timeout-ms": { type: "string", default: "5000" },
  },
});

/** A ConnOpen is a few hundred bytes; anything much larger is not one. */
const maxBody = 16 * 1024;
/** The gateway waits for this answer before the customer may talk: keep it short. */
const timeoutMs = Number(values["timeout-ms"]);
const denied = new Set(values.deny);

/** Decides about one connection from what the gateway passes: its address. */
function decide(open) {
  // Behind a proxy the customer's address is in X-Real-IP (or the first X-Forwarded-For); else the peer address.
  const address = open.xRealIp || open.xForwardedFor.split(",")[0].trim() || open.remoteAddr;
  if (denied.has(address)) return { allow: false, data: new TextEncoder().encode("refused") };
  return { allow: true, newTopics: ["guests"], data: new TextEncoder().encode("welcome: send your token to log in") };
}

function fail(response, status, message) {
  response.writeHead(status, { "content-type": "text/plain", connection: "close" }).end(message);
}

const server = createServer((request, response) => {
  if (request.method !== "POST") return fail(response, 405, "POST only");
  if (new URL(request.url ?? "/", "http://callback").pathname !== values.path) return fail(response, 404, "not found");
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBody) return fail(response, 413, "body too large");
  const chunks = [];
  let size = 0;
  request.on("data", (chunk) => {
    size += chunk.length;
    if (size > maxBody) {
      fail(response, 413, "body too large");
      request.destroy();
      return;
    }
    chunks.push(chunk);
  });
  request.on("end", () => {
    if (response.headersSent) return;
    let open;
    try {
      open = connOpenFromBinary(Buffer.concat(chunks));
    } catch (error) {
      // Not a ConnOpen: say so instead of guessing (the gateway then closes the customer with 1011).
      return fail(response, 400, error.message);
    }
    response.writeHead(200, { "content-type": "application/x-protobuf" }).end(connOpenRespToBinary(decide(open)));
  });
});
// A sender that trickles its headers or body, or goes silent, is cut off.
server.headersTimeout = timeoutMs;
server.requestTimeout = timeoutMs;
server.timeout = timeoutMs;
server.listen(Number(values.port), () => console.log(`ConnOpen callback on :${server.address().port}${values.path}`));
