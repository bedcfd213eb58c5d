/** Live updates for the open chat: the emulator's event stream, else polling every second. */

import { fetchTimeline, timelineStreamUrl } from "./api.js";

const POLL_EVERY_MS = 1000;

export class ChatFeed {
  /** onItems(items) receives new timeline items; onTrouble(error) hears when polling fails. */
  constructor(onItems, onTrouble) {
    this.onItems = onItems;
    this.onTrouble = onTrouble;
    this.chatId = null;
    this.lastSeq = 0;
    this.stream = null;
    this.streamLive = false;
    this.fetching = null;
    this.timer = null;
  }

  /** Follows a chat from its first item; stops following the previous one. */
  follow(chatId) {
    this.stop();
    this.chatId = chatId;
    this.lastSeq = 0;
    this.openStream();
    // Polling runs whenever the stream is not open (unsupported, refused or reconnecting).
    this.timer = window.setInterval(() => {
      if (!this.streamLive) this.catchUp();
    }, POLL_EVERY_MS);
    this.catchUp();
  }

  stop() {
    window.clearInterval(this.timer);
    this.stream?.close();
    this.stream = null;
    this.streamLive = false;
    this.chatId = null;
  }

  openStream() {
    if (typeof EventSource === "undefined") return;
    const chatId = this.chatId;
    const stream = new EventSource(timelineStreamUrl(chatId));
    stream.onopen = () => {
      this.streamLive = true;
      // Whatever happened between the first fetch and the stream opening is fetched once.
      this.catchUp();
    };
    stream.onmessage = (message) => {
      if (this.chatId !== chatId) return;
      const item = JSON.parse(message.data);
      this.deliver([item]);
    };
    stream.onerror = () => {
      this.streamLive = false;
    };
    this.stream = stream;
  }

  /** Fetches everything after the newest item seen; safe to call at any time. */
  async catchUp() {
    const chatId = this.chatId;
    if (!chatId || this.fetching === chatId) return;
    this.fetching = chatId;
    try {
      const page = await fetchTimeline(chatId, this.lastSeq);
      if (this.chatId === chatId) this.deliver(page.items ?? []);
    } catch (error) {
      this.onTrouble(error);
    } finally {
      if (this.fetching === chatId) this.fetching = null;
    }
  }

  deliver(items) {
    if (items.length === 0) return;
    this.lastSeq = Math.max(this.lastSeq, ...items.map((item) => item.seq));
    this.onItems(items);
  }
}
