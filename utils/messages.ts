import { type Browser, browser } from 'wxt/browser';
import type { AutoBackupResult } from './auto-backup';
import type { Detection } from './types';

/**
 * The typed message layer between the content script (in the portal page) and the extension's own
 * contexts. Content scripts never open the database: they ask the background through these messages.
 * Every message is a request with one reply; `Protocol` lists them all.
 */
export interface Protocol {
  /** The content script looked at its page; the background shows or clears the toolbar badge. */
  'page:detected': { req: { detection: Detection }; res: undefined };
  /** Open the reader for this page: the content script hands over a snapshot of the page. */
  'reader:open': { req: OpenRequest; res: { ok: boolean; error?: string } };
  /** The reader asks for the snapshot its tab left behind (taken once, then dropped). */
  'reader:snapshot': { req: { key: string }; res: PageSnapshot | null };
  /** The popup asks what Yandu knows of a tab. */
  'tab:status': { req: { tabId: number }; res: TabStatus };
  /** The popup (or a test) asks to open a tab's page in the reader. */
  'tab:openReader': { req: { tabId: number }; res: { ok: boolean; error?: string } };
  /** The popup granted or revoked a site: re-register the content script for enabled sites. */
  'sites:changed': { req: Record<string, never>; res: undefined };
  /**
   * Write the automatic backup if it is due (utils/auto-backup.ts): sent when a speech is saved and when
   * the user turns 自动备份 on. Answers the file written, or null with why not.
   */
  'backup:check': { req: Record<string, never>; res: AutoBackupResult };
}

export interface TabStatus {
  url: string;
  onPortal: boolean;
  /** The user granted Yandu this site (optional host permission). */
  siteEnabled: boolean;
  /** Yandu may read this page (portal or enabled site), so it can open it in the reader. */
  canOpen: boolean;
  detection: Detection | null;
}

/** What the reader needs from a live page: its address and its HTML (parsed in the extension page). */
export interface PageSnapshot {
  url: string;
  html: string;
  /** epoch ms when the snapshot was taken */
  taken: number;
}

/**
 * A snapshot as the content script sends it: `url` is the address the tab loaded (what the speech is stored
 * under), `current` the address the page shows now (its scripts may have rewritten it with the History
 * API), `auto` set when the user's auto-open setting asked rather than a click.
 */
export interface OpenRequest extends PageSnapshot {
  current?: string;
  auto?: boolean;
}

export type MessageType = keyof Protocol;
export interface Envelope<K extends MessageType = MessageType> {
  yandu: K;
  data: Protocol[K]['req'];
}

export function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' && value !== null && typeof (value as { yandu?: unknown }).yandu === 'string'
  );
}

/** Send a typed request to the background. */
export async function send<K extends MessageType>(
  type: K,
  data: Protocol[K]['req'],
): Promise<Protocol[K]['res']> {
  const envelope: Envelope<K> = { yandu: type, data };
  return (await browser.runtime.sendMessage(envelope)) as Protocol[K]['res'];
}

export type Handlers = {
  [K in MessageType]: (
    data: Protocol[K]['req'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<Protocol[K]['res']> | Protocol[K]['res'];
};

/**
 * Route typed requests to handlers. Messages that are not Yandu envelopes are ignored. Only the extension's
 * own contexts reach runtime.onMessage: web pages cannot, since the manifest has no externally_connectable.
 */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.yandu] as ((data: unknown, s: typeof sender) => unknown) | undefined;
    if (!handler) return undefined;
    // sendResponse + `return true` is the one reply style that Chrome, Firefox and the test fake all accept.
    Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(sendResponse, (error: unknown) => {
        console.error(`Yandu: ${message.yandu} failed`, error);
        sendResponse(undefined);
      });
    return true;
  });
}
