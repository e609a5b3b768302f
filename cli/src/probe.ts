import { connect as netConnect } from "node:net";
import * as v2 from "netsvr-protocol/v2";
import * as v6 from "netsvr-protocol/v6";
import type { Address, Protocol } from "./config.js";
import { CliError, Exit, socketErrorText } from "./errors.js";

/**
 * Before a command, every gateway is asked, on a connection of its own,
 * whether it speaks the expected protocol on that port, so a wrong port or
 * version is a clear error instead of a wrong answer (a v3 gateway answers
 * v6's UniqIdCount id as its own TopicList). The probes differ where the
 * gateways do:
 *
 * - v2: the v2 ping and UniqIdCount. netsvr v3 answers the ping with its
 *   pong and the count with its server id; a v8 port takes the ping for an
 *   unknown command id and closes the connection.
 * - v6 (task port): the v6 heartbeat and UniqIdCount. netsvr v8's task port
 *   absorbs the heartbeat and answers; its worker port closes on any command
 *   but Register; a v3 gateway takes the v6 heartbeat for an unknown command
 *   id and closes.
 *
 * When a probe is closed on, the other version's probe tells which case it is.
 */

export type ProbeResult =
  | { readonly ok: true; readonly serverId: number | undefined }
  | { readonly ok: false; readonly why: "closed" | "timeout" | "error"; readonly error?: unknown };

function probe(address: Address, timeout: number, frames: Uint8Array[], feed: (frame: Uint8Array) => "more" | { serverId: number | undefined }): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = netConnect({ host: address.host, port: address.port });
    let done = false;
    const finish = (result: ProbeResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, why: "timeout" }), timeout);
    const splitter = new v6.FrameSplitter({ maxFrameSize: v6.maxGatewayFrameSize });
    socket.setNoDelay(true);
    socket.on("connect", () => socket.write(Buffer.concat(frames)));
    socket.on("data", (chunk) => {
      try {
        splitter.push(chunk, (frame) => {
          const outcome = feed(frame);
          if (outcome !== "more") finish({ ok: true, serverId: outcome.serverId });
        });
      } catch {
        // Frames of another protocol: as good as a close, for the diagnosis.
        finish({ ok: false, why: "closed" });
      }
    });
    socket.on("error", (error) => finish({ ok: false, why: "error", error }));
    socket.on("close", () => finish({ ok: false, why: "closed" }));
  });
}

/** A v2 gateway (netsvr v3): a pong and the UniqIdCount answer, which names its server id. */
export function probeV2(address: Address, timeout: number): Promise<ProbeResult> {
  let pong = false;
  let serverId: number | undefined;
  return probe(address, timeout, [v2.encodePing(), v2.encodeUniqIdCountRequest()], (frame) => {
    if (v2.isPong(frame)) pong = true;
    else {
      const decoded = v2.decodeGatewayFrame(frame);
      if (decoded.kind === "response" && decoded.cmd === v2.Cmd.UniqIdCount) serverId = decoded.body.serverId;
    }
    return pong && serverId !== undefined ? { serverId } : "more";
  });
}

/** A v6 gateway's task port (netsvr v8): the heartbeat absorbed, UniqIdCount answered. */
export function probeV6Task(address: Address, timeout: number): Promise<ProbeResult> {
  return probe(address, timeout, [v6.encodePing(), v6.encodeUniqIdCountRequest()], (frame) => {
    const decoded = v6.decodeGatewayFrame(frame);
    return decoded.kind === "response" && decoded.cmd === v6.Cmd.UniqIdCount ? { serverId: undefined } : "more";
  });
}

function unreachable(name: string, result: ProbeResult & { ok: false }, timeout: number): CliError {
  if (result.why === "timeout") return new CliError(Exit.unreachable, `${name}: no answer within ${timeout} ms`);
  return new CliError(Exit.unreachable, `${name}: cannot reach the gateway: ${socketErrorText(result.error)}`);
}

/**
 * Checks that `address` is a business port of the protocol (v6: the task
 * port) and returns what the probe learned: a v2 gateway's server id.
 * Throws a CliError that says what the port is instead, where it can tell.
 */
export async function checkGateway(protocol: Protocol, name: string, address: Address, timeout: number): Promise<{ serverId: number | undefined }> {
  if (protocol === "v2") {
    const result = await probeV2(address, timeout);
    if (result.ok) return { serverId: result.serverId };
    if (result.why !== "closed") throw unreachable(name, result, timeout);
    const other = await probeV6Task(address, timeout);
    if (other.ok) throw new CliError(Exit.wrongRole, `${name} is the task port of a protocol v6 gateway (netsvr v8): use --protocol v6`);
    throw new CliError(Exit.wrongRole, `${name} closed the connection on the v2 heartbeat: not a protocol v2 gateway (netsvr v3) business port; a v6 gateway's worker port does that (use --protocol v6 with its task port)`);
  }
  const result = await probeV6Task(address, timeout);
  if (result.ok) return { serverId: undefined };
  if (result.why !== "closed") throw unreachable(name, result, timeout);
  const other = await probeV2(address, timeout);
  if (other.ok) throw new CliError(Exit.wrongRole, `${name} is a protocol v2 gateway (netsvr v3, server id ${other.serverId}): use --protocol v2`);
  throw new CliError(Exit.wrongRole, `${name} closed the connection on UniqIdCount: not the task port of a protocol v6 gateway (netsvr v8); its worker port does that (give the task port, or host:workerPort@host:taskPort)`);
}
