import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, mediaTypeOf, parseRange } from './attachment.media.js';

describe('attachment media helpers', () => {
  it('parses one byte range against the file size', () => {
    const cases: [string | undefined, ReturnType<typeof parseRange>][] = [
      [undefined, null],
      ['bytes=0-99', { start: 0, end: 99 }],
      ['bytes=900-2000', { start: 900, end: 999 }],
      ['bytes=990-', { start: 990, end: 999 }],
      ['bytes=-10', { start: 990, end: 999 }],
      ['bytes=-5000', { start: 0, end: 999 }],
      ['bytes=1000-', 'unsatisfiable'],
      ['bytes=-0', 'unsatisfiable'],
      ['bytes=50-10', null],
      ['bytes=0-1,5-6', null],
      ['items=0-1', null],
      ['bytes=-', null],
    ];
    for (const [header, expected] of cases)
      expect([header, parseRange(header, 1000)]).toEqual([header, expected]);
  });

  it('shows plain media inline and downloads everything else, SVG included', () => {
    expect(contentDisposition('video/mp4', null)).toBe('inline');
    expect(contentDisposition('image/svg+xml', 'x.svg')).toBe(
      `attachment; filename="x.svg"; filename*=UTF-8''x.svg`,
    );
    expect(contentDisposition('text/html', null)).toBe('attachment; filename="attachment"');
    expect(contentDisposition('application/pdf', 'Rechnung "März" (1).pdf')).toBe(
      `attachment; filename="Rechnung _M_rz_ (1).pdf"; filename*=UTF-8''Rechnung%20%22M%C3%A4rz%22%20%281%29.pdf`,
    );
  });

  it('accepts only sane media types and file names', () => {
    expect(mediaTypeOf('Video/MP4; codecs="avc1"')).toBe('video/mp4');
    expect(mediaTypeOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    for (const bad of [
      undefined,
      '',
      'png',
      'image/',
      '/png',
      'x-foo/bar',
      'multipart/mixed',
      'image/p ng',
    ]) {
      expect([bad, mediaTypeOf(bad)]).toEqual([bad, null]);
    }
    expect(cleanFileName('C:\\Users\\me\\report.pdf')).toBe('report.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n"c".txt')).toBe('abc.txt');
    expect(cleanFileName('..')).toBeNull();
    expect(cleanFileName('dir/')).toBeNull();
  });
});
