import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { isPrivateHost, isPublicHttps, reachableUrl } from './media-reach.js';

describe('media Meta can download', () => {
  it('tells private and local hosts from public ones', () => {
    for (const host of [
      'localhost',
      'shop.localhost',
      'nas.local',
      'files.internal',
      'server',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.5',
      '192.168.1.20',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '[::1]',
      'fd12:3456::1',
      'fe80::1',
      '::ffff:192.168.0.1',
    ])
      expect([host, isPrivateHost(host)]).toEqual([host, true]);
    for (const host of [
      'cdn.example.com',
      '8.8.8.8',
      '172.32.0.1',
      '2a00:1450::1',
      'scontent.cdninstagram.com',
    ])
      expect([host, isPrivateHost(host)]).toEqual([host, false]);
  });

  it('accepts public URLs as they are, and relative ones only under a public https PUBLIC_URL', () => {
    const open = { publicUrl: 'https://shop.example.com', allowPrivate: false };
    expect(reachableUrl('https://cdn.example.com/a.jpg', open)).toBe('https://cdn.example.com/a.jpg');
    expect(reachableUrl('/api/v1/attachments/x?sig=1', open)).toBe(
      'https://shop.example.com/api/v1/attachments/x?sig=1',
    );
    expect(isPublicHttps('https://shop.example.com')).toBe(true);
    expect(isPublicHttps('http://shop.example.com')).toBe(false);
    expect(isPublicHttps('https://192.168.0.2')).toBe(false);
  });

  it('refuses with media_not_public and says why', () => {
    const refuse = (url: string, publicUrl: string | null) => {
      try {
        reachableUrl(url, { publicUrl, allowPrivate: false });
      } catch (err) {
        return [(err as AppError).code, (err as AppError).statusCode, (err as Error).message];
      }
      return null;
    };
    expect(refuse('/uploads/a.jpg', null)?.[2]).toMatch(/relative to this server.*PUBLIC_URL/);
    expect(refuse('/uploads/a.jpg', 'http://192.168.1.5:3000')?.[0]).toBe('media_not_public');
    expect(refuse('http://127.0.0.1:3000/a.jpg', 'https://shop.example.com')).toEqual([
      'media_not_public',
      422,
      expect.stringMatching(/127\.0\.0\.1 is a local or private address/),
    ]);
    expect(refuse('ftp://cdn.example.com/a.jpg', null)?.[2]).toMatch(/only http and https/);
    expect(refuse('not a url', null)?.[2]).toMatch(/not an absolute http\(s\) URL/);
  });

  it('lets demo mode use this machine, since the simulator downloads from here', () => {
    const demo = { publicUrl: 'http://127.0.0.1:3000', allowPrivate: true };
    expect(reachableUrl('http://127.0.0.1:3000/__sim/img/a.svg', demo)).toBe(
      'http://127.0.0.1:3000/__sim/img/a.svg',
    );
    expect(reachableUrl('/uploads/a.jpg', demo)).toBe('http://127.0.0.1:3000/uploads/a.jpg');
    expect(() => reachableUrl('/uploads/a.jpg', { publicUrl: null, allowPrivate: true })).toThrow(AppError);
  });
});
