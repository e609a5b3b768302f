import { createEcmaScriptPlugin, type Schema } from "@bufbuild/protoplugin";
import { emitBusiness } from "./emit/business.js";
import { emitCodec } from "./emit/codec.js";
import { emitCustomer } from "./emit/customer.js";
import { emitCustomerRules } from "./emit/customer-rules.js";
import { emitCommands, emitSchemas } from "./emit/commands.js";
import { emitDecoders } from "./emit/decoders.js";
import { emitEncoders } from "./emit/encoders.js";
import { emitErrors } from "./emit/errors.js";
import { emitFrames } from "./emit/frames.js";
import { pluginVersion } from "./emit/header.js";
import { emitHeartbeat } from "./emit/heartbeat.js";
import { emitIndex } from "./emit/index-file.js";
import { emitNode, emitNodeRuntime } from "./emit/node-client.js";
import { emitRouter } from "./emit/router.js";
import { emitRuntimeFiles } from "./emit/runtime-files.js";
import { emitSplitter } from "./emit/splitter.js";
import { encoderNameClashes } from "./emit/names.js";
import { emitWire } from "./emit/wire.js";
import { readManifest } from "./manifest/read-manifest.js";
import { buildProtocol } from "./model/build-protocol.js";
import type { Protocol, WebSocketFraming } from "./model/protocol.js";
import { parseOptions, type NetsvrOptions } from "./options.js";
import { transpile } from "./transpile.js";
import { UserError } from "./user-error.js";

/**
 * A fresh plugin instance. protoplugin 2.13 keeps whether to transpile in the
 * instance, so one instance that ran target=js+dts also transpiles a later
 * target=ts run; in-process callers that run several requests take a fresh one.
 */
export function createProtocGenNetsvr(): ReturnType<typeof createEcmaScriptPlugin<NetsvrOptions>> {
  return createEcmaScriptPlugin<NetsvrOptions>({
    name: "protoc-gen-netsvr",
    version: pluginVersion,
    parseOptions,
    generateTs,
    transpile,
  });
}

export const protocGenNetsvr: ReturnType<typeof createProtocGenNetsvr> = createProtocGenNetsvr();

/** manifest -> one model -> each output file from that model. */
function generateTs(schema: Schema<NetsvrOptions>): void {
  const { manifest: manifestPath, problems, jsImportStyle } = schema.options;
  if (problems.length > 0 || manifestPath === undefined) {
    throw new UserError(problems.join("\n"));
  }
  if (jsImportStyle !== "module") {
    throw new UserError(`js_import_style=${jsImportStyle} is not supported: the generated code is ECMAScript modules`);
  }
  const protocol = buildProtocol(readManifest(manifestPath), schema.allFiles);
  const clashes = encoderNameClashes(protocol);
  if (clashes.length > 0) {
    throw new UserError(clashes.map((clash) => `${manifestPath}: ${clash}`).join("\n"));
  }

  if (protocol.websocket !== undefined) {
    emitApplication(schema, protocol, protocol.websocket);
    return;
  }
  emitCommands(schema, protocol);
  emitSchemas(schema, protocol);
  emitFrames(schema, protocol);
  emitErrors(schema, protocol);
  emitWire(schema, protocol);
  emitCodec(schema, protocol);
  const modules = ["commands", "schemas", "frames", "errors", "codec", "encode", "decode", "splitter", "router"];
  if (protocol.heartbeat !== undefined) {
    emitHeartbeat(schema, protocol, protocol.heartbeat);
    modules.push("heartbeat");
  }
  if (protocol.customers !== undefined) {
    emitCustomerRules(schema, protocol, protocol.customers);
    modules.push("customers");
  }
  emitEncoders(schema, protocol);
  emitDecoders(schema, protocol);
  emitSplitter(schema, protocol);
  emitRouter(schema, protocol);
  emitIndex(schema, protocol, modules);
  // The Node client is its own entry point: index.ts stays free of Node built-ins.
  // node_client=false leaves it out, for projects without Node types.
  if (schema.options.nodeClient) {
    emitNodeRuntime(schema, protocol);
    emitNode(schema, protocol);
  }
}

/**
 * An application protocol: the customer's browser entry point and the
 * business's router, both free of Node built-ins, over the same commands
 * tables and (binary) fast codecs as a frame protocol.
 */
function emitApplication(schema: Schema<NetsvrOptions>, protocol: Protocol, framing: WebSocketFraming): void {
  emitCommands(schema, protocol);
  emitSchemas(schema, protocol);
  const modules = ["commands", "schemas"];
  if (framing.encoding === "binary") {
    emitErrors(schema, protocol);
    emitCodec(schema, protocol);
    modules.push("errors", "codec");
  }
  emitRuntimeFiles(schema, protocol, ["app-wire.ts", "gateway-link.ts", "customer-client.ts", "business-router.ts"]);
  emitCustomer(schema, protocol, framing);
  emitBusiness(schema, protocol, framing);
  modules.push("customer", "business");
  emitIndex(schema, protocol, modules);
}
