// The application wire by encoding name, for tests that play either side in
// both encodings (generated code names its wire, binaryWire or jsonWire).
import { binaryWire, jsonWire, type Encoding, type Payload } from "../../plugin/runtime/app-wire.ts";

/** A command message in encoding; payload undefined for a command without body. */
export function writeMessage(encoding: Encoding, cmd: number, name: string, id: number, payload: Payload | undefined): Uint8Array | string {
  return (encoding === "json" ? jsonWire : binaryWire).write(cmd, name, id, payload);
}

/** An error answer in encoding. */
export function writeError(encoding: Encoding, cmd: number, name: string | undefined, id: number, code: string, message: string): Uint8Array | string {
  return (encoding === "json" ? jsonWire : binaryWire).writeError(cmd, name, id, code, message);
}
