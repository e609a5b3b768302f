import type { GeneratedFile, Printable, Schema } from "@bufbuild/protoplugin";
import type { MergeRules, Protocol, RequestCommand, Routing } from "../model/protocol.js";
import type { NetsvrOptions } from "../options.js";
import { generateFile } from "./header.js";
import { printCustomerLink } from "./customer-link.js";
import { emitRuntimeFiles } from "./runtime-files.js";
import { a, clientTypeName, pascal } from "./names.js";

/**
 * node-client.ts (and node-cluster.ts when the manifest declares routing):
 * the protocol-independent runtime, the same for every protocol. It is kept
 * as real TypeScript files so it is written, read and checked as code.
 */
export function emitNodeRuntime(schema: Schema<NetsvrOptions>, p: Protocol): void {
  emitRuntimeFiles(schema, p, p.routing === undefined ? ["node-client.ts"] : ["node-client.ts", "node-cluster.ts"]);
}

/**
 * node.ts: the Node entry point. It binds the runtime to this protocol's
 * tables and gives the client its types: one connect function, or one per
 * port when the manifest declares ports.
 */
export function emitNode(schema: Schema<NetsvrOptions>, p: Protocol): void {
  const f = generateFile(schema, p, "node.ts");
  const runtime = (name: string, typeOnly = false) => f.import(name, "./node-client.js", typeOnly);
  const commands = (name: string, typeOnly = false) => f.import(name, "./commands.js", typeOnly);
  const Client = pascal(p.client);

  f.print(
    `export { `,
    ["ClientError", "RegistrationError"].map((n) => [runtime(n), ", "]),
    ["ClientErrorCode", "ClientLifecycle", "ClientOptions", "ClientState", "ClientStats", "EventHandler", "ReconnectOptions", "RequestOptions", "Unsubscribe"].map((n, i, all) => [
      "type ",
      runtime(n, true),
      i < all.length - 1 ? ", " : "",
    ]),
    ` };`,
  );
  f.print();

  printBinding(f, p);

  const ports = p.ports.length > 0 ? p.ports : [undefined];
  for (const port of ports) {
    const prefix = port === undefined ? Client : pascal(port.name);
    const inPort = (cmdType: string): Printable =>
      port === undefined ? commands(cmdType, true) : [commands(cmdType, true), " & ", commands(`${pascal(port.name)}PortCmd`, true)];
    const register = p.registration !== undefined && (port === undefined || p.registration.register.port === port.name) ? p.registration : undefined;
    const BodyInitOf = commands("BodyInitOf", true);
    const BodyOf = commands("BodyOf", true);
    const schemas = (name: string) => commands(name, true);
    const clientName = clientTypeName(prefix);
    const typesName = `${clientName}Types`;
    const requestBody = (c: RequestCommand, side: "request" | "response"): Printable => [
      side === "request" ? BodyInitOf : BodyOf,
      "<",
      schemas(side === "request" ? "RequestSchemas" : "ResponseSchemas"),
      "[typeof ",
      commands("Cmd"),
      ".",
      c.name,
      "]>",
    ];

    const what = port === undefined ? `a ${p.client} connection to ${a(p.server)}` : `a ${p.client} connection to ${a(p.server)}'s ${port.name} port`;
    f.print(f.jsDoc(`The types of ${what}, by command id.`));
    f.print(f.export("interface", typesName), " extends ", runtime("ClientTypes", true), " {");
    f.print("  readonly oneway: { readonly [C in ", inPort("OnewayCmd"), "]: ", BodyInitOf, "<", schemas("OnewaySchemas"), "[C]> };");
    f.print("  readonly request: { readonly [C in ", inPort("RequestCmd"), "]: ", BodyInitOf, "<", schemas("RequestSchemas"), "[C]> };");
    f.print("  readonly response: { readonly [C in ", inPort("RequestCmd"), "]: ", BodyOf, "<", schemas("ResponseSchemas"), "[C]> };");
    f.print("  readonly event: { readonly [C in ", inPort("EventCmd"), "]: ", f.import("EventFrame", "./frames.js", true), "<C> };");
    f.print("  readonly register: ", register === undefined ? "never" : requestBody(register.register, "request"), ";");
    f.print("  readonly registerResponse: ", register === undefined ? "never" : requestBody(register.register, "response"), ";");
    f.print("  readonly unregisterResponse: ", register === undefined ? "never" : requestBody(register.unregister, "response"), ";");
    f.print("}");
    f.print();
    f.print(f.jsDoc(`${pascal(what)}, kept open: see connect${port === undefined ? "" : pascal(port.name)}().`));
    f.print(f.export("type", clientName), " = ", runtime("Client", true), "<", typesName, ">;");
    f.print();
    const portDoc = port === undefined ? "" : `\n\nThe ${port.name} port: ${port.doc}`;
    const registerDoc = register === undefined ? "" : `\n\nregister() registers it; after a reconnect it registers again with the same body, and close() unregisters it.`;
    f.print(
      f.jsDoc(
        `Opens ${what} and resolves once it is open (the first attempt is not retried; later drops reconnect with backoff).${portDoc}${registerDoc}\n\n` +
          `Answers to requests are matched in order per command id, which holds while the ${p.server} answers in order` +
          (p.registration?.concurrency === undefined
            ? "."
            : ` (after register() with ${p.registration.concurrency.localName} above 1 it may not: then one request per command id is in flight at a time).`),
      ),
    );
    f.print(f.export("async function", `connect${port === undefined ? "" : pascal(port.name)}`), "(options: ", runtime("ClientOptions", true), "): Promise<", clientName, "> {");
    f.print("  const client = new ", runtime("Client"), "<", typesName, ">(binding, options", port === undefined ? "" : `, "${port.name}"`, ");");
    f.print("  await client.open();");
    f.print("  return client;");
    f.print("}");
    f.print();
    if (p.routing !== undefined && p.routing.port === port?.name) printCluster(f, p, p.routing, prefix, port === undefined ? "connect" : `connect${pascal(port.name)}`);
  }
  if (p.customers !== undefined) printCustomerLink(f, p, p.customers);
}

/** createCluster(): clients of several servers as one, bound to this protocol's routing and merge rules. */
function printCluster(f: GeneratedFile, p: Protocol, routing: Routing, prefix: string, connect: string): void {
  const cluster = (name: string, typeOnly = false) => f.import(name, "./node-cluster.js", typeOnly);
  const Cmd = f.import("Cmd", "./commands.js");
  const merged = p.commands.flatMap((c) => (c.kind === "request" && c.merge !== undefined ? [{ command: c, rules: c.merge }] : []));
  const names = (commands: readonly { readonly name: string }[]): Printable[] => commands.map((c, i) => [i > 0 ? ", " : "", Cmd, ".", c.name]);
  f.print(f.jsDoc(`Commands whose body has ${routing.field}: they go to the ${p.server} that owns it.`));
  f.print("const routedCmds: ReadonlySet<number> = new Set([", names(routing.commands), "]);");
  f.print();
  f.print(f.jsDoc("How the answers of several servers merge, per request; the others have no correct merge."));
  f.print("const mergeRules: { readonly [cmd: number]: ", cluster("MergeRules", true), " } = {");
  for (const { command, rules } of merged) f.print("  [", Cmd, ".", command.name, "]: ", printRules(rules), ",");
  f.print("};");
  f.print();
  const mergedName = `${prefix}MergedCmd`;
  f.print(f.jsDoc(`The requests whose answers merge: the ones cluster.request() takes (requestAll() takes any).`));
  f.print(
    f.export("type", mergedName),
    " = ",
    merged.length === 0 ? "never" : merged.map((m, i) => [i > 0 ? " | " : "", "typeof ", Cmd, ".", m.command.name]),
    ";",
  );
  f.print();
  f.print("const clusterBinding: ", cluster("ClusterBinding", true), " = {");
  f.print(`  field: "${routing.field}",`);
  f.print(`  prefixLength: ${routing.prefixLength},`);
  f.print(`  prefix: ${routing.prefix === undefined ? "undefined" : `"${routing.prefix}"`},`);
  f.print("  routed: (cmd) => routedCmds.has(cmd),");
  f.print("  merge: (cmd) => mergeRules[cmd],");
  f.print("  renames: new Map([", routing.renames.map((r, i) => [i > 0 ? ", " : "", "[", Cmd, ".", r.command.name, `, "${r.newField}"]`]), "]),");
  f.print("  learnFrom: [", names(routing.learnFrom), "],");
  f.print("  forgetOn: [", names(routing.forgetOn), "],");
  f.print("};");
  f.print();
  const name = `${prefix}Cluster`;
  f.print(f.jsDoc(`${pascal(p.client)} connections to several ${p.server}s as one: see createCluster().`));
  f.print(f.export("type", name), " = ", cluster("Cluster", true), "<", `${clientTypeName(prefix)}Types, ${mergedName}`, ">;");
  f.print();
  const prefixDoc =
    routing.prefix === "address"
      ? `A member's uniqIdPrefix defaults to the hex of its IPv4 address and port (give it when the address is a name or translated).`
      : `Each member gives its uniqIdPrefix: the first ${routing.prefixLength} characters of the ${routing.field}s its ${p.server} hands out.`;
  const ownerDoc =
    routing.renames.length === 0
      ? `A command whose body has ${routing.field} goes to the ${p.server} whose prefix starts it`
      : `A command whose body has ${routing.field} goes to the ${p.server} known to own it ` +
        `(learned from ${[...routing.learnFrom, ...routing.renames.map((r) => r.command)].map((c) => c.name).join(", ")}, ` +
        `since ${routing.renames.map((r) => r.command.name).join(", ")} can rename an id to anything), or to all when not known`;
  f.print(
    f.jsDoc(
      `Connects to every member and resolves once all are open (if one fails, the others are closed and the error is thrown).\n\n` +
        `${ownerDoc}; other one-way commands go to all; other requests go to all and their answers are merged ` +
        `(${mergedName}; requestAll() for the rest). ${prefixDoc}`,
    ),
  );
  f.print(
    f.export("async function", "createCluster"),
    "(members: readonly ",
    cluster("ClusterMember", true),
    "[], options?: ",
    cluster("ClusterOptions", true),
    "): Promise<",
    name,
    "> {",
  );
  f.print("  const prefixes = ", cluster("memberPrefixes"), "(clusterBinding, members);");
  f.print("  const opened = await Promise.allSettled(members.map((member) => ", connect, "(member)));");
  f.print("  const clients = opened.flatMap((result) => (result.status === \"fulfilled\" ? [result.value] : []));");
  f.print("  const failed = opened.find((result) => result.status === \"rejected\");");
  f.print("  if (failed !== undefined) {");
  f.print("    await Promise.all(clients.map((client) => client.close()));");
  f.print("    throw failed.reason;");
  f.print("  }");
  f.print("  return new ", cluster("Cluster"), "(clusterBinding, clients, prefixes, options);");
  f.print("}");
  f.print();
  f.print("export type { ", cluster("ClusterMember", true), ", ", cluster("ClusterOptions", true), ", ", cluster("MemberResult", true), " };");
}

/** A merge rule table as an object literal: { count: "sum", items: { each: { uniqIds: "concat" } } }. */
function printRules(rules: MergeRules): string {
  const entries = rules.map(({ field, rule }) => {
    if (typeof rule === "string") return `${field.localName}: "${rule}"`;
    return `${field.localName}: { ${field.fieldKind === "map" ? "each" : "fields"}: ${printRules(rule)} }`;
  });
  return `{ ${entries.join(", ")} }`;
}

/** The runtime's view of this protocol. */
function printBinding(f: GeneratedFile, p: Protocol): void {
  const commands = (name: string, typeOnly = false) => f.import(name, "./commands.js", typeOnly);
  const Cmd = commands("Cmd");
  const Client = pascal(p.client);
  const Server = pascal(p.server);
  f.print("const binding: ", f.import("ClientBinding", "./node-client.js", true), " = {");
  f.print("  ping: ", p.heartbeat === undefined ? "undefined" : [f.import("encodePing", "./heartbeat.js"), "()"], ",");
  f.print("  pong: ", p.heartbeat?.pong !== undefined ? "true" : "false", ",");
  f.print("  createSplitter: (options) => new ", f.import("FrameSplitter", "./splitter.js"), "(options),");
  f.print("  maxIncomingFrameSize: ", f.import(`max${Server}FrameSize`, "./wire.js"), ",");
  f.print("  maxOutgoingFrameSize: ", f.import("maxFrameSize", "./wire.js"), ",");
  f.print("  decode: ", f.import(`decode${Server}Frame`, "./decode.js"), ",");
  // A protocol whose client sends no body has frame arguments of [cmd] alone.
  const bodies = p.commands.some((c) => (c.kind === "oneway" && c.message !== undefined) || (c.kind === "request" && c.request !== undefined));
  f.print(
    bodies ? "  encode: (cmd, body) => " : "  encode: (cmd) => ",
    f.import(`encode${Client}Frame`, "./encode.js"),
    bodies ? "(...([cmd, body] as " : "(...([cmd] as ",
    f.import(`${Client}FrameArgs`, "./encode.js", true),
    ")),",
  );
  const CmdType = commands("Cmd", true);
  f.print("  cmdName: (cmd) => ", commands("cmdNames"), "[cmd as ", CmdType, "],");
  f.print("  cmdKind: (cmd) => ", commands("cmdKinds"), "[cmd as ", CmdType, "],");
  f.print("  cmdPort: ", p.ports.length > 0 ? ["(cmd) => ", commands("cmdPorts"), "[cmd as ", CmdType, "]"] : "undefined", ",");
  const r = p.registration;
  if (r === undefined) {
    f.print("  registration: undefined,");
  } else {
    const requestType = ["NonNullable<", commands("BodyInitOf", true), "<", commands("RequestSchemas", true), "[typeof ", Cmd, ".", r.register.name, "]>>"];
    const responseType = [commands("BodyOf", true), "<", commands("ResponseSchemas", true), "[typeof ", Cmd, ".", r.register.name, "]>"];
    const statusEnum = f.import(r.status.enum.name, f.importSchema(r.status.enum).from);
    f.print("  registration: {");
    f.print("    register: ", Cmd, ".", r.register.name, ",");
    f.print("    unregister: ", Cmd, ".", r.unregister.name, ",");
    f.print("    status: (response) => (response as ", responseType, ").", r.status.localName, ",");
    f.print("    statusName: (status) => ", statusEnum, "[status] ?? String(status),");
    const uses = (from: "request" | "response") => (r.unregisterFields.some((u) => u.from === from) ? from : `_${from}`);
    f.print("    unregisterBody: (", uses("request"), ", ", uses("response"), ") => ({");
    for (const { field, from, source } of r.unregisterFields) {
      f.print("      ", field.localName, ": (", from, " as ", from === "request" ? requestType : responseType, ").", source.localName, ",");
    }
    f.print("    }),");
    const concurrency = r.concurrency;
    if (concurrency === undefined) f.print("    unordered: () => false,");
    else f.print("    unordered: (request) => ((request as ", requestType, ").", concurrency.localName, " ?? 0) > 1,");
    f.print("  },");
  }
  f.print("};");
  f.print();
}
