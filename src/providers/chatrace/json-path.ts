// A small, safe JSONPath subset for user-written field mappings of Chatrace bodies:
//   $.data.user.id     $['contact']['id']     $["first name"]     $.items[0].text     $.items[-1]
// Only member and index access: no filters, wildcards, recursion or script, and nothing is
// evaluated. Only own properties are read, so `$.constructor` or `$.__proto__` find nothing.
// The leading `$` may be left out (`contact.id`), as people tend to write it that way.

export type JsonPathSegment = string | number;
export type JsonPathParse = { ok: true; segments: JsonPathSegment[] } | { ok: false; error: string };

const MAX_LENGTH = 512;
const MAX_SEGMENTS = 32;
const nameChar = /[^.[\]\s'"]/u;

export function parseJsonPath(expression: string): JsonPathParse {
  if (typeof expression !== 'string') return fail('the path is not a string');
  const expr = expression.trim();
  if (expr === '') return fail('the path is empty');
  if (expr.length > MAX_LENGTH) return fail(`the path is longer than ${MAX_LENGTH} characters`);
  const src = expr.startsWith('$') ? expr.slice(1) : expr.startsWith('[') ? expr : `.${expr}`;
  const segments: JsonPathSegment[] = [];
  let i = 0;
  while (i < src.length) {
    if (segments.length >= MAX_SEGMENTS) return fail(`the path has more than ${MAX_SEGMENTS} parts`);
    const c = src[i];
    if (c === '.') {
      let j = i + 1;
      while (j < src.length && nameChar.test(src[j] ?? '')) j++;
      if (j === i + 1) return fail(`a name is expected after "." at position ${i + 1}`);
      segments.push(src.slice(i + 1, j));
      i = j;
    } else if (c === '[') {
      const parsed = bracket(src, i + 1);
      if (!parsed.ok) return parsed;
      segments.push(parsed.segment);
      i = parsed.next;
    } else {
      return fail(`unexpected "${c}" at position ${i + 1}; use .name, ['name'] or [index]`);
    }
  }
  return { ok: true, segments };
}

function bracket(
  src: string,
  start: number,
): { ok: true; segment: JsonPathSegment; next: number } | { ok: false; error: string } {
  const quote = src[start];
  if (quote === "'" || quote === '"') {
    let name = '';
    for (let j = start + 1; j < src.length; j++) {
      const ch = src[j];
      if (ch === '\\' && j + 1 < src.length) {
        name += src[++j];
      } else if (ch === quote) {
        if (src[j + 1] !== ']') return fail(`"]" expected at position ${j + 2}`);
        return { ok: true, segment: name, next: j + 2 };
      } else name += ch;
    }
    return fail('an unterminated quoted name');
  }
  const close = src.indexOf(']', start);
  if (close < 0) return fail('a "[" without "]"');
  const inner = src.slice(start, close).trim();
  if (!/^-?\d{1,9}$/.test(inner)) return fail(`[${inner}] is not an index; quote names: ['${inner}']`);
  return { ok: true, segment: Number(inner), next: close + 1 };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

/** Follows parsed segments; undefined when any step is missing. Negative indexes count from the end. */
export function getAt(root: unknown, segments: readonly JsonPathSegment[]): unknown {
  let cur: unknown = root;
  for (const seg of segments) {
    if (Array.isArray(cur)) {
      const index = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : Number.NaN;
      if (!Number.isInteger(index)) return undefined;
      cur = cur[index < 0 ? cur.length + index : index];
    } else if (typeof cur === 'object' && cur !== null) {
      const key = String(seg);
      if (!Object.hasOwn(cur, key)) return undefined;
      cur = (cur as Record<string, unknown>)[key];
    } else {
      return undefined;
    }
  }
  return cur;
}

/** The value at `expression`, or undefined when the path does not match or is not valid. */
export function queryJsonPath(root: unknown, expression: string): unknown {
  const parsed = parseJsonPath(expression);
  return parsed.ok ? getAt(root, parsed.segments) : undefined;
}
