// Finds a Chromium for Playwright: Playwright's own if installed, else Debian's; installs Debian's
// package when running as root with apt-get, else says exactly what to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function playwrightsOwn() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const file = chromium.executablePath();
    return file && existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

export function findChromium() {
  if (process.env.ZENITH_CHROMIUM && existsSync(process.env.ZENITH_CHROMIUM)) return process.env.ZENITH_CHROMIUM;
  const found = playwrightsOwn() ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : null);
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (canInstall) {
    console.log('[zenith] no Chromium found: installing Debian\'s chromium package…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  console.error(
    '[zenith] the end-to-end tests need Chromium and none was found. Install it with one of:\n' +
      '  sudo apt-get install chromium          (Debian/Ubuntu; then npm test finds /usr/bin/chromium)\n' +
      '  npx playwright install chromium        (Playwright\'s own build, where downloads are allowed)\n' +
      '  or set ZENITH_CHROMIUM=/path/to/chromium',
  );
  process.exit(1);
}
