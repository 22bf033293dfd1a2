import type { TabActions } from './session.ts';

/**
 * What the clipboard holds, read the way a user gets it: pasted with a real Ctrl+V into a text field (added
 * to the page for the purpose and removed again). Works in headless Chromium and Firefox alike, and needs
 * no clipboard permission in the shipped manifest and no permission granted to the page.
 */
export async function pastedText(b: TabActions): Promise<string> {
  await b.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'yandu-e2e-paste';
    area.style.cssText = 'position:fixed;right:8px;bottom:8px;width:320px;height:120px;z-index:2147483647';
    document.body.append(area);
    area.focus();
  }, undefined);
  await b.press('Control+V');
  // A paste arrives as an input event; give it the chance to land before reading (empty if nothing came).
  const pasted = await b
    .waitFor(
      () => (document.getElementById('yandu-e2e-paste') as HTMLTextAreaElement | null)?.value,
      undefined,
      'the paste',
      5_000,
    )
    .catch(() => '');
  await b.evaluate(() => document.getElementById('yandu-e2e-paste')?.remove(), undefined);
  return pasted;
}
