import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import {
  CodeGeneratorRequestSchema,
  CodeGeneratorResponseSchema,
  CodeGeneratorResponse_Feature,
  type CodeGeneratorResponse,
} from "@bufbuild/protobuf/wkt";
import type { Plugin } from "@bufbuild/protoplugin";
import { UserError } from "./user-error.js";

/**
 * Runs a plugin as protoc expects: CodeGeneratorRequest on stdin,
 * CodeGeneratorResponse on stdout. A user error (bad option, manifest or
 * proto) goes into the response's error field with exit code 0, so protoc
 * and buf print it as "<plugin>: <message>"; only a bug in the plugin exits
 * non-zero with a stack trace.
 */
export async function runPlugin(plugin: Plugin, args: readonly string[]): Promise<number> {
  if (args[0] === "--version" || args[0] === "-v") {
    process.stdout.write(`${plugin.name} ${plugin.version}\n`);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(`${plugin.name} reads a CodeGeneratorRequest on stdin; run it through protoc or buf generate\n`);
    return 1;
  }
  const request = fromBinary(CodeGeneratorRequestSchema, await readAll(process.stdin));
  let response: CodeGeneratorResponse;
  try {
    response = plugin.run(request);
  } catch (err) {
    if (!isUserError(err)) throw err;
    response = create(CodeGeneratorResponseSchema, {
      error: err.message,
      supportedFeatures: BigInt(CodeGeneratorResponse_Feature.PROTO3_OPTIONAL),
    });
  }
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(toBinary(CodeGeneratorResponseSchema, response), (err) => (err ? reject(err) : resolve())),
  );
  return 0;
}

/** Our own UserError, or protoplugin's error for a bad option. */
function isUserError(err: unknown): err is Error {
  return err instanceof UserError || (err instanceof Error && err.name === "PluginOptionError");
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
