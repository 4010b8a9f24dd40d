// validate-oscal.js: validates a JSON document against a JSON schema with
// ajv 8 (the OSCAL schemas need Unicode regular expressions).
// Usage: node validate-oscal.js SCHEMA.json DOCUMENT.json
// Exit status 0 valid, 1 invalid (errors on stderr), 2 usage or I/O error.
//
// SPDX-License-Identifier: GPL-3.0-or-later
'use strict';

const fs = require('fs');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

if (process.argv.length !== 4) {
  console.error('usage: node validate-oscal.js SCHEMA.json DOCUMENT.json');
  process.exit(2);
}

let schema, doc;
try {
  schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  doc = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
} catch (e) {
  console.error(`validate-oscal: ${e.message}`);
  process.exit(2);
}

// The NIST schema declares draft-07 and uses \p{L} classes in its patterns.
const ajv = new Ajv({ strict: false, unicodeRegExp: true, allErrors: true });
addFormats(ajv);

const validate = ajv.compile(schema);
if (validate(doc)) {
  process.exit(0);
}

for (const error of validate.errors) {
  console.error(`${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`);
}
process.exit(1);
