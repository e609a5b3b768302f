// npm run bench:client: what the Node client can push on loopback, and what
// pending requests cost. A script, not a test: numbers depend on the machine.
//
// 1. Frames/s: SingleCast frames (64-byte payload) sent as fast as the
//    client accepts them (send() while writable, else await drain()), into
//    a local sink that reads and counts whole frames. Frames sent in one tick
//    leave in one socket write (cork/uncork). The peer in the same process is
//    the naive way: one socket.write() per frame, no batching.
// 2. Memory: heap per pending request, with 10,000 requests the sink never
//    answers (run with --expose-gc for stable numbers; npm run does).
import { createServer, connect as netConnect } from "node:net";
import { Cmd, FrameSplitter, encodeSingleCast } from "../generated/dist/v2/index.js";
import { connect } from "../generated/dist/v2/node.js";

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, "").split("=")));
const frames = Number(args.frames ?? 500_000);
const rounds = Number(args.rounds ?? 3);
const pendingCount = Number(args.pending ?? 10_000);
const body = { uniqId: "01676b2a1c00000001", data: new Uint8Array(64).fill(7) };

/** A gateway stand-in that reads whole frames and answers nothing. */
async function startSink() {
  let counted = 0;
  let waiter;
  const server = createServer((socket) => {
    const splitter = new FrameSplitter();
    socket.on("data", (chunk) => {
      splitter.push(chunk, () => counted++);
      if (waiter !== undefined && counted >= waiter.target) waiter.resolve();
    });
    socket.on("error", () => {});
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: server.address().port,
    /** Resolves once `target` frames have arrived in all. */
    received(target) {
      if (counted >= target) return Promise.resolve();
      return new Promise((resolve) => (waiter = { target, resolve }));
    },
    reset() {
      counted = 0;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function clientRun(sink) {
  const client = await connect({ host: "127.0.0.1", port: sink.port, heartbeatInterval: 0 });
  sink.reset();
  const start = process.hrtime.bigint();
  for (let i = 0; i < frames; i++) {
    if (!client.writable) await client.drain();
    client.send(Cmd.SingleCast, body);
  }
  await sink.received(frames);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await client.close();
  return frames / seconds;
}

async function naiveRun(sink) {
  const socket = netConnect({ host: "127.0.0.1", port: sink.port, noDelay: true });
  await new Promise((resolve) => socket.once("connect", resolve));
  sink.reset();
  const start = process.hrtime.bigint();
  for (let i = 0; i < frames; i++) {
    if (!socket.write(encodeSingleCast(body))) await new Promise((resolve) => socket.once("drain", resolve));
  }
  await sink.received(frames);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  socket.destroy();
  return frames / seconds;
}

async function pendingMemory(sink) {
  const client = await connect({ host: "127.0.0.1", port: sink.port, heartbeatInterval: 0, requestTimeout: 600_000 });
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const pending = [];
  for (let i = 0; i < pendingCount; i++) {
    if (!client.writable) await client.drain();
    pending.push(client.request(Cmd.CheckOnline, { uniqIds: ["01676b2a1c00000001"] }).catch(() => undefined));
  }
  await sink.received(pendingCount);
  globalThis.gc?.();
  const after = process.memoryUsage().heapUsed;
  const perRequest = (after - before) / pendingCount;
  client.destroyConnection();
  await Promise.all(pending);
  await client.close();
  return { perRequest, pendingSeen: pending.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sink = await startSink();
const ours = [];
const naive = [];
for (let r = 0; r < rounds; r++) {
  ours.push(await clientRun(sink));
  naive.push(await naiveRun(sink));
}
const memory = await pendingMemory(sink);
await sink.close();

const fmt = (n) => Math.round(n).toLocaleString("en-US");
console.log(`node ${process.version}; ${frames.toLocaleString("en-US")} SingleCast frames of ${encodeSingleCast(body).length} bytes per round, ${rounds} rounds (median, min..max)`);
console.log(`client send()+drain()        ${fmt(median(ours))} frames/s  (${fmt(Math.min(...ours))}..${fmt(Math.max(...ours))})`);
console.log(`naive write() per frame      ${fmt(median(naive))} frames/s  (${fmt(Math.min(...naive))}..${fmt(Math.max(...naive))})`);
console.log(`ratio client/naive           ${(median(ours) / median(naive)).toFixed(2)}x`);
console.log(`pending requests             ${memory.pendingSeen.toLocaleString("en-US")} unanswered: ${Math.round(memory.perRequest)} bytes of heap each${globalThis.gc ? "" : " (no --expose-gc: rough)"}`);
