// Serves the chat page for a real gateway, where the chat business
// (business.mjs) is registered:
//
//   node examples/chat/serve-page.mjs --gateway ws://10.0.0.5:6060/netsvr --protocol v2 --worker-id 1 --encoding json [--host 127.0.0.1] [--port 8080]
//
// The browser connects to the gateway itself; this only serves the page.
import { parseArgs } from "node:util";
import { servePage } from "./page-server.mjs";

const { values } = parseArgs({
  options: {
    gateway: { type: "string" },
    protocol: { type: "string", default: "v2" },
    "worker-id": { type: "string", default: "1" },
    encoding: { type: "string", default: "json" },
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "8080" },
  },
});
const usage = (message) => {
  console.error(`serve-page: ${message}`);
  process.exit(2);
};
if (values.gateway === undefined) usage("--gateway ws://host:port/path is required: the gateway's customer WebSocket URL");
if (values.protocol !== "v2" && values.protocol !== "v6") usage(`--protocol must be v2 or v6, got ${values.protocol}`);
if (values.encoding !== "json" && values.encoding !== "binary") usage(`--encoding must be json or binary, got ${values.encoding}`);
// netsvr v8 compares the whole request URI with its path: any query string is a 404.
if (values.protocol === "v6" && values.gateway.includes("?")) usage("a v6 gateway answers 404 to a URL with a query string: drop it from --gateway");
const config = { url: values.gateway, protocol: values.protocol, workerId: Number(values["worker-id"]), encoding: values.encoding };
const page = await servePage({ host: values.host, port: Number(values.port), config });
console.log(`chat page (${config.protocol}, ${config.encoding}, gateway ${config.url}): ${page.url}`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await page.close();
    console.log("stopped");
  });
}
