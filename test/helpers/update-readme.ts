// `npm run readme`: rewrites the README's generated tool table from the registry.
import { readFileSync, writeFileSync } from "node:fs";
import { allTools } from "../../src/tools/registry.js";
import { renderToolTable, spliceTable } from "../../src/tools/table.js";

const path = new URL("../../README.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = spliceTable(before, renderToolTable(allTools()));
if (after !== before) writeFileSync(path, after);
process.stderr.write(after === before ? "README tool table already current\n" : "README tool table updated\n");
