// What every browser test needs: `koop demo` on a fresh SQLite file, and Debian's
// Chromium started headless with the flags this machine's closed network wants.

import { execFileSync, spawn } from 'node:child_process';
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

/// A fresh context and page in `locale` at `width` px, collecting page errors.
export async function openPage(browser, locale, width = 1280) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  return { p, context, errors };
}

/// Clicks a button (by its exact name, or a locator) and waits for the next page.
export async function submit(p, what) {
  const button = typeof what === 'string' ? p.getByRole('button', { name: what, exact: true }) : what;
  const [resp] = await Promise.all([p.waitForNavigation(), button.click()]);
  return resp;
}

/// Asserts that the page needs no sideways scrolling.
export async function fits(p, what) {
  const [scroll, client] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  if (scroll > client) throw new Error(`${what}: ${scroll} px wide in a ${client} px window`);
}

/// Logs in on koop's own form.
export async function logIn(p, base, email, password = 'koop-demo') {
  await p.goto(base + '/login');
  await p.fill('input[name=email]', email);
  await p.fill('input[name=password]', password);
  await submit(p, p.locator('main button[type=submit]'));
}

/// A company registers for `event` on a phone (English), consents, and writes one
/// cooperation profile; returns its page with the company's fields.
export async function register(browser, event, c, password) {
  const ctx = await openPage(browser, 'en-GB', 390);
  const p = ctx.p;
  await p.goto(event + '/register');
  await p.fill('input[name=org_name]', c.org);
  await p.fill('input[name=country]', c.country);
  await p.fill('input[name=given_name]', c.given);
  await p.fill('input[name=family_name]', c.family);
  await p.fill('input[name=email]', c.email);
  await p.fill('input[name=password]', password);
  await p.check('input[name=consent]');
  const resp = await submit(p, 'Register');
  if (resp.status() !== 200) throw new Error(`${c.org} could not register: ${resp.status()}`);
  await p.getByRole('link', { name: 'Add a cooperation profile' }).click();
  await p.selectOption('select[name=kind]', c.kind);
  await p.fill('input[name=language]', 'en');
  await p.fill('input[name=title]', c.title);
  await p.fill('textarea[name=summary]', c.summary);
  await p.fill('input[name=keywords]', c.keywords);
  const saved = await submit(p, 'Save the profile');
  if (saved.status() !== 200) throw new Error(`${c.org} could not save a profile: ${saved.status()}`);
  return { ...c, ...ctx };
}

/// An organiser (logged in, German UI) creates a one-day event with open registration,
/// one venue and one B2B session from 10:00 to 11:00, and publishes it; `settings` may
/// change the settings form before it is saved. Returns the event's address.
export async function createEvent(o, base, { title, day, venue, city, session }, settings = async () => {}) {
  await o.goto(base + '/manage/events/new');
  await o.fill('input[name=title]', title);
  await o.fill('input[name=start_on]', day);
  await o.fill('input[name=end_on]', day);
  await submit(o, 'Veranstaltung anlegen');
  const event = o.url().split('#')[0].replace(/\/setup$/, '');
  await o.check('input[name=registration_open]');
  await o.fill('textarea[name=terms]', 'Ihre Angaben werden für die Börse gespeichert und den Teilnehmenden gezeigt.');
  await settings(o);
  await submit(o, o.locator('#settings form.stack button[type=submit]'));
  await o.fill('#venues input[name=name]', venue);
  await o.fill('#venues input[name=city]', city);
  await submit(o, o.locator('#venues form.stack button[type=submit]'));
  await o.fill('#sessions input[name=title]', session);
  await o.selectOption('#sessions select[name=venue]', { label: venue });
  await o.fill('#sessions input[name=starts_at]', `${day}T10:00`);
  await o.fill('#sessions input[name=ends_at]', `${day}T11:00`);
  await submit(o, o.locator('#sessions form.stack button[type=submit]'));
  await submit(o, 'Veranstaltung veröffentlichen');
  return event;
}

/// A participant (English UI) searches the marketplace for `word`, finds the profile
/// titled `title`, and requests a meeting from its card with `message`.
export async function requestMeeting(p, event, word, title, message) {
  await p.goto(event + '/profiles');
  await p.fill('input[name=q]', word);
  await submit(p, 'Search');
  const card = p.locator('article.profile', { hasText: title });
  if (await card.count() !== 1) throw new Error(`"${title}" is not found once by "${word}"`);
  await fits(p, 'the marketplace');
  await card.getByText('Message (optional)').click();
  await card.locator('textarea[name=message]').fill(message);
  await submit(p, card.getByRole('button', { name: 'Request a meeting' }));
  const status = await p.locator('[role=status]').innerText();
  if (!/Meeting request sent/.test(status)) throw new Error(`no confirmation: ${status}`);
}

/// The rows of sheet `n` (1-based) of an XLSX file, each an array of cell texts, read
/// with Python's standard library (zipfile and ElementTree), so no spreadsheet package
/// is needed. Numbers come as their stored text ("14", "380000").
export function xlsxRows(path, n = 1) {
  const script = `
import sys, zipfile, xml.etree.ElementTree as ET
ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', ns):
        shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % ns['m'])))
sheet = ET.fromstring(z.read('xl/worksheets/sheet%s.xml' % sys.argv[2]))
for row in sheet.iter('{%s}row' % ns['m']):
    cells = []
    for c in row.findall('m:c', ns):
        v = c.find('m:v', ns)
        text = '' if v is None else v.text
        if c.get('t') == 's': text = shared[int(text)]
        cells.append(text.replace('\\t', ' '))
    print('\\t'.join(cells))
`;
  const out = execFileSync('python3', ['-c', script, path, String(n)], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/// The text of a PDF file as poppler's pdftotext reads it.
export function pdfText(path) {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}
