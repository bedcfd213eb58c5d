/** Page API client: the emulator's JSON endpoints that the chat page reads and writes. */

// Resolved from this module's own URL so the page keeps working behind a path prefix.
const API_ROOT = new URL("../api/", import.meta.url);

export class PageApiError extends Error {
  constructor(status, detail) {
    super(`HTTP ${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

function apiUrl(path) {
  return new URL(path, API_ROOT).toString();
}

async function readJson(response) {
  if (response.ok) return response.json();
  const detail = await response.text().catch(() => "");
  throw new PageApiError(response.status, detail.slice(0, 300));
}

async function getJson(path) {
  return readJson(await fetch(apiUrl(path), { cache: "no-store" }));
}

const part = (value) => encodeURIComponent(value);

/**
 * {botName, personas:[{userId, displayName, role, pictureUrl?}],
 *  groups:[{groupId, groupName, memberIds}]}
 */
export function fetchState() {
  return getJson("state");
}

/** {items:[timeline item], lastSeq} for everything after `afterSeq`. */
export function fetchTimeline(chatId, afterSeq) {
  return getJson(`chats/${part(chatId)}/timeline?after=${afterSeq}`);
}

export function timelineStreamUrl(chatId) {
  return apiUrl(`chats/${part(chatId)}/stream`);
}

/** Acts as a persona in a chat; answers {webhookEventId, delivered, status}. */
export async function sendToChat(chatId, body) {
  const response = await fetch(apiUrl(`chats/${part(chatId)}/send`), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return readJson(response);
}

/** {richMenu | null, imageUrl | null, ...} for the menu LINE would show this user. */
export function fetchRichMenu(userId) {
  return getJson(`users/${part(userId)}/richmenu`);
}

/** The rich menu an alias points at, when the emulator can say; null otherwise. */
export async function fetchRichMenuAlias(aliasId) {
  const response = await fetch(apiUrl(`richmenus/aliases/${part(aliasId)}`), { cache: "no-store" });
  if (response.status === 404) return null;
  return readJson(response);
}

export function userContentUrl(messageId) {
  return apiUrl(`content/${part(messageId)}`);
}

/** Makes a URL the bot sent usable from the page (relative paths resolve against the page). */
export function mediaUrl(url) {
  if (!url) return "";
  try {
    return new URL(url, window.location.href).toString();
  } catch {
    return "";
  }
}
