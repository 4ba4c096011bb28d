import { errors } from '../errors.js';
import type { Logger } from '../logger.js';
import type { UserView } from './auth.schema.js';
import type { LoginLimiter } from './login-limiter.js';
import { hashPassword, verifyPassword } from './password.js';
import type { AuthContext, SessionTokens } from './session-token.js';
import type { UserRepository, UserRow, WorkspaceRow } from './user.repository.js';

// A hash of a random password: verifying against it for unknown emails keeps the response time
// the same as for a wrong password, so login does not reveal which emails exist.
const dummyHash = hashPassword(`dummy-${Math.random()}`);

export function userView(u: UserRow): UserView {
  return { id: u.id, email: u.email, role: u.role, isAdmin: u.is_admin === 1, workspaceId: u.workspace_id };
}

export function toWorkspaceView(w: WorkspaceRow) {
  return { id: w.id, name: w.name, timezone: w.timezone, humanAgentEnabled: w.human_agent_enabled === 1 };
}

export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: SessionTokens,
    private readonly limiter: LoginLimiter,
    private readonly log: Logger,
    /** runs once the first owner exists (demo mode connects its account there) */
    private readonly onFirstOwner: (user: UserView) => Promise<void> = async () => {},
  ) {}

  async login(email: string, password: string, ip: string) {
    const attempt = await this.limiter.begin(ip, email);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
    if (!user || !ok) {
      await attempt.failed();
      this.log.warn({ ip }, 'login failed');
      throw errors.invalidCredentials();
    }
    await attempt.succeeded();
    const token = await this.tokens.issue({
      userId: user.id,
      workspaceId: user.workspace_id,
      role: user.role,
      isAdmin: user.is_admin === 1,
    });
    return { ...token, user: userView(user) };
  }

  async me(auth: AuthContext) {
    const user = await this.users.findById(auth.userId);
    const workspace = await this.users.findWorkspace(auth.workspaceId);
    if (!user || !workspace) throw errors.unauthorized('The user of this token no longer exists');
    return {
      user: userView(user),
      workspace: toWorkspaceView(workspace),
    };
  }

  /** owners only: workspace settings */
  async updateWorkspace(auth: AuthContext, patch: { humanAgentEnabled: boolean }) {
    if (auth.role !== 'owner') throw errors.forbidden('Only an owner of the workspace can do this');
    await this.users.updateWorkspace(auth.workspaceId, {
      human_agent_enabled: patch.humanAgentEnabled ? 1 : 0,
    });
    const workspace = await this.users.findWorkspace(auth.workspaceId);
    if (!workspace) throw errors.notFound('Workspace');
    return toWorkspaceView(workspace);
  }

  /**
   * `relaydesk user create` and ADMIN_EMAIL: the first user ever is an owner and the instance
   * administrator in a new workspace; later users join the given workspace (or get their own).
   */
  async createUser(input: {
    email: string;
    password: string;
    role?: 'owner' | 'agent';
    workspaceId?: string;
  }) {
    if (input.password.length < 8) throw errors.validation('The password must be at least 8 characters');
    if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) throw errors.validation('The email address is not valid');
    if (await this.users.findByEmail(input.email)) {
      throw errors.conflict('user_exists', `A user with the email ${input.email} already exists`);
    }
    const passwordHash = await hashPassword(input.password);
    const first = (await this.users.countUsers()) === 0;
    const user = input.workspaceId
      ? await this.users.createInWorkspace({
          workspaceId: input.workspaceId,
          email: input.email,
          passwordHash,
          role: input.role ?? 'agent',
        })
      : await this.users.createWithWorkspace({
          workspaceName: input.email.split('@')[1] ?? 'Workspace',
          email: input.email,
          passwordHash,
          role: input.role ?? 'owner',
          isAdmin: first,
        });
    return userView(user);
  }

  async setupNeeded(): Promise<boolean> {
    return (await this.users.countUsers()) === 0;
  }

  /**
   * First-run set-up from the dashboard: allowed only while no user exists, so it cannot be used
   * to add a second owner later. (Set ADMIN_EMAIL/ADMIN_PASSWORD to skip it.)
   */
  async setup(email: string, password: string, ip: string) {
    if (!(await this.setupNeeded())) {
      throw errors.conflict('setup_done', 'Relaydesk is set up already; log in instead');
    }
    const user = await this.createUser({ email, password, role: 'owner' });
    await this.onFirstOwner(user);
    return this.login(email, password, ip);
  }

  /** ADMIN_EMAIL/ADMIN_PASSWORD: creates the first owner once; never overwrites an existing user */
  async ensureAdmin(email: string | undefined, password: string | undefined): Promise<UserView | null> {
    if (!email || !password) return null;
    if (await this.users.findByEmail(email)) return null;
    try {
      const user = await this.createUser({ email, password, role: 'owner' });
      this.log.info({ email: user.email }, 'created the first owner from ADMIN_EMAIL');
      return user;
    } catch (err) {
      // Instances started together race to create the owner; the unique email lets one win, and
      // the others find it now (its whole transaction, workspace included, rolled back).
      if (await this.users.findByEmail(email)) return null;
      throw err;
    }
  }
}
