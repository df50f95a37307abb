/// <reference types="jest" />
// Only test files use this module: it registers Jest hooks.
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { startService, type RunningService } from './service';

export interface Harness {
  service: RunningService;
  browser: Browser;
}

/**
 * The built service over a fresh database and a Chromium, started before the file's tests and
 * stopped after them. Call at the top of a `describe`; read the fields inside the tests.
 */
export function useServiceAndBrowser(env: Record<string, string> = {}): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    [harness.service, harness.browser] = await Promise.all([startService(env), launchBrowser()]);
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.service?.stop();
  });
  return harness;
}
