/**
 * @module idPattern — what an id may look like. Ids become MongoDB field names inside counter
 * documents, so they may not contain dots or `$` and must stay short. Free of zod, so the
 * organiser app can check ids it makes without loading the schemas.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/
