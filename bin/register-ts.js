// Runs the project's TypeScript in this process: `require` of a .ts file compiles it with SWC
// (type-stripping only; `tsc --noEmit` type-checks) into CommonJS, and keeps the result in
// node_modules/.cache/followup-ts so the next start reads it instead of compiling again.
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const CACHE_DIR = path.join(__dirname, "..", "node_modules", ".cache", "followup-ts");
const SWC_OPTIONS = {
  jsc: { parser: { syntax: "typescript" }, target: "es2022" },
  module: { type: "commonjs" },
  sourceMaps: "inline",
};

let swc;
function compile(source, filename) {
  swc ??= require("@swc/core");
  return swc.transformSync(source, { ...SWC_OPTIONS, filename }).code;
}

function cached(source, filename) {
  const key = createHash("sha1")
    .update(`${require("@swc/core/package.json").version}\0${filename}\0`)
    .update(source)
    .digest("hex");
  const file = path.join(CACHE_DIR, `${key}.js`);
  try {
    return readFileSync(file, "utf8");
  } catch {
    const code = compile(source, filename);
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    } catch {
      // A read-only checkout still runs; it compiles each time.
    }
    return code;
  }
}

require.extensions[".ts"] = (module, filename) => {
  module._compile(cached(readFileSync(filename, "utf8"), filename), filename);
};
process.setSourceMapsEnabled(true);
