// Validates Teams app manifest and localization files against the JSON schemas bundled in
// @microsoft/app-manifest. Never fetches a schema: a $schema the package does not bundle is an error.
//
//   node manifest/validate.mjs [--no-placeholders] <file.json>...
//
// A manifest is checked together with the localization files and icons it references.
// --no-placeholders also refuses the template's placeholder id and {{...}} values (used on a filled copy).
import { readFile, access } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const require = createRequire(import.meta.url);

let AppManifestUtils;
let schemaRoot;
try {
  // The package keeps its schemas beside its entry point, in build/json-schemas/.
  schemaRoot = dirname(require.resolve("@microsoft/app-manifest"));
  ({ AppManifestUtils } = require("@microsoft/app-manifest"));
} catch {
  console.error("@microsoft/app-manifest is not installed: run `npm ci` in the repository root first.");
  process.exit(2);
}

async function readJson(path) {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  return JSON.parse(text);
}

async function bundledSchema(schemaUrl) {
  const suffix = schemaUrl ? AppManifestUtils.getLocalSchemaSuffix(schemaUrl) : undefined;
  if (!suffix) throw new Error(`$schema ${schemaUrl ?? "(missing)"} is not a developer.microsoft.com json-schemas URL`);
  const path = join(schemaRoot, suffix);
  try {
    await access(path);
  } catch {
    throw new Error(`$schema ${schemaUrl} is not bundled in @microsoft/app-manifest (looked for ${path})`);
  }
  return repairPatterns(await readJson(path));
}

// The bundled localization schemas hold patterns such as /^activities.activityTypes\[\b(...)\b]\.description$/ whose lone "]" is
// literal in JavaScript's legacy regex syntax but an error in the unicode mode Ajv compiles with.
// Escaping such a "]" keeps the pattern's meaning and lets the schema compile.
function escapeLoneBrackets(pattern) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "\\") {
      out += ch + (pattern[++i] ?? "");
    } else if (ch === "[") {
      inClass = true;
      out += ch;
    } else if (ch === "]") {
      out += inClass ? ch : "\\]";
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesInUnicodeMode(pattern) {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
}

const repairPattern = (p) => (compilesInUnicodeMode(p) ? p : escapeLoneBrackets(p));

function repairPatterns(node) {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (!node || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "pattern" && typeof value === "string") {
      out[key] = repairPattern(value);
    } else if (key === "patternProperties" && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([p, v]) => [repairPattern(p), repairPatterns(v)]));
    } else {
      out[key] = repairPatterns(value);
    }
  }
  return out;
}

const isLocalization = (json) => /MicrosoftTeams\.Localization\.schema\.json$/i.test(json.$schema ?? "");

// Resolves a localization key such as "bots[0].commandLists[1].commands[0].title" in the manifest.
function resolveKey(manifest, key) {
  let node = manifest;
  for (const part of key.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== "object" || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}

function placeholderErrors(json) {
  const errors = [];
  const walk = (node, path) => {
    if (typeof node === "string") {
      if (node.includes("{{") || node === PLACEHOLDER_ID) errors.push(`${path || "/"} still holds a placeholder: ${node}`);
    } else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
    }
  };
  walk(json, "");
  return errors;
}

async function validateFile(path, options, manifest) {
  const json = await readJson(path);
  const schema = await bundledSchema(json.$schema);
  const errors = await AppManifestUtils.validateAgainstSchema(json, schema);
  if (options.noPlaceholders) errors.push(...placeholderErrors(json));
  if (isLocalization(json)) {
    if (manifest) {
      for (const key of Object.keys(json)) {
        if (key === "$schema" || key === "localizationKeys") continue;
        if (resolveKey(manifest, key) === undefined) errors.push(`${key} names nothing in the manifest`);
      }
    }
    return report(path, errors);
  }

  const dir = dirname(path);
  let ok = true;
  for (const icon of Object.values(json.icons ?? {})) {
    try {
      await access(join(dir, icon));
    } catch {
      errors.push(`icon ${icon} is missing next to the manifest`);
    }
  }
  const version = json.manifestVersion;
  for (const language of json.localizationInfo?.additionalLanguages ?? []) {
    const file = join(dir, language.file);
    const localization = await readJson(file);
    if (!isLocalization(localization) || !localization.$schema.includes(`/v${version}/`)) {
      errors.push(`${language.file} must use the v${version} localization schema`);
    }
    ok = (await validateFile(file, options, json)) && ok;
  }
  return report(path, errors) && ok;
}

function report(path, errors) {
  if (errors.length === 0) {
    console.log(`valid: ${path}`);
    return true;
  }
  console.error(`invalid: ${path}`);
  for (const error of errors) console.error(`  ${error}`);
  return false;
}

const args = process.argv.slice(2);
const options = { noPlaceholders: args.includes("--no-placeholders") };
const files = args.filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  console.error("usage: node manifest/validate.mjs [--no-placeholders] <manifest.json|localization.json>...");
  process.exit(2);
}

let allValid = true;
for (const file of files) {
  try {
    allValid = (await validateFile(resolve(file), options)) && allValid;
  } catch (error) {
    console.error(`invalid: ${file}\n  ${error.message}`);
    allValid = false;
  }
}
process.exit(allValid ? 0 : 1);
