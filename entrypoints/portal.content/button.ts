import { i18n } from '#i18n';

/**
 * The floating 阅读模式 button, in a shadow root so the portal's CSS cannot restyle it. The root is closed
 * and only a real click or key press (`isTrusted`) opens the reader: the portal's own scripts can neither
 * reach the button nor press it for the user. Returns a function that removes it.
 */
export function mountReaderButton(onClick: () => unknown): () => void {
  const host = document.createElement('yandu-reader-button');
  host.style.cssText = 'position:fixed;right:16px;bottom:16px;z-index:2147483647;';
  // The label as a tooltip, readable where the button itself is not (the root is closed).
  host.title = i18n.t('openReader');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `
    button{font:15px/1 "PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
      padding:10px 16px;border:0;border-radius:20px;background:#b3261e;color:#fff;cursor:pointer;
      box-shadow:0 2px 8px rgba(0,0,0,.25)}
    button:hover{background:#8c1d18}
    button:focus-visible{outline:3px solid #f2b8b5;outline-offset:2px}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = i18n.t('openReader');
  button.addEventListener('click', (event) => {
    if (event.isTrusted) void onClick();
  });
  root.append(style, button);
  document.documentElement.append(host);
  return () => host.remove();
}
