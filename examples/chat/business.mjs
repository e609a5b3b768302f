// The chat business: customers (browsers) sign in, join rooms, say things
// and read a room's history, through a netsvr gateway. It speaks the chat
// application protocol (proto/chat.proto) in JSON or binary, over netsvr v2
// or v6. Rooms are gateway topics ("room:lobby"); members and history live in
// this process's memory.
//
//   node examples/chat/business.mjs --protocol v2 --port 6061 --worker-id 1 --server-id 0
//   node examples/chat/business.mjs --protocol v6 --port 6061 --task-port 6062 --encoding binary
//
// It also exports startChatBusiness(), which examples/chat/start.mjs runs in
// its own process.
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Cmd as V2Cmd } from "netsvr-protocol/v2";
import * as v2 from "netsvr-protocol/v2/node";
import { Cmd as V6Cmd, Event } from "netsvr-protocol/v6";
import * as v6 from "netsvr-protocol/v6/node";
import * as binaryChat from "./gen/binary/business.js";
// Both encodings come from the same proto with the same command ids.
import { Cmd } from "./gen/json/commands.js";
import * as jsonChat from "./gen/json/business.js";

const rooms = ["lobby", "rust", "go"];
const historySize = 100;
const topicOf = (room) => `room:${room}`;

/**
 * Connects to the gateway, registers, and routes chat messages until close().
 * options: { protocol: "v2" | "v6", encoding: "json" | "binary", host, port,
 * taskPort (v6), workerId (v2, default 1), serverId (v2, default 0), log }.
 */
export async function startChatBusiness({ protocol, encoding, host = "127.0.0.1", port, taskPort, workerId = 1, serverId = 0, log = console.log }) {
  const chat = { json: jsonChat, binary: binaryChat }[encoding];
  if (chat === undefined) throw new RangeError(`encoding must be "json" or "binary", got ${JSON.stringify(encoding)}`);
  // Each generated protocol has its own AppError class: the router recognizes only its own.
  const { AppError } = chat;
  const gateway = protocol === "v2" ? await connectV2({ host, port, workerId, serverId }) : protocol === "v6" ? await connectV6({ host, port, taskPort }) : undefined;
  if (gateway === undefined) throw new RangeError(`protocol must be "v2" or "v6", got ${JSON.stringify(protocol)}`);
  for (const client of gateway.clients) client.on("error", (error) => log(`gateway: ${error.message}`));

  /** room -> uniqId -> user: who is in each room, as this business saw them join. */
  const members = new Map(rooms.map((room) => [room, new Map()]));
  /** room -> the last historySize messages said, and the seq of the last one. */
  const history = new Map(rooms.map((room) => [room, { seq: 0, said: [] }]));

  const knownRoom = (room) => {
    if (!members.has(room)) throw new AppError("no-such-room", `there is no room ${JSON.stringify(room)}`);
    return room;
  };
  // The session is the user name, set by SignIn; "" until then.
  const userOf = (sender) => {
    if (sender.session === "") throw new AppError("not-signed-in", "sign in first");
    return sender.session;
  };
  const namesIn = (room) => [...new Set(members.get(room).values())];
  const left = (room, uniqId) => {
    const user = members.get(room).get(uniqId);
    if (user === undefined) return;
    members.get(room).delete(uniqId);
    router.push({ topics: [topicOf(room)] }, Cmd.Presence, { room, user, joined: false });
  };

  const router = chat.createBusinessRouter(
    gateway.link,
    {
      SignIn({ name }, sender) {
        if (!/^[A-Za-z0-9_-]{1,32}$/.test(name)) throw new AppError("bad-name", "a name is 1 to 32 letters, digits, _ or -");
        gateway.signIn(sender.uniqId, name);
        return { user: name, rooms };
      },
      Join({ room }, sender) {
        const user = userOf(sender);
        knownRoom(room);
        gateway.send(gateway.Cmd.TopicSubscribe, { uniqId: sender.uniqId, topics: [topicOf(room)] });
        members.get(room).set(sender.uniqId, user);
        router.push({ topics: [topicOf(room)] }, Cmd.Presence, { room, user, joined: true });
        return { room, members: namesIn(room) };
      },
      Leave({ room }, sender) {
        knownRoom(room);
        gateway.send(gateway.Cmd.TopicUnsubscribe, { uniqId: sender.uniqId, topics: [topicOf(room)] });
        left(room, sender.uniqId);
      },
      Say({ room, text }, sender) {
        const user = userOf(sender);
        if (!members.get(knownRoom(room)).has(sender.uniqId)) throw new AppError("not-in-room", `join ${room} first`);
        if (text.length === 0 || text.length > 1000) throw new AppError("bad-text", "a message is 1 to 1000 characters");
        const kept = history.get(room);
        const said = { room, user, text, at: Date.now(), seq: ++kept.seq };
        kept.said.push(said);
        if (kept.said.length > historySize) kept.said.shift();
        router.push({ topics: [topicOf(room)] }, Cmd.Said, said);
      },
      History({ room, limit }) {
        return { messages: history.get(knownRoom(room)).said.slice(-(limit || 50)) };
      },
    },
    // One-way commands have nobody to answer: their AppErrors (and any failure) end up here.
    { onError: (error, sender) => log(`${sender?.uniqId ?? "?"}: ${error.message}`) },
  );

  // A customer that went away leaves its rooms (the gateway already dropped its topics).
  gateway.onConnClose(({ uniqId }) => {
    for (const room of rooms) left(room, uniqId);
  });
  await gateway.register();
  log(`chat business: ${protocol} ${encoding}, ${gateway.describe}`);

  return {
    router,
    async close() {
      router.close();
      await gateway.close();
    },
  };
}

/** A v2 gateway: one connection, registered as workerId; customers start their messages with its 3 digits. */
async function connectV2({ host, port, workerId, serverId }) {
  const client = await v2.connect({ host, port: Number(port) });
  return {
    clients: [client],
    link: v2.customerLink(client, client),
    Cmd: V2Cmd,
    send: (cmd, body) => client.send(cmd, body),
    // Only the session: v2's ConnInfoUpdate could also rename the uniqId to the user (newUniqId), but the
    // router answers SignIn to the sender's uniqId after this handler returns, and the gateway would apply
    // the rename first, so the answer would go to a uniqId that no longer exists. To rename, send the
    // answer as ConnInfoUpdate.data instead: the gateway delivers it after the update.
    signIn: (uniqId, name) => client.send(V2Cmd.ConnInfoUpdate, { uniqId, newSession: name }),
    // ConnClose arrives only if the gateway's Customer.ConnCloseWorkerId names this worker.
    onConnClose: (handler) => client.on(V2Cmd.ConnClose, handler),
    // One command goroutine: the gateway applies ConnInfoUpdate and TopicSubscribe before the answers after them.
    register: () => client.register({ workerId, serverId, processCmdGoroutineNum: 1 }),
    describe: `worker ${workerId} on ${host}:${port}, server id ${serverId}`,
    close: () => client.close(),
  };
}

/** A v6 gateway: events (Transfer, ConnClose) on a worker connection, every command on a task connection. */
async function connectV6({ host, port, taskPort }) {
  if (taskPort === undefined) throw new TypeError("v6 needs taskPort: the gateway's task port");
  const task = await v6.connectTask({ host, port: Number(taskPort) });
  const worker = await v6.connectWorker({ host, port: Number(port) });
  return {
    clients: [worker, task],
    link: v6.customerLink(worker, task),
    Cmd: V6Cmd,
    send: (cmd, body) => task.send(cmd, body),
    signIn: (uniqId, name) => task.send(V6Cmd.ConnInfoUpdate, { uniqId, newCustomerId: name, newSession: name }),
    onConnClose: (handler) => worker.on(V6Cmd.ConnClose, handler),
    register: () => worker.register({ events: Event.OnMessage | Event.OnClose }),
    describe: `worker port ${host}:${port}, task port ${taskPort}`,
    close: async () => {
      await worker.close(); // unregisters
      await task.close();
    },
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      protocol: { type: "string", default: "v2" },
      encoding: { type: "string", default: "json" },
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "6061" },
      "task-port": { type: "string", default: "6062" },
      "worker-id": { type: "string", default: "1" },
      "server-id": { type: "string", default: "0" },
    },
  });
  const business = await startChatBusiness({
    protocol: values.protocol,
    encoding: values.encoding,
    host: values.host,
    port: Number(values.port),
    taskPort: Number(values["task-port"]),
    workerId: Number(values["worker-id"]),
    serverId: Number(values["server-id"]),
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, async () => {
      await business.close();
      console.log("unregistered and closed");
    });
  }
}
