// Readable English texts for Graph error codes, so an operator sees why something failed without
// looking codes up. Meta's own `error_user_msg` may be localized to the token owner's language
// (see publish_9004_2207052 fixture, Spanish), so it is kept apart as GraphError.userMessage.

// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
// Placeholders of Meta's table ({size}, {uri}…) are rewritten into plain sentences.
const publishing: Record<number, string> = {
  2207001: 'Instagram had a server error while creating the media; try again',
  2207003: 'Instagram took too long to download the media; use a faster, publicly reachable URL',
  2207004: 'The image is too large to download (Instagram accepts images up to 8 MB)',
  2207005: 'The image format is not supported (use JPEG)',
  2207006: 'The media cannot be found (it may have been deleted)',
  2207008:
    'The media container does not exist or has expired (containers expire after 24 hours); create it again',
  2207009: 'The image aspect ratio is not supported (it must be between 4:5 and 1.91:1)',
  2207010: 'The caption is too long (Instagram allows at most 2,200 characters)',
  2207020: 'The uploaded media has expired; upload it again',
  2207023: 'The media type is unknown',
  2207026: 'The video format is not supported',
  2207027: 'The media is not ready for publishing yet; wait a moment and try again',
  2207028: 'A carousel needs at least 2 and at most 10 photos or videos',
  2207032: 'Instagram could not create the media; create the container again',
  2207035: 'Product tag positions must not be given for video media',
  2207036: 'Product tag positions are required for photo media',
  2207037: 'Some product tags could not be added (wrong or deleted product, or no permission to tag it)',
  2207040: 'The media has more tags than Instagram allows',
  2207042:
    'The account reached the maximum number of posts the Content Publishing API may publish in 24 hours',
  2207050: 'The Instagram account is restricted',
  2207051: 'Instagram restricted this activity to protect its community (possible spam); try again later',
  2207052:
    'Instagram could not fetch the media from its URL; it must be public and point directly to a photo or video',
  2207053: 'Instagram reported an unknown upload error; try again',
  2207057: 'The thumbnail offset must be at least 0 and less than the video length',
  2207073: 'This media type is not supported by this endpoint',
};

/** readable text for a publishing error subcode (2207xxx), also used for container status_code ERROR */
export function publishingErrorMessage(subcode: number): string {
  return publishing[subcode] ?? `Instagram could not publish the media (error ${subcode})`;
}

export function isPublishingSubcode(subcode: number | null): subcode is number {
  return subcode !== null && subcode >= 2207000 && subcode <= 2207999;
}

// https://developers.facebook.com/docs/graph-api/guides/error-handling#errorcodes (code 190 / 102 subcodes)
const tokenReasons: Record<number, string> = {
  458: 'the app is no longer installed for this account',
  459: 'the account owner must log in to Instagram to pass a security checkpoint',
  460: 'the account password was changed',
  463: 'the token has expired',
  464: 'the account owner has not confirmed their account',
  467: 'the token is no longer valid (the owner logged out or revoked access)',
  492: 'the session is invalid',
};

export function tokenInvalidReason(subcode: number | null): string {
  return (subcode !== null && tokenReasons[subcode]) || 'the token is invalid, expired or revoked';
}

const rateLimitScopes: Record<number, string> = {
  4: 'the app made too many calls',
  17: 'this account made too many calls',
  32: 'this account made too many calls',
  613: 'too many calls to this endpoint',
  80002: 'this Instagram account used up its hourly call budget',
};

export function rateLimitReason(code: number | null, subcode: number | null): string {
  if (subcode === 2207042) return publishingErrorMessage(subcode);
  if (subcode === 2207051) return publishingErrorMessage(subcode);
  return (code !== null && rateLimitScopes[code]) || 'too many calls';
}
