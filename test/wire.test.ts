import { create, equals, toBinary } from "@bufbuild/protobuf";
import type { DescMessage, Message } from "@bufbuild/protobuf";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as netsvr from "../generated/dist/v2/index.js";
import {
  Cmd,
  cmdKinds,
  cmdNames,
  decodeBusinessFrame,
  decodeGatewayFrame,
  encodeBusinessFrame,
  encodeGatewayFrame,
  encodePing,
  encodePong,
  encodeRegisterRequest,
  encodeUniqIdCountRequest,
  eventSchemas,
  FrameError,
  isPing,
  isPong,
  onewaySchemas,
  requestSchemas,
  responseSchemas,
} from "../generated/dist/v2/index.js";
import { RegisterRespCode, RegisterRespSchema } from "../generated/dist/v2/registerResp_pb.js";
import type { Direction } from "./support/arbitrary.js";
import { directions, frame, header, hex, manifestCommands, messageArbitrary, sameMessage } from "./support/arbitrary.js";

const all = directions();
const withBody = all.filter((d) => d.schema !== undefined);
const bodiless = all.filter((d) => d.schema === undefined);

type Encoder = (body?: unknown) => Uint8Array;

/** The per-command encoder a direction names, e.g. encodeRegisterResponse. */
function encoderOf(d: Direction): Encoder {
  const encoder = (netsvr as Record<string, unknown>)[d.encoder];
  if (typeof encoder !== "function") throw new Error(`the generated package does not export ${d.encoder}`);
  return encoder as Encoder;
}

/** The generic encoder of the side that sends d, called the way its signature asks. */
function encodeGeneric(d: Direction, body?: Message): Uint8Array {
  const encode = (d.sender === "gateway" ? encodeGatewayFrame : encodeBusinessFrame) as (cmd: number, ...body: unknown[]) => Uint8Array;
  return body === undefined ? encode(d.cmd) : encode(d.cmd, body);
}

/** The decoder of the side that receives d. */
function decoderOf(d: Direction): (frame: Uint8Array) => { kind: string; cmd: number | undefined; name: string; body: unknown } {
  return d.sender === "gateway" ? decodeGatewayFrame : decodeBusinessFrame;
}

function bytes(...parts: (number[] | string)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));
}

/** The FrameError that run throws; fails the test if it throws nothing or something else. */
function frameError(run: () => unknown): FrameError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FrameError);
    return error as FrameError;
  }
  throw new Error("expected a FrameError, but nothing was thrown");
}

describe("the generated tables follow the manifest", () => {
  const tableOf = { event: eventSchemas, oneway: onewaySchemas, request: requestSchemas, response: responseSchemas };

  test("command names and ids", () => {
    const manifest = manifestCommands();
    expect(Cmd).toEqual(Object.fromEntries(manifest.map((c) => [c.name, c.id])));
    for (const c of manifest) {
      expect(cmdNames[c.id as Cmd]).toBe(c.name);
      expect(cmdKinds[c.id as Cmd]).toBe(c.kind);
    }
  });

  test.each(all)("$command $kind: body schema and encoder", (d) => {
    const table = tableOf[d.kind] as unknown as Record<number, DescMessage | undefined>;
    expect(d.cmd in table).toBe(true);
    expect(table[d.cmd]?.typeName).toBe(d.typeName);
    expect(typeof encoderOf(d)).toBe("function");
  });
});

describe("every command direction round-trips", () => {
  test.each(withBody)("$command $kind ($typeName)", (d) => {
    const schema = d.schema!;
    const encode = encoderOf(d);
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
    const encoded = encoderOf(d)();
    expect(hex(encoded)).toBe(hex(header(d.cmd, 0)));
    expect(hex(encodeGeneric(d))).toBe(hex(encoded));
    expect(decoderOf(d)(encoded)).toEqual({ kind: d.kind, cmd: d.cmd, name: d.command, body: undefined });
  });
});

describe("fixed vectors observed from a real gateway", () => {
  test("Register request", () => {
    expect(hex(encodeRegisterRequest({ workerId: 1, processCmdGoroutineNum: 2 }))).toBe("0000000835a4f4b908011002");
  });

  test("Register response", () => {
    const wire = bytes([0x00, 0x00, 0x00, 0x26, 0x35, 0xa4, 0xf4, 0xb9, 0x12, 0x07], "Success", [0x1a, 0x17], "00000004127.0.0.1:47324");
    const decoded = decodeGatewayFrame(wire);
    expect({ kind: decoded.kind, cmd: decoded.cmd, name: decoded.name }).toEqual({ kind: "response", cmd: Cmd.Register, name: "Register" });
    const expected = create(RegisterRespSchema, { code: RegisterRespCode.Success, message: "Success", registerId: "00000004127.0.0.1:47324" });
    expect(equals(RegisterRespSchema, decoded.body as never, expected)).toBe(true);
  });

  test("UniqIdCount request", () => {
    expect(hex(encodeUniqIdCountRequest())).toBe("0000000435a4f4bd");
  });

  test("ping and pong", () => {
    const ping = encodePing();
    const pong = encodePong();
    expect(hex(ping)).toBe(hex(bytes([0, 0, 0, 9], "~3yPvmnz~")));
    expect(hex(pong)).toBe(hex(bytes([0, 0, 0, 8], "~u38NvZ~")));
    expect([isPing(ping), isPong(ping), isPing(pong), isPong(pong)]).toEqual([true, false, false, true]);
    expect(decodeBusinessFrame(ping).kind).toBe("ping");
    expect(decodeGatewayFrame(pong).kind).toBe("pong");
  });

  test("heartbeats are new buffers, so a caller may reuse them", () => {
    encodePing().fill(0);
    encodePong().fill(0);
    expect(isPing(encodePing()) && isPong(encodePong())).toBe(true);
  });
});

describe("decoder errors", () => {
  const singleCast = netsvr.encodeSingleCast({ uniqId: "u", data: bytes("hello") });
  const connClose = netsvr.encodeConnClose({ uniqId: "u", session: "s" });
  const decoders = [
    { side: "gateway", decode: decodeGatewayFrame, valid: connClose, cmd: Cmd.ConnClose, name: "ConnClose" },
    { side: "business", decode: decodeBusinessFrame, valid: singleCast, cmd: Cmd.SingleCast, name: "SingleCast" },
  ];

  test.each(decoders)("$side: a frame shorter than its header is truncated", ({ decode, valid }) => {
    for (const length of [0, 1, 4, 7]) {
      expect(frameError(() => decode(valid.subarray(0, length))).code).toBe("truncated");
    }
  });

  test.each(decoders)("$side: a length prefix beyond the bytes is truncated", ({ decode, valid, cmd, name }) => {
    const error = frameError(() => decode(valid.subarray(0, valid.length - 1)));
    expect(error.code).toBe("truncated");
    expect(error.cmd).toBe(cmd);
    expect(error.message).toBe(`${name} (${cmd}): frame declares ${valid.length - 4} bytes of payload, got ${valid.length - 5}`);
  });

  test.each(decoders)("$side: bytes after the declared length are trailing", ({ decode, valid, cmd, name }) => {
    const error = frameError(() => decode(bytes([...valid, 0])));
    expect(error.code).toBe("trailing-bytes");
    expect(error.cmd).toBe(cmd);
    expect(error.message).toBe(`${name} (${cmd}): frame declares ${valid.length - 4} bytes of payload, got ${valid.length - 3}`);
  });

  test.each(decoders)("$side: a length prefix too small for a command id names no command", ({ decode, valid }) => {
    for (const declared of [0, 3]) {
      const frame = bytes([0, 0, 0, declared, ...valid.subarray(4)]);
      const error = frameError(() => decode(frame));
      expect(error.code).toBe("truncated");
      expect(error.cmd).toBeUndefined();
      expect(error.message).toBe(`frame declares ${declared} bytes of payload, too few for a command id`);
    }
  });

  test.each(decoders)("$side: an unknown command id", ({ decode }) => {
    for (const cmd of [0, 123456, 900002014, 0xffffffff]) {
      const error = frameError(() => decode(frame(cmd)));
      expect(error.code).toBe("unknown-command");
      expect(error.cmd).toBe(cmd);
      expect(error.message).toContain(String(cmd));
    }
  });

  // A gateway never sends one-way commands, a business never sends events.
  test.each(all.filter((d) => d.kind === "event" || d.kind === "oneway"))("$command given to the other side is an unknown command", (d) => {
    const decode = d.sender === "gateway" ? decodeBusinessFrame : decodeGatewayFrame;
    const error = frameError(() => decode(frame(d.cmd)));
    expect(error.code).toBe("unknown-command");
    expect(error.message).toContain(d.command);
  });

  // Heartbeats are matched per side; the other side reads their first 4 ASCII bytes as a command id.
  test("a heartbeat given to the other side is an unknown command", () => {
    expect(frameError(() => decodeGatewayFrame(encodePing())).code).toBe("unknown-command");
    expect(frameError(() => decodeBusinessFrame(encodePong())).code).toBe("unknown-command");
  });

  const invalidBodies = [
    { why: "truncated varint", cmd: Cmd.Register, decode: decodeBusinessFrame, body: [0x08, 0x80] },
    { why: "truncated varint", cmd: Cmd.Register, decode: decodeGatewayFrame, body: [0x08, 0xff] },
    { why: "truncated length", cmd: Cmd.SingleCast, decode: decodeBusinessFrame, body: [0x0a, 0x80] },
    { why: "length past the end", cmd: Cmd.Transfer, decode: decodeGatewayFrame, body: [0x1a, 0x05, 0x61] },
    { why: "invalid UTF-8 in a string", cmd: Cmd.ConnOpen, decode: decodeGatewayFrame, body: [0x0a, 0x01, 0xff] },
    { why: "illegal wire type", cmd: Cmd.Broadcast, decode: decodeBusinessFrame, body: [0x0f, 0x00] },
  ];

  test.each(invalidBodies)("invalid body: $why", ({ cmd, decode, body }) => {
    const error = frameError(() => decode(frame(cmd, Uint8Array.from(body))));
    expect(error.code).toBe("invalid-body");
    expect(error.cmd).toBe(cmd);
    expect(error.message).toContain(cmdNames[cmd]);
  });

  test.each(bodiless)("$command request carrying body bytes", (d) => {
    const error = frameError(() => decodeBusinessFrame(frame(d.cmd, Uint8Array.from([0x08, 0x01]))));
    expect(error.code).toBe("invalid-body");
    expect(error.message).toContain(d.command);
  });

  test("the generic encoders reject a command id of the other side", () => {
    const gateway = encodeGatewayFrame as (cmd: number, body?: unknown) => Uint8Array;
    const business = encodeBusinessFrame as (cmd: number, body?: unknown) => Uint8Array;
    expect(() => gateway(Cmd.SingleCast, {})).toThrow(RangeError);
    expect(() => business(Cmd.ConnOpen, {})).toThrow(RangeError);
    expect(() => gateway(123456, {})).toThrow(RangeError);
    expect(() => business(0)).toThrow(RangeError);
  });

  // Topic names and uniqIds are free text, so a gateway can send the map key
  // "__proto__". @bufbuild/protobuf's fromBinary assigns it as the object's
  // prototype and loses the entry; the generated decoders keep it as a key.
  test('a map key "__proto__" survives encoding and decoding', () => {
    const items = Object.fromEntries([["__proto__", 1], ["news", 2]]);
    const frame = decodeGatewayFrame(netsvr.encodeTopicUniqIdCountResponse({ items }));
    expect(frame.cmd === Cmd.TopicUniqIdCount && Object.entries(frame.body.items)).toEqual([["__proto__", 1], ["news", 2]]);
  });
});
