// Rules run in priority order (lower first; equal priorities by id, i.e. by age). Moving one rule
// up or down changes as few rules as possible: usually just the moved one, given a number between
// its new neighbours; only when there is no room are all renumbered 10, 20, 30…

export interface Prioritised {
  id: string;
  priority: number;
}

export interface PriorityPatch {
  id: string;
  priority: number;
}

const step = 10;
const limit = 1_000_000;

const before = (a: Prioritised, b: Prioritised) =>
  a.priority < b.priority || (a.priority === b.priority && a.id < b.id);

/** the patches that put rules[from] at position `to` of the list (both 0-based, in list order) */
export function movePatches(rules: readonly Prioritised[], from: number, to: number): PriorityPatch[] {
  const moved = rules[from];
  if (!moved || to < 0 || to >= rules.length || to === from) return [];
  const rest = rules.filter((_, i) => i !== from);
  const prev = rest[to - 1];
  const next = rest[to];
  const room = (p: number) =>
    Number.isInteger(p) &&
    Math.abs(p) <= limit &&
    (!prev || before(prev, { id: moved.id, priority: p })) &&
    (!next || before({ id: moved.id, priority: p }, next));
  const candidate = !prev
    ? next!.priority - step
    : !next
      ? prev.priority + step
      : Math.floor((prev.priority + next.priority) / 2);
  if (room(candidate)) return [{ id: moved.id, priority: candidate }];
  const order = [...rest.slice(0, to), moved, ...rest.slice(to)];
  return order.flatMap((r, i) =>
    r.priority === (i + 1) * step ? [] : [{ id: r.id, priority: (i + 1) * step }],
  );
}

/** the priority for a new rule: after every existing one */
export function nextPriority(rules: readonly Prioritised[]): number {
  return rules.length === 0 ? 0 : Math.min(limit, Math.max(...rules.map((r) => r.priority)) + step);
}
