import { absolute, type GraphRequest, graphTime, type Route, route } from './context.js';
import { type FieldSpec, type NodeType, render } from './fields.js';
import { paginate } from './paging.js';
import type { SimConversation, SimMessage } from './types.js';

// Reading the inbox: GET /{ig-user-id}/conversations (all, or `user_id=<IGSID>` for one person),
// GET /{conversation-id}?fields=messages{…}, GET /{message-id}?fields=….
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/conversations-api

function party(r: GraphRequest, id: string) {
  const account = r.sim.state.accounts.get(id);
  if (account) return { username: account.username, id: account.userId };
  return { username: r.sim.state.customers.get(id)?.username ?? '', id };
}

function messageType(r: GraphRequest): NodeType<SimMessage> {
  return {
    name: 'Message',
    defaults: ['id', 'created_time'],
    fields: {
      id: (m) => m.id,
      created_time: (m) => graphTime(m.createdAt),
      from: (m) => party(r, m.fromCustomer ? m.igsid : m.accountId),
      to: (m) => ({ data: [party(r, m.fromCustomer ? m.accountId : m.igsid)] }),
      message: (m) => m.text ?? '',
      attachments: (m) =>
        m.attachments.length
          ? {
              data: m.attachments.map((a, i) => {
                const url = a.url ? absolute(r.sim, a.url) : undefined;
                const item: Record<string, unknown> = { id: `${m.id}_${i}` };
                if (a.type === 'image') item.image_data = { url, preview_url: url };
                else if (a.type === 'video') item.video_data = { url, preview_url: url };
                else item.file_url = url;
                return item;
              }),
            }
          : undefined,
      reactions: (m) =>
        m.reactions.length
          ? {
              data: m.reactions.map((x) => ({
                reaction: x.reaction,
                users: [party(r, x.byCustomer ? m.igsid : m.accountId)],
              })),
            }
          : undefined,
      reply_to: (m) => (m.replyToMid ? { mid: m.replyToMid, is_self_reply: false } : undefined),
      shares: () => undefined,
      story: () => undefined,
      is_unsupported: () => false,
    },
  };
}

function conversationType(r: GraphRequest): NodeType<SimConversation> {
  return {
    name: 'Conversation',
    defaults: ['id'],
    fields: {
      id: (c) => c.id,
      updated_time: (c) => graphTime(c.updatedAt),
      message_count: (c) => r.sim.state.messagesOf(c.id).length,
      participants: (c) => ({ data: [party(r, c.igsid), party(r, c.accountId)] }),
      messages: (c, spec) => edge(r.sim.state.messagesOf(c.id), spec, messageType(r)),
    },
  };
}

/** an edge expanded inside `fields=` (no cursors beyond the first page, like Graph's nested paging) */
function edge<T extends { id: string }>(items: T[], spec: FieldSpec, type: NodeType<T>) {
  const page = paginate(
    items,
    { limit: String(spec.limit ?? 25) },
    () => '',
    (x) => render(type, x, spec.sub ?? null),
  );
  return { data: page.data };
}

export const conversationRoutes: Route[] = [
  route('user', 'GET', 'conversations', 'instagram_business_manage_messages', (r, account) => {
    const userId = r.req.query.user_id;
    const list = r.sim.state.conversationsOf(account.userId).filter((c) => !userId || c.igsid === userId);
    const fields = r.fields ?? (userId ? [{ name: 'id' }] : [{ name: 'id' }, { name: 'updated_time' }]);
    return paginate(list, r.req.query, r.link, (c) => render(conversationType(r), c, fields));
  }),
  route('conversation', 'GET', '', 'instagram_business_manage_messages', (r, c) =>
    render(conversationType(r), c, r.fields),
  ),
  route('message', 'GET', '', 'instagram_business_manage_messages', (r, m) =>
    render(messageType(r), m, r.fields),
  ),
];
