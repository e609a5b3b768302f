import type { Schema } from "@bufbuild/protoplugin";
import type { Heartbeat, Protocol } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";

/** heartbeat.ts: the ping (and pong) frames, and predicates that recognise them. */
export function emitHeartbeat(schema: Schema<NetsvrOptions>, p: Protocol, heartbeat: Heartbeat): void {
  const f = generateFile(schema, p, "heartbeat.ts");
  const frames: { name: "Ping" | "Pong"; text: string; doc: string }[] = [
    { name: "Ping", text: heartbeat.ping, doc: `the heartbeat a ${p.client} sends` },
  ];
  if (heartbeat.pong !== undefined) {
    frames.push({ name: "Pong", text: heartbeat.pong, doc: `a ${p.server}'s answer to a ping` });
  }
  for (const { name, text } of frames) {
    const payload = [...new TextEncoder().encode(text)];
    const bytes = [...lengthPrefix(payload.length), ...payload].map((b) => `0x${b.toString(16).padStart(2, "0")}`);
    f.print(`/** The whole ${name.toLowerCase()} frame: u32 length ${payload.length}, then ${JSON.stringify(text)}. */`);
    f.print(`const ${name.toLowerCase()}Frame: readonly number[] = [${bytes.join(", ")}];`);
    f.print();
  }
  for (const { name, doc } of frames) {
    const frame = `${name.toLowerCase()}Frame`;
    f.print(`/** A new ${name.toLowerCase()} frame: ${doc}. */`);
    f.print(`export function encode${name}(): Uint8Array {`);
    f.print(`  return Uint8Array.from(${frame});`);
    f.print(`}`);
    f.print();
    f.print(`/** Whether a whole frame is ${doc}. Heartbeats are matched before any command id is read. */`);
    f.print(`export function is${name}(frame: Uint8Array): boolean {`);
    f.print(`  return sameBytes(frame, ${frame});`);
    f.print(`}`);
    f.print();
  }
  f.print(`function sameBytes(a: Uint8Array, b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}`);
}

function lengthPrefix(length: number): number[] {
  return [length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff];
}
