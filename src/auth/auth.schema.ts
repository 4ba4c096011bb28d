import { z } from 'zod';

export const loginBody = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'agent']),
  isAdmin: z.boolean(),
  workspaceId: z.string(),
});

export const workspaceView = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  /** operators may answer 24 h–7 d after the customer's last message with Meta's HUMAN_AGENT tag */
  humanAgentEnabled: z.boolean(),
});

export const workspacePatch = z.object({ humanAgentEnabled: z.boolean() });

export const loginResponse = z.object({
  accessToken: z.string(),
  expiresIn: z.number(),
  user: userView,
});

export const meResponse = z.object({ user: userView, workspace: workspaceView });

export type UserView = z.infer<typeof userView>;

export const setupStatus = z.object({ needed: z.boolean() });
export const setupBody = z.object({
  email: z.email().max(320),
  password: z.string().min(8).max(1024),
});
