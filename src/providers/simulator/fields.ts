import { graphErrors } from './errors.js';

// Graph field expansion: `fields=id,caption,children{media_url},comments.limit(5){text}`.
// https://developers.facebook.com/docs/graph-api/guides/field-expansion

export interface FieldSpec {
  name: string;
  limit?: number;
  /** other modifiers, e.g. `mentioned_media.media_id(123)` → { media_id: '123' } */
  args?: Record<string, string>;
  sub?: FieldSpec[];
}

export function parseFields(input: string | undefined): FieldSpec[] | null {
  if (input === undefined || input.trim() === '') return null;
  let i = 0;
  const list = (): FieldSpec[] => {
    const out: FieldSpec[] = [];
    for (;;) {
      out.push(item());
      if (input[i] === ',') {
        i += 1;
        continue;
      }
      return out;
    }
  };
  const item = (): FieldSpec => {
    const name = /^[A-Za-z0-9_]+/.exec(input.slice(i).trimStart())?.[0];
    if (!name) throw graphErrors.param(`Syntax error "Expected a field name." at character ${i}: ${input}`);
    i = input.indexOf(name, i) + name.length;
    const spec: FieldSpec = { name };
    while (input[i] === '.' || input[i] === '{') {
      if (input[i] === '{') {
        i += 1;
        spec.sub = list();
        if (input[i] !== '}')
          throw graphErrors.param(`Syntax error "Expected \\"}\\"." at character ${i}: ${input}`);
        i += 1;
      } else {
        const mod = /^\.([a-z_]+)\(([^)]*)\)/.exec(input.slice(i));
        if (!mod) throw graphErrors.param(`Syntax error "Expected a modifier." at character ${i}: ${input}`);
        if (mod[1] === 'limit') spec.limit = Number(mod[2]);
        else spec.args = { ...spec.args, [mod[1] ?? '']: mod[2] ?? '' };
        i += mod[0].length;
      }
    }
    return spec;
  };
  const specs = list();
  if (i < input.trimEnd().length)
    throw graphErrors.param(`Syntax error "Unexpected end." at character ${i}: ${input}`);
  return specs;
}

/** How one node type renders each field; `undefined` means "absent", which Graph omits. */
export interface NodeType<T> {
  name: string;
  defaults: string[];
  fields: Record<string, (node: T, spec: FieldSpec) => unknown>;
}

/** Renders the requested fields (or the type's defaults). Graph always adds `id` to a node. */
export function render<T extends object>(
  type: NodeType<T>,
  node: T,
  specs: FieldSpec[] | null,
): Record<string, unknown> {
  const wanted = specs ?? type.defaults.map((name) => ({ name }));
  const out: Record<string, unknown> = {};
  for (const spec of wanted) {
    const resolve = type.fields[spec.name];
    if (!resolve) throw graphErrors.nonexistingField(spec.name, type.name);
    const value = resolve(node, spec);
    if (value !== undefined && value !== null) out[spec.name] = value;
  }
  if (!('id' in out) && type.fields.id) out.id = type.fields.id(node, { name: 'id' });
  return out;
}

export const fieldNames = (specs: FieldSpec[] | null) => new Set(specs?.map((s) => s.name) ?? []);
