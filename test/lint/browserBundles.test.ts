/**
 * The record screens' bundles (desktop.js, mobile.js) carry no zod: it was a third of desktop.js,
 * over its 50 KB budget (issue 16). ESLint catches a direct import; this follows every value import
 * from the entries through the other layers (a type-only import is erased and bundles nothing).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");

/** The modules a file imports for their values (relative ones resolved to files). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      if (ts.isExportDeclaration(statement) && statement.isTypeOnly) continue;
      if (ts.isExportDeclaration(statement)) {
        const clause = statement.exportClause;
        if (clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly)) {
          continue;
        }
      }
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause?.isTypeOnly) continue;
        const named = clause?.namedBindings;
        if (
          clause &&
          !clause.name &&
          named &&
          ts.isNamedImports(named) &&
          named.elements.length > 0 &&
          named.elements.every((e) => e.isTypeOnly)
        ) {
          continue;
        }
      }
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found.map((specifier) => {
    if (!specifier.startsWith(".")) return specifier;
    const base = path.resolve(path.dirname(file), specifier);
    const candidates = [`${base}.ts`, path.join(base, "index.ts")];
    const resolved = candidates.find((candidate) => existsSync(candidate));
    if (!resolved) throw new Error(`${file}: cannot resolve ${specifier}`);
    return resolved;
  });
}

/** Each package the entry reaches, with one chain of files that leads to it. */
function packagesReached(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const target of valueImports(file)) {
      const here = [...chain, path.relative(root, file)];
      if (path.isAbsolute(target)) walk(target, here);
      else if (!packages.has(target)) packages.set(target, here);
    }
  };
  walk(path.join(root, entry), []);
  return packages;
}

describe("record screen bundles", () => {
  it.each(["src/desktop/index.ts", "src/mobile/index.ts"])("%s reaches no zod", (entry) => {
    const zod = [...packagesReached(entry)].filter(([name]) => /^zod(\/|$)/.test(name));
    expect(zod.map(([name, chain]) => `${name} via ${chain.join(" → ")}`)).toEqual([]);
  });

  it("the settings page does (it validates what it saves), so the walk finds zod at all", () => {
    expect([...packagesReached("src/config/index.ts").keys()]).toContain("zod/mini");
  });
});
