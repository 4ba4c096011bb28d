import type { Query } from '../../lib/api.js';
import {
  type DeliverySource,
  type DeliveryStatus,
  deliverySources,
  deliveryStatuses,
} from '../../lib/types.js';

// The log's filters live in the address (?status=rejected&from=2026-11-01) so a filtered view
// can be bookmarked or shared.

export interface DeliveryFilters {
  status: DeliveryStatus | '';
  source: DeliverySource | '';
  signatureValid: 'true' | 'false' | '';
  /** YYYY-MM-DD in the user's time zone */
  from: string;
  to: string;
}

export const emptyFilters: DeliveryFilters = { status: '', source: '', signatureValid: '', from: '', to: '' };

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' =>
  (list as readonly string[]).includes(v ?? '') ? (v as T) : '';

export function filtersFromSearch(search: string): DeliveryFilters {
  const p = new URLSearchParams(search);
  const sig = p.get('signatureValid');
  return {
    status: oneOf(deliveryStatuses, p.get('status')),
    source: oneOf(deliverySources, p.get('source')),
    signatureValid: sig === 'true' || sig === 'false' ? sig : '',
    from: isDate(p.get('from')) ? p.get('from')! : '',
    to: isDate(p.get('to')) ? p.get('to')! : '',
  };
}

export function filtersToSearch(f: DeliveryFilters): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Day boundaries are the user's local midnight, sent to the server as UTC instants. */
export function filtersToQuery(f: DeliveryFilters): Query {
  const start = (d: string) => new Date(`${d}T00:00:00`).toISOString();
  const end = (d: string) => new Date(`${d}T23:59:59.999`).toISOString();
  return {
    status: f.status,
    source: f.source,
    signatureValid: f.signatureValid,
    from: f.from ? start(f.from) : undefined,
    to: f.to ? end(f.to) : undefined,
  };
}
