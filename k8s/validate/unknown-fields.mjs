// The fields of manifests that their types do not name. The Kubernetes OpenAPI schema, and the CRD schemas as the
// @kubernetes-models packages compile them, leave objects open, so their validators pass a misspelled field; the
// packages' TypeScript types are closed. Each manifest becomes an object literal typed with its model's interface,
// one property per line, and TypeScript's excess property check names the first unknown field of each.
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const EXCESS_PROPERTY = new Set([2353, 2561]);
const OPTIONS = {
  noEmit: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  types: [],
};

/**
 * For each of `checks` ({manifest, module, kind}: the model's module and kind), the paths of fields its type does not
 * name, at most one per manifest.
 */
export function unknownFields(checks) {
  const source = { lines: ["// generated"], paths: [null], owners: [null] };
  checks.forEach(({ module, kind }, i) => {
    source.lines.push(`import type { I${kind} as T${i} } from ${JSON.stringify(module)};`);
    source.paths.push(null);
    source.owners.push(null);
  });
  checks.forEach(({ manifest }, i) => {
    newLine(source, "data", i);
    append(source, `export const m${i}: T${i} = `);
    write(source, manifest, "data", i);
    append(source, ";");
  });

  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "unknown-fields-check.ts");
  const host = ts.createCompilerHost(OPTIONS);
  const readSourceFile = host.getSourceFile;
  const fileExists = host.fileExists;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source.lines.join("\n"), language) : readSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], OPTIONS, host);

  const found = checks.map(() => []);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (diagnostic.file?.fileName !== file) {
      throw new Error(`cannot check field names: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`);
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    if (EXCESS_PROPERTY.has(diagnostic.code) && source.owners[line] !== null) {
      found[source.owners[line]].push(source.paths[line]);
    }
  }
  return found;
}

function newLine(source, fieldPath, owner) {
  source.lines.push("");
  source.paths.push(fieldPath);
  source.owners.push(owner);
}

function append(source, text) {
  source.lines[source.lines.length - 1] += text;
}

function write(source, value, fieldPath, owner) {
  if (Array.isArray(value)) {
    append(source, "[");
    value.forEach((item, index) => {
      newLine(source, `${fieldPath}/${index}`, owner);
      write(source, item, `${fieldPath}/${index}`, owner);
      append(source, ",");
    });
    newLine(source, fieldPath, owner);
    append(source, "]");
  } else if (value !== null && typeof value === "object") {
    append(source, "{");
    for (const [key, item] of Object.entries(value)) {
      const itemPath = `${fieldPath}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      newLine(source, itemPath, owner);
      append(source, `${JSON.stringify(key)}: `);
      write(source, item, itemPath, owner);
      append(source, ",");
    }
    newLine(source, fieldPath, owner);
    append(source, "}");
  } else {
    append(source, JSON.stringify(value));
  }
}
