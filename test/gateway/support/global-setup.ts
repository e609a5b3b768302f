/**
 * Runs once per `npm run test:gateway`, before any test file: checks the
 * gateway variables (a malformed one stops the run with its format) and
 * prints one line saying which gateways the run uses, or how to get the
 * missing ones.
 */
import { skipNotice, v2Gateways, v2Pid, v6Gateways, v6Pid } from "./env.js";

export default function setup(): void {
  const using: string[] = [];
  const describe = (version: string, count: number, pid: number | undefined, variable: string): string =>
    `${version}: ${count} gateway(s)${count < 2 ? " (cluster tests need 2)" : ""}, ${pid === undefined ? `no ${variable} (stall test skipped)` : `pid ${pid}`}`;
  if (v2Gateways.length > 0) using.push(describe("v2", v2Gateways.length, v2Pid, "NETSVR_V2_PID"));
  if (v6Gateways.length > 0) using.push(describe("v6", v6Gateways.length, v6Pid, "NETSVR_V6_PID"));
  if (using.length > 0) console.log(`gateway tests use ${using.join("; ")}`);
  const notice = skipNotice();
  if (notice !== undefined) console.log(notice);
}
