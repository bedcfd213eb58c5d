/** The open chat's conversation: bubbles in order, day separators, notes and quick replies. */

import { renderMessage } from "./messages.js";
import { avatarElement, botAvatarElement, clockTime, dayKey, dayLabel } from "./people.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The text LINE shows as the user's own bubble when a postback carries a displayText. */
export function postbackDisplayText(item) {
  return item.displayText ?? item.event?.postback?.displayText ?? null;
}

/** What the item shows as a bubble: a LINE message, or null for a system note. */
export function shownMessage(item) {
  if (item.message) return item.message;
  if (item.event?.type === "message" && item.event.message) return item.event.message;
  const displayText = item.event?.type === "postback" ? postbackDisplayText(item) : null;
  return displayText ? { type: "text", text: displayText } : null;
}

function postbackNote(event, who) {
  const params = event.postback?.params ?? {};
  if (params.newRichMenuAliasId) return `${who} เปลี่ยนเมนูเป็น ${params.newRichMenuAliasId}`;
  const picked = params.datetime ?? params.date ?? params.time;
  const choice = picked ? ` เลือก ${picked}` : "";
  return `${who} กดปุ่ม${choice} (postback: ${event.postback?.data ?? ""})`;
}

/** The grey centred line LINE shows for follows, joins, bare postbacks and the like. */
export function describeEvent(item, view) {
  const event = item.event ?? {};
  const who = view.nameOf(item.senderId ?? event.source?.userId);
  const members = () => (event.joined ?? event.left)?.members?.map((m) => view.nameOf(m.userId));
  switch (event.type) {
    case "follow":
      return event.follow?.isUnblocked
        ? `${who} เลิกบล็อก ${view.botName} แล้ว`
        : `${who} เพิ่ม ${view.botName} เป็นเพื่อนแล้ว`;
    case "unfollow":
      return `${who} บล็อก ${view.botName}`;
    case "join":
      return `${view.botName} เข้าร่วมกลุ่มแล้ว`;
    case "leave":
      return `${view.botName} ออกจากกลุ่มแล้ว`;
    case "memberJoined":
      return `${(members() ?? [who]).join(", ")} เข้าร่วมกลุ่ม`;
    case "memberLeft":
      return `${(members() ?? [who]).join(", ")} ออกจากกลุ่ม`;
    case "unsend":
      return `${who} ยกเลิกการส่งข้อความ`;
    case "postback":
      return postbackNote(event, who);
    default:
      return `${who}: ${event.type ?? "เหตุการณ์"}`;
  }
}

export class ChatTimeline {
  /** view = {botName, nameOf(id), pictureOf(id), viewerId, onAction(action)} */
  constructor(list, quickBar) {
    this.list = list;
    this.quickBar = quickBar;
    this.items = [];
    this.view = null;
    this.dismissedSeq = null;
    this.stickToBottom = true;
    list.addEventListener("scroll", () => {
      this.stickToBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
    });
  }

  get lastSeq() {
    return this.items.length ? this.items[this.items.length - 1].seq : 0;
  }

  /** Starts showing a (new) chat; nothing is drawn until its items arrive. */
  open(view) {
    this.view = view;
    this.items = [];
    this.dismissedSeq = null;
    this.stickToBottom = true;
    this.redraw();
  }

  /** The group member sending changed: own bubbles move to the right. */
  setViewer(viewerId) {
    this.view = { ...this.view, viewerId };
    this.redraw();
  }

  /** Adds items from the feed in seq order, ignoring ones already shown; true if any was new. */
  add(incoming) {
    const known = new Set(this.items.map((item) => item.seq));
    const fresh = incoming.filter((item) => !known.has(item.seq));
    if (fresh.length === 0) return false;
    fresh.sort((a, b) => a.seq - b.seq);
    if (fresh[0].seq > this.lastSeq) {
      for (const item of fresh) {
        const previous = this.items[this.items.length - 1];
        this.items.push(item);
        this.drawItem(item, previous);
      }
      this.showQuickReplies();
      this.scrollToEnd(true);
    } else {
      // An item overtook another on the way (stream vs. catch-up poll): draw all again in order.
      this.items.push(...fresh);
      this.items.sort((a, b) => a.seq - b.seq);
      this.redraw();
    }
    return true;
  }

  redraw() {
    this.list.replaceChildren();
    this.items.forEach((item, index) => this.drawItem(item, this.items[index - 1]));
    this.showQuickReplies();
    this.scrollToEnd(true);
  }

  drawItem(item, previous) {
    if (!previous || dayKey(previous.at) !== dayKey(item.at)) {
      const chip = element("div", "day-chip");
      chip.append(element("span", "", dayLabel(item.at)));
      this.list.append(chip);
    }
    const message = shownMessage(item);
    const row = message ? this.messageRow(item, message, previous) : this.noteRow(item);
    row.dataset.seq = String(item.seq);
    this.list.append(row);
    for (const picture of row.querySelectorAll("img")) {
      picture.addEventListener("load", () => this.scrollToEnd(false), { once: true });
    }
  }

  noteRow(item) {
    const note = element("div", "event-note");
    note.dataset.testid = "event-note";
    note.append(element("span", "", describeEvent(item, this.view)));
    return note;
  }

  messageRow(item, message, previous) {
    const fromBot = item.direction === "out";
    const own = !fromBot && item.senderId === this.view.viewerId;
    const row = element("div", `msg-row ${own ? "msg-own" : "msg-other"}`);
    Object.assign(row.dataset, {
      testid: "msg", direction: item.direction, kind: message.type,
      side: own ? "right" : "left", sender: fromBot ? "bot" : item.senderId ?? "",
    });
    if (previous && previous.senderId === item.senderId && shownMessage(previous)
        && previous.direction === item.direction) {
      row.classList.add("msg-continued");
    }
    if (!own) row.append(this.senderAvatar(item, fromBot));
    const column = element("div", "msg-column");
    if (!own) column.append(element("div", "msg-sender", this.senderName(item, fromBot)));
    const content = renderMessage(message, this.view);
    if (!content.classList.contains("bubble")) column.classList.add("msg-wide");
    column.append(content);
    const time = element("div", "msg-time", clockTime(item.at));
    if (item.via) time.title = `ส่งแบบ ${item.via}`;
    column.append(time);
    row.append(column);
    return row;
  }

  senderAvatar(item, fromBot) {
    if (fromBot) return botAvatarElement(this.view.botName);
    const id = item.senderId;
    return avatarElement(id, this.view.nameOf(id), this.view.pictureOf(id));
  }

  senderName(item, fromBot) {
    return fromBot ? this.view.botName : this.view.nameOf(item.senderId);
  }

  /** LINE shows quick replies only while the newest message is the bot's one that has them. */
  showQuickReplies() {
    const last = this.items[this.items.length - 1];
    const choices = last?.direction === "out" ? last.message?.quickReply?.items ?? [] : [];
    const bar = this.quickBar;
    bar.replaceChildren();
    bar.hidden = choices.length === 0 || last.seq === this.dismissedSeq;
    if (bar.hidden) return;
    for (const choice of choices) bar.append(this.quickReplyChip(choice, last.seq));
  }

  quickReplyChip(choice, seq) {
    const chip = element("button", "quick-reply");
    chip.type = "button";
    chip.dataset.testid = "quick-reply";
    if (choice.imageUrl) {
      const icon = element("img", "quick-reply-icon");
      icon.src = choice.imageUrl;
      icon.alt = "";
      chip.append(icon);
    }
    chip.append(choice.action?.label ?? "");
    chip.addEventListener("click", async () => {
      const used = await this.view.onAction(choice.action ?? {});
      if (used) {
        this.dismissedSeq = seq;
        this.showQuickReplies();
      }
    });
    return chip;
  }

  scrollToEnd(always) {
    if (!always && !this.stickToBottom) return;
    this.list.scrollTop = this.list.scrollHeight;
    this.stickToBottom = true;
  }
}
