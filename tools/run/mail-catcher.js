'use strict';
/**
 * The development mail catcher (maildev) `npm start` runs, so the e-mails the services send
 * (offers, reminders, notices) can be read in a browser instead of failing against a mail
 * server that is not there. It is started when SMTP_URL is unset or points at this machine;
 * a real mail server in SMTP_URL is left alone.
 */
const net = require('node:net');
const path = require('node:path');

const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether to start the catcher for this environment, and on which ports. */
function mailCatcherPlan(env) {
  const smtpUrl = (env.SMTP_URL ?? '').trim() || DEFAULT_SMTP_URL;
  let url;
  try {
    url = new URL(smtpUrl);
  } catch {
    return { start: false, reason: `SMTP_URL is not a URL (${smtpUrl})` };
  }
  if (url.protocol !== 'smtp:' || !LOOPBACK.has(url.hostname) || url.username) {
    return { start: false, reason: `SMTP_URL points at ${url.host}: e-mail goes there` };
  }
  const webPort = Number(env.MAIL_CATCHER_WEB_PORT || 1080);
  return { start: true, smtpUrl, smtpPort: Number(url.port || 25), webPort, webUrl: `http://127.0.0.1:${webPort}` };
}

/**
 * The command line that runs maildev on loopback only, silent: it would print each message's
 * recipient and subject, which are people's addresses and case details, into the terminal.
 */
function mailCatcherArgs(plan, root) {
  return [
    path.join(root, 'node_modules/maildev/dist/bin/maildev.js'),
    '--smtp',
    String(plan.smtpPort),
    '--ip',
    '127.0.0.1',
    '--web',
    String(plan.webPort),
    '--web-ip',
    '127.0.0.1',
    '--silent',
  ];
}

/** True when a mail catcher already answers at `webUrl` (another `npm start` runs one). */
async function mailCatcherAnswers(webUrl) {
  try {
    return (await fetch(`${webUrl}/api/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** True when something already accepts connections on 127.0.0.1:`port` (another mail catcher, say). */
function portTaken(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

module.exports = { DEFAULT_SMTP_URL, mailCatcherAnswers, mailCatcherArgs, mailCatcherPlan, portTaken };
