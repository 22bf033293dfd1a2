import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountReaderButton } from '@/entrypoints/portal.content/button';

// The 阅读模式 button a portal page carries: the page's own scripts must not be able to press it.

afterEach(() => {
  vi.restoreAllMocks();
  document.querySelector('yandu-reader-button')?.remove();
});

describe('the 阅读模式 button', () => {
  it('hides in a closed shadow root and shows its label as a tooltip', () => {
    mountReaderButton(() => undefined);
    const host = document.querySelector('yandu-reader-button') as HTMLElement;
    expect(host.shadowRoot).toBeNull();
    expect(host.title).toBe('阅读模式');
  });

  it('ignores clicks a script makes, on the host or on the button itself', () => {
    let root: ShadowRoot | undefined;
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
      root = attach.call(this, init);
      return root;
    });
    const open = vi.fn();
    mountReaderButton(open);
    const host = document.querySelector('yandu-reader-button') as HTMLElement;
    host.click();
    const button = root?.querySelector('button') as HTMLButtonElement;
    expect(button.textContent).toBe('阅读模式');
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(open).not.toHaveBeenCalled();
  });
});
