// Forms in real Chromium: a form posted from another site is refused on every
// state-changing route while koop's own forms work, and a form with a bad value comes
// back with the other values kept and the message beside its field, in German or English.
//
//   KOOP_BIN=target/debug/koop node --test tests/browser/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { startDemo, launch } from './koop.mjs';

let demo, base, browser, evil, evilBase;

// Every route that changes state, with a body a real form would send.
const routes = [
  ['/login', 'email=img%40koop.example&password=koop-demo'],
  ['/logout', ''],
  ['/events/1/requests', 'requester=1&receiver=2'],
  ['/events/1/schedule', ''],
  ['/clusters/1/complements', 'other=2&rationale=x'],
  ['/manage/organisations/new', 'name=Evil+GmbH&country=DE'],
  ['/manage/events/new', 'title=Evil&kind=conference&start_on=2027-01-01&end_on=2027-01-01'],
  ['/events/1/setup/settings', 'registration_open=on&terms=x&request_mode=automatic&scheduling_mode=optimiser'],
  ['/events/1/setup/publication', 'publish=off'],
  ['/events/1/setup/venues', 'name=x&city=x&time_zone=UTC'],
  ['/events/1/register', 'org_name=Evil&country=DE&given_name=E&family_name=V&email=e%40v.example&password=12345678&consent=on'],
  ['/events/1/registrations/1/confirm', ''],
  ['/events/1/schedule/state', 'to=final'],
  ['/events/1/messages', 'subject=Spam&body=Spam'],
  ['/events/1/profiles/new', 'kind=BO&language=de&title=Evil&summary=Evil'],
  ['/profiles/1/edit', 'kind=BO&language=de&title=Evil&summary=Evil'],
  ['/profiles/1/publication', 'published=false'],
  ['/events/1/day/meetings/1/standby', 'request=1'],
  ['/events/1/surveys', 'kind=feedback'],
  ['/events/1/follow-up/1', 'participant=1&stage=in_contact'],
];

before(async () => {
  demo = await startDemo();
  base = demo.base;
  // Another site: serves forms that post to koop, as an attacker's page would.
  evil = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const target = url.searchParams.get('to');
    const body = url.searchParams.get('body') ?? '';
    const fields = [...new URLSearchParams(body)].map(([k, v]) => `<input name="${k}" value="${v}">`).join('');
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><form id="f" method="post" action="${base}${target}">${fields}<button>go</button></form>`);
  });
  await new Promise((ok) => evil.listen(0, '127.0.0.1', ok));
  evilBase = `http://127.0.0.1:${evil.address().port}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  evil?.close();
  demo?.stop();
});

async function page(locale = 'de-DE', width = 1280) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  return { p: await context.newPage(), context };
}

async function login(p, email) {
  await p.goto(base + '/login');
  await p.fill('input[name=email]', email);
  await p.fill('input[name=password]', 'koop-demo');
  await p.click('main button[type=submit]');
  await p.waitForURL(base + '/');
}

test('a form posted from another site is refused on every state-changing route', async () => {
  const { p, context } = await page();
  await login(p, 'img@koop.example');
  for (const [route, body] of routes) {
    await p.goto(`${evilBase}/?to=${encodeURIComponent(route)}&body=${encodeURIComponent(body)}`);
    const [resp] = await Promise.all([p.waitForNavigation(), p.click('button')]);
    assert.equal(resp.status(), 403, `${route} from another site answered ${resp.status()}`);
    assert.match(await p.locator('main').innerText(), /nicht von einer Seite von koop/, route);
  }
  // Still logged in: the foreign logout did nothing.
  await p.goto(base + '/');
  assert.match(await p.locator('header .who').innerText(), /IMG/);
  await context.close();
});

test('the same forms from koop\'s own pages work', async () => {
  const { p, context } = await page();
  await login(p, 'img@koop.example');
  await p.goto(base + '/manage/organisations/new');
  await p.fill('input[name=name]', 'Saale Sensorik GmbH');
  await p.fill('input[name=country]', 'DE');
  await p.fill('input[name=city]', 'Halle (Saale)');
  const [resp] = await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Speichern' }).click()]);
  assert.equal(resp.status(), 200);
  assert.match(await p.locator('h1').innerText(), /Saale Sensorik GmbH/);
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);
  // The flash is shown once.
  await p.reload();
  assert.equal(await p.locator('[role=status]').count(), 0);
  await p.getByRole('button', { name: 'Abmelden' }).click();
  await p.waitForURL(base + '/');
  assert.match(await p.locator('header .who').innerText(), /Anmelden/);
  await context.close();
});

test('a bad value comes back beside its field with the other values kept, in German and English', async () => {
  const { p, context } = await page('de-DE', 390);
  await login(p, 'img@koop.example');
  await p.goto(base + '/manage/organisations/new');
  await p.fill('input[name=name]', 'Ostsee Logistik GmbH');
  await p.fill('input[name=country]', 'Germany');
  await p.fill('input[name=city]', 'Rostock');
  await p.fill('input[name=website]', 'javascript:alert(1)');
  await p.fill('textarea[name=description]', 'Hafenlogistik für Schwergut.');
  const [resp] = await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Speichern' }).click()]);
  assert.equal(resp.status(), 422);
  assert.equal(await p.inputValue('input[name=name]'), 'Ostsee Logistik GmbH');
  assert.equal(await p.inputValue('input[name=city]'), 'Rostock');
  assert.equal(await p.inputValue('textarea[name=description]'), 'Hafenlogistik für Schwergut.');
  assert.match(await p.locator('#country-error').innerText(), /„Germany“ ist kein zweistelliger ISO-Ländercode/);
  assert.match(await p.locator('#website-error').innerText(), /nur Adressen mit http/);
  assert.equal(await p.locator('#name-error').count(), 0, 'the good field has no message');
  // The message sits in the field's own label, next to the input.
  assert.equal(await p.locator('label:has(input[name=country]) #country-error').count(), 1);
  if (process.env.KOOP_SCREENSHOT_DIR) {
    await p.screenshot({ path: join(resolve(process.env.KOOP_SCREENSHOT_DIR), 'org-form-390.png'), fullPage: true });
  }
  await p.getByRole('link', { name: 'EN', exact: true }).click();
  await p.waitForLoadState('domcontentloaded');
  await p.fill('input[name=name]', 'Ostsee Logistik GmbH');
  await p.fill('input[name=country]', 'Germany');
  await p.getByRole('button', { name: 'Save' }).click();
  await p.waitForLoadState('domcontentloaded');
  assert.match(await p.locator('#country-error').innerText(), /'Germany' is not a two-letter ISO country code/);
  await context.close();
});
