// The whole chat example in one process: the repository's fake netsvr
// gateway (with its customer WebSocket port), the chat business, and the
// page on http://127.0.0.1:<port>/. Open the URL it prints in two browser
// windows and chat; Ctrl-C stops everything.
//
//   node examples/chat/start.mjs [--protocol v2|v6] [--encoding json|binary] [--port 8080]
import { parseArgs } from "node:util";
import { startChatBusiness } from "./business.mjs";
import { loadStartTestGateway } from "../fake-gateway.mjs";
import { servePage } from "./page-server.mjs";

const { values } = parseArgs({
  options: {
    protocol: { type: "string", default: "v2" },
    encoding: { type: "string", default: "json" },
    port: { type: "string", default: "8080" },
  },
});
const { protocol, encoding } = values;
const usage = (message) => {
  console.error(`start: ${message}`);
  process.exit(2);
};
if (protocol !== "v2" && protocol !== "v6") usage(`--protocol must be v2 or v6, got ${protocol}`);
if (encoding !== "json" && encoding !== "binary") usage(`--encoding must be json or binary, got ${encoding}`);

const startTestGateway = await loadStartTestGateway();
// Binary protobuf needs binary WebSocket messages (the real gateway's Customer.SendMessageType = 2).
const customers = { sendMessageType: encoding === "binary" ? "binary" : "text" };
const gateway =
  protocol === "v6"
    ? await startTestGateway({ protocol: "v6", customers })
    : await startTestGateway({ serverId: 0, customers });
const workerId = 1;
const business = await startChatBusiness({ protocol, encoding, port: gateway.port, taskPort: gateway.taskPort, workerId });
const page = await servePage({ port: Number(values.port), config: { url: gateway.customerUrl, protocol, workerId, encoding } });
console.log(`fake ${protocol} gateway: customers at ${gateway.customerUrl}`);
console.log(`chat page (${protocol}, ${encoding}): ${page.url}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await page.close();
    await business.close();
    await gateway.close();
    console.log("stopped");
  });
}
