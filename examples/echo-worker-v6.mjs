// A business process for a netsvr gateway speaking protocol v6.0.1 (netsvr
// v8): a worker connection registers for OnMessage events, and every
// Transfer (a customer's message) is echoed back with SingleCast over a task
// connection. v6 gateways take Register only on the worker port and every
// other command only on the task port.
//
//   node examples/echo-worker-v6.mjs --host 127.0.0.1 --worker-port 6061 --task-port 6062
import { parseArgs } from "node:util";
import { Cmd, Event } from "netsvr-protocol/v6";
import { connectTask, connectWorker } from "netsvr-protocol/v6/node";

const { values } = parseArgs({
  options: {
    host: { type: "string", default: "127.0.0.1" },
    "worker-port": { type: "string", default: "6061" },
    "task-port": { type: "string", default: "6062" },
  },
});

const task = await connectTask({ host: values.host, port: Number(values["task-port"]) });
const worker = await connectWorker({ host: values.host, port: Number(values["worker-port"]) });
for (const [name, client] of [["worker", worker], ["task", task]]) {
  client.on("disconnect", (error) => console.log(`${name} connection dropped (${error?.message ?? "closed by the gateway"}); reconnecting`));
  client.on("error", (error) => console.error(error));
}

worker.on(Cmd.Transfer, ({ uniqId, data }) => {
  try {
    task.send(Cmd.SingleCast, { uniqId, data });
  } catch (error) {
    // Task connection down, or more than highWaterMark bytes queued: this echo is dropped.
    console.error(`echo to ${uniqId} dropped: ${error.message}`);
  }
});

const { connId } = await worker.register({ events: Event.OnMessage });
console.log(`registered for OnMessage (connId ${connId}); echoing`);

process.once("SIGINT", async () => {
  await worker.close(); // unregisters
  await task.close();
  console.log("unregistered and closed");
});
