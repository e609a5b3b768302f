// The generated frame encoders and decoders against the manifest and
// @bufbuild/protobuf, once per protocol version; then the fixed byte vectors
// of each version, which differ.
import { create, equals, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { DescMessage, Message } from "@bufbuild/protobuf";
import { EmptySchema, TimestampSchema } from "@bufbuild/protobuf/wkt";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Direction } from "./support/arbitrary.js";
import { directions, frame, header, hex, manifestCommands, messageArbitrary, sameMessage } from "./support/arbitrary.js";
import { protocolVersions } from "./support/protocols.js";
import { encoderOf, gatewayHeartbeats, netsvrOf, v2, v6, type FrameErrorLike, type Netsvr } from "./support/versions.js";
import * as allkinds from "./fixtures/allkinds/gen/index.js";
import { allkindsOverlong, bodyBytes, netsvrOverlong, type Decision } from "./support/overlong.js";

function bytes(...parts: (number[] | string)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));
}

/** The FrameError (of netsvr's version) that run throws; fails the test if it throws nothing or something else. */
function frameError(netsvr: Pick<Netsvr, "FrameError">, run: () => unknown): FrameErrorLike {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(netsvr.FrameError);
    return error as FrameErrorLike;
  }
  throw new Error("expected a FrameError, but nothing was thrown");
}

describe.each(protocolVersions)("$version", (protocol) => {
  const netsvr = netsvrOf(protocol.version);
  const { Cmd, cmdKinds, cmdNames, decodeBusinessFrame, decodeGatewayFrame, encodeBusinessFrame, encodeGatewayFrame, encodePing } = netsvr;
  const manifest = manifestCommands(protocol);
  const all = directions(protocol);
  const withBody = all.filter((d) => d.schema !== undefined);
  const bodiless = all.filter((d) => d.schema === undefined);

  /** The generic encoder of the side that sends d, called the way its signature asks. */
  function encodeGeneric(d: Direction, body?: Message): Uint8Array {
    const encode = d.sender === "gateway" ? encodeGatewayFrame : encodeBusinessFrame;
    return body === undefined ? encode(d.cmd) : encode(d.cmd, body);
  }

  /** The decoder of the side that receives d. */
  function decoderOf(d: Direction): (frame: Uint8Array) => { kind: string; cmd: number | undefined; name: string; body: unknown } {
    return d.sender === "gateway" ? decodeGatewayFrame : decodeBusinessFrame;
  }

  describe("the generated tables follow the manifest", () => {
    const tableOf = { event: netsvr.eventSchemas, oneway: netsvr.onewaySchemas, request: netsvr.requestSchemas, response: netsvr.responseSchemas };

    test("command names and ids", () => {
      expect(Cmd).toEqual(Object.fromEntries(manifest.map((c) => [c.name, c.id])));
      for (const c of manifest) {
        expect(cmdNames[c.id]).toBe(c.name);
        expect(cmdKinds[c.id]).toBe(c.kind);
      }
    });

    // A manifest gives every command a port (v6) or none (v2); the package has a port table only in the first case.
    test("command ports", () => {
      const withPort = manifest.filter((c) => c.port !== undefined);
      expect([0, manifest.length]).toContain(withPort.length);
      if (withPort.length === 0) expect("cmdPorts" in netsvr).toBe(false);
      else expect(netsvr["cmdPorts"]).toEqual(Object.fromEntries(manifest.map((c) => [c.id, c.port])));
    });

    test.each(all)("$command $kind: body schema and encoder", (d) => {
      const table = tableOf[d.kind];
      expect(d.cmd in table).toBe(true);
      expect(table[d.cmd]?.typeName).toBe(d.typeName);
      expect(typeof encoderOf(netsvr, d.encoder)).toBe("function");
    });
  });

  describe("every command direction round-trips", () => {
    test.each(withBody)("$command $kind ($typeName)", (d) => {
      const schema = d.schema!;
      const encode = encoderOf(netsvr, d.encoder);
      const decode = decoderOf(d);
      fc.assert(
        fc.property(messageArbitrary(schema), (message) => {
          const body = toBinary(schema, message);
          const encoded = encode(message);
          expect(hex(encoded)).toBe(hex(header(d.cmd, body.length)) + hex(body));
          expect(hex(encodeGeneric(d, message))).toBe(hex(encoded));
          const decoded = decode(encoded);
          expect({ kind: decoded.kind, cmd: decoded.cmd, name: decoded.name }).toEqual({ kind: d.kind, cmd: d.cmd, name: d.command });
          expect(sameMessage(schema, decoded.body as Message, message)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });

    test.each(bodiless)("$command $kind has no body: exactly 8 bytes", (d) => {
      const encoded = encoderOf(netsvr, d.encoder)();
      expect(hex(encoded)).toBe(hex(header(d.cmd, 0)));
      expect(hex(encodeGeneric(d))).toBe(hex(encoded));
      expect(decoderOf(d)(encoded)).toEqual({ kind: d.kind, cmd: d.cmd, name: d.command, body: undefined });
    });
  });

  describe("decoder errors", () => {
    const singleCast = encoderOf(netsvr, "encodeSingleCast")({ uniqId: "u", data: bytes("hello") });
    const connClose = encoderOf(netsvr, "encodeConnClose")({ uniqId: "u", session: "s" });
    const decoders = [
      { side: "gateway", decode: decodeGatewayFrame, valid: connClose, cmd: Cmd.ConnClose!, name: "ConnClose" },
      { side: "business", decode: decodeBusinessFrame, valid: singleCast, cmd: Cmd.SingleCast!, name: "SingleCast" },
    ];
    // Right after the last one-way id, so close to real ids but no command of this version.
    const unknownNeighbour = Math.max(...manifest.filter((c) => c.kind === "oneway").map((c) => c.id)) + 1;

    test.each(decoders)("$side: a frame shorter than its header is truncated", ({ decode, valid }) => {
      for (const length of [0, 1, 4, 7]) {
        expect(frameError(netsvr, () => decode(valid.subarray(0, length))).code).toBe("truncated");
      }
    });

    test.each(decoders)("$side: a length prefix beyond the bytes is truncated", ({ decode, valid, cmd, name }) => {
      const error = frameError(netsvr, () => decode(valid.subarray(0, valid.length - 1)));
      expect(error.code).toBe("truncated");
      expect(error.cmd).toBe(cmd);
      expect(error.message).toBe(`${name} (${cmd}): frame declares ${valid.length - 4} bytes of payload, got ${valid.length - 5}`);
    });

    test.each(decoders)("$side: bytes after the declared length are trailing", ({ decode, valid, cmd, name }) => {
      const error = frameError(netsvr, () => decode(bytes([...valid, 0])));
      expect(error.code).toBe("trailing-bytes");
      expect(error.cmd).toBe(cmd);
      expect(error.message).toBe(`${name} (${cmd}): frame declares ${valid.length - 4} bytes of payload, got ${valid.length - 3}`);
    });

    test.each(decoders)("$side: a length prefix too small for a command id names no command", ({ decode, valid }) => {
      for (const declared of [0, 3]) {
        const frame = bytes([0, 0, 0, declared, ...valid.subarray(4)]);
        const error = frameError(netsvr, () => decode(frame));
        expect(error.code).toBe("truncated");
        expect(error.cmd).toBeUndefined();
        expect(error.message).toBe(`frame declares ${declared} bytes of payload, too few for a command id`);
      }
    });

    test.each(decoders)("$side: an unknown command id", ({ decode }) => {
      for (const cmd of [0, 123456, unknownNeighbour, 0xffffffff]) {
        const error = frameError(netsvr, () => decode(frame(cmd)));
        expect(error.code).toBe("unknown-command");
        expect(error.cmd).toBe(cmd);
        expect(error.message).toContain(String(cmd));
      }
    });

    // A gateway never sends one-way commands, a business never sends events.
    test.each(all.filter((d) => d.kind === "event" || d.kind === "oneway"))("$command given to the other side is an unknown command", (d) => {
      const decode = d.sender === "gateway" ? decodeBusinessFrame : decodeGatewayFrame;
      const error = frameError(netsvr, () => decode(frame(d.cmd)));
      expect(error.code).toBe("unknown-command");
      expect(error.message).toContain(d.command);
    });

    // Heartbeats are matched per side; the other side reads their first 4 ASCII bytes as a command id.
    test("a heartbeat given to the other side is an unknown command", () => {
      expect(frameError(netsvr, () => decodeGatewayFrame(encodePing())).code).toBe("unknown-command");
      for (const pong of gatewayHeartbeats(netsvr)) {
        expect(frameError(netsvr, () => decodeBusinessFrame(pong)).code).toBe("unknown-command");
      }
    });

    const invalidBodies = [
      { why: "truncated varint", cmd: Cmd.Register!, decode: decodeBusinessFrame, body: [0x08, 0x80] },
      { why: "truncated varint", cmd: Cmd.Register!, decode: decodeGatewayFrame, body: [0x08, 0xff] },
      { why: "truncated length", cmd: Cmd.SingleCast!, decode: decodeBusinessFrame, body: [0x0a, 0x80] },
      { why: "length past the end", cmd: Cmd.Transfer!, decode: decodeGatewayFrame, body: [0x1a, 0x05, 0x61] },
      { why: "invalid UTF-8 in a string", cmd: Cmd.ConnOpen!, decode: decodeGatewayFrame, body: [0x0a, 0x01, 0xff] },
      { why: "illegal wire type", cmd: Cmd.Broadcast!, decode: decodeBusinessFrame, body: [0x0f, 0x00] },
    ];

    test.each(invalidBodies)("invalid body: $why", ({ cmd, decode, body }) => {
      const error = frameError(netsvr, () => decode(frame(cmd, Uint8Array.from(body))));
      expect(error.code).toBe("invalid-body");
      expect(error.cmd).toBe(cmd);
      expect(error.message).toContain(cmdNames[cmd]);
    });

    test.each(bodiless)("$command request carrying body bytes", (d) => {
      const error = frameError(netsvr, () => decodeBusinessFrame(frame(d.cmd, Uint8Array.from([0x08, 0x01]))));
      expect(error.code).toBe("invalid-body");
      expect(error.message).toContain(d.command);
    });

    test("the generic encoders reject a command id of the other side", () => {
      expect(() => encodeGatewayFrame(Cmd.SingleCast!, {})).toThrow(RangeError);
      expect(() => encodeBusinessFrame(Cmd.ConnOpen!, {})).toThrow(RangeError);
      expect(() => encodeGatewayFrame(123456, {})).toThrow(RangeError);
      expect(() => encodeBusinessFrame(0)).toThrow(RangeError);
    });

    // Topic names and uniqIds are free text, so a gateway can send the map key
    // "__proto__". @bufbuild/protobuf's fromBinary assigns it as the object's
    // prototype and loses the entry; the generated decoders keep it as a key.
    test('a map key "__proto__" survives encoding and decoding', () => {
      const items = Object.fromEntries([["__proto__", 1], ["news", 2]]);
      const decoded = decodeGatewayFrame(encoderOf(netsvr, "encodeTopicUniqIdCountResponse")({ items }));
      expect(decoded.cmd).toBe(Cmd.TopicUniqIdCount);
      expect(Object.entries((decoded.body as { items: object }).items)).toEqual([["__proto__", 1], ["news", 2]]);
    });
  });
});

describe("v2 only: fixed vectors observed from a real gateway", () => {
  const { Cmd, RegisterRespCode, RegisterRespSchema } = v2;

  test("Register request", () => {
    expect(hex(v2.encodeRegisterRequest({ workerId: 1, processCmdGoroutineNum: 2 }))).toBe("0000000835a4f4b908011002");
  });

  test("Register response", () => {
    const wire = bytes([0x00, 0x00, 0x00, 0x26, 0x35, 0xa4, 0xf4, 0xb9, 0x12, 0x07], "Success", [0x1a, 0x17], "00000004127.0.0.1:47324");
    const decoded = v2.decodeGatewayFrame(wire);
    expect({ kind: decoded.kind, cmd: decoded.cmd, name: decoded.name }).toEqual({ kind: "response", cmd: Cmd.Register, name: "Register" });
    const expected = create(RegisterRespSchema, { code: RegisterRespCode.Success, message: "Success", registerId: "00000004127.0.0.1:47324" });
    expect(equals(RegisterRespSchema, decoded.body as never, expected)).toBe(true);
  });

  test("UniqIdCount request", () => {
    expect(hex(v2.encodeUniqIdCountRequest())).toBe("0000000435a4f4bd");
  });

  test("ping and pong", () => {
    const ping = v2.encodePing();
    const pong = v2.encodePong();
    expect(hex(ping)).toBe(hex(bytes([0, 0, 0, 9], "~3yPvmnz~")));
    expect(hex(pong)).toBe(hex(bytes([0, 0, 0, 8], "~u38NvZ~")));
    expect([v2.isPing(ping), v2.isPong(ping), v2.isPing(pong), v2.isPong(pong)]).toEqual([true, false, false, true]);
    expect(v2.decodeBusinessFrame(ping).kind).toBe("ping");
    expect(v2.decodeGatewayFrame(pong).kind).toBe("pong");
  });

  test("heartbeats are new buffers, so a caller may reuse them", () => {
    v2.encodePing().fill(0);
    v2.encodePong().fill(0);
    expect(v2.isPing(v2.encodePing()) && v2.isPong(v2.encodePong())).toBe(true);
  });
});

describe("v6 only: fixed vectors of the v6.0.1 facts sheet", () => {
  const { Cmd, Event, RegisterRespCode, RegisterRespSchema } = v6;

  test("Register request {events: 7}, business -> gateway on the worker port", () => {
    const encoded = v6.encodeRegisterRequest({ events: Event.OnOpen | Event.OnClose | Event.OnMessage });
    expect(hex(encoded)).toBe("0000000635a4f4b90807");
    expect(hex(v6.encodeBusinessFrame(Cmd.Register, { events: 7 }))).toBe("0000000635a4f4b90807");
    const decoded = v6.decodeBusinessFrame(encoded);
    expect(decoded.cmd === Cmd.Register && decoded.body.events).toBe(7);
    expect(v6.cmdPorts[Cmd.Register]).toBe("worker");
  });

  test("Register response: code Success (0, left out), message, connId of 32 hex digits", () => {
    const connId = "0123456789abcdef0123456789abcdef";
    // L = 4 + 9 (field 2, "Success") + 34 (field 3, connId) = 47.
    const wire = bytes([0x00, 0x00, 0x00, 0x2f, 0x35, 0xa4, 0xf4, 0xb9, 0x12, 0x07], "Success", [0x1a, 0x20], connId);
    const decoded = v6.decodeGatewayFrame(wire);
    expect({ kind: decoded.kind, cmd: decoded.cmd, name: decoded.name }).toEqual({ kind: "response", cmd: Cmd.Register, name: "Register" });
    const expected = create(RegisterRespSchema, { code: RegisterRespCode.Success, message: "Success", connId });
    expect(equals(RegisterRespSchema, decoded.body as never, expected)).toBe(true);
    expect(hex(v6.encodeRegisterResponse(expected))).toBe(hex(wire));
  });

  test("SingleCast is 900002006 (35 a4 f0 d6)", () => {
    expect(Cmd.SingleCast).toBe(900002006);
    expect(hex(v6.encodeSingleCast({ uniqId: "u" }))).toBe("0000000735a4f0d60a0175");
  });

  test("UniqIdCount request", () => {
    expect(hex(v6.encodeUniqIdCountRequest())).toBe("0000000435a4f4bf");
  });

  test("ping, and no pong", () => {
    const ping = v6.encodePing();
    expect(hex(ping)).toBe(hex(bytes([0, 0, 0, 0x0e], "~6YOt5rW35piO~")));
    expect(v6.isPing(ping)).toBe(true);
    expect(v6.decodeBusinessFrame(ping).kind).toBe("ping");
    // The v6 gateway does not answer pings: the package has no pong at all.
    expect("encodePong" in v6).toBe(false);
    expect("isPong" in v6).toBe(false);
    // v2's pong bytes read as a command id ("~u38") to a v6 business.
    const error = frameError(v6, () => v6.decodeGatewayFrame(bytes([0, 0, 0, 8], "~u38NvZ~")));
    expect(error.code).toBe("unknown-command");
  });

  test("the ping is a new buffer, so a caller may reuse it", () => {
    v6.encodePing().fill(0);
    expect(v6.isPing(v6.encodePing())).toBe(true);
  });
});

describe("v6 only: ports, ConnOpenResp and Event", () => {
  const { Cmd, cmdPorts, ConnOpenRespSchema, Event } = v6;
  const workerPort = ["ConnOpen", "ConnClose", "Transfer", "Register", "Unregister"];

  test("Register, Unregister and the three events are on the worker port; every other command on the task port", () => {
    const expected = Object.fromEntries(Object.entries(Cmd).map(([name, id]) => [id, workerPort.includes(name) ? "worker" : "task"]));
    expect(cmdPorts).toEqual(expected);
    expect(Object.keys(cmdPorts)).toHaveLength(38);
  });

  test("connOpenRespToBinary / connOpenRespFromBinary agree with toBinary / fromBinary(ConnOpenRespSchema)", () => {
    fc.assert(
      fc.property(messageArbitrary(ConnOpenRespSchema), (message) => {
        const encoded = v6.connOpenRespToBinary(message);
        expect(hex(encoded)).toBe(hex(toBinary(ConnOpenRespSchema, message)));
        expect(v6.connOpenRespFromBinary(encoded)).toEqual(fromBinary(ConnOpenRespSchema, encoded));
      }),
      { numRuns: 150 },
    );
  });

  test("ConnOpenResp fields are numbered as in the sheet, and it is no command body", () => {
    // allow = 1, newSession = 2, newCustomerId = 3, newTopics = 4, data = 5.
    const encoded = v6.connOpenRespToBinary({ allow: true, newSession: "s", newCustomerId: "c", newTopics: ["t"], data: Uint8Array.of(9) });
    expect(hex(encoded)).toBe("0801120173" + "1a0163" + "220174" + "2a0109");
    const tables = [v6.eventSchemas, v6.onewaySchemas, v6.requestSchemas, v6.responseSchemas];
    const bodies = tables.flatMap((table) => Object.values(table));
    expect(bodies).not.toContain(ConnOpenRespSchema);
  });

  test("Event is exported with the sheet's bit flags", () => {
    expect([Event.Placeholder, Event.OnOpen, Event.OnClose, Event.OnMessage]).toEqual([0, 1, 2, 4]);
    expect(v6.EventSchema.typeName).toBe("netsvr.event.Event");
  });
});

// The allkinds test protocol carries well-known types: inside a body (Known,
// allkinds.WellKnown) and as whole bodies (Clock: google.protobuf.Empty in,
// google.protobuf.Timestamp out).
describe("allkinds: well-known types in frames", () => {
  const cases = [
    { command: "Known", kind: "oneway", cmd: 5, schema: allkinds.WellKnownSchema, encode: allkinds.encodeKnown, decode: allkinds.decodeClientFrame },
    { command: "Clock", kind: "request", cmd: 6, schema: EmptySchema, encode: allkinds.encodeClockRequest, decode: allkinds.decodeClientFrame },
    { command: "Clock", kind: "response", cmd: 6, schema: TimestampSchema, encode: allkinds.encodeClockResponse, decode: allkinds.decodeServerFrame },
  ] as const;

  test.each(cases)("$command $kind: frame == header + toBinary, decode(encode(x)) == x, decode == fromBinary", ({ command, kind, cmd, schema, encode, decode }) => {
    fc.assert(
      fc.property(messageArbitrary(schema as DescMessage), (message) => {
        const body = toBinary(schema as DescMessage, message);
        const encoded = (encode as (m: Message) => Uint8Array)(message);
        expect(hex(encoded)).toBe(hex(header(cmd, body.length)) + hex(body));
        const decoded = decode(encoded);
        expect({ kind: decoded.kind, cmd: decoded.cmd, name: decoded.name }).toEqual({ kind, cmd, name: command });
        expect(sameMessage(schema as DescMessage, decoded.body as Message, message)).toBe(true);
        // And a frame around toBinary's bytes reads as fromBinary reads them.
        expect(decode(frame(cmd, body)).body).toEqual(fromBinary(schema as DescMessage, body));
      }),
      { numRuns: 150 },
    );
  });

  test("the issue's example: {boolValue: true, struct, stringValue, int64Value} in a Known frame", () => {
    const body = { boolValue: true, struct: { a: 1 }, stringValue: "bob", int64Value: 5n };
    const encoded = allkinds.encodeKnown(body);
    expect(hex(encoded)).toBe(hex(header(5, encoded.length - 8)) + hex(toBinary(allkinds.WellKnownSchema, create(allkinds.WellKnownSchema, body))));
    // Fields in number order: int64Value (3) = 5, boolValue (7) = true, stringValue (8) = "bob", struct (10) = {a: 1}.
    expect(hex(encoded.subarray(8))).toBe("1a020805" + "3a020801" + "4205" + "0a03626f62" + "5210" + "0a0e" + "0a0161" + "1209" + "11000000000000f03f");
    const decoded = allkinds.decodeClientFrame(encoded);
    expect(decoded.cmd === 5 && decoded.body).toMatchObject(body);
  });
});

// Tags written as overlong varints, and other varints at the edges: our
// decoders accept and refuse what test/support/overlong.ts lists, next to what
// protobuf-es decides (and Python's, in wire-python.test.ts). A refusal is a
// FrameError "invalid-body", like any other malformed body.
describe("overlong varints: our decision next to protobuf-es's", () => {
  function decisionOf(run: () => unknown, FrameError?: new (...args: never[]) => Error): Decision {
    try {
      run();
      return "accept";
    } catch (error) {
      if (FrameError !== undefined) {
        expect(error).toBeInstanceOf(FrameError);
        expect((error as FrameErrorLike).code).toBe("invalid-body");
      }
      return "refuse";
    }
  }

  const allkindsDecoders: Record<string, { schema: DescMessage; decode: (bytes: Uint8Array) => unknown }> = {
    "allkinds.Scalars": { schema: allkinds.ScalarsSchema, decode: allkinds.scalarsFromBinary },
    "allkinds.Maps": { schema: allkinds.MapsSchema, decode: allkinds.mapsFromBinary },
    "allkinds.WellKnown": { schema: allkinds.WellKnownSchema, decode: allkinds.wellKnownFromBinary },
  };

  describe.each(allkindsOverlong)("$typeName", ({ typeName, cases }) => {
    const { schema, decode } = allkindsDecoders[typeName]!;
    test.each(cases)("$why: ours $ours, protobuf-es $protobufEs", (c) => {
      const body = bodyBytes(c);
      expect(decisionOf(() => decode(body), allkinds.FrameError)).toBe(c.ours);
      expect(decisionOf(() => fromBinary(schema, body))).toBe(c.protobufEs);
    });
  });

  describe.each(protocolVersions)("netsvr $version TopicUniqIdCountResp, in a whole frame", ({ version }) => {
    const netsvr = netsvrOf(version);
    const schema = version === "v2" ? v2.TopicUniqIdCountRespSchema : v6.TopicUniqIdCountRespSchema;
    test.each(netsvrOverlong.cases)("$why: ours $ours, protobuf-es $protobufEs", (c) => {
      const body = bodyBytes(c);
      const cmd = netsvr.Cmd.TopicUniqIdCount!;
      expect(decisionOf(() => netsvr.decodeGatewayFrame(frame(cmd, body)), netsvr.FrameError)).toBe(c.ours);
      expect(decisionOf(() => fromBinary(schema, body))).toBe(c.protobufEs);
    });
  });
});
