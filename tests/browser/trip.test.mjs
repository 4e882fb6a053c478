// Planning the demo's delegation trip as LEG Thüringen's staff do: the trip page shows
// the three stations with the group programme and the local partners; a new local
// partner is recorded (a window ending before it begins is refused beside its field);
// a pair the engine proposes is confirmed; the scheduler places it; the traveller's
// itinerary shows the meeting, with the feed and the PDF; it is cancelled on the ground
// and placed again; a follow-up of a held meeting
// counts in the trip's row of the agency's funnel. The pages fit a phone.
//
//   env KOOP_BIN=target/debug/koop node --test tests/browser/trip.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemo, launch, openPage, submit, fits, logIn } from './koop.mjs';

let demo, browser;

before(async () => {
  demo = await startDemo();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

test('staff record a local partner, confirm a pair, and the scheduler puts it in the itinerary', async () => {
  const base = demo.base;
  const { p, errors } = await openPage(browser, 'de-DE');
  await logIn(p, base, 'leg@koop.example');
  await p.goto(base + '/events');
  await p.getByRole('link', { name: /Delegationsreise Thüringen/ }).first().click();
  const event = p.url().split('?')[0];
  await p.getByRole('link', { name: 'Reise planen' }).click();
  const trip = p.url();
  assert.equal(await p.locator('article.station').count(), 3);
  assert.match(await p.locator('article.station').nth(1).innerText(), /Firmenbesuche in der Industriezone Almaty/);

  // A local partner whose window ends before it begins: refused beside "bis".
  const form = p.locator('section[aria-labelledby=new-partner] form');
  await form.locator('input[name=name]').fill('ТОО «Алматы Фарм»');
  await form.locator('input[name=country]').fill('KZ');
  await form.locator('input[name=city]').fill('Алматы');
  await form.locator('input[name=nace]').fill('21.20');
  await form.locator('input[name=languages]').fill('ru');
  await form.locator('input[name=given_name]').fill('Аида');
  await form.locator('input[name=family_name]').fill('Нурова');
  await form.locator('select[name=station]').selectOption({ label: 'Station Almaty: Hotel' });
  await form.locator('input[name=from]').fill('2019-09-18T16:00');
  await form.locator('input[name=until]').fill('2019-09-18T14:00');
  const refused = await submit(p, form.locator('button[type=submit]'));
  assert.equal(refused.status(), 422);
  assert.match(await p.locator('label.invalid').first().innerText(), /bis/);
  await p.locator('section[aria-labelledby=new-partner] input[name=from]').fill('2019-09-18T14:00');
  await p.locator('section[aria-labelledby=new-partner] input[name=until]').fill('2019-09-18T16:00');
  await submit(p, p.locator('section[aria-labelledby=new-partner] button[type=submit]'));
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);
  assert.match(await p.locator('article.station').nth(1).innerText(), /Алматы Фарм/);

  // Confirm the first pair the engine proposes that nobody confirmed yet.
  const open = p.locator('input[name=pair]:not([disabled])').first();
  const pair = await open.getAttribute('value');
  const card = p.locator('article.traveller', { has: p.locator(`input[value="${pair}"]`) });
  const traveller = (await card.locator('h3').innerText()).trim();
  const partner = (await card.locator('li', { has: p.locator(`input[value="${pair}"]`) }).locator('strong').innerText()).trim();
  await open.check();
  await submit(p, 'Angekreuzte Paare bestätigen');
  assert.equal(await p.locator(`input[value="${pair}"]`).isDisabled(), true);

  // The scheduler, as a background job.
  await submit(p, 'Planer starten');
  await p.locator('dl.facts').waitFor({ timeout: 60_000 });
  assert.match(await p.locator('dl.facts').innerText(), /neu eingeplant\s+1/);

  // The traveller's itinerary has the meeting, with the calendar feed and the PDF.
  const [who] = pair.split('-');
  await p.goto(`${event}/meetings?participant=${who}`);
  const cards = await p.locator('article.meeting').allInnerTexts();
  assert.ok(cards.some((c) => c.includes(partner)), `${partner} in ${traveller}'s itinerary`);
  assert.equal(await p.getByRole('link', { name: 'Kalender abonnieren' }).count(), 1);
  const pdf = await p.request.get(base + `/events/${event.split('/').pop()}/agenda.pdf?participant=${who}`);
  assert.equal(pdf.status(), 200);

  // On the ground the partner cancels; the meeting goes back to the scheduler, which
  // places it again.
  const meeting = p.locator('article.meeting', { hasText: partner });
  await submit(p, meeting.getByRole('button', { name: 'Gespräch absagen' }));
  const cancelled = p.locator('article.meeting', { hasText: partner });
  assert.match(await cancelled.innerText(), /abgesagt/);
  await submit(p, cancelled.getByRole('button', { name: 'Neu einplanen' }));
  assert.match(await p.locator('[role=status]').innerText(), /wieder beim Planer/);
  await submit(p, 'Angenommene Gesprächswünsche einplanen');
  await p.locator('dl.facts').waitFor({ timeout: 60_000 });
  assert.match(await p.locator('dl.facts').innerText(), /neu eingeplant\s+1/);
  await p.goto(`${event}/meetings?participant=${who}`);
  const again = await p.locator('article.meeting', { hasText: partner }).allInnerTexts();
  assert.equal(again.length, 2, 'the cancelled meeting and the new one');
  assert.ok(again.some((c) => /geplant/.test(c)), again.join('\n'));
  // A follow-up months later: a held meeting of the trip led to negotiations; it
  // counts in the trip's row of LEG's funnel.
  const funnel = async () => {
    await p.goto(base + '/agencies/leg');
    const row = p.locator('table.funnel tbody tr', { has: p.locator('th', { hasText: /Delegationsreise Thüringen/ }) });
    return (await row.locator('td').allInnerTexts()).map((t) => Number(t.trim()) || 0);
  };
  const before = await funnel();
  await p.goto(base + '/manage/outcomes/new');
  await p.selectOption('select[name=kind]', 'negotiation');
  await p.fill('input[name=achieved_on]', '2020-01-20');
  await p.fill('input[name=title]', 'Verhandlungen über eine Lizenz aufgenommen');
  const held = p.locator('select[name=meeting] optgroup[label^="Delegationsreise"] option').first();
  await p.selectOption('select[name=meeting]', await held.getAttribute('value'));
  await p.selectOption('select[name=event]', { label: 'Delegationsreise Thüringen nach Kasachstan und Usbekistan 2019' });
  await submit(p, 'Speichern');
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);
  const after = await funnel();
  assert.equal(after[2], before[2] + 1, `follow-ups of the trip: ${before} -> ${after}`);
  assert.equal(errors.length, 0, errors.join('\n'));

  // On a phone.
  const phone = await openPage(browser, 'de-DE', 390);
  await logIn(phone.p, base, 'leg@koop.example');
  await phone.p.goto(trip);
  await fits(phone.p, 'the trip page');
  await phone.p.goto(`${event}/meetings?participant=${who}`);
  await fits(phone.p, 'the itinerary');
});
