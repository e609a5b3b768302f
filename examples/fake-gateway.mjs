// Loads the repository's fake netsvr gateway (test/support/test-gateway.ts)
// for the example scripts (test-gateway.mjs, chat/start.mjs): the TypeScript
// compiler (a dev dependency) strips its types, and the result is imported
// from a temporary file.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

/** startTestGateway() of test/support/test-gateway.ts. */
export async function loadStartTestGateway() {
  const source = new URL("../test/support/test-gateway.ts", import.meta.url);
  const { outputText } = ts.transpileModule(readFileSync(source, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  // The copy lives elsewhere: relative imports resolve from the source's directory, packages (ws) from here.
  const resolve = (spec) => (spec.startsWith(".") ? new URL(spec, source).href : spec.startsWith("node:") ? spec : import.meta.resolve(spec));
  const js = outputText
    .replace(/from "([^"]+)"/g, (_, spec) => `from "${resolve(spec)}"`)
    .replace(/import\("([^"]+)"\)/g, (_, spec) => `import("${resolve(spec)}")`);
  const compiled = join(tmpdir(), `netsvr-test-gateway-${process.pid}.mjs`);
  writeFileSync(compiled, js);
  try {
    return (await import(pathToFileURL(compiled).href)).startTestGateway;
  } finally {
    rmSync(compiled); // loaded: the copy is no longer needed
  }
}
