import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api.js';
import {
  createBody,
  draftOfPost,
  guessMediaType,
  mediaHint,
  mediaToPublish,
  newDraft,
  previewBody,
  seriesBody,
} from '../../web/src/pages/publishing/auto-post-form.js';
import {
  csvUpload,
  importSummary,
  reportCsv,
  reportLines,
} from '../../web/src/pages/publishing/csv-report.js';
import {
  fieldErrors,
  formLevelError,
  templateProblems,
} from '../../web/src/pages/publishing/field-errors.js';
import {
  draftOf,
  emptyDraft,
  formatPrice,
  parseHashtags,
  toProductBody,
} from '../../web/src/pages/publishing/product-form.js';
import type { AutoPostView } from '../../web/src/pages/publishing/schedule-types.js';
import type { ImportReport, ProductView, TemplateView } from '../../web/src/pages/publishing/types.js';

const validation = (issues: { path: string; message: string }[]) =>
  new ApiError('validation_failed', 'Invalid request', 400, 'req-1', { issues });

describe('product form', () => {
  it('keeps hashtags as words without # and each once', () => {
    expect(parseHashtags('#linen  сукня,summer;#Linen ##літо\n')).toEqual([
      'linen',
      'сукня',
      'summer',
      'літо',
    ]);
    expect(parseHashtags('  ')).toEqual([]);
  });

  it('turns the typed form into the API body and back', () => {
    const body = toProductBody({
      ...emptyDraft(),
      name: '  Сукня «Полтава» ',
      price: '1299,50',
      currency: 'uah',
      imageUrls: 'https://cdn.example.com/a.jpg\n\n https://cdn.example.com/b.jpg ',
      hashtags: '#linen сукня',
      customFields: [
        { key: 'колір', value: 'шавлія' },
        { key: '', value: '' },
      ],
    });
    expect(body).toEqual({
      name: 'Сукня «Полтава»',
      price: '1299,50',
      currency: 'UAH',
      description: '',
      imageUrls: ['https://cdn.example.com/a.jpg', 'https://cdn.example.com/b.jpg'],
      url: null,
      hashtags: ['linen', 'сукня'],
      inStock: true,
      customFields: { колір: 'шавлія' },
    });
    const stored: ProductView = {
      id: 'p1',
      ...body,
      price: '1299.50',
      description: '',
      imageUrls: body.imageUrls ?? [],
      url: null,
      hashtags: body.hashtags ?? [],
      inStock: false,
      customFields: { колір: 'шавлія' },
      createdAt: '',
      updatedAt: '',
    };
    expect(draftOf(stored)).toMatchObject({
      price: '1299.50',
      hashtags: '#linen #сукня',
      imageUrls: 'https://cdn.example.com/a.jpg\nhttps://cdn.example.com/b.jpg',
      inStock: false,
      customFields: [{ key: 'колір', value: 'шавлія' }],
    });
  });

  it('formats a price for the shop’s customers', () => {
    expect(formatPrice('en-US', '1299.50', 'USD')).toBe('$1,299.50');
    expect(formatPrice('uk-UA', '1299', 'UAH').replace(/\s/g, ' ')).toBe('1 299,00 ₴');
    expect(formatPrice('en', 'n/a', 'XYZ')).toBe('n/a XYZ');
  });
});

describe('validation errors per field', () => {
  it('puts each issue under its field, lists and maps as one field', () => {
    const err = validation([
      { path: 'body.price', message: 'the product needs a price' },
      { path: 'body.customFields.колір', message: 'at most 1000 characters' },
      { path: 'body.imageUrls.2', message: 'not an https URL' },
      { path: 'body.price', message: 'must be positive' },
    ]);
    expect(fieldErrors(err)).toEqual({
      price: ['the product needs a price', 'must be positive'],
      customFields: ['at most 1000 characters'],
      imageUrls: ['not an https URL'],
    });
    expect(formLevelError(err, ['price', 'customFields', 'imageUrls'])).toBeNull();
    // a field the form does not have: the whole error is shown above it
    expect(formLevelError(err, ['price'])).toBe(err);
  });

  it('leaves other errors to the form', () => {
    const conflict = new ApiError('auto_post_not_pending', 'The post is published', 409);
    expect(fieldErrors(conflict)).toEqual({});
    expect(formLevelError(conflict, ['price'])).toBe(conflict);
    expect(fieldErrors(new Error('boom'))).toEqual({});
  });

  it('reads unknown variables and brace problems from caption_template_invalid', () => {
    const err = new ApiError('caption_template_invalid', '…', 422, 'r', {
      unknown: ['colour', 7],
      syntax: [{ index: 3, message: 'a lone "{" at 3; write {{ for a literal brace' }],
      known: ['product_name'],
    });
    expect(templateProblems(err)).toEqual({
      unknown: ['colour'],
      syntax: ['a lone "{" at 3; write {{ for a literal brace'],
    });
    expect(templateProblems(validation([]))).toBeNull();
  });
});

describe('CSV import report', () => {
  const report: ImportReport = {
    imported: 3,
    updated: 1,
    failed: [
      { row: 7, errors: [{ column: null, message: 'the row has 6 values but the header names 5 columns' }] },
      {
        row: 4,
        errors: [
          { column: 'Ціна', message: 'the product needs a price' },
          { column: 'hashtags', message: 'a hashtag is letters, "digits"; no spaces' },
        ],
      },
    ],
    delimiter: ';',
    encoding: 'windows-1251',
    dryRun: false,
  };

  it('lists one line per problem in row order', () => {
    expect(reportLines(report)).toEqual([
      { row: 4, column: 'Ціна', message: 'the product needs a price' },
      { row: 4, column: 'hashtags', message: 'a hashtag is letters, "digits"; no spaces' },
      { row: 7, column: null, message: 'the row has 6 values but the header names 5 columns' },
    ]);
    expect(importSummary(report)).toEqual({ imported: 3, updated: 1, failedRows: 2, clean: false });
    expect(importSummary({ ...report, failed: [] }).clean).toBe(true);
  });

  it('writes the problems as a CSV file Excel opens in UTF-8', () => {
    const csv = reportCsv(reportLines(report), ['Рядок', 'Стовпець', 'Помилка']);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFРядок,Стовпець,Помилка',
      '4,Ціна,the product needs a price',
      '4,hashtags,"a hashtag is letters, ""digits""; no spaces"',
      '7,,the row has 6 values but the header names 5 columns',
      '',
    ]);
  });

  it('sends a CSV with a media type the server reads, whatever the OS called it', () => {
    const excel = new Blob(['name;price'], { type: 'application/vnd.ms-excel' });
    expect(csvUpload(excel).type).toBe('text/csv');
    expect(csvUpload(new Blob(['x'])).type).toBe('text/csv');
    const csv = new Blob(['x'], { type: 'text/csv' });
    expect(csvUpload(csv)).toBe(csv);
  });
});

describe('auto-post editor', () => {
  const now = Date.parse('2026-12-02T18:20:00Z');
  const base = { ...newDraft(now, 'Europe/Kyiv', 'acc1'), productId: 'p1', templateId: 't1' };
  const templates = [
    { id: 't1', body: '🎁 {product_name} - {product_price}₴\n{hashtags}' },
  ] as TemplateView[];

  it('starts at the next full hour in the user’s zone', () => {
    expect(base.at).toBe('2026-12-02T21:00:00');
  });

  it('schedules to the second in the chosen zone', () => {
    const body = createBody({ ...base, at: '2026-12-24T10:00:05' });
    expect(body).toEqual({
      accountId: 'acc1',
      productId: 'p1',
      mediaType: 'image',
      media: null,
      coverUrl: null,
      shareToFeed: true,
      firstComment: null,
      captionTemplateId: 't1',
      captionTemplate: null,
      caption: null,
      scheduledAt: '2026-12-24T08:00:05.000Z',
    });
    expect(createBody({ ...base, when: 'now' })).not.toHaveProperty('scheduledAt');
    expect(createBody({ ...base, at: '2026-12-24' })).toEqual({ problem: 'at_invalid' });
  });

  it('sends a reel with its video, cover and share-to-feed, and a story without a caption', () => {
    const reel = createBody({
      ...base,
      mediaType: 'reel',
      media: [{ type: 'video', url: ' https://cdn.example.com/reel.mp4 ' }],
      coverUrl: 'https://cdn.example.com/cover.jpg',
      shareToFeed: false,
      captionMode: 'text',
      text: 'Як ми шиємо {за лаштунками}',
    });
    expect(reel).toMatchObject({
      media: [{ type: 'video', url: 'https://cdn.example.com/reel.mp4' }],
      coverUrl: 'https://cdn.example.com/cover.jpg',
      shareToFeed: false,
      caption: 'Як ми шиємо {за лаштунками}',
      captionTemplate: null,
    });
    const story = createBody({ ...base, mediaType: 'story', firstComment: 'hi' });
    expect(story).toMatchObject({
      caption: null,
      captionTemplate: null,
      captionTemplateId: null,
      firstComment: null,
    });
  });

  it('previews what will be published: a saved template, one written here, or a plain caption', () => {
    expect(previewBody(base, templates)).toBe('🎁 {product_name} - {product_price}₴\n{hashtags}');
    expect(previewBody({ ...base, captionMode: 'template', text: '{product_name}!' }, templates)).toBe(
      '{product_name}!',
    );
    expect(previewBody({ ...base, captionMode: 'text', text: 'Знижка {50%}' }, templates)).toBe(
      'Знижка {{50%}}',
    );
    expect(previewBody({ ...base, mediaType: 'story' }, templates)).toBeNull();
  });

  it('says what the server will refuse about the media while typing', () => {
    const carousel = { ...base, mediaType: 'carousel' as const, useProductImages: false };
    expect(mediaHint({ ...carousel, media: [{ type: 'image', url: 'https://a/1.jpg' }] })).toBe(
      'carousel_count',
    );
    const two = [
      { type: 'image' as const, url: 'https://a/1.jpg' },
      { type: 'video' as const, url: 'https://a/2.mp4' },
    ];
    expect(mediaHint({ ...carousel, media: two })).toBeNull();
    expect(mediaHint({ ...carousel, media: [...two, { type: 'image', url: '  ' }] })).toBeNull();
    expect(
      mediaHint({ ...base, mediaType: 'reel', media: [{ type: 'image', url: 'https://a/1.jpg' }] }),
    ).toBe('reel_needs_video');
    expect(mediaHint({ ...base, mediaType: 'carousel' })).toBeNull(); // the product's images
    expect(guessMediaType('https://cdn.example.com/v/clip.MP4?sig=1')).toBe('video');
    expect(guessMediaType('https://cdn.example.com/p/photo.jpg')).toBe('image');
  });

  it('previews the product’s images the way the server picks them', () => {
    const images = Array.from({ length: 12 }, (_, i) => `https://cdn/${i}.jpg`);
    expect(mediaToPublish('image', null, images)).toEqual([{ type: 'image', url: 'https://cdn/0.jpg' }]);
    expect(mediaToPublish('carousel', null, images)).toHaveLength(10);
    expect(mediaToPublish('story', null, [])).toEqual([]);
    const own = [{ type: 'video' as const, url: 'https://cdn/r.mp4' }];
    expect(mediaToPublish('reel', own, images)).toBe(own);
  });

  it('makes a rotation of products at a time of day in the zone', () => {
    const d = { ...base, when: 'repeat' as const, seriesName: ' Щодня ', seriesProductIds: ['p2', 'p1'] };
    expect(seriesBody({ ...d, days: [5, 1, 3] })).toEqual({
      accountId: 'acc1',
      name: 'Щодня',
      productIds: ['p2', 'p1'],
      mediaType: 'image',
      captionTemplate: null,
      captionTemplateId: 't1',
      firstComment: null,
      timeOfDay: '10:00',
      days: [1, 3, 5],
      timezone: 'Europe/Kyiv',
    });
    expect(seriesBody({ ...d, captionMode: 'text', text: '{sale}' })).toMatchObject({
      captionTemplate: '{{sale}}',
      captionTemplateId: null,
    });
    expect(seriesBody({ ...d, mediaType: 'reel' })).toEqual({ problem: 'series_type' });
    expect(seriesBody({ ...d, seriesProductIds: [] })).toEqual({ problem: 'series_products' });
    expect(seriesBody({ ...d, days: [] })).toEqual({ problem: 'series_days' });
  });

  it('opens a pending post as it was saved', () => {
    const post = {
      accountId: 'acc1',
      productId: 'p1',
      captionTemplateId: null,
      captionTemplate: '{product_name}',
      caption: null,
      locale: 'uk-UA',
      mediaType: 'carousel',
      media: [
        { type: 'image', url: 'https://a/1.jpg' },
        { type: 'video', url: 'https://a/2.mp4' },
      ],
      coverUrl: null,
      shareToFeed: true,
      firstComment: 'Розміри в описі',
      scheduledAt: '2026-12-24T08:00:05.000Z',
    } as AutoPostView;
    expect(draftOfPost(post, 'Europe/Kyiv')).toMatchObject({
      captionMode: 'template',
      text: '{product_name}',
      useProductImages: false,
      at: '2026-12-24T10:00:05',
      firstComment: 'Розміри в описі',
    });
  });
});
