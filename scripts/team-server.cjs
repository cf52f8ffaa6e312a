#!/usr/bin/env node
/**
 * pouchdb-server, as the tests and a team's trial on one machine run it, with one bug of
 * pouchdb-validation 4.2.0 fixed (pouchdb/pouchdb-server#419; the fix proposed in #420 is not merged).
 * Takes pouchdb-server's own arguments: `node scripts/team-server.cjs --in-memory --port 5984`.
 *
 * Before it checks a document against `validate_doc_update`, pouchdb-validation replaces the
 * document's `_revisions` with those of the version already stored. A replication writes with
 * `new_edits: false` and says by `_revisions` where a revision descends from; given the stored
 * history instead, the server takes the revision for one it holds and drops it, answering 201 with
 * no error. On a database with rules (`galley team setup` installs them) every replicated update of
 * a document the server already had was lost that way: the chief's approval after the review had
 * gone out, a decision changed or taken back, the deletions that settle a conflict. Apache CouchDB
 * does not have the bug. The fix gives the rules a copy to read and stores the document as sent.
 */
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname } = require('node:path');

const BUG = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIX = 'newDoc = Object.assign({}, newDoc, { _revisions: (oldDoc || {})._revisions });';

const expressPouchdb = dirname(require.resolve('express-pouchdb'));
const validationPath = require.resolve('pouchdb-validation', { paths: [expressPouchdb] });
const source = readFileSync(validationPath, 'utf8');
if (!source.includes(BUG)) {
  throw new Error(
    `${validationPath} no longer holds the line this launcher fixes (pouchdb/pouchdb-server#419): ` +
      'see whether the new version fixed it, and run pouchdb-server itself if so.',
  );
}
const fixed = new Module(validationPath, module);
fixed.filename = validationPath;
fixed.paths = Module._nodeModulePaths(dirname(validationPath));
fixed._compile(source.replace(BUG, FIX), validationPath);
fixed.loaded = true;
require.cache[validationPath] = fixed;

require('pouchdb-server/lib/index.js');
