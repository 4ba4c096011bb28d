// Response shapes of the /api/v1 routes the dashboard uses (docs/API.md is the contract).

export interface User {
  id: string;
  email: string;
  role: 'owner' | 'agent';
  isAdmin: boolean;
  workspaceId: string;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface MeResponse {
  user: User;
  workspace: { id: string; name: string; timezone: string };
}

export interface Stats {
  totalMessages: number;
  inboundMessages: number;
  outboundMessages: number;
  clientsWithInstagram: number;
  pollingActive: boolean;
  config: { useChatrace: boolean; useMockMode: boolean; hasAccessToken: boolean; apiUrl: string };
  deliveries: { total: number; last24h: number; rejected: number; lastReceivedAt: string | null };
  accounts: number;
  /** the connected accounts' latest follower readings, summed; null before the first */
  followers: number | null;
  /** messages in and out since midnight, in the workspace's time zone */
  messagesToday: number;
  /** media published since Monday, in the workspace's time zone */
  postsThisWeek: number;
}

export const deliveryStatuses = ['received', 'processed', 'unrouted', 'failed', 'rejected'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
export const deliverySources = ['meta', 'chatrace'] as const;
export type DeliverySource = (typeof deliverySources)[number];
export type EventStatus = 'pending' | 'unrouted' | 'processed' | 'failed';

export interface Delivery {
  id: string;
  source: DeliverySource;
  receivedAt: string;
  signatureValid: boolean;
  status: DeliveryStatus;
  error: string | null;
  accountId: string | null;
  eventCount: number;
  duplicateCount: number;
  bodySize: number;
}

export interface DeliveryEvent {
  id: string;
  seq: number;
  kind: string;
  field: string | null;
  externalAccountId: string | null;
  accountId: string | null;
  externalId: string | null;
  senderId: string | null;
  occurredAt: string;
  status: EventStatus;
  error: string | null;
  payload: unknown;
}

export interface DeliveryDetail extends Delivery {
  headers: Record<string, string>;
  body: string | null;
  processedAt: string | null;
  attempts: number;
  events: DeliveryEvent[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ReplayResponse {
  id: string;
  jobId: string;
  status: 'queued';
}
