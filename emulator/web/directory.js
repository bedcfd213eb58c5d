/** The chat list: personas and groups with their last message and an unread badge, kept fresh. */

import { fetchTimeline } from "./api.js";
import { avatarElement, clockTime, roleLabel } from "./people.js";

const WATCH_EVERY_MS = 3000;
const READ_KEY = "lineEmulator.readSeq";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function loadReadMarks() {
  try {
    return JSON.parse(localStorage.getItem(READ_KEY) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

export class ChatDirectory {
  /** onChoose({type, id}) opens a chat; describe(item) gives a one-line preview of an item. */
  constructor(personaList, groupList, onChoose, describe) {
    this.personaList = personaList;
    this.groupList = groupList;
    this.onChoose = onChoose;
    this.describe = describe;
    this.entries = new Map();
    this.readSeq = loadReadMarks();
    this.openChatId = null;
    this.timer = null;
  }

  /** Draws every persona and group of the emulator's state. */
  show(state) {
    this.entries.clear();
    this.personaList.replaceChildren(...state.personas.map((persona) => this.entry(
      "user", persona.userId, persona.displayName, roleLabel(persona.role),
      avatarElement(persona.userId, persona.displayName, persona.pictureUrl),
    )));
    this.groupList.replaceChildren(...state.groups.map((group) => this.entry(
      "group", group.groupId, group.groupName, `สมาชิก ${group.memberIds.length} คน`,
      avatarElement(group.groupId, group.groupName, group.pictureUrl, "group-avatar"),
    )));
  }

  entry(type, id, name, subtitle, avatar) {
    const button = element("button", "chat-item");
    button.type = "button";
    button.dataset.testid = `${type === "user" ? "persona" : "group"}-${id}`;
    button.dataset.chatId = id;
    const main = element("span", "chat-item-main");
    main.append(element("span", "chat-item-name", name));
    main.append(element("span", "chat-item-role", subtitle));
    const preview = element("span", "chat-item-preview");
    main.append(preview);
    const side = element("span", "chat-item-side");
    const time = element("span", "chat-item-time");
    const badge = element("span", "badge");
    badge.dataset.testid = `unread-${id}`;
    badge.hidden = true;
    side.append(time, badge);
    button.append(avatar, main, side);
    button.addEventListener("click", () => this.onChoose({ type, id }));
    this.entries.set(id, { button, preview, time, badge, knownSeq: 0, unread: 0 });
    const row = element("li");
    row.append(button);
    return row;
  }

  /** Highlights the open chat; its messages count as read while it stays open. */
  setOpen(chatId) {
    this.openChatId = chatId;
    for (const [id, entry] of this.entries) {
      entry.button.classList.toggle("is-active", id === chatId);
      entry.button.setAttribute("aria-current", String(id === chatId));
    }
    const entry = this.entries.get(chatId);
    if (entry) this.markRead(chatId, entry.knownSeq);
  }

  /** New items of a chat, from the open chat's feed or from watching the others. */
  note(chatId, items) {
    const entry = this.entries.get(chatId);
    if (!entry) return;
    const fresh = items.filter((item) => item.seq > entry.knownSeq);
    if (fresh.length === 0) return;
    const last = fresh.reduce((a, b) => (a.seq > b.seq ? a : b));
    entry.preview.textContent = this.describe(last);
    entry.time.textContent = clockTime(last.at);
    // A read mark beyond everything the chat holds means the emulator was restarted: start over.
    if (entry.knownSeq === 0 && last.seq < (this.readSeq[chatId] ?? 0)) this.readSeq[chatId] = 0;
    const read = this.readSeq[chatId] ?? 0;
    entry.unread += fresh.filter((item) => item.direction === "out" && item.seq > read).length;
    entry.knownSeq = last.seq;
    if (chatId === this.openChatId) this.markRead(chatId, entry.knownSeq);
    this.drawBadge(entry);
  }

  markRead(chatId, seq) {
    const entry = this.entries.get(chatId);
    this.readSeq[chatId] = Math.max(this.readSeq[chatId] ?? 0, seq);
    localStorage.setItem(READ_KEY, JSON.stringify(this.readSeq));
    if (entry) {
      entry.unread = 0;
      this.drawBadge(entry);
    }
  }

  drawBadge(entry) {
    entry.badge.hidden = entry.unread === 0;
    entry.badge.textContent = entry.unread > 99 ? "99+" : String(entry.unread);
  }

  /** Polls the chats that are not open, one after another, so badges and previews stay current. */
  watch() {
    window.clearTimeout(this.timer);
    const round = async () => {
      for (const [chatId, entry] of this.entries) {
        if (chatId === this.openChatId) continue;
        try {
          const page = await fetchTimeline(chatId, entry.knownSeq);
          this.note(chatId, page.items ?? []);
        } catch {
          break;
        }
      }
      this.timer = window.setTimeout(round, WATCH_EVERY_MS);
    };
    round();
  }
}
