/**
 * The generated business router of the chat example (examples/chat/gen/json
 * and gen/binary business.js) over a fake CustomerLink that records what the
 * router sends. Customer messages are written, and the router's answers
 * read, with protobuf-es (toBinary/fromBinary, toJson/fromJson) and, for
 * binary error answers, protobuf-es reflection over the documented error
 * body (test/support/app-error-body.ts): never with the generated codecs
 * under test. The undecodable: drop variant is generated from a copy of
 * each chat manifest by the plugin, in process.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { create, fromBinary, fromJson, toBinary, toJson, type DescMessage, type JsonValue } from "@bufbuild/protobuf";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import * as binaryBusiness from "../examples/chat/gen/binary/business.js";
import * as jsonBusiness from "../examples/chat/gen/json/business.js";
import {
  HistoryRequestSchema,
  HistoryResponseSchema,
  JoinRequestSchema,
  JoinResponseSchema,
  LeaveSchema,
  PresenceSchema,
  SaidSchema,
  SaySchema,
  SignInRequestSchema,
  SignInResponseSchema,
} from "../examples/chat/gen/json/chat_pb.js";
import { Cmd } from "../examples/chat/gen/json/commands.js";
import { decodeErrorBody } from "./support/app-error-body.js";
import { concat } from "./support/bytes.js";
import { generatedFiles, repoRoot, runPlugin } from "./support/run-plugin.js";

type Encoding = "json" | "binary";
type Business = typeof jsonBusiness;
type Handlers = jsonBusiness.BusinessHandlers<Sender>;

interface Sender {
  readonly uniqId: string;
}
type Target = string;

const ann: Sender = { uniqId: "ann-0001" };
const bob: Sender = { uniqId: "bob-0002" };

/** The chat protocol's bodies, by command id: what a customer writes and what the business answers or pushes. */
const schemas: { readonly [cmd: number]: { readonly customer?: DescMessage; readonly business?: DescMessage } } = {
  [Cmd.SignIn]: { customer: SignInRequestSchema, business: SignInResponseSchema },
  [Cmd.Join]: { customer: JoinRequestSchema, business: JoinResponseSchema },
  [Cmd.Leave]: { customer: LeaveSchema },
  [Cmd.Say]: { customer: SaySchema },
  [Cmd.History]: { customer: HistoryRequestSchema, business: HistoryResponseSchema },
  [Cmd.Said]: { business: SaidSchema },
  [Cmd.Presence]: { business: PresenceSchema },
};
const names: { readonly [cmd: number]: string } = Object.fromEntries(Object.entries(Cmd).map(([name, id]) => [id, name]));

// ---------------------------------------------------------------- the fake link

/** A CustomerLink that records every reply and send, and delivers customer messages on demand. */
class FakeLink {
  handler: ((data: Uint8Array, sender: Sender) => void | Promise<void>) | undefined;
  subscribed = 0;
  stopped = 0;
  readonly replies: { readonly sender: Sender; readonly data: Uint8Array }[] = [];
  readonly sends: { readonly target: Target; readonly data: Uint8Array }[] = [];

  onMessage(handler: (data: Uint8Array, sender: Sender) => void | Promise<void>): () => void {
    this.subscribed++;
    this.handler = handler;
    return () => {
      this.stopped++;
      if (this.handler === handler) this.handler = undefined;
    };
  }

  reply(sender: Sender, data: Uint8Array): void {
    this.replies.push({ sender, data });
  }

  send(target: Target, data: Uint8Array): void {
    this.sends.push({ target, data });
  }

  /** A customer message as the gateway hands it over; returns what the router returned (a promise while a handler runs). */
  deliver(data: Uint8Array | string, sender: Sender = ann): void | Promise<void> {
    return this.handler?.(typeof data === "string" ? new TextEncoder().encode(data) : data, sender);
  }
}

// ---------------------------------------------------------------- an independent customer

function header(cmd: number, id: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, cmd);
  new DataView(bytes.buffer).setUint32(4, id);
  return bytes;
}

/** A customer message, written with protobuf-es; without body when body is undefined. */
function customerMessage(encoding: Encoding, cmd: number, id: number, body: object | undefined): Uint8Array {
  const schema = schemas[cmd]?.customer ?? schemas[cmd]!.business!;
  const message = body === undefined ? undefined : create(schema, body as never);
  if (encoding === "binary") return concat([header(cmd, id), message === undefined ? new Uint8Array(0) : toBinary(schema, message)]);
  const envelope = { cmd: names[cmd], ...(id === 0 ? {} : { id }), ...(message === undefined ? {} : { body: toJson(schema, message) }) };
  return new TextEncoder().encode(JSON.stringify(envelope));
}

/** What the router sent, read with protobuf-es: a command with its body as proto3 JSON, or an error. */
type Read =
  | { readonly cmd: number; readonly id: number; readonly body: JsonValue }
  | { readonly id: number; readonly error: { readonly cmd: number; readonly code: string; readonly message: string } };

function read(encoding: Encoding, data: Uint8Array): Read {
  if (encoding === "binary") {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const [cmd, id] = [view.getUint32(0), view.getUint32(4)];
    if (cmd === 0) return { id, error: decodeErrorBody(data.subarray(8)) };
    const schema = schemas[cmd]!.business!;
    return { cmd, id, body: toJson(schema, fromBinary(schema, data.subarray(8))) };
  }
  const envelope = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(data)) as { cmd: string | number; id?: number; body?: JsonValue; error?: { code: string; message: string } };
  const cmd = typeof envelope.cmd === "number" ? envelope.cmd : Cmd[envelope.cmd as keyof typeof Cmd];
  const id = envelope.id ?? 0;
  if (envelope.error !== undefined) return { id, error: { cmd, ...envelope.error } };
  const schema = schemas[cmd]!.business!;
  return { cmd, id, body: toJson(schema, fromJson(schema, envelope.body ?? {})) };
}

// ---------------------------------------------------------------- the setup

function businessOf(encoding: Encoding): Business {
  return encoding === "json" ? jsonBusiness : (binaryBusiness as unknown as Business);
}

/** A router over a fresh fake link, with onError recorded. */
function start(encoding: Encoding, handlers: Handlers, business = businessOf(encoding)) {
  const link = new FakeLink();
  const errors: { error: Error; sender: Sender | undefined }[] = [];
  const router = business.createBusinessRouter<Sender, Target>(link, handlers, { onError: (error, sender) => errors.push({ error, sender }) });
  const replies = () => link.replies.map((r) => ({ sender: r.sender, ...read(encoding, r.data) }));
  return { link, router, errors, replies };
}

const encodings: readonly Encoding[] = ["json", "binary"];

describe.each(encodings)("%s", (encoding) => {
  const { AppError } = businessOf(encoding);
  const message = (cmd: number, id: number, body: object | undefined) => customerMessage(encoding, cmd, id, body);

  describe("requests, one-way commands and pushes", () => {
    test("a request is answered to its sender with the same request id", () => {
      const signIn = vi.fn((body: { name: string }, sender: Sender) => ({ user: `${body.name}@${sender.uniqId}`, rooms: ["lobby", "ops"] }));
      const { link, errors, replies } = start(encoding, { SignIn: signIn });
      for (const id of [7, 0xffffffff]) link.deliver(message(Cmd.SignIn, id, { name: "ann" }), ann);
      link.deliver(message(Cmd.SignIn, 8, { name: "bob" }), bob);
      expect(signIn).toHaveBeenCalledTimes(3);
      expect(signIn.mock.calls[0]![0]).toMatchObject({ name: "ann" });
      expect(signIn.mock.calls[0]![1]).toBe(ann);
      expect(replies()).toEqual([
        { sender: ann, cmd: Cmd.SignIn, id: 7, body: { user: "ann@ann-0001", rooms: ["lobby", "ops"] } },
        { sender: ann, cmd: Cmd.SignIn, id: 0xffffffff, body: { user: "ann@ann-0001", rooms: ["lobby", "ops"] } },
        { sender: bob, cmd: Cmd.SignIn, id: 8, body: { user: "bob@bob-0002", rooms: ["lobby", "ops"] } },
      ]);
      expect(link.replies[0]!.sender).toBe(ann);
      expect(link.sends).toEqual([]);
      expect(errors).toEqual([]);
    });

    test("an async handler's answer is sent when it resolves, and the link may wait for it", async () => {
      let resolve!: (answer: { room: string; members: string[] }) => void;
      const { link, replies } = start(encoding, { Join: () => new Promise((r) => (resolve = r)) });
      const pending = link.deliver(message(Cmd.Join, 3, { room: "lobby" }));
      expect(pending).toBeInstanceOf(Promise);
      expect(link.replies).toEqual([]);
      resolve({ room: "lobby", members: ["ann", "bob"] });
      await pending;
      expect(replies()).toEqual([{ sender: ann, cmd: Cmd.Join, id: 3, body: { room: "lobby", members: ["ann", "bob"] } }]);
    });

    test("a request with a nested answer (History: repeated Said)", () => {
      const { link, replies } = start(encoding, { History: ({ room, limit }) => ({ messages: [{ room, user: "ann", text: `limit ${limit}`, seq: 1 }] }) });
      link.deliver(message(Cmd.History, 4, { room: "lobby", limit: 20 }));
      expect(replies()).toEqual([{ sender: ann, cmd: Cmd.History, id: 4, body: { messages: [{ room: "lobby", user: "ann", text: "limit 20", seq: 1 }] } }]);
    });

    test("a one-way command calls its handler and sends nothing", async () => {
      const say = vi.fn();
      const leave = vi.fn(async () => {});
      const { link, errors } = start(encoding, { Say: say, Leave: leave });
      link.deliver(message(Cmd.Say, 0, { room: "lobby", text: "hi ✓" }), bob);
      await link.deliver(message(Cmd.Leave, 0, { room: "lobby" }));
      expect(say).toHaveBeenCalledTimes(1);
      expect(say.mock.calls[0]![0]).toMatchObject({ room: "lobby", text: "hi ✓" });
      expect(say.mock.calls[0]![1]).toBe(bob);
      expect(leave).toHaveBeenCalledTimes(1);
      expect(link.replies).toEqual([]);
      expect(link.sends).toEqual([]);
      expect(errors).toEqual([]);
    });

    test("push(target, cmd, body) sends the event to the target, without request id", () => {
      const { link, router } = start(encoding, {});
      router.push("room:lobby", Cmd.Said, { room: "lobby", user: "ann", text: "hello", seq: 3 });
      router.push("all", Cmd.Presence, { room: "lobby", user: "bob", joined: true });
      expect(link.replies).toEqual([]);
      expect(link.sends.map((s) => s.target)).toEqual(["room:lobby", "all"]);
      expect(link.sends.map((s) => read(encoding, s.data))).toEqual([
        { cmd: Cmd.Said, id: 0, body: { room: "lobby", user: "ann", text: "hello", seq: 3 } },
        { cmd: Cmd.Presence, id: 0, body: { room: "lobby", user: "bob", joined: true } },
      ]);
      const [said] = link.sends;
      if (encoding === "binary") {
        expect([...said!.data.subarray(0, 8)]).toEqual([0, 0, 0, Cmd.Said, 0, 0, 0, 0]);
        // The same bytes protobuf-es writes for the body.
        expect([...said!.data.subarray(8)]).toEqual([...toBinary(SaidSchema, create(SaidSchema, { room: "lobby", user: "ann", text: "hello", seq: 3 }))]);
      } else {
        expect(new TextDecoder().decode(said!.data)).toBe('{"cmd":"Said","body":{"room":"lobby","user":"ann","text":"hello","seq":3}}');
      }
    });

    test("pushTo(sender, cmd, body) replies to that one customer", () => {
      const { link, router } = start(encoding, {});
      router.pushTo(bob, Cmd.Presence, { room: "ops", user: "ann", joined: false });
      expect(link.sends).toEqual([]);
      expect(link.replies).toHaveLength(1);
      expect(link.replies[0]!.sender).toBe(bob);
      expect(read(encoding, link.replies[0]!.data)).toEqual({ cmd: Cmd.Presence, id: 0, body: { room: "ops", user: "ann" } });
    });

    test("push of a command that is not an event throws and sends nothing", () => {
      const { link, router } = start(encoding, {});
      // What the types forbid, as plain JavaScript may still do it.
      const untyped = router as unknown as { push(target: Target, cmd: number, body: object): void; pushTo(sender: Sender, cmd: number, body: object): void };
      expect(() => untyped.push("all", Cmd.SignIn, {})).toThrow(TypeError);
      expect(() => untyped.pushTo(ann, 99, {})).toThrow(TypeError);
      expect(link.sends).toEqual([]);
      expect(link.replies).toEqual([]);
    });
  });

  describe("handler failures", () => {
    test("an AppError answers with its code and message", async () => {
      const { link, errors, replies, router } = start(encoding, {
        SignIn: () => {
          throw new AppError("bad-name", "a name is required — 名前");
        },
        Join: async () => {
          throw new AppError("full", "the room is full");
        },
      });
      link.deliver(message(Cmd.SignIn, 5, { name: "" }));
      await link.deliver(message(Cmd.Join, 6, { room: "lobby" }));
      expect(replies()).toEqual([
        { sender: ann, id: 5, error: { cmd: Cmd.SignIn, code: "bad-name", message: "a name is required — 名前" } },
        { sender: ann, id: 6, error: { cmd: Cmd.Join, code: "full", message: "the room is full" } },
      ]);
      if (encoding === "json") {
        expect(new TextDecoder().decode(link.replies[0]!.data)).toBe('{"cmd":"SignIn","id":5,"error":{"code":"bad-name","message":"a name is required — 名前"}}');
      } else {
        expect([...link.replies[0]!.data.subarray(0, 8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 5]);
      }
      // An AppError is an answer the handler chose, not a fault to report.
      expect(errors).toEqual([]);
      expect(router.stats.failed).toBe(2);
    });

    test("a plain Error answers internal without its message, and goes to onError", () => {
      const boom = new Error("database password is hunter2");
      const { link, errors, replies } = start(encoding, {
        SignIn: () => {
          throw boom;
        },
      });
      link.deliver(message(Cmd.SignIn, 9, { name: "ann" }), bob);
      expect(replies()).toEqual([{ sender: bob, id: 9, error: { cmd: Cmd.SignIn, code: "internal", message: expect.any(String) } }]);
      expect(new TextDecoder().decode(link.replies[0]!.data)).not.toContain("hunter2");
      expect(errors).toEqual([{ error: boom, sender: bob }]);
    });

    test("an async handler's rejection likewise, also with a value that is not an Error", async () => {
      const boom = new Error("disk full at /var/secret");
      const { link, errors, replies, router } = start(encoding, {
        Join: async () => {
          throw boom;
        },
        History: () => Promise.reject("plain string reason"),
      });
      await link.deliver(message(Cmd.Join, 10, { room: "lobby" }));
      await link.deliver(message(Cmd.History, 11, { room: "lobby" }));
      expect(replies()).toEqual([
        { sender: ann, id: 10, error: { cmd: Cmd.Join, code: "internal", message: expect.any(String) } },
        { sender: ann, id: 11, error: { cmd: Cmd.History, code: "internal", message: expect.any(String) } },
      ]);
      for (const r of link.replies) expect(new TextDecoder().decode(r.data)).not.toMatch(/secret|plain string/);
      expect(errors.map((e) => e.error)).toEqual([boom, expect.any(Error)]);
      expect(errors[1]!.error.message).toContain("plain string reason");
      expect(router.stats.failed).toBe(2);
    });

    test("a one-way handler that throws or rejects goes to onError, and nothing is sent", async () => {
      const thrown = new Error("say failed");
      const appError = new AppError("nope", "not allowed");
      const { link, errors, router } = start(encoding, {
        Say: () => {
          throw thrown;
        },
        Leave: async () => {
          throw appError;
        },
      });
      link.deliver(message(Cmd.Say, 0, { room: "lobby", text: "x" }));
      await link.deliver(message(Cmd.Leave, 0, { room: "lobby" }), bob);
      expect(errors).toEqual([
        { error: thrown, sender: ann },
        { error: appError, sender: bob },
      ]);
      expect(link.replies).toEqual([]);
      expect(router.stats.failed).toBe(2);
    });

    test("an answer that cannot be encoded answers internal and goes to onError", () => {
      const answer = {
        get user(): string {
          throw new Error("no user");
        },
      };
      const { link, errors, replies } = start(encoding, { SignIn: () => answer });
      link.deliver(message(Cmd.SignIn, 12, { name: "ann" }));
      expect(replies()).toEqual([{ sender: ann, id: 12, error: { cmd: Cmd.SignIn, code: "internal", message: expect.any(String) } }]);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.error.message).toContain("SignIn");
    });
  });

  describe("messages that reach no handler", () => {
    /** Every handler, each failing the test if called. */
    const never = (): Handlers => ({
      SignIn: vi.fn(() => ({ user: "", rooms: [] })),
      Join: vi.fn(() => ({ room: "", members: [] })),
      History: vi.fn(() => ({ messages: [] })),
      Say: vi.fn(),
      Leave: vi.fn(),
    });
    const noneCalled = (handlers: Handlers) => {
      for (const [name, handler] of Object.entries(handlers)) expect(handler, name).not.toHaveBeenCalled();
    };

    const undecodable: [what: string, data: () => Uint8Array | string, answer: { cmd: number; id: number }, code: string][] =
      encoding === "binary"
        ? [
            ["a truncated message", () => new Uint8Array([0, 0, 0, 1, 0]), { cmd: 0, id: 0 }, "truncated"],
            ["an invalid body", () => concat([header(Cmd.SignIn, 21), new Uint8Array([0x0a, 0x05, 0x61])]), { cmd: Cmd.SignIn, id: 21 }, "invalid-body"],
            ["an unknown command", () => header(99, 22), { cmd: 99, id: 22 }, "unknown-command"],
            ["an error frame", () => concat([header(0, 23), new Uint8Array([0x08, 0x01, 0x12, 0x01, 0x78, 0x1a, 0x00])]), { cmd: Cmd.SignIn, id: 23 }, "unknown-command"],
          ]
        : [
            ["bad JSON", () => '{"cmd":"SignIn",', { cmd: 0, id: 0 }, "invalid-json"],
            ["an invalid body", () => '{"cmd":"SignIn","id":21,"body":{"name":5}}', { cmd: Cmd.SignIn, id: 21 }, "invalid-body"],
            ["an unknown command", () => '{"cmd":"Shout","id":22,"body":{}}', { cmd: 0, id: 22 }, "unknown-command"],
            ["an error frame", () => '{"cmd":"SignIn","id":23,"error":{"code":"x","message":"y"}}', { cmd: Cmd.SignIn, id: 23 }, "unknown-command"],
          ];

    test.each(undecodable)("%s is answered undecodable and reported, and reaches no handler", (_, data, answer, messageCode) => {
      const handlers = never();
      const { link, errors, replies, router } = start(encoding, handlers);
      link.deliver(data(), bob);
      noneCalled(handlers);
      expect(replies()).toEqual([{ sender: bob, id: answer.id, error: { cmd: answer.cmd, code: "undecodable", message: expect.stringContaining(messageCode) } }]);
      expect(errors).toEqual([{ error: expect.objectContaining({ name: "MessageError", code: messageCode }), sender: bob }]);
      expect(router.stats).toEqual({ received: 1, rejected: 1, failed: 0 });
    });

    test("an unknown command reaches no handler, is answered undecodable and reported", () => {
      const handlers = never();
      const { link, errors, replies } = start(encoding, handlers);
      link.deliver(encoding === "json" ? '{"cmd":"Shout","id":22,"body":{}}' : header(99, 22), bob);
      noneCalled(handlers);
      expect(replies()).toEqual([expect.objectContaining({ sender: bob, error: expect.objectContaining({ code: "undecodable", message: expect.stringContaining("unknown-command") }) })]);
      expect(errors).toEqual([{ error: expect.objectContaining({ name: "MessageError", code: "unknown-command" }), sender: bob }]);
    });

    test("a text message is read as the gateway handed it over: as UTF-8 bytes", () => {
      // The link always carries bytes; a json router reads them, a binary one finds them malformed.
      const { link, replies } = start(encoding, { SignIn: () => ({ user: "ann" }) });
      link.deliver('{"cmd":"SignIn","id":2,"body":{"name":"ann"}}');
      expect(replies()[0]).toMatchObject(encoding === "json" ? { cmd: Cmd.SignIn, id: 2 } : { error: { code: "undecodable" } });
    });

    test.each([
      ["with a body", { room: "lobby", text: "forged" }],
      ["without a body", undefined],
    ])("a customer sending a push command as a request (%s) is answered not-handled", (_, body) => {
      const handlers = never();
      const { link, errors, replies, router } = start(encoding, handlers);
      link.deliver(message(Cmd.Said, 24, body));
      noneCalled(handlers);
      expect(errors).toEqual([{ error: expect.objectContaining({ message: expect.stringContaining("Said") }), sender: ann }]);
      // It came with a request id: its sender waits for an answer, and the answer says what is wrong.
      expect(replies()).toEqual([{ sender: ann, id: 24, error: { cmd: Cmd.Said, code: "not-handled", message: expect.stringContaining("push") } }]);
      expect(router.stats).toEqual({ received: 1, rejected: 1, failed: 0 });
    });

    test("a customer sending a push command one-way reaches no handler and is reported", () => {
      const handlers = never();
      const { link, errors, router } = start(encoding, handlers);
      link.deliver(message(Cmd.Presence, 0, undefined), bob);
      noneCalled(handlers);
      expect(errors).toEqual([{ error: expect.objectContaining({ message: expect.stringContaining("Presence is a push") }), sender: bob }]);
      expect(router.stats).toEqual({ received: 1, rejected: 1, failed: 0 });
    });

    test("a request without a handler is answered not-handled", () => {
      const { link, errors, replies, router } = start(encoding, {});
      link.deliver(message(Cmd.History, 25, { room: "lobby" }));
      expect(replies()).toEqual([{ sender: ann, id: 25, error: { cmd: Cmd.History, code: "not-handled", message: expect.stringContaining("History") } }]);
      expect(errors).toHaveLength(1);
      expect(router.stats).toEqual({ received: 1, rejected: 1, failed: 0 });
    });

    test("a one-way command without a handler goes to onError only", () => {
      const { link, errors, router } = start(encoding, {});
      link.deliver(message(Cmd.Say, 0, { room: "lobby", text: "anyone?" }), bob);
      expect(link.replies).toEqual([]);
      expect(errors).toEqual([{ error: expect.objectContaining({ message: expect.stringContaining("Say") }), sender: bob }]);
      expect(router.stats).toEqual({ received: 1, rejected: 1, failed: 0 });
    });

    test("without onError, errors go to console.error", () => {
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const link = new FakeLink();
        businessOf(encoding).createBusinessRouter<Sender, Target>(link, {});
        link.deliver(new Uint8Array([1, 2, 3]));
        expect(log).toHaveBeenCalledTimes(1);
        expect(log.mock.calls[0]![0]).toMatchObject({ name: "MessageError" });
      } finally {
        log.mockRestore();
      }
    });
  });

  describe("lifecycle and stats", () => {
    test("close() stops handling; an answer still running is still sent", async () => {
      let resolve!: (answer: { user: string }) => void;
      const signIn = vi.fn(() => new Promise<{ user: string }>((r) => (resolve = r)));
      const { link, router, replies } = start(encoding, { SignIn: signIn });
      expect(link.subscribed).toBe(1);
      const pending = link.deliver(message(Cmd.SignIn, 1, { name: "ann" }));
      router.close();
      expect(link.stopped).toBe(1);
      expect(link.handler).toBeUndefined();
      link.deliver(message(Cmd.SignIn, 2, { name: "late" }));
      resolve({ user: "ann" });
      await pending;
      expect(signIn).toHaveBeenCalledTimes(1);
      expect(replies()).toEqual([{ sender: ann, cmd: Cmd.SignIn, id: 1, body: { user: "ann" } }]);
      expect(router.stats.received).toBe(1);
    });

    test("stats count received, rejected and failed messages", async () => {
      const { link, router } = start(encoding, {
        SignIn: () => ({ user: "ann" }),
        Join: async () => {
          throw new Error("x");
        },
        Say: () => {},
      });
      expect(router.stats).toEqual({ received: 0, rejected: 0, failed: 0 });
      link.deliver(message(Cmd.SignIn, 1, { name: "ann" }));
      link.deliver(message(Cmd.Say, 0, { room: "r", text: "t" }));
      link.deliver(message(Cmd.History, 2, { room: "r" })); // no handler
      link.deliver(new Uint8Array(3)); // undecodable
      await link.deliver(message(Cmd.Join, 3, { room: "r" })); // rejects
      expect(router.stats).toEqual({ received: 5, rejected: 2, failed: 1 });
      // A snapshot, not a live view.
      const stats = router.stats;
      link.deliver(new Uint8Array(3));
      expect(stats.received).toBe(5);
      expect(router.stats.received).toBe(6);
    });
  });
});

// ---------------------------------------------------------------- undecodable: drop

describe("undecodable: drop (a variant generated from each chat manifest)", () => {
  let work: string;
  const dropped: Partial<Record<Encoding, Business>> = {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "netsvr-business-router-"));
    symlinkSync(join(repoRoot, "node_modules"), join(work, "node_modules"));
    for (const encoding of encodings) {
      const manifest = readFileSync(join(repoRoot, `examples/chat/proto/chat.${encoding}.manifest.yaml`), "utf8");
      expect(manifest).toContain("  undecodable: error\n");
      const path = join(work, `chat.${encoding}.manifest.yaml`);
      writeFileSync(path, manifest.replace("  undecodable: error\n", "  undecodable: drop\n"));
      const out = join(work, encoding);
      mkdirSync(out);
      const files = generatedFiles(runPlugin("examples/chat/proto", `target=js,import_extension=js,manifest=${path}`));
      for (const [name, content] of files) writeFileSync(join(out, name), content);
      // protoc-gen-es's output for the same proto, as a user's buf.gen.yaml puts beside it.
      copyFileSync(join(repoRoot, `examples/chat/gen/${encoding}/chat_pb.js`), join(out, "chat_pb.js"));
      expect(files.get("business.js")).toContain('"drop"');
      dropped[encoding] = (await import(pathToFileURL(join(out, "business.js")).href)) as Business;
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test.each(encodings)("%s: an undecodable message is dropped without answer, but still reported", (encoding) => {
    const business = dropped[encoding]!;
    const signIn = vi.fn(() => ({ user: "ann" }));
    const { link, errors, router, replies } = start(encoding, { SignIn: signIn }, business);
    const bad =
      encoding === "json"
        ? ['{"cmd":"SignIn","id":3,"body":{"name":5}}', "not json", '{"cmd":"Shout","id":4}']
        : [concat([header(Cmd.SignIn, 3), new Uint8Array([0x0a, 0x05])]), new Uint8Array(2), header(99, 4)];
    for (const data of bad) link.deliver(data);
    expect(signIn).not.toHaveBeenCalled();
    expect(link.replies).toEqual([]);
    expect(errors.map((e) => (e.error as { code?: string }).code)).toEqual(encoding === "json" ? ["invalid-body", "invalid-json", "unknown-command"] : ["invalid-body", "truncated", "unknown-command"]);
    expect(router.stats).toEqual({ received: 3, rejected: 3, failed: 0 });
    // Everything else works as with undecodable: error.
    link.deliver(customerMessage(encoding, Cmd.SignIn, 5, { name: "ann" }));
    expect(replies()).toEqual([{ sender: ann, cmd: Cmd.SignIn, id: 5, body: { user: "ann" } }]);
  });

  test.each(encodings)("%s: a request without handler is still answered not-handled", (encoding) => {
    const { link, replies } = start(encoding, {}, dropped[encoding]!);
    link.deliver(customerMessage(encoding, Cmd.Join, 6, { room: "lobby" }));
    expect(replies()).toEqual([{ sender: ann, id: 6, error: { cmd: Cmd.Join, code: "not-handled", message: expect.any(String) } }]);
  });
});
