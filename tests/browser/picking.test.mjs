// Where the partner picks the time: the organiser chooses it in the event's settings,
// the requester proposes one of the times both have free in the inbox on a phone, the
// receiver accepts at it, and the meeting is on both agendas at once; each side is
// told by mail.
// Then the organisers move it by hand to another free time, and both sides are told.
//
//   scripts/with-smtp env KOOP_BIN=target/debug/koop node --test tests/browser/picking.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, launch, decodeMail, waitForMail, openPage, submit, fits, logIn, register, createEvent, requestMeeting } from './koop.mjs';

let demo, browser;

before(async () => {
  demo = await startDemo({ smtp: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

test('the partner picks a free time when accepting, and both agendas show the meeting', async () => {
  const base = demo.base;
  const org = await openPage(browser, 'de-DE');
  await logIn(org.p, base, 'img@koop.example');
  const event = await createEvent(org.p, base, {
    title: 'Zuliefertag Altmark 2027', day: '2027-09-14',
    venue: 'Rathaus Stendal', city: 'Stendal', session: 'Gespräche am Tisch',
  }, (o) => o.selectOption('select[name=scheduling_mode]', 'partner_picks'));
  await org.p.goto(event + '/setup');
  assert.equal(await org.p.locator('select[name=scheduling_mode]').inputValue(), 'partner_picks');
  // A second venue, and the travel time between the two.
  await org.p.fill('#venues input[name=name]', 'Messe Magdeburg');
  await org.p.fill('#venues input[name=city]', 'Magdeburg');
  await submit(org.p, org.p.locator('#venues form.stack button[type=submit]').last());
  const travel = org.p.locator('form.travel input[type=number]');
  assert.equal(await travel.count(), 1, 'one pair of venues');
  await travel.fill('45');
  await submit(org.p, org.p.locator('form.travel button[type=submit]'));
  assert.equal(await org.p.locator('form.travel input[type=number]').inputValue(), '45');

  const password = 'quiet-river-2027';
  const maker = await register(browser, event, {
    org: 'Altmark Blechbearbeitung GmbH', country: 'DE', given: 'Uwe', family: 'Behrens', email: 'uwe@altmark.example',
    kind: 'BO', title: 'Laser cutting and bending of sheet metal', summary: 'Laser cutting and bending up to 20 mm.', keywords: 'laser, sheet metal',
  }, password);
  const buyer = await register(browser, event, {
    org: 'Kaunas Agro Machinery UAB', country: 'LT', given: 'Rūta', family: 'Petrauskienė', email: 'ruta@kam.example',
    kind: 'BR', title: 'Sheet metal parts for seed drills', summary: 'We need laser-cut sheet metal parts for seed drills.', keywords: 'sheet metal, agriculture',
  }, password);

  await requestMeeting(buyer.p, event, 'laser', maker.title, 'Could we talk about 5,000 parts a year?');
  // The buyer proposes a time, on a phone.
  const b = buyer.p;
  await b.setViewportSize({ width: 390, height: 900 });
  await b.goto(event + '/inbox');
  const asked = b.locator('article.request', { hasText: maker.org });
  await asked.locator('select[name=slot]').selectOption({ index: 1 });
  assert.equal(await asked.getByRole('button', { name: 'Accept at this time' }).count(), 0, 'the requester only proposes');
  await submit(b, asked.getByRole('button', { name: 'Propose this time' }));
  assert.match(await b.locator('[role=status]').innerText(), /Time proposed/);
  assert.match(await b.locator('article.request p.proposal').innerText(), /You proposed .*10:20/);
  await fits(b, 'the inbox with a proposed time');
  const proposedMail = decodeMail(await waitForMail(demo.mailDir, (m) => {
    const d = decodeMail(m);
    return d.to.includes(maker.email) && /proposes a time/.test(d.subject);
  }, 'of the proposed time to the maker'));
  assert.match(proposedMail.body, /10:20/);

  const p = maker.p;
  await p.goto(event + '/inbox');
  await fits(p, 'the inbox with the times to pick');
  const card = p.locator('article.request', { hasText: buyer.org });
  assert.match(await card.locator('p.proposal').innerText(), /Kaunas Agro Machinery UAB proposes .*10:20/);
  const times = await card.locator('select[name=slot] option').allInnerTexts();
  // The session runs 10:00–11:00 in 20-minute slots, and nobody has a meeting yet.
  assert.deepEqual(times.map((t) => t.match(/\d\d:\d\d/)[0]), ['10:00', '10:20', '10:40']);
  await submit(p, card.getByRole('button', { name: 'Accept at the proposed time' }));
  assert.match(await p.locator('[role=status]').innerText(), /on both agendas/);

  for (const who of [maker, buyer]) {
    await who.p.goto(event + '/meetings');
    await fits(who.p, 'the agenda');
    const meetings = await who.p.locator('article.meeting').allInnerTexts();
    assert.equal(meetings.length, 1, `${who.org}: ${meetings}`);
    assert.match(meetings[0], /10:20/);
    assert.match(meetings[0], who === maker ? /Kaunas Agro Machinery/ : /Altmark Blechbearbeitung/);
  }
  const told = decodeMail(await waitForMail(demo.mailDir, (m) => {
    const d = decodeMail(m);
    return d.to.includes(buyer.email) && /new meeting/.test(d.subject);
  }, 'of the picked meeting to the requester'));
  assert.match(told.body, /10:20/);

  // The organisers move it by hand, on a phone: only free times are offered.
  const o = org.p;
  await o.setViewportSize({ width: 390, height: 900 });
  await o.goto(event + '/meetings');
  await submit(o, o.locator('article.meeting').first().getByRole('link', { name: 'Verlegen' }));
  await fits(o, 'the move page');
  const free = await o.locator('select[name=slot] option').allInnerTexts();
  assert.deepEqual(free.map((t) => t.match(/\d\d:\d\d/)[0]), ['10:00', '10:40'], 'its own time is no move');
  await o.selectOption('select[name=slot]', { index: 1 });
  await submit(o, 'Termin verlegen');
  assert.match(await o.locator('[role=status]').innerText(), /Verlegt/);
  await buyer.p.goto(event + '/meetings');
  assert.match(await buyer.p.locator('article.meeting').innerText(), /10:40/);
  const movedMail = decodeMail(await waitForMail(demo.mailDir, (m) => {
    const d = decodeMail(m);
    return d.to.includes(maker.email) && /was moved/.test(d.subject);
  }, 'of the move to the maker'));
  assert.match(movedMail.body, /10:40/);

  for (const x of [org, maker, buyer]) {
    assert.deepEqual(x.errors, []);
    await x.context.close();
  }
});
