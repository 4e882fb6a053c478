// Setting an event up and registering at it, in real Chromium: an organiser creates
// an event, opens registration with terms and a question, adds a venue and a B2B
// session and publishes; a company registers on a phone (390 px, no sideways
// scrolling), is logged in, and the organiser confirms it; she writes her cooperation
// profile on the phone, and the organiser writes to her, by e-mail in English.
//
//   KOOP_BIN=target/debug/koop node --test tests/browser/

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { startDemo, launch } from './koop.mjs';

let demo, base, browser;

before(async () => {
  demo = await startDemo();
  base = demo.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

async function page(locale, width) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
  return { p: await context.newPage(), context };
}

async function submit(p, what) {
  const button = typeof what === 'string' ? p.getByRole('button', { name: what, exact: true }) : what;
  const [resp] = await Promise.all([p.waitForNavigation(), button.click()]);
  return resp;
}

async function noSidewaysScrolling(p, what) {
  const [scroll, client] = await p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scroll <= client, `${what}: ${scroll} px wide in a ${client} px window`);
}

const shots = process.env.KOOP_SCREENSHOT_DIR && resolve(process.env.KOOP_SCREENSHOT_DIR);

test('an organiser sets an event up and a company registers on a phone', async () => {
  const org = await page('de-DE', 1280);
  const o = org.p;
  await o.goto(base + '/login');
  await o.fill('input[name=email]', 'img@koop.example');
  await o.fill('input[name=password]', 'koop-demo');
  await o.click('main button[type=submit]');
  await o.waitForURL(base + '/');
  await o.goto(base + '/events');
  await o.getByRole('link', { name: 'Neue Veranstaltung' }).click();
  await o.fill('input[name=title]', 'Kooperationsbörse Ostsee 2027');
  await o.fill('input[name=start_on]', '2027-05-11');
  await o.fill('input[name=end_on]', '2027-05-12');
  let resp = await submit(o, 'Veranstaltung anlegen');
  assert.equal(resp.status(), 200);
  assert.match(o.url(), /\/events\/\d+\/setup/);
  const setup = o.url().split('#')[0];

  await o.check('input[name=registration_open]');
  await o.fill('textarea[name=terms]', 'Ihre Angaben werden für die Börse gespeichert und den Teilnehmenden gezeigt.');
  await o.fill('textarea[name=questions]', 'Welche Partner suchen Sie?');
  await o.fill('input[name=request_limit]', '20');
  resp = await submit(o, o.locator('#settings form.stack button[type=submit]'));
  assert.equal(resp.status(), 200);
  assert.match(await o.locator('#settings').innerText(), /Fassung der Teilnahmebedingungen: 1/);

  await o.fill('#venues input[name=name]', 'Technologiezentrum Warnemünde – Forschungs- und Gründerzentrum am Alten Strom');
  await o.fill('#venues input[name=city]', 'Rostock');
  resp = await submit(o, o.locator('#venues form.stack button[type=submit]'));
  assert.equal(resp.status(), 200);
  await o.fill('#sessions input[name=title]', 'Kooperationsgespräche');
  await o.selectOption('#sessions select[name=venue]', { label: 'Technologiezentrum Warnemünde – Forschungs- und Gründerzentrum am Alten Strom' });
  await o.fill('#sessions input[name=starts_at]', '2027-05-11T10:00');
  await o.fill('#sessions input[name=ends_at]', '2027-05-11T13:00');
  resp = await submit(o, o.locator('#sessions form.stack button[type=submit]'));
  assert.equal(resp.status(), 200);
  assert.match(await o.locator('#sessions ul.rows').innerText(), /Kooperationsgespräche.*9 × 20 min · 10 Tische/s);
  resp = await submit(o, 'Veranstaltung veröffentlichen');
  assert.equal(resp.status(), 200);
  if (shots) await o.screenshot({ path: join(shots, 'event-setup.png'), fullPage: true });
  // On a phone the setup page fits too, long venue names in its selects included.
  await o.setViewportSize({ width: 390, height: 900 });
  await noSidewaysScrolling(o, 'the setup page');
  // The session's tables get names, on a phone; a table it does not have is named.
  await submit(o, o.locator('#sessions ul.rows').getByRole('link', { name: 'Tische und Stände' }));
  await noSidewaysScrolling(o, 'the tables page');
  const first = o.locator('fieldset.table-row').first();
  await first.locator('input[name=table]').fill('11');
  await first.locator('input[name=name]').fill('Stand Warnemünde');
  resp = await submit(o, 'Speichern');
  assert.equal(resp.status(), 422);
  assert.match(await o.locator('p.alert').last().innerText(), /Zeile 1: Tisch 11 gibt es in dieser Runde nicht \(1 bis 10\)/);
  await o.locator('fieldset.table-row').first().locator('input[name=table]').fill('3');
  await submit(o, 'Speichern');
  assert.match(await o.locator('[role=status]').innerText(), /Gespeichert/);
  assert.equal(await o.locator('fieldset.table-row').first().locator('input[name=name]').inputValue(), 'Stand Warnemünde');
  await o.setViewportSize({ width: 1280, height: 900 });
  const event = setup.replace(/\/setup$/, '');

  // A company from Riga registers on a phone, in English.
  const co = await page('en-GB', 390);
  const c = co.p;
  await c.goto(event);
  await c.getByRole('link', { name: 'Register', exact: true }).first().click();
  await noSidewaysScrolling(c, 'the registration form');
  await c.fill('input[name=org_name]', 'Baltic Marine Sensors SIA');
  await c.fill('input[name=country]', 'LV');
  await c.fill('input[name=city]', 'Riga');
  await c.fill('input[name=given_name]', 'Ilze');
  await c.fill('input[name=family_name]', 'Ozola');
  await c.fill('input[name=email]', 'ilze@bms.example');
  await c.fill('input[name=password]', 'salty-harbour-2027');
  await c.fill('textarea[name=answer_1]', 'Shipyards that test underwater sensors');
  resp = await submit(c, 'Register');
  assert.equal(resp.status(), 422, 'without consent the form comes back');
  assert.match(await c.locator('#consent-error').innerText(), /agree to the terms/);
  assert.equal(await c.inputValue('input[name=org_name]'), 'Baltic Marine Sensors SIA');
  assert.equal(await c.inputValue('input[name=password]'), '', 'the password is not sent back');
  if (shots) await c.screenshot({ path: join(shots, 'registration-390.png'), fullPage: true });
  await c.fill('input[name=password]', 'salty-harbour-2027');
  await c.check('input[name=consent]');
  resp = await submit(c, 'Register');
  assert.equal(resp.status(), 200);
  assert.match(await c.locator('[role=status]').innerText(), /You are registered/);
  assert.match(await c.locator('header .who').innerText(), /Ilze Ozola/);

  await o.goto(event + '/registrations');
  await o.setViewportSize({ width: 390, height: 900 });
  await noSidewaysScrolling(o, 'the registrations');
  const card = o.locator('#registrations li.card', { hasText: 'Baltic Marine Sensors SIA' });
  assert.match(await card.innerText(), /Shipyards that test underwater sensors/);
  assert.match(await card.innerText(), /noch kein Profil/);
  await Promise.all([o.waitForNavigation(), card.getByRole('button', { name: 'Bestätigen' }).click()]);
  assert.match(await o.locator('#registrations li.card', { hasText: 'Baltic Marine Sensors SIA' }).innerText(), /bestätigt/);

  // Ilze writes her cooperation profile on the phone; a bad field comes back beside it.
  assert.match(await c.locator('section.mine').innerText(), /no cooperation profile yet/);
  await c.getByRole('link', { name: 'Add a cooperation profile' }).click();
  await noSidewaysScrolling(c, 'the profile form');
  await c.selectOption('select[name=kind]', 'TO');
  await c.fill('input[name=title]', 'Underwater acoustic sensors for hull inspection');
  await c.fill('textarea[name=summary]', 'We build acoustic sensors that find cracks in ship hulls while the ship is afloat.');
  await c.fill('input[name=keywords]', 'acoustic sensors, hull inspection, NDT');
  await c.fill('input[name=countries_sought]', 'DE, Poland');
  await c.fill('input[name=languages]', 'en, ru, lv');
  resp = await submit(c, 'Save the profile');
  assert.equal(resp.status(), 422);
  assert.match(await c.locator('label.invalid', { has: c.locator('[name=countries_sought]') }).innerText(), /Poland/);
  assert.equal(await c.inputValue('input[name=title]'), 'Underwater acoustic sensors for hull inspection');
  await c.fill('input[name=countries_sought]', 'DE, PL');
  resp = await submit(c, 'Save the profile');
  assert.equal(resp.status(), 200);
  assert.match(await c.locator('[role=status]').innerText(), /Profile saved/);
  assert.match(await c.locator('section.mine li').innerText(), /Underwater acoustic sensors.*Technology offer/s);
  await noSidewaysScrolling(c, 'the event page with the profile');
  if (shots) await c.screenshot({ path: join(shots, 'profile-390.png'), fullPage: true });
  await co.context.close();

  // The organisers no longer see her profile as missing, and write to her.
  await o.reload();
  const hers = o.locator('#registrations li.card', { hasText: 'Baltic Marine Sensors SIA' });
  assert.doesNotMatch(await hers.innerText(), /noch kein Profil/);
  await hers.getByRole('link', { name: 'Anschreiben' }).click();
  await noSidewaysScrolling(o, 'the message form');
  await o.fill('input[name=subject]', 'Parking at the Technologiezentrum');
  await o.fill('textarea[name=body]', 'Please park at gate 2; the hall is signposted.');
  resp = await submit(o, 'Senden');
  assert.equal(resp.status(), 200);
  assert.match(await o.locator('[role=status]').innerText(), /Eine E-Mail ist unterwegs/);
  await org.context.close();

  // The worker sends it within a few seconds: a file in the mail folder, in English.
  let mail;
  for (let i = 0; i < 50 && !mail; i++) {
    await new Promise((ok) => setTimeout(ok, 200));
    mail = readdirSync(demo.mailDir, { withFileTypes: true })
      .filter((f) => f.name.endsWith('.eml'))
      .map((f) => readFileSync(join(demo.mailDir, f.name), 'utf8'))
      .find((m) => m.includes('ilze@bms.example') && m.includes('Parking'));
  }
  assert.ok(mail, 'the mail reached the folder');
  assert.match(mail, /Hello Ilze Ozola,/);
  assert.match(mail, /Please park at gate 2/);
});
