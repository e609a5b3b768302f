import { ClientError, RegistrationError } from "netsvr-protocol/v6/node";
import { ClientError as ClientErrorV2, RegistrationError as RegistrationErrorV2 } from "netsvr-protocol/v2/node";

/**
 * Exit codes, for scripts (cli/README.md, "Exit codes"). Every failure
 * prints one line on stderr as well.
 */
export const Exit = {
  /** Done. */
  ok: 0,
  /** Nothing matched: not online, no such topic member, no subscriber, nobody to kick; nothing was sent. */
  notFound: 1,
  /** Bad arguments or configuration. */
  usage: 2,
  /** A gateway could not be reached, closed the connection, or did not answer in time. */
  unreachable: 3,
  /** A gateway speaks the other protocol version, or the port has the other role (v6 worker vs task port). */
  wrongRole: 4,
  /** The gateway refused the registration (tail). */
  refused: 5,
  /** Not done without an explicit yes: --yes (broadcast, kick), --share-events (tail), or the answer was no. */
  notConfirmed: 6,
  /** A bug: an error this program did not expect. */
  internal: 70,
} as const;

export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** An error whose message is for the user, with the exit code it ends the program with. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

function isClientError(error: unknown): error is ClientError {
  return error instanceof ClientError || error instanceof ClientErrorV2;
}

function isRegistrationError(error: unknown): error is RegistrationError {
  return error instanceof RegistrationError || error instanceof RegistrationErrorV2;
}

/** The text of a socket error, e.g. "connection refused (ECONNREFUSED)". */
export function socketErrorText(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: "connection refused",
    ECONNRESET: "connection reset",
    ETIMEDOUT: "timed out",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ENOTFOUND: "host name not found",
    EAI_AGAIN: "host name lookup failed",
    EPIPE: "connection closed",
  };
  if (typeof code === "string") return `${known[code] ?? (error as Error).message} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A CliError for any failure of a gateway call: what the user reads, with
 * the exit code scripts test. `where` names the gateway(s) and the call.
 */
export function toCliError(error: unknown, where = ""): CliError {
  if (error instanceof CliError) return error;
  const at = where === "" ? "" : `${where}: `;
  if (isRegistrationError(error)) return new CliError(Exit.refused, `${at}${error.message}`);
  if (isClientError(error)) {
    switch (error.code) {
      case "no-owner":
        return new CliError(Exit.notFound, `${at}${error.message}`);
      case "wrong-port":
        return new CliError(Exit.wrongRole, `${at}${error.message}`);
      case "frame-too-large":
        return new CliError(Exit.usage, `${at}${error.message}`);
      case "disconnected":
        return new CliError(Exit.unreachable, `${at}the gateway closed the connection before it answered (${error.message})`);
      default:
        return new CliError(Exit.unreachable, `${at}${error.message}`);
    }
  }
  if (error instanceof AggregateError) {
    const first = error.errors[0];
    return toCliError(first, where === "" ? error.message : `${where} (${error.message})`);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return new CliError(Exit.unreachable, `${at}${socketErrorText(error)}`);
  return new CliError(Exit.internal, `${at}${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
