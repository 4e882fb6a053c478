import { launch, openPage, logIn } from './koop.mjs';
const base = process.env.BASE, path = process.argv[2], name = process.argv[3], login = process.argv[4];
const b = await launch();
for (const [w, suffix] of [[1280, 'desk'], [390, 'phone']]) {
  const { p } = await openPage(b, 'de-DE', w);
  if (login) await logIn(p, base, login);
  await p.goto(base + path);
  await p.screenshot({ path: `/tmp/shots/${name}-${suffix}.png`, fullPage: true });
}
await b.close();
