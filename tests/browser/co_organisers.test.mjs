// Co-organisers in the demo exchange: the agency (the owner) sees each organising
// organisation with its staff and ticks what they may do; the chamber's staff then
// find the day's work on the event page, check a participant in on a phone, and
// meet a refusal for the schedule they may not plan.
//
//   env KOOP_BIN=target/debug/koop node --test tests/browser/co_organisers.test.mjs

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

test('the owner grants tasks per co-organiser, and the chamber does just those', async () => {
  const base = demo.base;
  const owner = await openPage(browser, 'de-DE');
  await logIn(owner.p, base, 'img@koop.example');
  await owner.p.goto(base + '/events');
  await submit(owner.p, owner.p.getByRole('link', { name: /Kooperationsbörse Sachsen-Anhalt/ }));
  const event = owner.p.url().replace(/[?#].*$/, '');
  await submit(owner.p, owner.p.getByRole('link', { name: 'Mitveranstalter' }));
  await fits(owner.p, 'the co-organisers page');
  const ihk = owner.p.locator('section.co-organiser', { hasText: 'Industrie- und Handelskammer Magdeburg' });
  assert.match(await ihk.locator('ul.staff').innerText(), /ihk@koop\.example/);
  const ticked = async () => ihk.locator('input[name=task]:checked').evaluateAll((xs) => xs.map((x) => x.value));
  assert.deepEqual(await ticked(), ['registrations', 'on_the_day']);
  // The owner lets the chamber send the feedback survey too.
  await ihk.getByLabel('Feedback und Nachfassen').check();
  await submit(owner.p, ihk.getByRole('button', { name: 'Speichern' }));
  assert.match(await owner.p.locator('[role=status]').innerText(), /Gespeichert/);
  assert.deepEqual(await ticked(), ['registrations', 'on_the_day', 'follow_up']);

  const chamber = await openPage(browser, 'de-DE');
  const c = chamber.p;
  await c.setViewportSize({ width: 390, height: 900 });
  await logIn(c, base, 'ihk@koop.example');
  await c.goto(event);
  await fits(c, 'the event page of a co-organiser');
  assert.equal(await c.getByRole('link', { name: 'Einrichten' }).count(), 0, 'no setup for the chamber');
  assert.equal(await c.getByRole('button', { name: /Terminplan/ }).count(), 0, 'no optimiser run');
  await submit(c, c.getByRole('link', { name: 'Einchecken und Termine abhaken' }));
  await fits(c, 'the day page of a co-organiser');
  const arrival = c.locator('[id^=arrival-]').filter({ has: c.getByRole('button', { name: 'Einchecken' }) }).first();
  await submit(c, arrival.getByRole('button', { name: 'Einchecken' }));
  assert.match(await c.locator('[role=status]').innerText(), /eingecheckt/i);
  // The co-organisers page is read-only for the chamber.
  await c.goto(event + '/co-organisers');
  assert.equal(await c.locator('form.tasks').count(), 0);
  const refused = await c.goto(event + '/schedule');
  assert.equal(refused.status(), 403);

  for (const x of [owner, chamber]) {
    await x.context.close();
  }
});
