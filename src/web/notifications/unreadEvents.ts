// The header's unread count listens for this after a notification is marked read elsewhere.
const EVENT = 'harbor:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onNotificationsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
