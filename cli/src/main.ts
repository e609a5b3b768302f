import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import * as commands from "./commands.js";
import { resolveSettings, v2GatewayFormat, v6GatewayFormat, type FlagSettings, type Settings } from "./config.js";
import { CliError, Exit, toCliError, type ExitCode } from "./errors.js";
import { openGateways, type Gateways, type OpenOptions } from "./gateways.js";
import { runTail } from "./tail.js";
import { runTop } from "./top.js";

interface GlobalFlags extends FlagSettings {
  readonly json?: boolean;
}

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function positiveNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CliError(Exit.usage, `${name} "${text}" is not a positive number`);
  return value;
}

function count(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new CliError(Exit.usage, `--count "${text}" is not a positive integer`);
  return value;
}

/** Runs the command line; resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: ExitCode = Exit.ok;
  const io = (flags: GlobalFlags): commands.Io => ({
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    json: flags.json === true,
  });

  /** Settings, gateways opened, the command run, the gateways closed. */
  const withGateways = <F extends object = object>(run: (gateways: Gateways, flags: GlobalFlags & F, args: string[]) => Promise<ExitCode>, options: OpenOptions = {}) => {
    return async (...params: unknown[]): Promise<void> => {
      // Commander calls an action with the command's arguments, its options, then the command.
      const command = params[params.length - 1] as Command;
      const args = (params.slice(0, -2) as (string | string[])[]).flat();
      const flags = command.optsWithGlobals<GlobalFlags & F>();
      const settings: Settings = resolveSettings(flags);
      const gateways = await openGateways(settings, options);
      try {
        exitCode = await run(gateways, flags, args);
      } finally {
        await gateways.close();
      }
    };
  };

  const program = new Command();
  program
    .name("netsvr")
    .description(
      "A command line for people who run netsvr WebSocket gateways: protocol v2 (netsvr v3) or v6 (netsvr v8), one gateway or several.\n" +
        "Gateways come from --gateway, else NETSVR_GATEWAYS, else a netsvr.json config file (see `netsvr config`).",
    )
    .version(version)
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError("(netsvr --help for usage)")
    .addOption(new Option("-p, --protocol <version>", "protocol version: v2 (netsvr v3) or v6 (netsvr v8); or NETSVR_PROTOCOL").choices(["v2", "v6"]))
    .option("-g, --gateway <address>", `a gateway (repeatable, or comma-separated): v2 ${v2GatewayFormat}, v6 ${v6GatewayFormat}; or NETSVR_GATEWAYS`, collect)
    .option("--server-id <id>", "v2: the server id of each --gateway, in order, checked against the gateway's answer (optional: it is asked)", collect)
    .option("-c, --config <file>", "JSON config file with protocol, gateways, timeout; or NETSVR_CONFIG; default ./netsvr.json if present")
    .option("-t, --timeout <ms>", "connect and answer timeout per gateway (default 5000); or NETSVR_TIMEOUT")
    .option("--json", "JSON output for scripts (NDJSON for top and tail)");

  program
    .command("config")
    .description("print the protocol, gateways and timeout this run would use, and where each came from (connects to nothing)")
    .action((_options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags>();
      exitCode = commands.showConfig(resolveSettings(flags), io(flags));
    });

  program
    .command("status")
    .description("one line per gateway and a total: connections, customerIds (v6), topics, limits")
    .action(withGateways((gateways, flags) => commands.status(gateways, io(flags))));

  program
    .command("top")
    .description("a live view of each gateway's Metrics: totals, change since the last refresh, per second; q or Ctrl-C quits")
    .option("-i, --interval <seconds>", "seconds between refreshes", "2")
    .option("-n, --count <n>", "stop after n refreshes")
    .action(
      withGateways<{ interval?: string; count?: string }>(
        async (gateways, options) => {
          const complete = await runTop(gateways, { interval: positiveNumber("--interval", options.interval, 2), count: count(options.count), json: options.json === true });
          return complete ? Exit.ok : Exit.unreachable;
        },
        { reconnect: true },
      ),
    );

  program
    .command("find")
    .description("whether connections are online, on which gateway, with session, topics and (v6) customerId; v6 looks each id up as a uniqId and as a customerId")
    .argument("<id...>", "uniqIds (v6: or customerIds)")
    .action(withGateways((gateways, flags, ids) => commands.find(gateways, ids, io(flags))));

  program
    .command("topics")
    .description("every topic and the gateways that have it")
    .option("--with-counts", "also the subscribed connections (and, v6, distinct customerIds) over all gateways")
    .action(withGateways<{ withCounts?: boolean }>((gateways, flags) => commands.topics(gateways, flags.withCounts === true, io(flags))));

  program
    .command("topic")
    .description("the subscribers of a topic, with their gateway and session (v6: customerId)")
    .argument("<name>")
    .action(withGateways((gateways, flags, [name]) => commands.topic(gateways, name!, io(flags))));

  program
    .command("send")
    .description("send a message to one connection (v6: or to every connection of a customerId); nothing is sent when it is not online")
    .argument("<target>", "a uniqId (or a customerId with --customer-id)")
    .argument("<message>", "text, @file, @- for stdin, @@text for text starting with @")
    .option("--customer-id", "v6: the target is a customerId")
    .action(
      withGateways<{ customerId?: boolean }>((gateways, flags, [target, message]) => {
        return commands.send(gateways, target!, commands.readMessage(message!), flags.customerId === true, io(flags));
      }),
    );

  program
    .command("publish")
    .description("publish a message to the subscribers of a topic, on every gateway")
    .argument("<topic>")
    .argument("<message>", "text, @file, @- for stdin, @@text for text starting with @")
    .action(
      withGateways((gateways, flags, [name, message]) => {
        return commands.publish(gateways, name!, commands.readMessage(message!), io(flags));
      }),
    );

  program
    .command("broadcast")
    .description("send a message to every connection of every gateway; asks first unless --yes")
    .argument("<message>", "text, @file, @- for stdin, @@text for text starting with @")
    .option("-y, --yes", "do not ask")
    .action(
      withGateways<{ yes?: boolean }>((gateways, flags, [message]) => {
        return commands.broadcast(gateways, commands.readMessage(message!), flags.yes === true, io(flags));
      }),
    );

  program
    .command("kick")
    .description("close connections (ForceOffline); asks first unless --yes")
    .argument("<id...>", "uniqIds (or customerIds with --customer-id)")
    .option("--customer-id", "v6: the ids are customerIds; every connection of each is closed")
    .option("--guest", "only connections without a session (v6: and without a customerId): ForceOfflineGuest")
    .option("--delay <seconds>", "with --guest: close after this many seconds", "0")
    .option("-m, --message <message>", "send this first (text, @file, @-); the gateway closes about 3 s later")
    .option("-y, --yes", "do not ask")
    .action(
      withGateways<{ customerId?: boolean; guest?: boolean; delay?: string; message?: string; yes?: boolean }>((gateways, options, ids) => {
        const delay = Number(options.delay ?? "0");
        if (!Number.isInteger(delay) || delay < 0) throw new CliError(Exit.usage, `--delay "${options.delay}" is not a whole number of seconds`);
        if (delay > 0 && options.guest !== true) throw new CliError(Exit.usage, "--delay is for --guest");
        return commands.kick(
          gateways,
          ids,
          {
            customerId: options.customerId === true,
            guest: options.guest === true,
            delay,
            message: options.message === undefined ? new Uint8Array(0) : commands.readMessage(options.message),
            yes: options.yes === true,
          },
          io(options),
        );
      }),
    );

  program
    .command("tail")
    .summary("register as a business and print ConnOpen, ConnClose and Transfer as they arrive (v2: --worker-id; v6: --share-events)")
    .description(
      "register as a business and print ConnOpen, ConnClose and Transfer events as they arrive. A gateway hands each event to ONE of the businesses registered for it, " +
        "so tail takes a share: v2 needs --worker-id (an id your businesses do not use); v6 needs --share-events",
    )
    .option("--worker-id <id>", "v2: the worker id to register as (1..999); required, refused when a gateway's Limit names it (unless --share-events)")
    .option("--events <list>", "v6: which events, of open,close,message (default all three)")
    .option("--share-events", "register even though running businesses then lose a share of these events to tail")
    .option("-n, --count <n>", "stop after n events")
    .action(async (_options: unknown, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags & { workerId?: string; events?: string; shareEvents?: boolean; count?: string }>();
      const settings = resolveSettings(flags);
      const out = io(flags);
      await runTail(settings, { workerId: flags.workerId, events: flags.events, shareEvents: flags.shareEvents === true, count: count(flags.count), json: flags.json === true }, out.out, out.err);
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return Exit.ok;
      if (error.code === "commander.executeSubCommandAsync") return Exit.ok;
      return Exit.usage;
    }
    const cli = toCliError(error);
    process.stderr.write(`netsvr: ${cli.message}\n`);
    return cli.exitCode;
  }
}
