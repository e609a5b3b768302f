/**
 * The application protocol wire layer (plugin/runtime/app-wire.ts), imported
 * directly: one command per WebSocket message, binary
 * [u32 BE cmd][u32 BE request id][protobuf] or a JSON envelope
 * {"cmd":"Name","id":7,"body":{...}}, and error answers (binary: command id
 * 0 with {1: cmd, 2: code, 3: message}). A hand-made AppBinding over the
 * chat example's protobuf-es schemas stands in for a generated one, with a
 * body-less one-way command (Poke) the chat protocol lacks. Binary error
 * bodies are checked against protobuf-es reflection (test/support/app-error-body.ts).
 */
import { create, fromBinary, fromJson, toBinary, toJson, type DescMessage, type JsonValue as ProtoJson } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SaidSchema, SignInRequestSchema, SignInResponseSchema } from "../examples/chat/gen/json/chat_pb.js";
import {
  binaryWire,
  jsonWire,
  MessageError,
  readBody,
  readMessage,
  utf8,
  type AppBinding,
  type AppCommand,
  type Encoding,
  type WireMessage,
} from "../plugin/runtime/app-wire.ts";
import { writeError, writeMessage } from "./support/app-wire.js";
import { concat } from "./support/bytes.js";
import { decodeErrorBody, encodeErrorBody } from "./support/app-error-body.js";

const Cmd = { SignIn: 1, Said: 10, Poke: 20 } as const;
const encodings: readonly Encoding[] = ["binary", "json"];

/** A body codec through protobuf-es: binary protobuf or proto3 JSON. */
function codec(encoding: Encoding, write: DescMessage, read: DescMessage): Pick<AppCommand, "write" | "read"> {
  return encoding === "binary"
    ? { write: (body) => toBinary(write, create(write, body as never)), read: (payload) => fromBinary(read, payload as Uint8Array) }
    : { write: (body) => toJson(write, create(write, body as never)), read: (payload) => fromJson(read, payload as ProtoJson, { ignoreUnknownFields: true }) };
}

/** The business side: reads SignIn requests, writes their answers and Said pushes; Poke has no body. */
function bindingOf(encoding: Encoding): AppBinding {
  return {
    wire: encoding === "binary" ? binaryWire : jsonWire,
    commands: {
      [Cmd.SignIn]: { name: "SignIn", kind: "request", ...codec(encoding, SignInResponseSchema, SignInRequestSchema) },
      [Cmd.Said]: { name: "Said", kind: "event", write: codec(encoding, SaidSchema, SaidSchema).write! },
      [Cmd.Poke]: { name: "Poke", kind: "oneway" },
    },
    ids: Cmd,
  };
}
const bindings = { binary: bindingOf("binary"), json: bindingOf("json") } as const;

/** The MessageError readMessage (and then readBody, for a command) throws, or a failure when none is thrown. */
function readError(binding: AppBinding, data: Uint8Array | string): MessageError {
  let message: WireMessage;
  try {
    message = readMessage(binding, data);
    if (message.kind === "command") readBody(binding, message);
  } catch (error) {
    if (error instanceof MessageError) return error;
    throw new Error(`expected a MessageError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected a MessageError, read ${JSON.stringify(message, (_, v: unknown) => (v instanceof Uint8Array ? [...v] : v))}`);
}

const header = (cmd: number, id: number, ...body: number[]): Uint8Array => {
  const bytes = new Uint8Array(8 + body.length);
  new DataView(bytes.buffer).setUint32(0, cmd);
  new DataView(bytes.buffer).setUint32(4, id);
  bytes.set(body, 8);
  return bytes;
};

describe("binary messages", () => {
  const binding = bindings.binary;

  test("layout: u32 BE command id, u32 BE request id, then the body", () => {
    expect([...(writeMessage("binary", 0x01020304, "X", 0xfffffffe, new Uint8Array([9, 8])) as Uint8Array)]).toEqual([1, 2, 3, 4, 0xff, 0xff, 0xff, 0xfe, 9, 8]);
    expect([...(writeMessage("binary", 10, "Said", 0, undefined) as Uint8Array)]).toEqual([0, 0, 0, 10, 0, 0, 0, 0]);
  });

  test("writeMessage, readMessage and readBody round trip a request", () => {
    // What a customer writes: a SignInRequest (the binding is the business side, which reads it).
    const data = writeMessage("binary", Cmd.SignIn, "SignIn", 7, toBinary(SignInRequestSchema, create(SignInRequestSchema, { name: "Zoë 🙂" })));
    const message = readMessage(binding, data);
    expect(message).toMatchObject({ kind: "command", cmd: Cmd.SignIn, id: 7 });
    expect([...((message as { payload: Uint8Array }).payload)]).toEqual([...toBinary(SignInRequestSchema, create(SignInRequestSchema, { name: "Zoë 🙂" }))]);
    expect(readBody(binding, message as WireMessage & { kind: "command" })).toMatchObject({ name: "Zoë 🙂" });
  });

  test("a message that is a view into a larger buffer reads from its own offset", () => {
    const inner = header(Cmd.SignIn, 0x01020304, ...toBinary(SignInRequestSchema, create(SignInRequestSchema, { name: "ann" })));
    const outer = concat([new Uint8Array([0xff, 0xff, 0xff]), inner, new Uint8Array([0xee])]);
    const message = readMessage(binding, outer.subarray(3, 3 + inner.length));
    expect(message).toMatchObject({ kind: "command", cmd: Cmd.SignIn, id: 0x01020304 });
    expect(readBody(binding, message as WireMessage & { kind: "command" })).toMatchObject({ name: "ann" });
  });

  test("a body-less command reads with an empty body", () => {
    const message = readMessage(binding, writeMessage("binary", Cmd.Poke, "Poke", 0, undefined));
    expect(message).toMatchObject({ kind: "command", cmd: Cmd.Poke, id: 0 });
    expect(readBody(binding, message as WireMessage & { kind: "command" })).toBeUndefined();
  });

  test("request ids up to 2^32-1", () => {
    for (const id of [1, 0x7fffffff, 0x80000000, 0xffffffff]) {
      expect(readMessage(binding, writeMessage("binary", Cmd.SignIn, "SignIn", id, new Uint8Array(0)))).toMatchObject({ id });
    }
  });
});

describe("json messages", () => {
  const binding = bindings.json;

  test("the envelope: cmd by name, id omitted when 0, body omitted when undefined", () => {
    expect(writeMessage("json", Cmd.SignIn, "SignIn", 7, { name: "ann" })).toBe('{"cmd":"SignIn","id":7,"body":{"name":"ann"}}');
    expect(writeMessage("json", Cmd.Said, "Said", 0, { room: "lobby" })).toBe('{"cmd":"Said","body":{"room":"lobby"}}');
    expect(writeMessage("json", Cmd.Poke, "Poke", 0, undefined)).toBe('{"cmd":"Poke"}');
    expect(writeMessage("json", Cmd.Poke, "Poke", 3, undefined)).toBe('{"cmd":"Poke","id":3}');
  });

  test("writeMessage, readMessage and readBody round trip a request", () => {
    const data = writeMessage("json", Cmd.SignIn, "SignIn", 7, toJson(SignInRequestSchema, create(SignInRequestSchema, { name: "ann" })));
    const message = readMessage(binding, data);
    expect(message).toEqual({ kind: "command", cmd: Cmd.SignIn, id: 7, payload: { name: "ann" } });
    expect(readBody(binding, message as WireMessage & { kind: "command" })).toMatchObject({ name: "ann" });
  });

  test("a missing id reads as 0; cmd given as a number is accepted", () => {
    expect(readMessage(binding, '{"cmd":"Poke"}')).toEqual({ kind: "command", cmd: Cmd.Poke, id: 0, payload: undefined });
    expect(readMessage(binding, '{"cmd":1,"id":3,"body":{"name":"ann"}}')).toEqual({ kind: "command", cmd: Cmd.SignIn, id: 3, payload: { name: "ann" } });
  });

  test("a message may come as UTF-8 bytes", () => {
    const message = readMessage(binding, utf8('{"cmd":"SignIn","id":9,"body":{"name":"Zoë 名前 🙂"}}'));
    expect(message).toMatchObject({ kind: "command", cmd: Cmd.SignIn, id: 9 });
    expect(readBody(binding, message as WireMessage & { kind: "command" })).toMatchObject({ name: "Zoë 名前 🙂" });
  });

  test("a body-less command reads without body", () => {
    const message = readMessage(binding, '{"cmd":"Poke","id":2}');
    expect(readBody(binding, message as WireMessage & { kind: "command" })).toBeUndefined();
  });

  test("request ids up to 2^32-1", () => {
    for (const id of [1, 0x7fffffff, 0x80000000, 0xffffffff]) {
      expect(readMessage(binding, writeMessage("json", Cmd.Poke, "Poke", id, undefined))).toMatchObject({ id });
    }
  });
});

describe("every MessageError code, with its trigger", () => {
  test.each([0, 1, 7])("truncated: a binary message of %i bytes", (length) => {
    const error = readError(bindings.binary, new Uint8Array(length));
    expect(error).toMatchObject({ name: "MessageError", code: "truncated", cmd: undefined, id: undefined });
    expect(error.message).toContain(`${length} bytes`);
  });

  test("wrong-frame-type: text where binary protobuf is expected", () => {
    const error = readError(bindings.binary, '{"cmd":"SignIn"}');
    expect(error.code).toBe("wrong-frame-type");
    expect(error.message).toContain("SendMessageType = 2");
  });

  test.each<[string, string | Uint8Array]>([
    ["not JSON", "not json"],
    ["a cut-off object", '{"cmd":"Poke"'],
    ["an empty message", ""],
    ["an array", '[{"cmd":"Poke"}]'],
    ["a number", "42"],
    ["null", "null"],
    ["a string", '"Poke"'],
    ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d])],
  ])("invalid-json: %s", (_, data) => {
    expect(readError(bindings.json, data).code).toBe("invalid-json");
  });

  test.each(["-1", "1.5", '"7"', "4294967296", "true", "{}", "[]", "1e300"])("invalid-json: id %s", (id) => {
    const error = readError(bindings.json, `{"cmd":"Poke","id":${id}}`);
    expect(error.code).toBe("invalid-json");
    expect(error.message).toContain('"id"');
  });

  test("unknown-command: a binary command id, with the id and request id it carried", () => {
    expect(readError(bindings.binary, header(99, 5))).toMatchObject({ code: "unknown-command", cmd: 99, id: 5 });
    expect(readError(bindings.binary, header(0xffffffff, 0xffffffff, 1, 2))).toMatchObject({ code: "unknown-command", cmd: 0xffffffff, id: 0xffffffff });
  });

  test.each(['"Shout"', '"signIn"', '"1"', "99", "1.5", "-1", "null", "true", "{}", '["SignIn"]', '"__proto__"', '"toString"', '"constructor"', '"hasOwnProperty"', '"valueOf"'])(
    "unknown-command: json cmd %s, with the request id it carried",
    (cmd) => {
      expect(readError(bindings.json, `{"cmd":${cmd},"id":5}`)).toMatchObject({ code: "unknown-command", id: 5 });
    },
  );

  test("unknown-command: a json message without cmd", () => {
    expect(readError(bindings.json, '{"id":5,"body":{}}')).toMatchObject({ code: "unknown-command", id: 5 });
  });

  test("unknown-command: readBody of a command the binding lacks", () => {
    expect(() => readBody(bindings.json, { kind: "command", cmd: 42, id: 3, payload: {} })).toThrow(
      expect.objectContaining({ name: "MessageError", code: "unknown-command", cmd: 42, id: 3 }),
    );
  });

  test.each<[string, Encoding, string | Uint8Array, number]>([
    ["binary: a body that is not protobuf", "binary", header(Cmd.SignIn, 9, 0x0a, 0x05, 0x61), Cmd.SignIn],
    ["binary: a body on a body-less command", "binary", header(Cmd.Poke, 9, 0x08, 0x01), Cmd.Poke],
    ["json: a field of the wrong type", "json", '{"cmd":"SignIn","id":9,"body":{"name":5}}', Cmd.SignIn],
    ["json: a body that is not an object", "json", '{"cmd":"SignIn","id":9,"body":"ann"}', Cmd.SignIn],
    ["json: a body that is an array", "json", '{"cmd":"SignIn","id":9,"body":["ann"]}', Cmd.SignIn],
    ["json: a body on a body-less command", "json", '{"cmd":"Poke","id":9,"body":{}}', Cmd.Poke],
    ["json: a body of bytes on a body-less command", "json", '{"cmd":"Poke","id":9,"body":"AA=="}', Cmd.Poke],
  ])("invalid-body: %s", (_, encoding, data, cmd) => {
    const message = readMessage(bindings[encoding], data);
    expect(message).toMatchObject({ kind: "command", cmd, id: 9 });
    const error = readError(bindings[encoding], data);
    expect(error).toMatchObject({ code: "invalid-body", cmd, id: 9 });
    expect(error.message).toContain(cmd === Cmd.Poke ? "Poke" : "SignIn");
  });

  test("an invalid body keeps the decoder's error as its cause", () => {
    const error = readError(bindings.json, '{"cmd":"SignIn","id":9,"body":{"name":5}}');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe("error answers", () => {
  test("binary: command id 0, the request id, and a body protobuf reads as {cmd, code, message}", () => {
    const data = writeError("binary", Cmd.SignIn, "SignIn", 7, "bad-name", "a name is required") as Uint8Array;
    expect([...data.subarray(0, 8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 7]);
    expect(decodeErrorBody(data.subarray(8))).toEqual({ cmd: Cmd.SignIn, code: "bad-name", message: "a name is required" });
    expect(readMessage(bindings.binary, data)).toEqual({ kind: "error", cmd: Cmd.SignIn, id: 7, code: "bad-name", message: "a name is required" });
  });

  test("json: the envelope with cmd by name, id and error", () => {
    const data = writeError("json", Cmd.SignIn, "SignIn", 7, "bad-name", "a name is required");
    expect(data).toBe('{"cmd":"SignIn","id":7,"error":{"code":"bad-name","message":"a name is required"}}');
    expect(readMessage(bindings.json, data)).toEqual({ kind: "error", cmd: Cmd.SignIn, id: 7, code: "bad-name", message: "a name is required" });
    expect(readMessage(bindings.json, utf8(data as string))).toEqual({ kind: "error", cmd: Cmd.SignIn, id: 7, code: "bad-name", message: "a name is required" });
  });

  test("without a command (0) and without a request id (0)", () => {
    const binary = writeError("binary", 0, undefined, 0, "undecodable", "truncated") as Uint8Array;
    expect([...binary.subarray(0, 8)]).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(binary[8]).toBe(0x12); // field 1 left out, as protobuf leaves out a zero
    expect(decodeErrorBody(binary.subarray(8))).toEqual({ cmd: 0, code: "undecodable", message: "truncated" });
    expect(readMessage(bindings.binary, binary)).toEqual({ kind: "error", cmd: 0, id: 0, code: "undecodable", message: "truncated" });

    const json = writeError("json", 0, undefined, 0, "undecodable", "truncated");
    expect(json).toBe('{"cmd":0,"error":{"code":"undecodable","message":"truncated"}}');
    expect(readMessage(bindings.json, json)).toEqual({ kind: "error", cmd: 0, id: 0, code: "undecodable", message: "truncated" });
  });

  test("binary: fields a later version may add are skipped, as protobuf skips them", () => {
    const known = encodeErrorBody({ cmd: Cmd.SignIn, code: "bad-name", message: "no" });
    // Field 4 (varint 5), field 5 (bytes "zz"), field 6 (fixed32), field 7 (fixed64).
    const extra = [0x20, 0x05, 0x2a, 0x02, 0x7a, 0x7a, 0x35, 1, 2, 3, 4, 0x39, 1, 2, 3, 4, 5, 6, 7, 8];
    const data = concat([new Uint8Array([0, 0, 0, 0, 0, 0, 0, 3]), new Uint8Array(extra), known]);
    expect(readMessage(bindings.binary, data)).toEqual({ kind: "error", cmd: Cmd.SignIn, id: 3, code: "bad-name", message: "no" });
    const cut = concat([new Uint8Array([0, 0, 0, 0, 0, 0, 0, 3]), known, new Uint8Array([0x2a, 0x09, 0x7a])]);
    expect(() => readMessage(bindings.binary, cut)).toThrow(MessageError);
  });

  test('json: "id": null is refused, not read as 0', () => {
    expect(() => readMessage(bindings.json, '{"cmd":"SignIn","id":null,"body":{}}')).toThrow(/"id" must be an integer/);
  });

  test("a json error naming a command the protocol lacks reads with command 0", () => {
    expect(readMessage(bindings.json, '{"cmd":"Shout","id":4,"error":{"code":"x","message":"y"}}')).toEqual({ kind: "error", cmd: 0, id: 4, code: "x", message: "y" });
    expect(readMessage(bindings.json, '{"cmd":"toString","id":4,"error":{"code":"x","message":"y"}}')).toEqual({ kind: "error", cmd: 0, id: 4, code: "x", message: "y" });
  });

  test.each(encodings)("%s: the largest command and request ids, unicode and empty texts", (encoding) => {
    const cases: [cmd: number, id: number, code: string, message: string][] = [
      [0xffffffff, 0xffffffff, "bad-name", "名前が必要です — 🚫 \u0000 \u2028"],
      [0x80000000, 0x80000000, "", ""],
      [Cmd.SignIn, 1, "код", "x".repeat(300)],
    ];
    for (const [cmd, id, code, message] of cases) {
      const data = writeError(encoding, cmd, bindings[encoding].commands[cmd]?.name, id, code, message);
      expect(readMessage(bindings[encoding], data)).toEqual({ kind: "error", cmd, id, code, message });
      if (encoding === "binary") expect(decodeErrorBody((data as Uint8Array).subarray(8))).toEqual({ cmd, code, message });
    }
  });

  test("binary: bodies protobuf-es writes read back, in any field order", () => {
    const full = { cmd: 0xfffffffe, code: "remote", message: "ünïcödé ✓" };
    expect(readMessage(bindings.binary, concat([header(0, 3), encodeErrorBody(full)]))).toEqual({ kind: "error", id: 3, ...full });
    const reversed = concat([header(0, 3), encodeErrorBody({ message: full.message }), encodeErrorBody({ code: full.code }), encodeErrorBody({ cmd: full.cmd })]);
    expect(readMessage(bindings.binary, reversed)).toEqual({ kind: "error", id: 3, ...full });
    expect(readMessage(bindings.binary, header(0, 3))).toEqual({ kind: "error", cmd: 0, id: 3, code: "", message: "" });
  });

  test.each<[string, number[]]>([
    ["a cut-off tag varint", [0x80]],
    ["a field 1 without value", [0x08]],
    ["a cut-off field 1 varint", [0x08, 0x80]],
    ["a varint longer than 5 bytes", [0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]],
    ["a string longer than the body", [0x12, 0x05, 0x61]],
    ["a string length beyond any buffer", [0x12, 0xff, 0xff, 0xff, 0xff, 0x0f]],
    ["a cut-off string length", [0x1a, 0x80]],
    ["a message string that is not UTF-8", [0x1a, 0x02, 0xc3, 0x28]],
    ["a code string that is not UTF-8", [0x12, 0x01, 0xff]],
    ["field 1 with the wrong wire type", [0x09, 1, 2, 3, 4, 5, 6, 7, 8]],
    ["an unknown field of wire type 3 (a group)", [0x23]],
    ["an unknown field cut short", [0x22, 0x05, 0x61]],
  ])("binary: an error body with %s is a MessageError", (_, body) => {
    const error = readError(bindings.binary, header(0, 6, ...body));
    expect(error).toMatchObject({ code: "invalid-body", id: 6 });
  });

  test.each<[string, string]>([
    ["no code", '{"cmd":"SignIn","id":2,"error":{"message":"m"}}'],
    ["a code that is not a string", '{"cmd":"SignIn","id":2,"error":{"code":1,"message":"m"}}'],
    ["no message", '{"cmd":"SignIn","id":2,"error":{"code":"c"}}'],
    ["error null", '{"cmd":"SignIn","id":2,"error":null}'],
    ["error a string", '{"cmd":"SignIn","id":2,"error":"bad"}'],
  ])("json: an error with %s is invalid-json", (_, data) => {
    expect(readError(bindings.json, data)).toMatchObject({ code: "invalid-json", id: 2 });
  });
});

describe("round trips of arbitrary ids and texts", () => {
  const u32 = fc.nat({ max: 0xffffffff });

  test.each(encodings)("%s: writeMessage then readMessage gives back the command and request id", (encoding) => {
    fc.assert(
      fc.property(fc.constantFrom(Cmd.SignIn, Cmd.Said, Cmd.Poke), u32, (cmd, id) => {
        const name = bindings[encoding].commands[cmd]!.name;
        const message = readMessage(bindings[encoding], writeMessage(encoding, cmd, name, id, undefined));
        return message.kind === "command" && message.cmd === cmd && message.id === id;
      }),
    );
  });

  test.each(encodings)("%s: writeError then readMessage gives back every field", (encoding) => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(0), fc.constant(Cmd.SignIn), u32), u32, fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (cmd, id, code, message) => {
        // json names a command the protocol has; one it lacks travels as its number.
        const data = writeError(encoding, cmd, bindings[encoding].commands[cmd]?.name, id, code, message);
        expect(readMessage(bindings[encoding], data)).toEqual({ kind: "error", cmd, id, code, message });
        if (encoding === "binary") expect(decodeErrorBody((data as Uint8Array).subarray(8))).toEqual({ cmd, code, message });
      }),
    );
  });
});

describe("readMessage throws nothing but MessageError", () => {
  /** Reads as the router does: the message, then its body; returns what it threw, if not a MessageError. */
  function foreignThrow(encoding: Encoding, data: Uint8Array | string): unknown {
    try {
      const message = readMessage(bindings[encoding], data);
      if (message.kind === "command") readBody(bindings[encoding], message);
    } catch (error) {
      if (!(error instanceof MessageError)) return error ?? "undefined";
    }
    return undefined;
  }
  const runs = { numRuns: 2000 };
  const knownIds = fc.constantFrom(0, Cmd.SignIn, Cmd.Said, Cmd.Poke, 99);

  test.each(encodings)("%s: arbitrary bytes", (encoding) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => foreignThrow(encoding, bytes) === undefined), runs);
  });

  test.each(encodings)("%s: arbitrary strings", (encoding) => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" })), (text) => foreignThrow(encoding, text) === undefined), runs);
  });

  test("binary: a known header with an arbitrary body", () => {
    fc.assert(
      fc.property(knownIds, fc.nat({ max: 0xffffffff }), fc.uint8Array({ maxLength: 48 }), (cmd, id, body) => foreignThrow("binary", header(cmd, id, ...body)) === undefined),
      runs,
    );
  });

  test("json: envelopes of arbitrary JSON values, as text and as bytes", () => {
    const envelope = fc.record(
      {
        cmd: fc.oneof(fc.constantFrom("SignIn", "Said", "Poke", "__proto__", "toString", "constructor"), knownIds, fc.jsonValue()),
        id: fc.oneof(fc.nat({ max: 0xffffffff }), fc.jsonValue()),
        body: fc.oneof(fc.record({ name: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
        error: fc.oneof(fc.record({ code: fc.jsonValue(), message: fc.jsonValue() }, { requiredKeys: [] }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(envelope, fc.boolean(), (value, asBytes) => {
        const text = JSON.stringify(value);
        return foreignThrow("json", asBytes ? utf8(text) : text) === undefined;
      }),
      runs,
    );
  });
});

