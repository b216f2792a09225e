// Checks spur's JSON Schema with a standard validator, apart from any
// editor: Ajv in strict mode checks the schema against draft-07's
// meta-schema and compiles it, then validates each YAML file given.
//
//   node check.js SCHEMA FILE...
//
// prints one JSON object, {"schema": [problems], "files": {FILE: [problems]}},
// where a problem is {"path", "message"}; no problems means valid. The
// exit status is 0 when everything was checked, valid or not, and 2 when
// something could not be (a missing file, a schema Ajv cannot compile).
"use strict";
const fs = require("fs");
const Ajv = require("ajv");
const YAML = require("yaml");

const [schemaFile, ...files] = process.argv.slice(2);
if (!schemaFile) {
  console.error("usage: node check.js SCHEMA FILE...");
  process.exit(2);
}
// Union types ("type": ["string", "null"]) are draft-07; strict mode asks
// for them to be allowed. The three keywords of VS Code's JSON support
// that the schema uses for editors are annotations here.
const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
for (const k of ["enumDescriptions", "errorMessage", "doNotSuggest"]) ajv.addKeyword(k);

const problems = (errors) =>
  (errors || []).map((e) => ({ path: e.instancePath || e.schemaPath, message: e.message }));

try {
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const out = { schema: [], files: {} };
  if (!ajv.validateSchema(schema)) out.schema = problems(ajv.errors);
  const validate = ajv.compile(schema);
  for (const f of files) {
    // YAML 1.2's core schema, as yaml-language-server reads a file: a
    // date stays a string.
    const doc = YAML.parse(fs.readFileSync(f, "utf8"));
    out.files[f] = validate(doc) ? [] : problems(validate.errors);
  }
  console.log(JSON.stringify(out));
} catch (e) {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(2);
}
