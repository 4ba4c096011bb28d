import { z } from 'zod';

// Response shapes from Chatrace's published Swagger (test/fixtures/chatrace/swagger_*.json).
// Lenient on purpose: unknown fields are dropped, absent ones become null, ids may be numbers or
// strings. Swagger's placeholder ids are 0, which no real account or contact has, so 0 reads as "absent".
// A 2xx body that still does not fit fails in ChatraceClient as kind 'transient' (a proxy page or
// an incident, worth a later retry).

const nid = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' || v === 0 ? null : String(v)));
const nstr = z
  .string()
  .nullish()
  .transform((v) => (v ? v : null));
const code = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => v ?? null);

/** GET /accounts/me — `page_id` is the Chatrace account id (the number before the dot of a token). */
export const accountMeSchema = z.object({
  page_id: nid,
  name: nstr,
  active: z.boolean().nullish(),
  total_users: z.number().nullish(),
});

const tagSchema = z.object({ id: nid, name: nstr });
const customFieldSchema = z.object({ id: nid, name: nstr, type: code, value: z.unknown() });

/** GET /contacts/{id} */
export const contactSchema = z.object({
  id: nid,
  page_id: nid,
  first_name: nstr,
  last_name: nstr,
  /** Chatrace's numeric channel code on contacts (the send endpoints take a channel name instead) */
  channel: code,
  profile_pic: nstr,
  locale: nstr,
  last_interaction: z.number().nullish(),
  tags: z
    .array(tagSchema)
    .nullish()
    .transform((v) => v ?? []),
  custom_fields: z
    .array(customFieldSchema)
    .nullish()
    .transform((v) => v ?? []),
});

export interface ChatraceContact {
  id: string;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  /** first and last name joined, null when both are missing */
  name: string | null;
  profilePic: string | null;
  channel: number | string | null;
  locale: string | null;
  /** unix seconds, as Chatrace sends it */
  lastInteraction: number | null;
  tags: Array<{ id: string | null; name: string | null }>;
  customFields: Array<{
    id: string | null;
    name: string | null;
    type: number | string | null;
    value: unknown;
  }>;
  raw: unknown;
}

export function toContact(
  requestedId: string,
  body: z.infer<typeof contactSchema>,
  raw: unknown,
): ChatraceContact {
  const name = [body.first_name, body.last_name].filter(Boolean).join(' ');
  return {
    id: body.id ?? requestedId,
    accountId: body.page_id,
    firstName: body.first_name,
    lastName: body.last_name,
    name: name === '' ? null : name,
    profilePic: body.profile_pic,
    channel: body.channel,
    locale: body.locale,
    lastInteraction: body.last_interaction ?? null,
    tags: body.tags,
    customFields: body.custom_fields.map((f) => ({ id: f.id, name: f.name, type: f.type, value: f.value })),
    raw,
  };
}
