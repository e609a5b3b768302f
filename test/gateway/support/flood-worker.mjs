// A worker thread of customers that flood a gateway, so that sending them
// does not hold up the event loop of the business under test (customers are
// elsewhere in real life). workerData: { url, customers, perCustomer,
// prefix, marker, durationMs }. Messages are `${prefix}${marker}:${customer}:${i}`,
// spread evenly over durationMs (0: all at once).
// Posts { opened: n }, then { sent: n } once every message is written;
// closes the customers when told "close", then posts { closed: true }.
import { parentPort, workerData } from "node:worker_threads";
import WebSocket from "ws";

const { url, customers, perCustomer, prefix, marker, durationMs = 0 } = workerData;
const sockets = await Promise.all(
  Array.from({ length: customers }, () => new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  })),
);
for (const socket of sockets) socket.on("error", () => undefined);
parentPort.postMessage({ opened: sockets.length });
const written = [];
const send = (socket, message) => written.push(new Promise((resolve, reject) => socket.send(message, (error) => (error ? reject(error) : resolve()))));
const started = Date.now();
let done = 0;
while (done < perCustomer) {
  // Each customer's share of the messages due by now.
  const due = durationMs <= 0 ? perCustomer : Math.min(perCustomer, Math.floor((perCustomer * (Date.now() - started)) / durationMs) + 1);
  for (; done < due; done++) sockets.forEach((socket, c) => send(socket, `${prefix}${marker}:${c}:${done}`));
  if (done < perCustomer) await new Promise((resolve) => setTimeout(resolve, 10));
}
await Promise.all(written);
parentPort.postMessage({ sent: customers * perCustomer });
parentPort.on("message", async (message) => {
  if (message !== "close") return;
  await Promise.all(sockets.map((socket) => new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once("close", resolve);
    socket.close(1000);
  })));
  parentPort.postMessage({ closed: true });
  parentPort.close();
});
