// Rows of the inbox benchmark, rebuilt on demand from the plan (bench/inbox-data.js): contacts,
// conversations with their summary columns, and messages with a realistic mix of kinds.

import { searchText } from '../dist/server/inbox/contact-search.js';
import { inboxRank } from '../dist/server/inbox/inbox-rank.js';
import { previewOf } from '../dist/server/inbox/message-merge.js';
import { rowRng, uuidv7 } from './inbox-data.js';

const FIRST = [
  ...'Olena Andrii Iryna Maksym Sofiia Dmytro Anna Taras Kateryna Oleksandr Yulia Bohdan Natalia'.split(' '),
  ...'Serhii Viktoriia Emma Liam Olivia Noah Mia Lucas Ava Mateo Chloe Ivan Mariia Pavlo Daria'.split(' '),
  'Roman',
  'Khrystyna',
];
const LAST = [
  ...'Kovalenko Shevchenko Bondarenko Tkachenko Kravchenko Melnyk Boiko Oliinyk Lysenko Moroz'.split(' '),
  ...'Smith Garcia Muller Rossi Novak Kowalski Petrenko Savchenko Rudenko Marchenko'.split(' '),
];
const PHRASES = [
  'Доброго дня! Скільки коштує доставка до Львова?',
  'Hi! Is this still available?',
  'Дякую, чекаю 🙂',
  'Добрый день, а есть размер M?',
  'Can you send more photos of the blue one?',
  'Так, є в наявності. Відправимо сьогодні Новою поштою.',
  'Thanks for your order! Your tracking number will follow shortly.',
  'ок',
  'What are your opening hours on Saturday?',
  'Можна оплатити при отриманні?',
  'Your package has been shipped 📦 It usually takes 2–3 days.',
  'Підкажіть, будь ласка, склад тканини і як прати.',
  'Sure, here is the link to the catalogue.',
  '👍',
  'А якщо замовити дві штуки, буде знижка?',
];
const ATTACHMENTS_IN = ['image', 'image', 'image', 'video', 'audio', 'audio', 'file', 'share', 'ig_reel'];
const MIME = { image: 'image/jpeg', video: 'video/mp4', audio: 'audio/mp4', file: 'application/pdf' };
const ACCOUNT_IGID = '17841405309211844';
const MID_PREFIX = 'aWdfZAG1faVRJRzowMTc4NDE0MDUzMDkyMTE4NDQ6';

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function cdnUrl(r, type) {
  const asset = Math.floor(r() * 1e15);
  const signature = `Abz${Math.floor(r() * 1e15).toString(36)}${type}Q7xK2`;
  return `https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=${asset}&signature=${signature}`;
}

export function makeRows(plan, { workspaceId, accountId, userIds }) {
  const { seed, ts, conv, prev, inbound, deleted, first, last } = plan;
  const iso = (ms) => new Date(ms).toISOString();
  const conversationIds = Array.from({ length: plan.C }, (_, c) => uuidv7(ts[first[c]], rowRng(seed, 1, c)));
  const contactIds = Array.from({ length: plan.C }, (_, c) => uuidv7(ts[first[c]], rowRng(seed, 2, c)));
  const igsid = (c) => String(6983345578376412 + c * 7919);
  // Meta's mids are ~100 characters of base64; these have the same length and a fixed prefix.
  const mid = (i) =>
    `${MID_PREFIX}${Buffer.from(`34028236684171030124427${i}:${conv[i]}`).toString('base64url')}`;
  const messageId = (i) => uuidv7(ts[i], rowRng(seed, 3, i));

  function contact(c) {
    const r = rowRng(seed, 5, c);
    const f = pick(r, FIRST);
    const l = pick(r, LAST);
    const hidden = r() < 0.08; // Meta error 230: no consent to read the profile yet
    const username = hidden
      ? null
      : `${f}${r() < 0.5 ? '.' : '_'}${l}${Math.floor(r() * 1000)}`.toLowerCase();
    const name = hidden ? null : `${f} ${l}`;
    const at = iso(ts[first[c]]);
    return {
      id: contactIds[c],
      workspace_id: workspaceId,
      account_id: accountId,
      source: 'instagram',
      external_id: igsid(c),
      person_id: uuidv7(ts[first[c]], r),
      username,
      name,
      search_text: searchText(username, name),
      profile_pic_url: hidden ? null : `https://scontent.cdninstagram.com/v/t51.2885-19/${igsid(c)}_n.jpg`,
      follower_count: hidden ? null : Math.floor(r() ** 3 * 20000),
      is_user_follow_business: hidden ? null : r() < 0.6 ? 1 : 0,
      is_business_follow_user: hidden ? null : r() < 0.1 ? 1 : 0,
      profile_fetched_at: at,
      profile_error: hidden ? 'consent_required' : null,
      notes: r() < 0.05 ? 'Постійний клієнт, любить знижки' : '',
      tags: r() < 0.2 ? '["vip"]' : '[]',
      created_at: at,
      updated_at: at,
    };
  }

  function message(i) {
    const r = rowRng(seed, 4, i);
    const isIn = inbound[i] === 1;
    const roll = r();
    let kind = 'text';
    let text = PHRASES[Math.floor(r() * PHRASES.length)];
    if (r() < 0.25) text += ` ${pick(r, PHRASES)}`;
    let attachments = [];
    let replyTo = null;
    let postback = null;
    const attach = (type) => [
      { type, sourceUrl: cdnUrl(r, type), attachmentId: null, mimeType: MIME[type] ?? null },
    ];
    if (isIn && roll < 0.12) {
      kind = 'attachment';
      text = null;
      attachments = attach(pick(r, ATTACHMENTS_IN));
    } else if (isIn && roll < 0.15) {
      kind = 'story_reply';
      replyTo = { story: { id: String(Math.floor(r() * 1e17)), url: cdnUrl(r, 'story') } };
    } else if (isIn && roll < 0.17) {
      kind = 'story_mention';
      text = null;
      attachments = attach('story_mention');
    } else if (isIn && roll < 0.19) {
      kind = 'postback';
      text = 'Get started';
      postback = 'GET_STARTED';
    } else if (!isIn && roll < 0.08) {
      kind = 'attachment';
      text = null;
      attachments = attach(pick(r, ['image', 'image', 'video', 'file']));
    } else if (prev[i] >= 0 && roll > 0.97) {
      replyTo = { mid: mid(prev[i]) };
    }
    const failed = !isIn && r() < 0.003;
    const sentBy = isIn
      ? 'customer'
      : pick(r, ['user', 'user', 'user', 'user', 'automation', 'instagram_app']);
    const isDeleted = deleted[i] === 1;
    const at = iso(ts[i]);
    return {
      id: messageId(i),
      workspace_id: workspaceId,
      account_id: accountId,
      conversation_id: conversationIds[conv[i]],
      external_id: failed ? null : mid(i),
      direction: isIn ? 'inbound' : 'outbound',
      kind,
      text: isDeleted ? null : text,
      attachments: isDeleted ? '[]' : JSON.stringify(attachments),
      reply_to: replyTo ? JSON.stringify(replyTo) : null,
      quick_reply_payload: isIn && kind === 'text' && r() < 0.02 ? 'SIZE_M' : null,
      postback_payload: isDeleted ? null : postback,
      referral: null,
      status: isIn ? 'received' : failed ? 'failed' : 'sent',
      error_code: failed ? 'outside_messaging_window' : null,
      error_message: failed ? 'The 24-hour messaging window has closed' : null,
      sent_by: sentBy,
      sent_by_user_id: sentBy === 'user' ? pick(r, userIds) : null,
      tag: null,
      edit_count: isIn && !isDeleted && r() < 0.01 ? 1 : 0,
      is_deleted: isDeleted ? 1 : 0,
      complete: 1,
      send_attempted_at: isIn ? null : at,
      created_at: at,
      updated_at: at,
    };
  }

  function conversation(c) {
    const r = rowRng(seed, 6, c);
    const newest = message(last[c]);
    const createdAt = iso(ts[first[c]]);
    const unread = plan.unread[c];
    const lastOut = newest.direction === 'outbound' && r() < 0.6 ? newest.created_at : null;
    return {
      id: conversationIds[c],
      workspace_id: workspaceId,
      account_id: accountId,
      contact_id: contactIds[c],
      external_id: r() < 0.5 ? `${MID_PREFIX}${igsid(c)}` : null,
      status: r() < 0.15 ? 'closed' : 'open',
      assignee_id: r() < 0.2 ? pick(r, userIds) : null,
      unread_count: unread,
      last_message_id: newest.id,
      last_message_at: newest.created_at,
      last_message_preview: previewOf(newest),
      last_message_direction: newest.direction,
      last_customer_at: plan.lastInbound[c] >= 0 ? iso(plan.lastInbound[c]) : null,
      operator_read_at: plan.operatorReadAt[c] >= 0 ? iso(plan.operatorReadAt[c]) : null,
      customer_read_at: lastOut ?? (plan.lastInbound[c] >= 0 ? iso(plan.lastInbound[c]) : null),
      customer_read_mid: null,
      customer_read_mid_at: null,
      attribution:
        r() < 0.05 ? JSON.stringify({ source: 'ADS', ad_id: String(Math.floor(r() * 1e15)) }) : null,
      inbox_rank: inboxRank(unread, newest.created_at, createdAt, conversationIds[c]),
      created_at: createdAt,
      updated_at: newest.created_at,
    };
  }

  return { contact, conversation, message, messageId, conversationIds, igsid, accountIgId: ACCOUNT_IGID };
}
