// Instagram's limits for a post caption: "Maximum 2200 characters, 30 hashtags, and 20 @ tags"
// (caption parameter of POST /<IG_ID>/media:
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media,
// content publishing guide:
// https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/content-publishing).
// A caption over a limit is refused by Meta at container creation, so the editor says so first.

export const CAPTION_MAX_LENGTH = 2200;
export const CAPTION_MAX_HASHTAGS = 30;
export const CAPTION_MAX_MENTIONS = 20;

export type CaptionProblemCode = 'caption_too_long' | 'too_many_hashtags' | 'too_many_mentions';

export interface CaptionProblem {
  code: CaptionProblemCode;
  limit: number;
  actual: number;
  message: string;
}

export interface CaptionCounts {
  /** UTF-16 code units, see captionLength */
  length: number;
  hashtagCount: number;
  mentionCount: number;
}

// A hashtag is '#' + letters (any script: #сукня is a real tag), marks, digits or '_', not glued
// to a preceding word character (so `C#7` or an HTML entity `&#39;` is not one). Every
// occurrence counts, repeats too: that is the safe reading of "30 hashtags".
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&#])#[\p{L}\p{M}\p{N}_]+/gu;
// Instagram usernames: ASCII letters, digits, '.' and '_', up to 30. Not after a word character,
// so the '@' of an e-mail address (shop@example.com) is not a mention.
const MENTION = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9._]{1,30}/gu;

/**
 * Meta does not document how it counts characters. We count UTF-16 code units (JS `length`),
 * which is also what the Instagram apps' text fields count (NSString on iOS, Java strings on
 * Android): an emoji such as 🎁 counts 2, a flag 🇺🇦 4. It is the largest of the usual measures
 * (≥ code points ≥ graphemes), so a caption we accept is never too long under any of them; the
 * price is that an emoji-heavy caption may be flagged a few characters early.
 */
export function captionLength(caption: string): number {
  return caption.length;
}

export function captionCounts(caption: string): CaptionCounts {
  return {
    length: captionLength(caption),
    hashtagCount: caption.match(HASHTAG)?.length ?? 0,
    mentionCount: caption.match(MENTION)?.length ?? 0,
  };
}

export function captionProblems(c: CaptionCounts): CaptionProblem[] {
  const problems: CaptionProblem[] = [];
  if (c.length > CAPTION_MAX_LENGTH) {
    problems.push({
      code: 'caption_too_long',
      limit: CAPTION_MAX_LENGTH,
      actual: c.length,
      message: `The caption has ${c.length} characters; Instagram allows at most ${CAPTION_MAX_LENGTH}`,
    });
  }
  if (c.hashtagCount > CAPTION_MAX_HASHTAGS) {
    problems.push({
      code: 'too_many_hashtags',
      limit: CAPTION_MAX_HASHTAGS,
      actual: c.hashtagCount,
      message: `The caption has ${c.hashtagCount} hashtags; Instagram allows at most ${CAPTION_MAX_HASHTAGS}`,
    });
  }
  if (c.mentionCount > CAPTION_MAX_MENTIONS) {
    problems.push({
      code: 'too_many_mentions',
      limit: CAPTION_MAX_MENTIONS,
      actual: c.mentionCount,
      message: `The caption mentions ${c.mentionCount} accounts; Instagram allows at most ${CAPTION_MAX_MENTIONS}`,
    });
  }
  return problems;
}
