import { addComment } from './comments.js';
import type { SimContext } from './context.js';
import { addMentionMedia, mentionPayload } from './mentions.js';
import type { SimAccount, SimAttachment, SimComment, SimCustomer, SimMessage } from './types.js';
import { messageEvent, messagingPayload } from './webhook-payloads.js';
import type { WebhookDelivery } from './webhooks.js';

// What customers do on Instagram: message, react, read, comment. Each changes the state and sends
// the webhook Meta would send. `from` is an IGSID or a username; an unknown username becomes a
// new customer (so `relaydesk simulate dm --from alice` just works). `to` picks the account
// (professional id, app-scoped id or username; default: the first account).

export interface CustomerMessageInput {
  from: string;
  text?: string;
  attachments?: SimAttachment[];
  /** the mid this message replies to */
  replyTo?: string;
  to?: string;
}

export function resolveAccount(sim: SimContext, to?: string): SimAccount {
  const account = to ? sim.state.findAccount(to) : sim.state.accounts.values().next().value;
  if (!account)
    throw new Error(
      to ? `no account ${to}` : 'the simulator has no account yet (createAccount or seedDemo first)',
    );
  return account;
}

export function resolveCustomer(sim: SimContext, from: string): SimCustomer {
  const known = sim.state.findCustomer(from);
  if (known) return known;
  if (/^\d{10,}$/.test(from)) throw new Error(`no customer with IGSID ${from}`);
  const username = from.replace(/^@/, '');
  return sim.state.addCustomer({ username, name: username.charAt(0).toUpperCase() + username.slice(1) });
}

export function customerSends(sim: SimContext, input: CustomerMessageInput) {
  if (input.text === undefined && !input.attachments?.length)
    throw new Error('a message needs text or attachments');
  const account = resolveAccount(sim, input.to);
  const customer = resolveCustomer(sim, input.from);
  const conversation = sim.state.conversationFor(account.userId, customer.igsid);
  const message = sim.state.addMessage(conversation, {
    fromCustomer: true,
    text: input.text,
    attachments: input.attachments ?? [],
    replyToMid: input.replyTo,
  });
  const delivery = sim.webhooks.emit(
    account,
    'messages',
    messagingPayload(account, sim.clock(), messageEvent(account, message)),
  );
  return { message, customer, conversationId: conversation.id, delivery };
}

export function customerReacts(
  sim: SimContext,
  input: { from: string; mid: string; reaction?: string; emoji?: string; action?: 'react' | 'unreact' },
): { message: SimMessage; delivery: WebhookDelivery } {
  const customer = resolveCustomer(sim, input.from);
  const message = sim.state.messages.get(input.mid);
  if (!message || message.igsid !== customer.igsid)
    throw new Error(`no message ${input.mid} in a conversation with ${input.from}`);
  const account = sim.state.accounts.get(message.accountId) as SimAccount;
  const action = input.action ?? 'react';
  message.reactions = message.reactions.filter((x) => !x.byCustomer);
  const reaction: Record<string, unknown> = { mid: message.id, action };
  if (action === 'react') {
    reaction.reaction = input.reaction ?? 'love';
    reaction.emoji = input.emoji ?? '❤️';
    message.reactions.push({
      reaction: String(reaction.reaction),
      emoji: String(reaction.emoji),
      byCustomer: true,
    });
  }
  const event = {
    sender: { id: customer.igsid },
    recipient: { id: account.userId },
    timestamp: sim.clock(),
    reaction,
  };
  return {
    message,
    delivery: sim.webhooks.emit(account, 'message_reactions', messagingPayload(account, sim.clock(), event)),
  };
}

/** the customer read the conversation up to `mid` (default: the business's latest message) */
export function customerReads(sim: SimContext, input: { from: string; mid?: string; to?: string }) {
  const account = resolveAccount(sim, input.to);
  const customer = resolveCustomer(sim, input.from);
  const conversation = sim.state.conversationsOf(account.userId).find((c) => c.igsid === customer.igsid);
  const mid =
    input.mid ?? (conversation && sim.state.messagesOf(conversation.id).find((m) => !m.fromCustomer)?.id);
  if (!mid) throw new Error(`nothing to read in the conversation with ${input.from}`);
  const event = {
    sender: { id: customer.igsid },
    recipient: { id: account.userId },
    timestamp: sim.clock(),
    read: { mid },
  };
  return {
    mid,
    delivery: sim.webhooks.emit(account, 'messaging_seen', messagingPayload(account, sim.clock(), event)),
  };
}

/** a comment on `mediaId` (default: the account's newest post), or a reply under `parentId` */
export function customerComments(
  sim: SimContext,
  input: { from: string; text: string; mediaId?: string; parentId?: string; to?: string },
): { comment: SimComment; customer: SimCustomer } {
  const parent = input.parentId ? sim.state.comments.get(input.parentId) : undefined;
  if (input.parentId && !parent) throw new Error(`no comment ${input.parentId}`);
  const account = parent
    ? (sim.state.accounts.get(parent.accountId) as SimAccount)
    : resolveAccount(sim, input.to);
  const media = sim.state.media.get(
    parent?.mediaId ?? input.mediaId ?? sim.state.mediaOf(account.userId)[0]?.id ?? '',
  );
  if (!media) throw new Error('no media to comment on');
  if (!media.commentsEnabled) throw new Error(`comments are disabled on ${media.id}`);
  const customer = resolveCustomer(sim, input.from);
  const comment = addComment(sim, account, media, {
    fromId: customer.igsid,
    fromUsername: customer.username,
    text: input.text,
    parentId: parent ? (parent.parentId ?? parent.id) : undefined,
  });
  return { comment, customer };
}

/** a customer @mentions the account in a new post's caption, or in a comment under that post */
export function customerMentions(
  sim: SimContext,
  input: { from: string; text: string; inComment?: boolean; to?: string },
) {
  const account = resolveAccount(sim, input.to);
  const customer = resolveCustomer(sim, input.from);
  const tag = `@${account.username}`;
  const text = input.text.includes(tag) ? input.text : `${tag} ${input.text}`;
  const media = addMentionMedia(sim, customer.igsid, input.inComment ? `${customer.username}'s post` : text);
  const comment = input.inComment
    ? sim.state.addComment({
        mediaId: media.id,
        accountId: customer.igsid,
        fromId: customer.igsid,
        fromUsername: customer.username,
        text,
        timestamp: sim.clock(),
        hidden: false,
        likeCount: 0,
      })
    : undefined;
  const delivery = sim.webhooks.emit(
    account,
    'mentions',
    mentionPayload(account, sim.clock(), media, comment),
  );
  return { media, comment, delivery };
}
