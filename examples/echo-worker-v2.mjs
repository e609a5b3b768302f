// A business process for a netsvr gateway speaking protocol v2.0.2: it
// registers as worker 1 and echoes every Transfer (a customer's message)
// back to its sender with SingleCast.
//
//   node examples/echo-worker-v2.mjs --host 127.0.0.1 --port 6061 --server-id 1
//
// --server-id must equal the gateway's configured ServerId (default 0, as in
// the gateway's sample config; Register with another id is refused with
// ServerIdInconsistent). Customers reach this worker by starting each message
// with its 3-digit id: "001hello" arrives here as a Transfer with data "hello".
import { parseArgs } from "node:util";
import { Cmd } from "netsvr-protocol/v2";
import { connect } from "netsvr-protocol/v2/node";

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    port: { type: "string", default: "6061" },
    "worker-id": { type: "string", default: "1" },
    "server-id": { type: "string", default: "0" },
  },
});

const client = await connect({ host: values.host, port: Number(values.port) });
client.on("open", () => console.log("connected again, registered again"));
client.on("disconnect", (error) => console.log(`disconnected (${error?.message ?? "closed by the gateway"}); reconnecting`));
// A long-running process listens for "error": without a listener an error is thrown, like an EventEmitter's.
client.on("error", (error) => console.error(error));

client.on(Cmd.Transfer, ({ uniqId, data }) => {
  try {
    client.send(Cmd.SingleCast, { uniqId, data });
  } catch (error) {
    // Not connected, or more than highWaterMark bytes queued: this echo is dropped.
    console.error(`echo to ${uniqId} dropped: ${error.message}`);
  }
});

const registered = await client.register({
  workerId: Number(values["worker-id"]),
  serverId: Number(values["server-id"]),
  processCmdGoroutineNum: 1,
});
console.log(`registered as worker ${values["worker-id"]} (registerId ${registered.registerId}) on ${values.host}:${values.port}`);

process.once("SIGINT", async () => {
  await client.close();
  console.log("unregistered and closed");
});
