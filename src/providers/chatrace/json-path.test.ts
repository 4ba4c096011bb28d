import { describe, expect, it } from 'vitest';
import { getAt, parseJsonPath, queryJsonPath } from './json-path.js';

describe('parseJsonPath', () => {
  it.each<[string, (string | number)[]]>([
    ['$', []],
    ['$.data.user.id', ['data', 'user', 'id']],
    ["$['contact']['id']", ['contact', 'id']],
    ['$["first name"].x', ['first name', 'x']],
    ["$['it\\'s']", ["it's"]],
    ['$.items[0].text', ['items', 0, 'text']],
    ['$.items[-1]', ['items', -1]],
    ['$.повідомлення.текст', ['повідомлення', 'текст']],
    ['$.user-name', ['user-name']],
    ['contact.id', ['contact', 'id']],
    ['[0].id', [0, 'id']],
    ['  $.a  ', ['a']],
  ])('%s', (expr, segments) => {
    expect(parseJsonPath(expr)).toEqual({ ok: true, segments });
  });

  it.each([
    ['', /empty/],
    ['$.', /name is expected/],
    ['$..a', /name is expected/],
    ['$[a]', /not an index/],
    ['$[0', /without "]"/],
    ["$['a", /unterminated/],
    ["$['a'x]", /"]" expected/],
    ['$.a b', /unexpected " "/],
    ['$data', /unexpected "d"/],
    ['$.a[*]', /not an index/],
    ['$.a[?(@.x)]', /not an index/],
    [`$${'.a'.repeat(33)}`, /more than 32/],
    [`$.${'a'.repeat(600)}`, /longer than 512/],
  ])('rejects %s', (expr, message) => {
    const res = parseJsonPath(expr);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(message);
  });

  it('rejects a non-string without throwing', () => {
    expect(parseJsonPath(5 as never)).toEqual({ ok: false, error: 'the path is not a string' });
  });
});

describe('getAt and queryJsonPath', () => {
  const doc = { data: { user: { id: 'u1' } }, items: [{ text: 'a' }, { text: 'b' }], '0': 'zero', n: null };

  it('follows members and indexes, negative from the end', () => {
    expect(queryJsonPath(doc, '$.data.user.id')).toBe('u1');
    expect(queryJsonPath(doc, '$.items[1].text')).toBe('b');
    expect(queryJsonPath(doc, '$.items[-1].text')).toBe('b');
    expect(queryJsonPath(doc, '$.items.0.text')).toBe('a');
    expect(queryJsonPath(doc, '$[0]')).toBe('zero');
    expect(queryJsonPath(doc, '$.n')).toBeNull();
    expect(queryJsonPath(doc, '$')).toBe(doc);
  });

  it('finds nothing for missing steps, primitives, bad indexes and invalid paths', () => {
    expect(queryJsonPath(doc, '$.data.nope.id')).toBeUndefined();
    expect(queryJsonPath(doc, '$.data.user.id.length')).toBeUndefined();
    expect(queryJsonPath(doc, '$.items[5]')).toBeUndefined();
    expect(queryJsonPath(doc, '$.items.first')).toBeUndefined();
    expect(queryJsonPath(doc, '$.n.x')).toBeUndefined();
    expect(queryJsonPath(doc, '$[')).toBeUndefined();
    expect(queryJsonPath('str', '$.length')).toBeUndefined();
  });

  it('reads own properties only, never the prototype chain', () => {
    expect(queryJsonPath(doc, '$.constructor')).toBeUndefined();
    expect(queryJsonPath(doc, '$.__proto__')).toBeUndefined();
    expect(queryJsonPath(doc, '$.items.length')).toBeUndefined();
    expect(queryJsonPath(doc, '$.toString')).toBeUndefined();
    const parsed = JSON.parse('{"__proto__": {"x": 1}}');
    expect(queryJsonPath(parsed, '$.__proto__.x')).toBe(1);
  });

  it('getAt takes parsed segments', () => {
    expect(getAt(doc, ['items', 0, 'text'])).toBe('a');
  });
});
