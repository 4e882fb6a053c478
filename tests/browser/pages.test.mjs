// koop in real headless Chromium: a person browses the demo world, logs in, switches
// the language and reads their agenda. Starts `koop demo` on a fresh SQLite file.
//
//   KOOP_BIN=target/debug/koop node --test tests/browser/
// Set KOOP_SCREENSHOT=docs/screenshot.png to refresh the README's screenshot.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
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

async function page(locale = 'de-DE') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { p, errors, context };
}

test('the start page shows the whole product and every section opens', async () => {
  const { p, errors, context } = await page();
  const resp = await p.goto(base + '/');
  assert.equal(resp.status(), 200, `${base}/ answered ${resp.status()}: ${(await resp.text()).slice(0, 300)}`);
  assert.match(await p.title(), /koop/);
  for (const section of ['Organisationen', 'Netzwerke', 'Cluster', 'Vereinbarungen', 'Partnerstädte', 'Veranstaltungen']) {
    await p.getByRole('navigation').getByRole('link', { name: section, exact: true }).click();
    await p.waitForLoadState('domcontentloaded');
    assert.equal(await p.locator('h1').first().isVisible(), true, section);
    await p.goBack();
  }
  if (process.env.KOOP_SCREENSHOT) {
    await p.goto(base + '/events/1');
    await p.screenshot({ path: resolve(process.env.KOOP_SCREENSHOT), fullPage: false });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a visitor follows links through the demo world without a server error', async () => {
  const { p, errors, context } = await page();
  const seen = new Set();
  const perPattern = new Map();
  const queue = ['/'];
  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    // Every kind of page, a few records of each: the Rust crawler visits all of them.
    const pattern = path.replace(/\d+/g, 'N');
    if ((perPattern.get(pattern) ?? 0) >= 3) continue;
    perPattern.set(pattern, (perPattern.get(pattern) ?? 0) + 1);
    seen.add(path);
    const resp = await p.goto(base + path);
    assert.ok(resp.status() < 500, `${path} answered ${resp.status()}`);
    // Downloads (the report's PDF and workbook) are no pages to visit.
    const hrefs = await p.$$eval('a[href^="/"]:not([download])', (as) => as.map((a) => a.getAttribute('href')));
    for (const h of hrefs) if (!h.startsWith('/lang/') && !h.startsWith('/static/') && !seen.has(h)) queue.push(h);
  }
  for (const kind of ['/organisations/N', '/agreements/N', '/partner-cities/N', '/events/N', '/events/N/participants', '/events/N/profiles', '/activities/N', '/clusters', '/agencies/img']) {
    assert.ok(perPattern.has(kind), `no page like ${kind} was reached`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong password is refused, the right one logs in, and logout ends the session', async () => {
  const { p, context } = await page();
  await p.goto(base + '/login');
  await p.fill('input[name=email]', 'img@koop.example');
  await p.fill('input[name=password]', 'falsch');
  await p.click('button[type=submit]');
  assert.match(await p.locator('[role=alert]').innerText(), /falsch/);
  await p.fill('input[name=password]', 'koop-demo');
  await p.click('main button[type=submit]');
  await p.waitForURL(base + '/');
  assert.match(await p.locator('header .who').innerText(), /IMG/);
  await p.getByRole('link', { name: 'Protokoll' }).click();
  assert.match(await p.locator('main').innerText(), /organisation\.created/);
  await p.getByRole('button', { name: 'Abmelden' }).click();
  await p.waitForURL(base + '/');
  assert.match(await p.locator('header .who').innerText(), /Anmelden/);
  await context.close();
});

test('a participant reads their own agenda in English', async () => {
  const { p, context } = await page('ru-RU');
  await p.goto(base + '/login');
  await p.fill('input[name=email]', 'participant@koop.example');
  await p.fill('input[name=password]', 'koop-demo');
  await p.click('main button[type=submit]');
  await p.waitForURL(base + '/');
  // The account prefers English; the switch to German and back works on any page.
  assert.match(await p.locator('nav').innerText(), /Partner cities/);
  await p.goto(base + '/events/1/meetings');
  const cards = await p.locator('article.meeting').count();
  assert.ok(cards >= 1, 'the participant has meetings');
  // Each card names the partner, not the participant's own company.
  const agenda = await p.locator('main').innerText();
  assert.doesNotMatch(agenda, /УралСпецМаш/);
  assert.match(agenda, /Table \d+/);
  // The agenda as PDF, from the page's own link, in the reader's language.
  const pdfHref = await p.getByRole('link', { name: 'Agenda as PDF' }).getAttribute('href');
  const pdf = await p.request.get(base + pdfHref);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  // Readable on a phone: nothing scrolls sideways at 390 px.
  await p.setViewportSize({ width: 390, height: 800 });
  assert.ok(await p.evaluate(() => document.documentElement.scrollWidth <= 390), 'the agenda fits 390 px');
  await p.setViewportSize({ width: 1280, height: 900 });
  // The marketplace finds a Russian word by its beginning, in any case.
  await p.goto(base + '/events/1/profiles');
  const all = await p.locator('article.profile').count();
  await p.fill('input[name=q]', 'УПАКОВ');
  await p.getByRole('button', { name: 'Search' }).click();
  await p.waitForLoadState('domcontentloaded');
  const found = await p.locator('article.profile').count();
  assert.ok(found >= 1 && found < all, `${found} of ${all} profiles for УПАКОВ`);
  assert.match(await p.locator('article.profile').first().innerText(), /упаковк/i);
  // Recommendations with reasons, and a meeting request straight from them.
  await p.goto(base + '/events/1/recommendations');
  const recs = await p.locator('article.profile').count();
  assert.ok(recs >= 5, `${recs} recommendations`);
  assert.equal(await p.locator('article.profile ul.reasons li').first().isVisible(), true);
  await p.getByRole('button', { name: 'Request a meeting' }).first().click();
  await p.waitForLoadState('domcontentloaded');
  assert.match(await p.locator('[role=status]').innerText(), /Meeting request sent/);
  await p.getByRole('link', { name: 'DE', exact: true }).click();
  await p.waitForLoadState('domcontentloaded');
  assert.match(await p.locator('nav').innerText(), /Partnerstädte/);
  await context.close();
});

test('an organiser sees who needs help and runs the scheduler', async () => {
  const { p, errors, context } = await page();
  await p.goto(base + '/login');
  await p.fill('input[name=email]', 'organiser@koop.example');
  await p.fill('input[name=password]', 'koop-demo');
  await p.click('main button[type=submit]');
  await p.waitForURL(base + '/');
  await p.goto(base + '/events/1');
  await p.getByRole('link', { name: 'Wer braucht Hilfe?' }).click();
  await p.waitForLoadState('domcontentloaded');
  assert.ok(await p.locator('tbody tr').count() >= 50, 'every profile is listed');
  await p.goto(base + '/events/1');
  const started = Date.now();
  await p.getByRole('button', { name: 'Angenommene Gesprächswünsche einplanen' }).click();
  await p.waitForLoadState('domcontentloaded');
  assert.ok(Date.now() - started < 2_000, 'the run starts at once, as a background job');
  assert.match(await p.locator('h1').innerText(), /Zeitplan/);
  // The page reloads itself while the run goes on, and then shows its result.
  await p.locator('dl.facts').waitFor({ timeout: 60_000 });
  assert.match(await p.locator('#run-status').innerText(), /fertig/);
  assert.match(await p.locator('dl.facts').innerText(), /unverändert beibehalten\s+\d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a cluster manager names a complementary cluster and sees which members should meet', async () => {
  const { p, errors, context } = await page();
  await p.goto(base + '/login');
  await p.fill('input[name=email]', 'cluster@koop.example');
  await p.fill('input[name=password]', 'koop-demo');
  await p.click('main button[type=submit]');
  await p.waitForURL(base + '/');
  await p.getByRole('navigation').getByRole('link', { name: 'Cluster', exact: true }).click();
  const alliance = p.locator('tr', { hasText: 'Klebtechnik Allianz' });
  await alliance.getByRole('link', { name: 'Ergänzungen' }).click();
  await p.waitForLoadState('domcontentloaded');
  // The alliance has no complementary cluster yet, so there are no pairs.
  assert.match(await p.locator('main').innerText(), /Noch keine ergänzenden Cluster/);
  assert.equal(await p.locator('article.pair').count(), 0);
  await p.selectOption('select[name=other]', { label: 'Spitzencluster Solarvalley Mitteldeutschland' });
  await p.fill('input[name=rationale]', 'Klebstoffe für die Modulmontage');
  await p.getByRole('button', { name: 'Als Ergänzung benennen' }).click();
  await p.waitForLoadState('domcontentloaded');
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);
  assert.match(await p.locator('table').first().innerText(), /Solarvalley.*Klebstoffe für die Modulmontage/s);
  const pairs = p.locator('article.pair');
  assert.ok(await pairs.count() >= 1, 'pairs appear once a complement is named');
  const first = await pairs.first().innerText();
  assert.match(first, /↔/);
  assert.match(first, /MiKA – Mitteldeutsche Klebtechnik Allianz.*Spitzencluster Solarvalley Mitteldeutschland|Spitzencluster Solarvalley Mitteldeutschland.*MiKA – Mitteldeutsche Klebtechnik Allianz/s, first);
  // A visitor who is not logged in sees the pairs but not the form.
  const anon = await page();
  await anon.p.goto(p.url().replace('?saved=true', ''));
  assert.ok(await anon.p.locator('article.pair').count() >= 1);
  assert.equal(await anon.p.locator('select[name=other]').count(), 0);
  await anon.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a participant wishes company visits on a phone and the organisers give out the seats', async () => {
  const { openPage, submit, fits, logIn } = await import('./koop.mjs');
  const me = await openPage(browser, 'en-GB', 390);
  await logIn(me.p, base, 'participant@koop.example');
  await me.p.goto(base + '/events/1');
  await submit(me.p, me.p.getByRole('link', { name: /Company visits/ }));
  await fits(me.p, 'the visits page');
  // A seat booked directly in the demo is given back first, to wish again.
  const giveBack = me.p.getByRole('button', { name: 'Give the seat back' });
  if (await giveBack.count() > 0) await submit(me.p, giveBack);
  const offers = await me.p.locator('select[name=wish1] option').allInnerTexts();
  assert.ok(offers.length >= 4, `the demo's visits are offered: ${offers}`);
  await me.p.selectOption('select[name=wish1]', { index: 1 });
  await me.p.selectOption('select[name=wish2]', { index: 2 });
  await submit(me.p, 'Save my wishes');
  assert.match(await me.p.locator('[role=status]').innerText(), /Saved/);
  assert.equal(await me.p.locator('ol.wishes li').count(), 2);

  const org = await openPage(browser, 'de-DE');
  await logIn(org.p, base, 'img@koop.example');
  await org.p.goto(base + '/events/1/visits');
  assert.match(await org.p.locator('main').innerText(), /offene Wünsche: 1/);
  await submit(org.p, 'Plätze fair vergeben');
  assert.match(await org.p.locator('[role=status]').innerText(), /vergeben/);

  await me.p.goto(base + '/events/1/visits');
  assert.match(await me.p.locator('#my-visit').innerText(), /you have a seat|on the waiting list/);
  for (const x of [me, org]) {
    assert.deepEqual(x.errors, []);
    await x.context.close();
  }
});
