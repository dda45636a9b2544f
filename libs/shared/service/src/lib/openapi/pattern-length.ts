/**
 * The longest string a regular expression can match, when it bounds the whole string (anchored
 * with ^ and $): a code `^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$` is at most 64 characters, a period
 * `^\d{4}(-Q[1-4])?$` at most 7. A property validated by such a pattern is bounded by it, so its
 * document says that maxLength too. Infinity when the pattern lets the string grow without end
 * (`+`, `*`, `{n,}`, a back-reference) or is not anchored at both ends.
 *
 * Reads the subset the platform's patterns use: literals and escapes, character classes, `.`,
 * groups (capturing, non-capturing, lookarounds), alternation and quantifiers.
 */

const UNBOUNDED = Number.POSITIVE_INFINITY;

export function maxLengthOfPattern(source: string): number {
  if (!source.startsWith('^') || !source.endsWith('$') || source.endsWith('\\$')) return UNBOUNDED;
  const reader = { source: source.slice(1, -1), at: 0 };
  try {
    const length = alternation(reader);
    return reader.at === reader.source.length ? length : UNBOUNDED;
  } catch {
    return UNBOUNDED; // a pattern this reader does not follow bounds nothing it can vouch for
  }
}

interface Reader {
  source: string;
  at: number;
}

/** Branches separated by `|`: the longest of them. */
function alternation(reader: Reader): number {
  let longest = sequence(reader);
  while (reader.source[reader.at] === '|') {
    reader.at++;
    longest = Math.max(longest, sequence(reader));
  }
  return longest;
}

/** Quantified atoms one after another, up to `|`, `)` or the end: the sum of their lengths. */
function sequence(reader: Reader): number {
  let total = 0;
  while (reader.at < reader.source.length && !'|)'.includes(reader.source[reader.at])) {
    const atomLength = atom(reader);
    const times = quantifier(reader);
    total += atomLength === 0 || times === 0 ? 0 : atomLength * times;
  }
  return total;
}

function atom(reader: Reader): number {
  const char = reader.source[reader.at++];
  if (char === '(') return group(reader);
  if (char === '[') return characterClass(reader);
  if (char === '\\') return escape(reader);
  if (char === '^' || char === '$') return 0;
  return 1;
}

function group(reader: Reader): number {
  const lookaround = /^\?<?[=!]/.exec(reader.source.slice(reader.at));
  if (lookaround) reader.at += lookaround[0].length;
  else if (reader.source.startsWith('?:', reader.at)) reader.at += 2;
  else if (reader.source.startsWith('?<', reader.at)) reader.at = reader.source.indexOf('>', reader.at) + 1;
  const length = alternation(reader);
  if (reader.source[reader.at] !== ')') throw new Error('unclosed group');
  reader.at++;
  // A lookaround matches no characters of its own.
  return lookaround ? 0 : length;
}

function characterClass(reader: Reader): number {
  while (reader.at < reader.source.length && reader.source[reader.at] !== ']') {
    reader.at += reader.source[reader.at] === '\\' ? 2 : 1;
  }
  reader.at++;
  return 1;
}

function escape(reader: Reader): number {
  const char = reader.source[reader.at++];
  if (/[1-9k]/.test(char)) return UNBOUNDED; // a back-reference repeats a group of unknown length
  if (char === 'b' || char === 'B') return 0;
  if (char === 'x') reader.at += 2;
  else if (char === 'u')
    reader.at += reader.source[reader.at] === '{' ? reader.source.indexOf('}', reader.at) - reader.at + 1 : 4;
  else if ((char === 'p' || char === 'P') && reader.source[reader.at] === '{')
    reader.at = reader.source.indexOf('}', reader.at) + 1;
  return 1;
}

/** The most repetitions the quantifier after an atom allows (1 without one). */
function quantifier(reader: Reader): number {
  const rest = reader.source.slice(reader.at);
  const match = /^(?:([?*+])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
  if (!match) return 1;
  reader.at += match[0].length;
  const [, symbol, exact, comma, upper] = match;
  if (symbol) return symbol === '?' ? 1 : UNBOUNDED;
  if (!comma) return Number(exact);
  return upper === '' ? UNBOUNDED : Number(upper);
}
