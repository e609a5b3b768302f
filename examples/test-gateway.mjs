// Runs the repository's fake netsvr gateway (test/support/test-gateway.ts)
// as a process, with one simulated customer that sends a message every
// second and prints what it receives. Point an example worker at it:
//
//   node examples/test-gateway.mjs                          # v2 on 127.0.0.1:6061, server id 0 (as the real sample config)
//   node examples/echo-worker-v2.mjs --port 6061
//
//   node examples/test-gateway.mjs --protocol v6            # v6: worker port 6061, task port 6062
//   node examples/echo-worker-v6.mjs --worker-port 6061 --task-port 6062
//
// The fake gateway is TypeScript; fake-gateway.mjs strips its types with the
// TypeScript compiler (a dev dependency) and imports the result.
import { parseArgs } from "node:util";
import { loadStartTestGateway } from "./fake-gateway.mjs";

const { values } = parseArgs({
  options: {
    protocol: { type: "string", default: "v2" },
    port: { type: "string", default: "6061" },
    "task-port": { type: "string", default: "6062" },
    "server-id": { type: "string", default: "0" },
    "worker-id": { type: "string", default: "1" },
    every: { type: "string", default: "1000" },
  },
});

const startTestGateway = await loadStartTestGateway();

const v6 = values.protocol === "v6";
const gateway = v6
  ? await startTestGateway({ protocol: "v6", workerPort: Number(values.port), taskPort: Number(values["task-port"]), waitTimeoutMs: 2 ** 31 - 1 })
  : await startTestGateway({ port: Number(values.port), serverId: Number(values["server-id"]), waitTimeoutMs: 2 ** 31 - 1 });
console.log(
  v6
    ? `fake v6 gateway: worker port ${gateway.workerPort}, task port ${gateway.taskPort}`
    : `fake v2 gateway on ${gateway.host}:${gateway.port}, server id ${gateway.serverId}`,
);

const workerId = Number(values["worker-id"]);
const customer = gateway.openCustomer({ workerId });
let sent = 0;
let printed = 0;
setInterval(() => {
  const message = `hello #${++sent}`;
  const to = v6 ? gateway.customerSends(customer.uniqId, message) : gateway.customerSends(customer.uniqId, message, workerId);
  console.log(to === undefined ? `customer ${customer.uniqId}: "${message}" (no worker registered)` : `customer ${customer.uniqId} sent "${message}"`);
  const inbox = gateway.customer(customer.uniqId).inbox;
  for (; printed < inbox.length; printed++) console.log(`customer ${customer.uniqId} received "${new TextDecoder().decode(inbox[printed])}"`);
}, Number(values.every));

process.once("SIGINT", async () => {
  await gateway.close();
  process.exit(0);
});
