'use strict';
/**
 * What `npm start` shows of its children's output. On a terminal, each JSON log line is made
 * readable by pino-pretty and every line gets the child's name as a coloured prefix, so five
 * services, the console and the provider can be told apart at a glance. Elsewhere (a file, a
 * pipe, CI) the output is left exactly as the children wrote it: JSON for machines.
 */
const readline = require('node:readline');

/** ANSI colours for the prefixes, in the order children start; names keep their colour. */
const COLOURS = [36, 32, 35, 33, 34, 96, 92, 95, 93, 94];
const PREFIX_WIDTH = 20;
// The prefix names the process; context and the request's essentials go into the message.
const IGNORED_FIELDS = 'pid,hostname,service,name,context,req,res,responseTime';

/**
 * One readable message: `Context: message`, and for a request log `GET /path → 201 in 17 ms`
 * instead of the request's and response's forty lines of headers.
 */
function messageOf(log, messageKey) {
  const context = typeof log.context === 'string' ? `${log.context}: ` : '';
  const request =
    log.req && log.res
      ? ` ${log.req.method} ${log.req.url} → ${log.res.statusCode}${log.responseTime === undefined ? '' : ` in ${log.responseTime} ms`}`
      : '';
  return `${context}${log[messageKey] ?? ''}${request}`;
}

/** Pretty output when stdout is a terminal, unless LOG_FORMAT=json asks for the raw lines. */
function wantsPrettyLogs(env, stdout) {
  if ((env.LOG_FORMAT ?? '').trim().toLowerCase() === 'json') return false;
  return Boolean(stdout.isTTY);
}

/** `name │ ` padded to one width, coloured when `colour` is true. */
function prefixOf(name, index, colour) {
  const label = name.length > PREFIX_WIDTH ? name.slice(0, PREFIX_WIDTH) : name.padEnd(PREFIX_WIDTH);
  return colour ? `\x1b[${COLOURS[index % COLOURS.length]}m${label}\x1b[0m │ ` : `${label} │ `;
}

/**
 * A function turning one line a child wrote into what the terminal shows: a JSON log line
 * through pino-pretty (which may span several lines, e.g. an error's stack), anything else as
 * it is; every resulting line prefixed. Returns the text to write, ending in a newline.
 */
function createLineFormatter(name, { index = 0, colour = true } = {}) {
  const { prettyFactory } = require('pino-pretty');
  // singleLine keeps the remaining fields on the message's line; an error's stack still spans lines.
  const pretty = prettyFactory({
    colorize: colour,
    translateTime: 'SYS:HH:MM:ss',
    ignore: IGNORED_FIELDS,
    singleLine: true,
    messageFormat: messageOf,
  });
  const prefix = prefixOf(name, index, colour);
  return (line) => {
    const text = looksLikeJson(line) ? (pretty(line) ?? '') : line;
    const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
    return lines.map((part) => `${prefix}${part}`).join('\n') + '\n';
  };
}

function looksLikeJson(line) {
  if (!line.startsWith('{')) return false;
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}

/** Reads `input` line by line and writes each, formatted, to `output`. */
function pipeFormatted(input, output, format) {
  readline.createInterface({ input, crlfDelay: Infinity }).on('line', (line) => output.write(format(line)));
}

module.exports = { createLineFormatter, pipeFormatted, prefixOf, wantsPrettyLogs };
