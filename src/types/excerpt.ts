// Error messages quote user text (names, tokens, expressions). A statement may hold a megabyte
// token: quoting it whole would make a megabyte message. These keep quotes and messages short.

/** How much of one piece of user text an error message quotes. */
export const MAX_EXCERPT = 200;

/** The longest error message; longer ones keep their start and end (see capMessage). */
export const MAX_MESSAGE = 2000;

/** `text`, or its first `max` characters and an ellipsis. */
export function excerpt(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  return `${text.slice(0, cutAt(text, max))}...`;
}

/**
 * `message`, or when it is too long its start and end around a note of what was left out: a
 * message quoting some huge text still reads as the error it is.
 */
export function capMessage(message: string, max = MAX_MESSAGE): string {
  if (message.length <= max) return message;
  const head = cutAt(message, Math.floor(max * 0.6));
  const tailFrom = message.length - Math.floor(max * 0.3);
  const tail = isLowSurrogate(message.charCodeAt(tailFrom)) ? tailFrom + 1 : tailFrom;
  return `${message.slice(0, head)}... (${tail - head} characters left out) ...${message.slice(tail)}`;
}

/** `n`, moved back one if it would split a surrogate pair. */
function cutAt(text: string, n: number): number {
  return isLowSurrogate(text.charCodeAt(n)) ? n - 1 : n;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
