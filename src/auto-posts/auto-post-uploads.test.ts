import { describe, expect, it } from 'vitest';
import { errors } from '../errors.js';
import { freshUploadUrl, type Uploads, uploadId } from './auto-post-uploads.js';

const publicUrl = 'https://relay.example.com';

describe('uploads named as post media', () => {
  it('recognises links to our attachments, relative or on PUBLIC_URL, and nothing else', () => {
    expect(uploadId('/api/v1/attachments/a-1?exp=1&sig=x', publicUrl)).toBe('a-1');
    expect(uploadId('/api/v1/attachments/a%2D2', null)).toBe('a-2');
    expect(uploadId('https://relay.example.com/api/v1/attachments/a-3?exp=1', publicUrl)).toBe('a-3');
    for (const url of [
      'https://cdn.example/api/v1/attachments/a-4',
      'https://relay.example.com/api/v1/attachments/a-5/extra',
      'https://relay.example.com/api/v1/other/a-6',
      '//relay.example.com/api/v1/attachments/a-7',
      'not a url',
    ])
      expect(uploadId(url, publicUrl)).toBeNull();
    expect(uploadId('https://relay.example.com/api/v1/attachments/a-8', null)).toBeNull();
  });

  it('signs a workspace’s upload anew for 24 h, and refuses one it does not have', async () => {
    const asked: [string, string][] = [];
    const uploads: Uploads = {
      get: async (ws, id) => {
        asked.push([ws, id]);
        if (id !== 'mine') throw errors.notFound('Attachment');
      },
      signedPath: (id, ttl) => `/api/v1/attachments/${id}?ttl=${ttl}`,
    };
    expect(await freshUploadUrl('https://cdn.example/a.jpg', 'w-1', uploads, publicUrl)).toBe(
      'https://cdn.example/a.jpg',
    );
    expect(await freshUploadUrl('/api/v1/attachments/mine?exp=1&sig=old', 'w-1', uploads, publicUrl)).toBe(
      '/api/v1/attachments/mine?ttl=86400',
    );
    await expect(
      freshUploadUrl(`${publicUrl}/api/v1/attachments/theirs?exp=1&sig=old`, 'w-1', uploads, publicUrl),
    ).rejects.toMatchObject({
      code: 'media_not_public',
      message: `Instagram cannot download ${publicUrl}/api/v1/attachments/theirs: the uploaded file no longer exists in this workspace; upload it again`,
    });
    expect(asked).toEqual([
      ['w-1', 'mine'],
      ['w-1', 'theirs'],
    ]);
  });
});
