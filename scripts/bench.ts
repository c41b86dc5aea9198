// `npm run bench`: runs every benchmark in scripts/bench/ in turn; each prints its own figures.
// `npm run bench -- lottery` runs only the benchmarks whose file name contains "lottery".
import { readdirSync } from "node:fs";
import path from "node:path";

interface Benchmark {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = path.join(__dirname, "bench");
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".ts") && (!filter || file.includes(filter)))
    .sort();
  for (const file of files) {
    console.log(`\n## ${file.replace(/\.ts$/, "")}`);
    const benchmark = (await import(path.join(dir, file))) as Benchmark;
    await benchmark.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
