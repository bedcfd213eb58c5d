/** Boots the emulator's chat page: loads personas and groups, opens chats, wires the parts. */

import { ActionRunner } from "./actions.js";
import { fetchState, sendToChat } from "./api.js";
import { Composer } from "./composer.js";
import { ChatDirectory } from "./directory.js";
import { drawIcons } from "./icons.js";
import { ChatFeed } from "./live.js";
import { describeMessage } from "./messages.js";
import { roleLabel } from "./people.js";
import { RichMenuPanel } from "./richmenu.js";
import { ChatTimeline, describeEvent, shownMessage } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const CHAT_KEY = "lineEmulator.chat";
const SENDER_KEY = "lineEmulator.sendAs";
const RETRY_STATE_MS = 2000;
const STATE_REFRESH_MS = 10000;

const page = { state: null, people: new Map(), chat: null, senderId: null };

function nameOf(userId) {
  return page.people.get(userId)?.displayName ?? userId ?? "";
}

function pictureOf(userId) {
  return page.people.get(userId)?.pictureUrl ?? null;
}

let toastTimer = null;
function notify(text) {
  const toast = $("toast");
  toast.textContent = text;
  toast.hidden = false;
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => { toast.hidden = true; }, 4000);
}

/** Posts to the open chat as the current sender; true when the emulator took it. */
async function sendToOpenChat(body) {
  if (!page.chat) return false;
  const chatId = page.chat.id;
  try {
    const result = await sendToChat(chatId, { from: page.senderId, ...body });
    if (!result.delivered) {
      notify(`บอทยังไม่รับเหตุการณ์ (สถานะ ${result.status ?? "ไม่ทราบ"}) ตัวจำลองจะส่งซ้ำให้`);
    }
    return true;
  } catch (error) {
    notify(`ส่งไม่สำเร็จ: ${error.message}`);
    return false;
  } finally {
    if (page.chat?.id === chatId) feed.catchUp();
  }
}

function describeItem(item) {
  const message = shownMessage(item);
  if (message) return describeMessage(message);
  return describeEvent(item, { botName: page.state?.botName ?? "", nameOf });
}

const composer = new Composer({
  input: $("chat-input"), sendButton: $("send"), plusButton: $("plus"),
  plusMenu: $("plus-menu"), imageInput: $("image-input"), fileInput: $("file-input"),
}, sendToOpenChat);

const richMenu = new RichMenuPanel(
  $("richmenu"), $("richmenu-toggle"), $("richmenu-panel"), (action) => runner.run(action),
);

const runner = new ActionRunner({
  send: sendToOpenChat,
  pickImage: () => composer.pickImage(),
  richMenu,
  fillInput: (text) => composer.fill(text),
  notify,
});

const timeline = new ChatTimeline($("messages"), $("quick-replies"));
const directory = new ChatDirectory(
  $("persona-list"), $("group-list"), (chat) => openChat(chat), describeItem,
);

let menuRefresh = null;
const feed = new ChatFeed((items) => {
  if (!page.chat) return;
  timeline.add(items);
  directory.note(page.chat.id, items);
  // The bot may link another rich menu in answer to anything; look again shortly after.
  if (page.chat.type === "user") {
    window.clearTimeout(menuRefresh);
    menuRefresh = window.setTimeout(() => richMenu.showFor(page.chat.id), 400);
  }
}, () => notify("ติดต่อตัวจำลองไม่ได้ กำลังลองใหม่…"));

function readSenders() {
  try {
    return JSON.parse(localStorage.getItem(SENDER_KEY) ?? "{}") ?? {};
  } catch {
    return {};
  }
}

function chooseSender(group, wanted) {
  const members = group.memberIds;
  const candidates = [wanted, readSenders()[group.groupId]];
  return candidates.find((id) => id && members.includes(id))
    ?? members.find((id) => page.people.has(id)) ?? members[0] ?? null;
}

function rememberChoice() {
  const { type, id } = page.chat;
  localStorage.setItem(CHAT_KEY, JSON.stringify(page.chat));
  let hash = `#${type}=${encodeURIComponent(id)}`;
  if (type === "group") {
    localStorage.setItem(SENDER_KEY, JSON.stringify({ ...readSenders(), [id]: page.senderId }));
    if (page.senderId) hash += `&as=${encodeURIComponent(page.senderId)}`;
  }
  if (window.location.hash !== hash) history.replaceState(null, "", hash);
}

function fillSenderPicker(group) {
  const picker = $("send-as");
  picker.replaceChildren(...group.memberIds.map((id) => {
    const option = document.createElement("option");
    option.value = id;
    option.textContent = nameOf(id);
    return option;
  }));
  picker.value = page.senderId ?? "";
}

function showHeading() {
  const { type, id } = page.chat;
  const botName = page.state.botName;
  if (type === "user") {
    const persona = page.people.get(id);
    $("chat-title").textContent = botName;
    $("chat-subtitle").textContent = `คุยในนาม ${persona.displayName} · ${roleLabel(persona.role)}`;
  } else {
    const group = page.state.groups.find((g) => g.groupId === id);
    $("chat-title").textContent = `${group.groupName} (${group.memberIds.length})`;
    $("chat-subtitle").textContent = `กลุ่มที่มี ${botName}`;
    fillSenderPicker(group);
  }
  $("send-as-box").hidden = type !== "group";
}

/** Opens a persona's 1:1 chat ({type:"user"}) or a group chat ({type:"group", as?}). */
function openChat({ type, id, as }) {
  const group = type === "group" ? page.state.groups.find((g) => g.groupId === id) : null;
  if (type === "user" ? !page.people.has(id) : !group) return false;
  const sameChat = page.chat?.id === id;
  page.chat = { type, id };
  page.senderId = group ? chooseSender(group, as) : id;
  showHeading();
  rememberChoice();
  $("app").dataset.view = "chat";
  $("chat").classList.add("has-chat");
  if (sameChat) {
    timeline.setViewer(page.senderId);
    return true;
  }
  composer.setChatType(type);
  $("messages").dataset.chatType = type;
  if (type === "user") richMenu.showFor(id);
  else richMenu.hide();
  timeline.open({
    botName: page.state.botName, nameOf, pictureOf, viewerId: page.senderId, onAction: runner.run,
  });
  directory.setOpen(id);
  feed.follow(id);
  return true;
}

function chatFromHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  if (params.get("user")) return { type: "user", id: params.get("user") };
  if (params.get("group")) return { type: "group", id: params.get("group"), as: params.get("as") };
  return null;
}

function storedChat() {
  try {
    return JSON.parse(localStorage.getItem(CHAT_KEY) ?? "null");
  } catch {
    return null;
  }
}

function openFirstChat() {
  const firstPersona = page.state.personas[0];
  const fallback = firstPersona ? { type: "user", id: firstPersona.userId } : null;
  const addressed = chatFromHash();
  for (const chat of [addressed, storedChat(), fallback]) {
    if (chat && openChat(chat)) break;
  }
  // On a phone the list comes first unless the address names a chat.
  if (!addressed) $("app").dataset.view = "list";
}

function adoptState(state) {
  page.state = state;
  page.people = new Map(state.personas.map((persona) => [persona.userId, persona]));
  directory.show(state);
}

async function loadState() {
  try {
    adoptState(await fetchState());
  } catch {
    $("load-error").hidden = false;
    window.setTimeout(loadState, RETRY_STATE_MS);
    return;
  }
  $("load-error").hidden = true;
  openFirstChat();
  directory.watch();
  window.setInterval(refreshState, STATE_REFRESH_MS);
  document.body.dataset.ready = "true";
}

/** Tests and the demo may add personas and groups while the page is open. */
async function refreshState() {
  let state;
  try {
    state = await fetchState();
  } catch {
    return;
  }
  if (JSON.stringify(state) === JSON.stringify(page.state)) return;
  adoptState(state);
  const stillThere = page.chat && (page.chat.type === "user"
    ? page.people.has(page.chat.id) : state.groups.some((g) => g.groupId === page.chat.id));
  if (stillThere) {
    directory.setOpen(page.chat.id);
    directory.note(page.chat.id, timeline.items);
    showHeading();
  }
}

$("send-as").addEventListener("change", (event) => {
  openChat({ ...page.chat, as: event.target.value });
});
$("chat-back").addEventListener("click", () => { $("app").dataset.view = "list"; });
window.addEventListener("hashchange", () => {
  const chat = chatFromHash();
  if (chat && page.state) openChat(chat);
});

drawIcons(document);
loadState();
