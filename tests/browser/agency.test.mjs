// The agency workspace in the demo, as IMG's staff use it: a new company goes into the
// directory and its duplicate is merged into it; an agreement with both parties'
// contributions goes into the co-funding ledger; a meeting of the exchange gets its
// outcome, a contract; it shows in the funnel and in the council report, which is then
// downloaded as PDF and XLSX and read back. The dashboard and the report fit a phone.
//
//   env KOOP_BIN=target/debug/koop node --test tests/browser/agency.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo, launch, openPage, submit, fits, logIn, xlsxRows, pdfText } from './koop.mjs';

let demo, browser;

before(async () => {
  demo = await startDemo();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  demo?.stop();
});

/// Fills the new-organisation form and saves it; returns the organisation's page.
async function newOrganisation(p, base, name) {
  await p.goto(base + '/manage/organisations/new');
  await p.fill('input[name=name]', name);
  await p.fill('input[name=country]', 'DE');
  await p.fill('input[name=city]', 'Halle (Saale)');
  await p.fill('input[name=nace]', '26.51');
  await submit(p, 'Speichern');
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);
  return p.url();
}

/// The funnel's row for `label`, as numbers per stage.
async function funnelRow(p, label) {
  const row = p.locator('table.funnel tbody tr', { has: p.locator('th', { hasText: new RegExp(`^${label}$`) }) });
  return (await row.locator('td').allInnerTexts()).map((t) => Number(t.trim()) || 0);
}

test('staff keep the directory, an agreement and an outcome, and the report shows them', async () => {
  const base = demo.base;
  const { p, errors } = await openPage(browser, 'de-DE');
  await logIn(p, base, 'img@koop.example');

  // 1. A company and its duplicate; the duplicate is merged into it.
  const company = await newOrganisation(p, base, 'Sensortechnik Halle GmbH');
  const duplicate = await newOrganisation(p, base, 'Sensortechnik Halle');
  await p.goto(company);
  const merge = p.locator('section.merge');
  const choice = merge.locator('select[name=duplicate] option', { hasText: '★ Sensortechnik Halle (' });
  await merge.locator('select[name=duplicate]').selectOption(await choice.getAttribute('value'));
  await submit(p, 'In diese Organisation zusammenführen');
  assert.match(await p.locator('[role=status]').innerText(), /Zusammengeführt/);
  await p.goto(duplicate);
  assert.match(await p.locator('p.alert').innerText(), /zusammengeführt mit: Sensortechnik Halle GmbH/);

  // 2. An agreement with the company, and what each side brings.
  await p.goto(base + '/agencies/img');
  await submit(p, p.getByRole('link', { name: 'Vereinbarung eintragen' }));
  await p.fill('input[name=title]', 'Kooperationsvereinbarung Sensorik');
  await p.fill('input[name=signed_on]', '2019-06-03');
  const party = async (i, name, eur, note) => {
    const option = p.locator(`select[name=party_${i}] option`, { hasText: name }).first();
    await p.selectOption(`select[name=party_${i}]`, await option.getAttribute('value'));
    await p.fill(`input[name=contribution_${i}]`, eur);
    await p.fill(`input[name=note_${i}]`, note);
  };
  await party(0, 'Investitions- und Marketinggesellschaft', '20.000', 'Messestand');
  await party(1, 'Sensortechnik Halle GmbH', '5000', 'Mitausstellerbeitrag');
  await submit(p, 'Speichern');
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);
  await p.goto(base + '/agencies/img');
  const line = p.locator('table.ledger tbody tr', { hasText: 'Kooperationsvereinbarung Sensorik' });
  assert.match(await line.innerText(), /20\.000 €\s+5\.000 €\s+0,25 €/);

  // 3. A meeting at the exchange led to a contract.
  const before2019 = await funnelRow(p, '2019');
  await submit(p, p.getByRole('link', { name: 'Ergebnis eintragen' }));
  await p.selectOption('select[name=kind]', 'contract');
  await p.fill('input[name=achieved_on]', '2019-10-15');
  await p.fill('input[name=title]', 'Liefervertrag über Drucksensoren');
  const meeting = p.locator('select[name=meeting] optgroup option').first();
  await p.selectOption('select[name=meeting]', await meeting.getAttribute('value'));
  const orgOption = p.locator('select[name=orgs] option', { hasText: 'Sensortechnik Halle GmbH' }).first();
  await p.selectOption('select[name=orgs]', [await orgOption.getAttribute('value')]);
  await submit(p, 'Speichern');
  assert.match(await p.locator('[role=status]').innerText(), /Gespeichert/);

  // 4. The funnel counts it as an agreement of 2019, and the report lists it.
  await p.goto(base + '/agencies/img');
  const after2019 = await funnelRow(p, '2019');
  assert.equal(after2019[3], before2019[3] + 1, `agreements in 2019: ${before2019} -> ${after2019}`);
  await submit(p, p.getByRole('link', { name: 'Bericht für den Stadtrat' }));
  await p.fill('input[name=from]', '2019');
  await p.fill('input[name=to]', '2019');
  await submit(p, 'Anzeigen');
  const other = p.locator('#other ~ ol');
  assert.match(await other.innerText(), /15\.10\.2019[\s\S]*Liefervertrag über Drucksensoren/);
  const contracts = p.locator('.tile', { hasText: 'Vertrag' });
  assert.match(await contracts.innerText(), /^2\b/);

  // 5. The files read back with the same figures.
  const dir = mkdtempSync(join(tmpdir(), 'koop-report-'));
  const download = async (name) => {
    const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name, exact: true }).click()]);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);
    return path;
  };
  const pdf = pdfText(await download('PDF'));
  assert.match(pdf, /Wirtschaftliche Effekte der internationalen Arbeit/);
  assert.match(pdf, /01\.01\.2019 – 31\.12\.2019/);
  assert.match(pdf, /Vertrag\s+2\b/);
  assert.match(pdf, /Liefervertrag über Drucksensoren/);
  const xlsx = await download('XLSX');
  const totals = xlsxRows(xlsx, 1);
  assert.deepEqual(totals[0], ['Art', 'Anzahl', 'Wert']);
  assert.deepEqual(totals.find((r) => r[0] === 'Vertrag').slice(0, 2), ['Vertrag', '2']);
  const results = xlsxRows(xlsx, 3);
  assert.ok(results.some((r) => r.includes('Liefervertrag über Drucksensoren') && r.includes('2019-10-15')), JSON.stringify(results));

  assert.deepEqual(errors, []);
});

test('the dashboard, the report and the pipeline fit a phone, in English too', async () => {
  const base = demo.base;
  const { p, errors } = await openPage(browser, 'en-GB', 390);
  await logIn(p, base, 'magdeburg@koop.example');
  await p.goto(base + '/lang/en');
  await p.goto(base + '/agencies/magdeburg');
  await fits(p, 'the dashboard');
  assert.match(await p.locator('h2#effects').innerText(), /Effects/);
  await p.goto(base + '/agencies/magdeburg/report?from=2009&to=2011');
  await fits(p, 'the report');
  assert.match(await p.locator('h1').innerText(), /Economic effects of the international work/);
  assert.match(await p.locator('article.settlement').innerText(), /2011-07-12\s+Decision\s+Notarvertrag/);
  await p.goto(base + '/clusters');
  await submit(p, p.getByRole('link', { name: 'Overlaps as a matrix' }));
  await fits(p, 'the cluster overlaps');
  const mika = p.locator('table.overlap-matrix tbody tr', { has: p.locator('th', { hasText: /^MiKA$/ }) });
  assert.equal(await mika.locator('td:not(:empty)').count(), 5, 'MiKA touches five clusters');
  await p.goto(base + '/manage/settlements');
  await fits(p, 'the pipeline');
  assert.match(await p.locator('.pipeline').innerText(), /Aftercare\s+1[\s\S]*Tochtergesellschaft eines lettischen/);
  assert.deepEqual(errors, []);
});

test('EEN profiles are imported in the browser; a malformed file is refused row by row', async () => {
  const base = demo.base;
  const { p, errors } = await openPage(browser, 'de-DE');
  await logIn(p, base, 'img@koop.example');
  await p.goto(base + '/agencies/img');
  await submit(p, p.getByRole('link', { name: 'Import und Export' }));
  const fixtures = new URL('../fixtures/een/', import.meta.url).pathname;
  await p.selectOption('select[name=kind]', 'een-profiles');
  await p.setInputFiles('input[name=file]', fixtures + 'profiles-malformed.csv');
  await submit(p, 'Importieren');
  const problems = await p.locator('table.problems tbody tr').allInnerTexts();
  assert.ok(problems.some((r) => /^3\s+Typ: „XO“/.test(r)), problems.join('\n'));
  assert.ok(problems.some((r) => /^4\s+Referenz: Bitte ausfüllen/.test(r)), problems.join('\n'));
  assert.match(await p.locator('[role=alert]').innerText(), /nichts importiert/);
  await p.selectOption('select[name=kind]', 'een-profiles');
  await p.setInputFiles('input[name=file]', fixtures + 'profiles.csv');
  await submit(p, 'Importieren');
  assert.match(await p.locator('[role=status]').innerText(), /profiles\.csv: neu 4 · geändert 0 · unverändert 0/);
  assert.deepEqual(errors, []);
});

test('a cluster manager sees partners suggested for the funding call, with reasons, and adds one', async () => {
  const base = demo.base;
  const { p, errors } = await openPage(browser, 'de-DE', 390);
  await logIn(p, base, 'cluster@koop.example');
  await p.goto(base + '/agencies/metropolregion');
  await submit(p, p.getByRole('link', { name: 'Förderaufrufe' }));
  await submit(p, p.getByRole('link', { name: /Kleben statt Schrauben/ }));
  await fits(p, 'the call page');
  const cards = p.locator('article.suggestion');
  assert.ok(await cards.count() >= 5, 'suggested partners');
  for (const text of await cards.allInnerTexts()) {
    assert.match(text, /teilt mit dem Aufruf: \S+|Vorhaben mit Ihnen/, text);
    assert.match(text, /Punktzahl \d+,\d\d = Thema \d+,\d\d \+ Zusammenarbeit \d+,\d\d/, text);
  }
  const name = await cards.first().locator('h3 a').innerText();
  await submit(p, cards.first().getByRole('button', { name: 'Ins Konsortium' }));
  assert.match(await p.locator('ul.consortium').innerText(), new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.deepEqual(errors, []);
});
