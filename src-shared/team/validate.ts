/**
 * What a team's server accepts, whoever sends it: the `validate_doc_update` function of the design
 * document the chief installs (`galley team setup`). The desk disables what a user may not do, but
 * a desk can be modified; this function, run by CouchDB on every write, is the guard.
 *
 * It is JavaScript source, not a TypeScript function turned into text, because CouchDB runs it in
 * its own engine: what it runs must be exactly what is reviewed here, not a bundler's rewrite.
 */

/** The role that may assign pages and approve them. CouchDB's own `_admin` may too. */
export const CHIEF_ROLE = 'chief';
/** The role every other editor of the team has. */
export const EDITOR_ROLE = 'editor';

/**
 * Rules, by document id (a deletion carries no fields but its id): a decision (`decision:`) names
 * who made it, and only that user writes it, the chief too (a conflict is settled by deleting the
 * other versions, so the kept one keeps its author); assignments (`assignment:`) are the chief's
 * alone, written or removed; a page status (`status:`) saying `approved` is the chief's, while any
 * editor may move a page back to review (an edit does that); a page's raw text (`raw:`) is
 * written once under its content hash and never changed or removed; the chief's rules themselves
 * (`_design/`) are the database admin's, which CouchDB checks before this function. Only users with
 * the editor or chief role write at all; a server admin writes anything.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  var chief = roles.indexOf('${CHIEF_ROLE}') !== -1;
  if (!chief && roles.indexOf('${EDITOR_ROLE}') === -1) {
    throw { forbidden: 'only the team (role ${EDITOR_ROLE} or ${CHIEF_ROLE}) writes here' };
  }
  var id = newDoc._id;
  if (!chief && id.indexOf('assignment:') === 0) {
    throw { forbidden: 'only the chief (role ${CHIEF_ROLE}) assigns pages' };
  }
  if (id.indexOf('raw:') === 0 && oldDoc && !oldDoc._deleted && (newDoc._deleted || newDoc.text !== oldDoc.text)) {
    throw { forbidden: "a page's raw text is written once, under its content hash, and never changed or removed" };
  }
  if (newDoc._deleted) return;
  if (id.indexOf('decision:') === 0 && newDoc.who !== userCtx.name) {
    throw { forbidden: 'a decision is written by the user it names (who), not by ' + userCtx.name };
  }
  if (!chief && id.indexOf('status:') === 0 && newDoc.status === 'approved') {
    throw { forbidden: 'only the chief (role ${CHIEF_ROLE}) approves pages' };
  }
}`;

/** The design document that carries the rules; the set-up writes it, replacing an older one. */
export const TEAM_DESIGN_ID = '_design/galley';

export function teamDesignDocument(): { _id: string; validate_doc_update: string } {
  return { _id: TEAM_DESIGN_ID, validate_doc_update: VALIDATE_DOC_UPDATE };
}
