// What every browser test needs: `koop demo` on a fresh SQLite file, and Debian's
// Chromium started headless with the flags this machine's closed network wants.

import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const bin = resolve(process.env.KOOP_BIN ?? '../../target/debug/koop');

/// Starts `koop demo`; resolves to { base, mailDir, stop }. Its mail goes to a folder of
/// files, or with `{ smtp: true }` to the SMTP server of `scripts/with-smtp` (then
/// `mailDir` is that server's Maildir of received mail).
export async function startDemo({ smtp = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'koop-browser-'));
  let mailDir = join(dir, 'mail');
  const env = { ...process.env, KOOP_MAIL_DIR: mailDir };
  if (smtp) {
    if (!process.env.KOOP_TEST_SMTP_URL) throw new Error('no SMTP server: run under scripts/with-smtp');
    env.KOOP_SMTP_URL = process.env.KOOP_TEST_SMTP_URL;
    mailDir = join(process.env.KOOP_TEST_MAILDIR, 'new');
  }
  const server = spawn(bin, ['demo', '--db', `sqlite://${join(dir, 'demo.db')}`, '--bind', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'], env });
  const base = await new Promise((ok, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`koop demo did not start:\n${log}`)), 120_000);
    server.stderr.on('data', (chunk) => {
      log += chunk;
      // Wait for the whole line: a chunk may end in the middle of the port number.
      const m = log.match(/koop demo: (http:\/\/[0-9.]+:\d+)\s/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on('exit', (code) => fail(new Error(`koop demo exited with ${code}:\n${log}`)));
    server.on('error', (e) => fail(new Error(`cannot start ${bin}: ${e.message}`)));
  });
  return {
    base,
    mailDir,
    stop() {
      server.kill('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// The mails in `dir` (a folder of `.eml` files or a Maildir's `new`), as raw text.
export function mailsIn(dir) {
  let names = [];
  try { names = readdirSync(dir); } catch { return []; }
  return names.filter((n) => !n.startsWith('.')).map((n) => readFileSync(join(dir, n), 'utf8'));
}

/// A raw mail decoded enough to read: { to, subject, body } (RFC 2047 encoded words in
/// headers; base64, quoted-printable or plain bodies).
export function decodeMail(raw) {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const rest = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name) => {
    const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
    return line ? line.slice(name.length + 1).trim() : '';
  };
  const words = (v) => v.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc, text) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : qp(text.replace(/_/g, ' ')));
  const qp = (t) => Buffer.from(t.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const body = cte === 'base64' ? Buffer.from(rest.replace(/\s+/g, ''), 'base64').toString('utf8')
    : cte === 'quoted-printable' ? qp(rest) : rest;
  return { to: words(header('To')), subject: words(header('Subject')), body };
}

/// Waits until a mail matching `test` is in `dir`, and returns it.
export async function waitForMail(dir, test, what) {
  for (let i = 0; i < 100; i++) {
    const found = mailsIn(dir).find(test);
    if (found) return found;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  throw new Error(`no mail ${what} in ${dir}`);
}

/// Launches headless Chromium.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
