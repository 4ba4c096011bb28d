// The syntax of caption templates. It follows Python's str.format, which the seed's Django shop
// rendered `🎁 {product_name} - {product_price}₴\n{hashtags}` with: `{name}` is a variable, `{{`
// and `}}` are literal braces, and a lone `{` or `}` is an error. Being strict about braces means
// a typo such as `{product name}` or `{product_name` is reported when the template is saved
// instead of being published as text. Names are trimmed and compared case-insensitively.

export type Token = { text: string } | { variable: string; index: number };

export interface SyntaxProblem {
  /** UTF-16 offset in the template body */
  index: number;
  message: string;
}

/** how a name is compared: trimmed, NFC, lower case (Unicode rules, so `{Колір}` is `{колір}`) */
export function variableName(raw: string): string {
  return raw.trim().normalize('NFC').toLocaleLowerCase('und');
}

// A variable ends at the next brace or line break; scanning resumes from there, so a template
// is read in one pass however many braces it has (the live preview runs on every keystroke).
const STOP = /[{}\n]/g;

/** Splits a template into literal text and variables; never throws. */
export function tokenize(body: string): { tokens: Token[]; syntax: SyntaxProblem[] } {
  const tokens: Token[] = [];
  const syntax: SyntaxProblem[] = [];
  let text = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    const next = body[i + 1];
    if ((c === '{' && next === '{') || (c === '}' && next === '}')) {
      text += c;
      i += 2;
      continue;
    }
    if (c === '{') {
      STOP.lastIndex = i + 1;
      const end = STOP.exec(body)?.index ?? -1;
      if (end === -1 || body[end] !== '}') {
        syntax.push({
          index: i,
          message: `'{' at position ${i} is not closed; write '{{' for a literal brace`,
        });
        text += c;
        i += 1;
        continue;
      }
      if (text) tokens.push({ text });
      text = '';
      tokens.push({ variable: variableName(body.slice(i + 1, end)), index: i });
      i = end + 1;
      continue;
    }
    if (c === '}') {
      syntax.push({ index: i, message: `single '}' at position ${i}; write '}}' for a literal brace` });
    }
    text += c;
    i += 1;
  }
  if (text) tokens.push({ text });
  return { tokens, syntax };
}
