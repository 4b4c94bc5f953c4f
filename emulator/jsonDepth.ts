/**
 * Nesting depth of JSON text, measured without parsing it: parsing, copying to a worker or matching a
 * value nested thousands of levels deep overflows the stack, so such input is refused before any of that.
 */

/** Deepest nesting of a request body (function events, SDK requests): far beyond any real call. */
export const MAX_BODY_DEPTH = 64;
/** Deepest nesting of a document, query or update in a database request (MongoDB's limit on documents). */
export const MAX_VALUE_DEPTH = 100;

/** True when `text` opens more than `limit` objects/arrays inside one another (brackets in strings ignored). */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}
