import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium (apt-get install chromium), driven by playwright-core, which also gives it
 * a fresh profile. The flags keep it off this machine's closed network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
