import { launch, openPage, logIn, fits } from './koop.mjs';
const base = process.env.BASE, path = process.argv[2], name = process.argv[3], login = process.argv[4], sel = process.argv[5];
const b = await launch();
const { p } = await openPage(b, 'de-DE', 390);
if (login) await logIn(p, base, login);
await p.goto(base + path);
try { await fits(p, name); } catch (e) { console.log(e.message); }
if (sel) await p.locator(sel).first().scrollIntoViewIfNeeded();
await p.screenshot({ path: `/tmp/shots/${name}-view.png` });
await b.close();
