import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { UserTable, WorkspaceTable } from '../db/schema.js';

export type UserRow = UserTable;
export type WorkspaceRow = WorkspaceTable;

export class UserRepository {
  constructor(private readonly db: Db) {}

  findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
  }

  /** the instance administrator (the first owner), whose workspace gets start-up connections */
  findAdmin(): Promise<UserRow | undefined> {
    return this.db
      .selectFrom('users')
      .selectAll()
      .where('is_admin', '=', 1)
      .orderBy('created_at')
      .executeTakeFirst();
  }

  findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findWorkspace(id: string): Promise<WorkspaceRow | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async updateWorkspace(id: string, patch: Partial<WorkspaceRow>): Promise<void> {
    await this.db.updateTable('workspaces').set(patch).where('id', '=', id).execute();
  }

  /** a new workspace and its first user, in one transaction */
  async createWithWorkspace(input: {
    workspaceName: string;
    email: string;
    passwordHash: string;
    role: UserRow['role'];
    isAdmin: boolean;
  }): Promise<UserRow> {
    return this.db.transaction().execute(async (trx) => {
      const now = nowIso();
      const workspace: WorkspaceRow = {
        id: newId(),
        name: input.workspaceName,
        timezone: 'UTC',
        created_at: now,
        human_agent_enabled: 0,
      };
      await trx.insertInto('workspaces').values(workspace).execute();
      const user: UserRow = {
        id: newId(),
        workspace_id: workspace.id,
        email: input.email.toLowerCase(),
        password_hash: input.passwordHash,
        role: input.role,
        is_admin: input.isAdmin ? 1 : 0,
        created_at: now,
      };
      await trx.insertInto('users').values(user).execute();
      return user;
    });
  }

  async createInWorkspace(input: {
    workspaceId: string;
    email: string;
    passwordHash: string;
    role: UserRow['role'];
  }): Promise<UserRow> {
    const user: UserRow = {
      id: newId(),
      workspace_id: input.workspaceId,
      email: input.email.toLowerCase(),
      password_hash: input.passwordHash,
      role: input.role,
      is_admin: 0,
      created_at: nowIso(),
    };
    await this.db.insertInto('users').values(user).execute();
    return user;
  }
}
