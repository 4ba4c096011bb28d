import type { SessionTokens } from '../../src/auth/session-token.js';
import { UserRepository, type UserRow } from '../../src/auth/user.repository.js';
import type { Db } from '../../src/db/database.js';

type Who = 'owner' | 'agent' | 'other';

/**
 * Two workspaces for access tests: "Linen" with an owner and an agent, "Other" with its own
 * owner; and a login token for each of the three.
 */
export async function seedWorkspaces(db: Db, tokens: SessionTokens) {
  const users = new UserRepository(db);
  const base = { passwordHash: 'not-a-real-hash', isAdmin: false };
  const owner = await users.createWithWorkspace({
    ...base,
    workspaceName: 'Linen',
    email: 'o@linen.test',
    role: 'owner',
  });
  const agent = await users.createInWorkspace({
    ...base,
    workspaceId: owner.workspace_id,
    email: 'a@linen.test',
    role: 'agent',
  });
  const other = await users.createWithWorkspace({
    ...base,
    workspaceName: 'Other',
    email: 'o@other.test',
    role: 'owner',
  });
  const people: Record<Who, UserRow> = { owner, agent, other };
  const session = { owner: '', agent: '', other: '' } satisfies Record<Who, string>;
  for (const k of ['owner', 'agent', 'other'] as const) {
    const u = people[k];
    const ctx = { userId: u.id, workspaceId: u.workspace_id, role: u.role, isAdmin: u.is_admin === 1 };
    session[k] = (await tokens.issue(ctx)).accessToken;
  }
  return { ...people, session };
}
