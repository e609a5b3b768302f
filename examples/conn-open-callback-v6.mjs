// The HTTP callback a v6 gateway can call when a customer connects: the
// request body is a ConnOpen, the response body a ConnOpenResp that allows
// (or refuses) the connection and may set its session, customerId, topics
// and a first message.
//
//   node examples/conn-open-callback-v6.mjs --port 8080    (--port 0: any free port)
//   (configure the gateway's connection-open callback URL to http://<host>:8080/)
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { connOpenFromBinary, connOpenRespToBinary, FrameError } from "netsvr-protocol/v6";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });

/** Decides about one connection; here: customers must pass ?user=<name>. */
function decide(open) {
  const user = new URLSearchParams(open.rawQuery).get("user");
  if (user === null) return { allow: false };
  return { allow: true, newCustomerId: user, newTopics: ["lobby"], data: new TextEncoder().encode(`welcome ${user}`) };
}

const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    try {
      const open = connOpenFromBinary(Buffer.concat(chunks));
      const body = connOpenRespToBinary(decide(open));
      response.writeHead(200, { "content-type": "application/x-protobuf" }).end(body);
    } catch (error) {
      // A body that is not a ConnOpen: say so instead of guessing.
      response.writeHead(400).end(error instanceof FrameError ? error.message : "bad request");
    }
  });
});
server.listen(Number(values.port), () => console.log(`ConnOpen callback on :${server.address().port}`));
