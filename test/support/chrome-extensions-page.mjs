// Reads what chrome://extensions shows about the loaded extension: manifest warnings and
// runtime errors. Chrome records them only in developer mode, so this turns it on and
// reloads the extension first.

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} name the extension's name
 */
export async function extensionDiagnostics(context, name) {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  const info = await page.evaluate(async (wanted) => {
    const api = /** @type {any} */ (globalThis).chrome.developerPrivate;
    const call = (fn, ...args) => new Promise((resolve) => fn(...args, resolve));
    await call(api.updateProfileConfiguration, { inDeveloperMode: true });
    const before = await call(api.getExtensionsInfo, {});
    const mine = before.find((i) => i.name === wanted);
    await call(api.reload, mine.id, { failQuietly: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await call(api.getExtensionsInfo, {
      includeDisabled: true,
      includeTerminated: true,
    });
    const info = after.find((i) => i.name === wanted);
    return {
      installWarnings: info.installWarnings,
      manifestErrors: info.manifestErrors.map((e) => e.message),
      runtimeErrors: info.runtimeErrors.map((e) => e.message),
    };
  }, name);
  await page.close();
  return info;
}

/**
 * Reloads the extension the way an update does, leaving open pages with orphaned content
 * scripts. Chromium disables a command-line-loaded extension that reloads itself unless
 * developer mode is on, so this turns it on first. Resolves with the new service worker.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Worker} worker the extension's current service worker
 */
export async function reloadExtension(context, worker) {
  const page = await context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(async () => {
    const api = /** @type {any} */ (globalThis).chrome.developerPrivate;
    await new Promise((resolve) =>
      api.updateProfileConfiguration({ inDeveloperMode: true }, resolve),
    );
  });
  await page.close();
  const next = context.waitForEvent('serviceworker', { timeout: 15_000 });
  await worker
    .evaluate(() => /** @type {any} */ (globalThis).chrome.runtime.reload())
    .catch(() => {});
  return next;
}
