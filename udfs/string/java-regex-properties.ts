// Java's \p{...} names, translated to what a JS 'u' RegExp understands: POSIX and java.lang.Character
// classes become explicit ranges, the rest map onto Unicode properties and scripts.

/** Classes Java defines itself (US-ASCII POSIX by default), as JS class contents. */
const JAVA_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaWhitespace: '\\t-\\r\\x1C-\\x1F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000',
  javaMirrored: '\\p{Bidi_Mirrored}',
  javaLetter: '\\p{L}',
  javaDigit: '\\p{Nd}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaIdeographic: '\\p{Ideographic}',
  javaTitleCase: '\\p{Lt}',
  javaSpaceChar: '\\p{Z}',
  javaISOControl: '\\x00-\\x1F\\x7F-\\x9F',
  javaDefined: '\\P{Cn}',
};

/** Java's binary property names (after "Is") that JS spells differently. */
const BINARY_ALIASES: Record<string, string> = {
  ALPHABETIC: 'Alphabetic',
  IDEOGRAPHIC: 'Ideographic',
  LETTER: 'L',
  LOWERCASE: 'Lowercase',
  UPPERCASE: 'Uppercase',
  TITLECASE: 'Lt',
  PUNCTUATION: 'P',
  CONTROL: 'Cc',
  WHITE_SPACE: 'White_Space',
  WHITESPACE: 'White_Space',
  DIGIT: 'Nd',
  HEX_DIGIT: 'Hex_Digit',
  HEXDIGIT: 'Hex_Digit',
  JOIN_CONTROL: 'Join_Control',
  JOINCONTROL: 'Join_Control',
  NONCHARACTER_CODE_POINT: 'Noncharacter_Code_Point',
  NONCHARACTERCODEPOINT: 'Noncharacter_Code_Point',
  ASSIGNED: 'Assigned',
  EMOJI: 'Emoji',
};

function jsAccepts(property: string): boolean {
  try {
    new RegExp(`\\p{${property}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

export type PropertyTranslation =
  /** A JS property escape body, usable as \p{body} or \P{body}. */
  | { kind: 'property'; body: string }
  /** Explicit class contents (no brackets), e.g. 'a-zA-Z'. */
  | { kind: 'set'; contents: string };

/** Translates the name inside Java's \p{name}, or throws when there is no equivalent. */
export function translateProperty(name: string): PropertyTranslation {
  const set = JAVA_CLASSES[name];
  if (set !== undefined) return { kind: 'set', contents: set };
  const eq = name.indexOf('=');
  if (eq > 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if ((key === 'sc' || key === 'script') && jsAccepts(`Script=${value}`)) return { kind: 'property', body: `Script=${value}` };
    if ((key === 'gc' || key === 'general_category') && jsAccepts(value)) return { kind: 'property', body: value };
    throw new Error(`Unsupported Unicode property: ${name}`);
  }
  if (name.startsWith('In')) throw new Error(`Unicode blocks are not supported: ${name}`);
  const bare = name.startsWith('Is') ? name.slice(2) : name;
  const alias = BINARY_ALIASES[bare.toUpperCase()];
  if (name.startsWith('Is') && alias !== undefined) return { kind: 'property', body: alias };
  if (bare === 'L&' || bare === 'LC') return { kind: 'property', body: 'LC' };
  // A general category (Lu, L, ...), then a script name (Latin, Greek, ...).
  if (/^[A-Z][a-z]?$/.test(bare) && jsAccepts(bare)) return { kind: 'property', body: bare };
  if (jsAccepts(`Script=${bare}`)) return { kind: 'property', body: `Script=${bare}` };
  if (jsAccepts(bare)) return { kind: 'property', body: bare };
  throw new Error(`Unknown character property name: ${name}`);
}
