// Validates Kubernetes manifests against the API's OpenAPI schemas, offline, with the npm package
// kubernetes-models (its classes carry the schemas of each kind and validate with ajv).
//   node validate-manifests.mjs FILE.yaml...     (needs: npm install kubernetes-models js-yaml)
// Exit 0 when every document of every file is valid; 1 with the errors otherwise.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// The packages are looked up in ./node_modules of the working folder (or $NODE_MODULES_DIR).
const modules = process.env.NODE_MODULES_DIR || join(process.cwd(), "node_modules");
const require = createRequire(join(modules, "..", "/"));
const yaml = require("js-yaml");

// apiVersion "batch/v1" -> kubernetes-models/batch/v1; the core group "v1" -> kubernetes-models/v1.
async function modelClass(apiVersion, kind) {
  const file = join(modules, "kubernetes-models", apiVersion, "index.js");
  const module = await import(pathToFileURL(file).href);
  const cls = module[kind];
  if (!cls) throw new Error(`unknown kind ${kind} in ${apiVersion}`);
  return cls;
}

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (!doc) continue;
    const where = `${file}: ${doc.kind} ${doc.metadata?.name ?? "?"}`;
    try {
      const Cls = await modelClass(doc.apiVersion, doc.kind);
      new Cls(doc).validate();
      checked++;
      console.log(`valid   ${where} (${doc.apiVersion})`);
    } catch (e) {
      failures++;
      console.error(`INVALID ${where}: ${e.message}`);
    }
  }
}
if (checked === 0 && failures === 0) {
  console.error("no manifests given");
  process.exit(2);
}
process.exit(failures ? 1 : 0);
