/**
 * Runs once per `npm run test:gateway`, before any test file: checks the
 * gateway variables (a malformed one stops the run with its format) and
 * prints one line saying which gateways the run uses, or how to get the
 * missing ones.
 */
import { skipNotice, v2Gateways, v2Pid, v6Gateways, v6Pid } from "./env.js";

export default function setup(): void {
  const using: string[] = [];
  if (v2Gateways.length > 0) using.push(`v2: ${v2Gateways.length} gateway(s)${v2Pid === undefined ? "" : `, pid ${v2Pid}`}`);
  if (v6Gateways.length > 0) using.push(`v6: ${v6Gateways.length} gateway(s)${v6Pid === undefined ? "" : `, pid ${v6Pid}`}`);
  if (using.length > 0) console.log(`gateway tests use ${using.join("; ")}`);
  const notice = skipNotice();
  if (notice !== undefined) console.log(notice);
}
