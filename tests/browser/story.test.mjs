// The whole story of a cooperation exchange in real Chromium, with mail through a real
// SMTP server (aiosmtpd, started by scripts/with-smtp):
//   1. an organiser sets up an event;
//   2. three companies register, consent and write their profiles;
//   3. they search the marketplace, then request and accept meetings;
//   4. the organiser runs the optimiser and publishes the schedule;
//   5. each participant sees the agenda and gets the mail, read from the SMTP server;
//   6. the calendar feed parses with a real iCalendar library and matches the agenda;
//   7. a meeting is a no-show and its slot is refilled from standby;
//   8. feedback is given;
//   9. the statistics show the right counts;
//  10. a participant exports their data and deletes the account, and the counts hold.
//
//   scripts/with-smtp env KOOP_BIN=target/debug/koop node --test tests/browser/story.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { startDemo, launch, mailsIn, decodeMail, waitForMail, openPage, submit, fits, logIn, register, createEvent, requestMeeting } from './koop.mjs';

let demo, base, browser;

before(async () => {
  demo = await startDemo({ smtp: true });
  base = demo.base;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

/// Statistics as { chart title: { label: value } }, from the charts' data tables.
async function figures(p, event) {
  await p.goto(`${event}/statistics`);
  return p.evaluate(() => Object.fromEntries([...document.querySelectorAll('figure.chart')].map((f) => [
    f.querySelector('figcaption').textContent.trim(),
    Object.fromEntries([...f.querySelectorAll('table.chart-data tr')].map((r) => [r.cells[0].textContent.trim(), Number(r.cells[1].textContent)])),
  ])));
}

const companies = [
  { org: 'Nordlicht Zerspanung GmbH', country: 'DE', given: 'Jana', family: 'Kruse', email: 'jana@nordlicht.example',
    kind: 'BO', title: 'CNC machining of aluminium housings', summary: 'Five-axis milling of aluminium housings in small series.', keywords: 'CNC, milling, aluminium' },
  { org: 'Baltic Marine Sensors SIA', country: 'LV', given: 'Ilze', family: 'Ozola', email: 'ilze@bms.example',
    kind: 'BR', title: 'Supplier for milled sensor housings', summary: 'We look for a partner who mills aluminium housings for underwater sensors.', keywords: 'housings, milling, sensors' },
  { org: 'Gdańsk Offshore Service Sp. z o.o.', country: 'PL', given: 'Piotr', family: 'Nowak', email: 'piotr@gos.example',
    kind: 'TR', title: 'Sensors for hull inspection', summary: 'We need acoustic sensors to inspect ship hulls afloat.', keywords: 'sensors, inspection, offshore' },
];

test('the whole story of an exchange, from setup to the follow-up figures', async () => {
  // 1. The organiser sets up the event.
  const org = await openPage(browser, 'de-DE');
  const o = org.p;
  await logIn(o, base, 'img@koop.example');
  const event = await createEvent(o, base, {
    title: 'Kooperationsbörse Ostseeküste 2027', day: '2027-06-08',
    venue: 'Technologiezentrum Warnemünde', city: 'Rostock', session: 'Kooperationsgespräche',
  });

  // 2. Three companies register on their phones, consent, and write a profile each.
  const people = [];
  for (const c of companies) people.push(await register(browser, event, c, 'salty-harbour-2027'));
  await o.goto(event + '/registrations');
  for (let i = 0; i < companies.length; i++) {
    await submit(o, o.locator('#registrations li.card').filter({ has: o.getByRole('button', { name: 'Bestätigen' }) }).first().getByRole('button', { name: 'Bestätigen' }));
  }
  assert.doesNotMatch(await o.locator('#registrations').innerText(), /noch kein Profil/);

  // 3. The marketplace: search, then request; the other side accepts in the inbox.
  const request = (from, word, to, message) => requestMeeting(from.p, event, word, to.title, message);
  const accept = async (who, from) => {
    const p = who.p;
    await p.goto(event + '/inbox');
    const card = p.locator('article.request', { hasText: from.org });
    await fits(p, 'the inbox');
    await submit(p, card.getByRole('button', { name: 'Accept' }));
  };
  const [jana, ilze, piotr] = people;
  await request(ilze, 'milling', jana, 'Can you mill 200 housings a year?');
  await accept(jana, ilze);
  await request(piotr, 'milled', ilze, 'We would test your sensors.');
  await accept(ilze, piotr);
  // The receivers were told by mail, in their language, with the message.
  const received = decodeMail(await waitForMail(demo.mailDir, (m) => decodeMail(m).to.includes(jana.email), 'to Jana'));
  assert.match(received.subject, /Baltic Marine Sensors SIA asks to meet you/);
  assert.match(received.body, /> Can you mill 200 housings a year\?/);

  // 4. The optimiser, as a background job; then the final schedule.
  await o.goto(event);
  await submit(o, o.getByRole('button', { name: 'Angenommene Gesprächswünsche einplanen' }));
  await o.locator('dl.facts').waitFor({ timeout: 60_000 });
  assert.match(await o.locator("dl.facts").innerText(), /neu eingeplant\s+2/);
  await submit(o, o.getByRole('button', { name: 'Endgültig veröffentlichen' }));

  // 5. Everyone sees their agenda and gets it by mail.
  const agendaOf = async (who) => {
    await who.p.goto(event + '/meetings');
    await fits(who.p, 'the agenda');
    return who.p.locator('article.meeting').allInnerTexts();
  };
  assert.equal((await agendaOf(jana)).length, 1);
  assert.equal((await agendaOf(ilze)).length, 2);
  assert.equal((await agendaOf(piotr)).length, 1);
  for (const who of people) {
    const mail = decodeMail(await waitForMail(demo.mailDir, (m) => {
      const d = decodeMail(m);
      return d.to.includes(who.email) && /final schedule/.test(d.subject);
    }, `with the final schedule to ${who.email}`));
    assert.match(mail.body, /Technologiezentrum Warnemünde/);
  }

  // The desk prints the table plan (a PDF) before the day begins.
  await o.goto(event);
  const [plan] = await Promise.all([
    o.waitForResponse((r) => r.url().endsWith('/table-plan.pdf')),
    o.getByRole('button', { name: 'Tischplan und Tischlisten (PDF)' }).click(),
  ]);
  // Chromium shows the PDF in its viewer; the Rust tests read the document's text.
  assert.equal(plan.status(), 200);
  assert.equal(plan.headers()['content-type'], 'application/pdf');

  // 6. Ilze's calendar feed, parsed by ical.js, holds the agenda's two meetings.
  await ilze.p.goto(event + '/meetings');
  const feedHref = await ilze.p.getByRole('link', { name: 'Subscribe to the calendar' }).getAttribute('href');
  const ics = await (await ilze.p.request.get(new URL(feedHref, base).href)).text();
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevents = cal.getAllSubcomponents('vevent');
  const entries = vevents.map((v) => new ICAL.Event(v));
  assert.equal(entries.length, 2);
  // The times are the venue's wall clock, in its zone.
  for (const v of vevents) assert.equal(v.getFirstProperty('dtstart').getParameter('tzid'), 'Europe/Berlin');
  const times = (await ilze.p.locator('article.meeting .when strong').allInnerTexts()).map((t) => t.split('–')[0]);
  for (const e of entries) {
    const hhmm = `${String(e.startDate.hour).padStart(2, '0')}:${String(e.startDate.minute).padStart(2, '0')}`;
    assert.ok(times.includes(hhmm), `${hhmm} is on the agenda page (${times})`);
  }

  // 7. A late request, accepted after the schedule, waits on standby; Jana's first
  // partner does not come, and the freed table takes the standby meeting.
  await request(piotr, 'aluminium', jana, 'Housings for our sensor rigs?');
  await accept(jana, piotr);
  await o.setViewportSize({ width: 390, height: 900 });
  await o.goto(event + '/day?date=2027-06-08');
  await fits(o, 'the day page');
  const missed = o.locator('article.meeting', { hasText: 'Nordlicht Zerspanung GmbH' });
  await submit(o, missed.getByRole('button', { name: 'Nicht erschienen' }));
  await o.locator('article.meeting', { hasText: 'Nordlicht Zerspanung GmbH' }).getByRole('link', { name: 'Aus der Warteliste nachbesetzen' }).click();
  await fits(o, 'the standby list');
  const standby = o.locator('article.standby', { hasText: 'Gdańsk Offshore Service' });
  assert.match(await standby.innerText(), /der erschienene Partner/);
  await submit(o, standby.getByRole('button', { name: 'Hier einplanen' }));
  assert.match(await o.locator('[role=status]').innerText(), /Eingeplant/);
  const added = decodeMail(await waitForMail(demo.mailDir, (m) => {
    const d = decodeMail(m);
    return d.to.includes(piotr.email) && /new meeting/.test(d.subject);
  }, 'of the standby meeting to Piotr'));
  assert.match(added.body, /Nordlicht Zerspanung GmbH/);
  // The printed plan is out of date by one meeting, and the desk sees which.
  await o.goto(event + '/changes');
  await fits(o, 'the changes since printed');
  const changed = await o.locator('article.change').allInnerTexts();
  assert.equal(changed.length, 1, changed.join(' | '));
  assert.match(changed[0], /neu/);
  assert.match(changed[0], /Gdańsk Offshore Service/);
  await o.goto(event + '/day?date=2027-06-08');
  // The new meeting is held; the other one too.
  const open = o.locator('article.meeting').filter({ has: o.getByRole('button', { name: 'Stattgefunden' }) });
  while (await open.count() > 0) await submit(o, open.first().getByRole('button', { name: 'Stattgefunden' }));
  await o.setViewportSize({ width: 1280, height: 900 });

  // 8. Feedback: Piotr rates the meeting he got from standby.
  await piotr.p.goto(event + '/meetings');
  const held = piotr.p.locator('article.meeting', { hasText: 'Nordlicht Zerspanung GmbH' });
  await held.locator('input[name=score][value="5"]').check();
  await submit(piotr.p, held.getByRole('button', { name: 'Rate' }));
  assert.match(await piotr.p.locator('[role=status]').innerText(), /Thank you/);

  // 9. The statistics add up.
  const expected = {
    'Gesprächswünsche': { eingeplant: 3 },
    'Termine': { 'nicht erschienen': 1, stattgefunden: 2 },
  };
  const before = await figures(o, event);
  for (const [chart, rows] of Object.entries(expected)) assert.deepEqual(before[chart], rows, chart);
  assert.equal(before['Bewertungen der Gespräche']?.['5 ★'], 1, JSON.stringify(before));

  // 10. Piotr downloads his data, then deletes his account; the figures still hold.
  const own = await piotr.p.request.get(base + '/account/data.json');
  assert.equal(own.status(), 200);
  const data = await own.json();
  assert.equal(data.participation.organisation.name, 'Gdańsk Offshore Service Sp. z o.o.');
  assert.equal(data.participation.meetings.length, 2);
  await piotr.p.goto(base + '/account');
  await piotr.p.fill('input[name=password]', 'salty-harbour-2027');
  await submit(piotr.p, 'Delete the account for good');
  assert.match(await piotr.p.locator('[role=status]').innerText(), /erased/);
  const after = await figures(o, event);
  assert.deepEqual(after, before);
  await o.goto(event + '/participants');
  assert.doesNotMatch(await o.locator('main').innerText(), /Piotr Nowak/);

  for (const x of [org, ...people]) {
    assert.deepEqual(x.errors, []);
    await x.context.close();
  }
  assert.ok(mailsIn(demo.mailDir).length >= 8, 'the story sent its mails');
});
