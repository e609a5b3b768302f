import ts from "typescript";
import type { FileInfo } from "@bufbuild/protoplugin";

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  declaration: true,
  newLine: ts.NewLineKind.LineFeed,
};

/**
 * target=js and target=dts, one file at a time: ES2022 JavaScript (the
 * default transpiler targets ES2017 and spells out `?.`, `??` and class
 * fields, which browsers then download) and declarations, which TypeScript
 * can emit per file because every generated export has an explicit type
 * (the output passes isolatedDeclarations).
 */
export function transpile(files: FileInfo[], transpileJs: boolean, transpileDts: boolean): FileInfo[] {
  const out: FileInfo[] = [];
  for (const file of files) {
    const base = file.name.replace(/\.ts$/, "");
    if (transpileJs) {
      const { outputText } = ts.transpileModule(file.content, { fileName: file.name, compilerOptions });
      out.push({ name: `${base}.js`, content: outputText, preamble: file.preamble });
    }
    if (transpileDts) {
      const { outputText, diagnostics = [] } = ts.transpileDeclaration(file.content, { fileName: file.name, compilerOptions, reportDiagnostics: true });
      if (diagnostics.length > 0) {
        const why = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n");
        throw new Error(`cannot emit declarations of ${file.name}:\n${why}`);
      }
      out.push({ name: `${base}.d.ts`, content: outputText, preamble: file.preamble });
    }
  }
  return out;
}
