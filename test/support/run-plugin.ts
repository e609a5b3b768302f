import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, fromBinary } from "@bufbuild/protobuf";
import {
  CodeGeneratorRequestSchema,
  FileDescriptorSetSchema,
  type CodeGeneratorResponse,
} from "@bufbuild/protobuf/wkt";
import { createProtocGenNetsvr } from "../../plugin/dist/protoc-gen-netsvr.js";
import { repoRoot } from "./repo.js";

export { repoRoot };
export const bufBin = join(repoRoot, "node_modules/.bin/buf");

/** The protos of a directory compiled by buf, as protoc would hand them to a plugin. */
export function buildImage(protoDir: string): ReturnType<typeof fromBinary<typeof FileDescriptorSetSchema>> {
  const dir = mkdtempSync(join(tmpdir(), "netsvr-image-"));
  try {
    const out = join(dir, "image.binpb");
    execFileSync(bufBin, ["build", protoDir, "-o", out], { cwd: repoRoot, stdio: "pipe" });
    return fromBinary(FileDescriptorSetSchema, readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs protoc-gen-netsvr in-process on a CodeGeneratorRequest for these protos, from the repo root. */
export function runPlugin(protoDir: string, parameter: string): CodeGeneratorResponse {
  const image = buildImage(protoDir);
  const request = create(CodeGeneratorRequestSchema, {
    parameter,
    fileToGenerate: image.file.map((f) => f.name),
    protoFile: image.file,
  });
  // A fresh instance per request: see createProtocGenNetsvr.
  return createProtocGenNetsvr().run(request);
}

/** The response's files by name, or a thrown Error carrying the response's error. */
export function generatedFiles(response: CodeGeneratorResponse): Map<string, string> {
  if (response.error !== undefined && response.error !== "") throw new Error(response.error);
  return new Map(response.file.map((f) => [f.name, f.content]));
}
