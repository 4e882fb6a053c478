// What every browser test needs: `koop demo` on a fresh SQLite file, and Debian's
// Chromium started headless with the flags this machine's closed network wants.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const bin = resolve(process.env.KOOP_BIN ?? '../../target/debug/koop');

/// Starts `koop demo`, its mail going to a folder; resolves to { base, mailDir, stop }.
export async function startDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'koop-browser-'));
  const mailDir = join(dir, 'mail');
  const env = { ...process.env, KOOP_MAIL_DIR: mailDir };
  const server = spawn(bin, ['demo', '--db', `sqlite://${join(dir, 'demo.db')}`, '--bind', '127.0.0.1:0'], { stdio: ['ignore', 'ignore', 'pipe'], env });
  const base = await new Promise((ok, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`koop demo did not start:\n${log}`)), 120_000);
    server.stderr.on('data', (chunk) => {
      log += chunk;
      // Wait for the whole line: a chunk may end in the middle of the port number.
      const m = log.match(/koop demo: (http:\/\/[0-9.]+:\d+)\s/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on('exit', (code) => fail(new Error(`koop demo exited with ${code}:\n${log}`)));
    server.on('error', (e) => fail(new Error(`cannot start ${bin}: ${e.message}`)));
  });
  return {
    base,
    mailDir,
    stop() {
      server.kill('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/// Launches headless Chromium.
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
