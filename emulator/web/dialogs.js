/** The small sheets LINE opens: a date/time picker, a location to share, a sticker to send. */

import { icon } from "./icons.js";

// The demo organisation is a government office; the Chaeng Watthana Government Complex is the
// most familiar Bangkok address for that audience.
export const DEFAULT_OFFICE = {
  title: "ศูนย์ราชการเฉลิมพระเกียรติฯ อาคารบี",
  address: "120 ถนนแจ้งวัฒนะ แขวงทุ่งสองห้อง เขตหลักสี่ กรุงเทพมหานคร 10210",
  latitude: 13.8838,
  longitude: 100.565,
};

// Sticker ids from LINE's list of stickers a bot may send (developers.line.biz sticker list).
const STICKERS = [
  { packageId: "446", stickerId: "1988" },
  { packageId: "446", stickerId: "1989" },
  { packageId: "446", stickerId: "1990" },
  { packageId: "446", stickerId: "1992" },
  { packageId: "11537", stickerId: "52002734" },
  { packageId: "11537", stickerId: "52002736" },
  { packageId: "11538", stickerId: "51626494" },
  { packageId: "11539", stickerId: "52114110" },
];

const PICKER_INPUT = { date: "date", time: "time", datetime: "datetime-local" };
const PICKER_TITLE = { date: "เลือกวันที่", time: "เลือกเวลา", datetime: "เลือกวันและเวลา" };

/** Opens a modal dialog and resolves with its returnValue once it closes. */
function ask(dialog) {
  dialog.returnValue = "";
  for (const closer of dialog.querySelectorAll("[data-close]")) {
    closer.onclick = () => dialog.close("cancel");
  }
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue), { once: true });
    dialog.showModal();
  });
}

// LINE writes datetimes as 2017-12-25T01:00 (a lower-case t is accepted too).
const lineValue = (value) => (value ? String(value).replace("t", "T") : "");

function nowIn(mode) {
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Bangkok", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hour12: false,
  }).format(new Date()).split(" ");
  return { date: parts[0], time: parts[1], datetime: `${parts[0]}T${parts[1]}` }[mode];
}

/** Asks for a date, time or datetime the way a datetimepicker action says; null when cancelled. */
export async function askDateTime(action) {
  const mode = PICKER_INPUT[action.mode] ? action.mode : "datetime";
  const dialog = document.getElementById("datetime-dialog");
  const input = document.getElementById("datetime-value");
  document.getElementById("datetime-title").textContent = action.label || PICKER_TITLE[mode];
  input.type = PICKER_INPUT[mode];
  input.min = lineValue(action.min);
  input.max = lineValue(action.max);
  input.value = lineValue(action.initial) || nowIn(mode);
  if (await ask(dialog) !== "ok" || !input.value) return null;
  return { [mode]: input.value };
}

/** Asks where the user is, prefilled with the office; null when cancelled. */
export async function askLocation() {
  const dialog = document.getElementById("location-dialog");
  const form = dialog.querySelector("form");
  for (const [name, value] of Object.entries(DEFAULT_OFFICE)) {
    if (!form.elements[name].value) form.elements[name].value = value;
  }
  if (await ask(dialog) !== "ok") return null;
  return {
    title: form.elements.title.value.trim(),
    address: form.elements.address.value.trim(),
    latitude: Number(form.elements.latitude.value),
    longitude: Number(form.elements.longitude.value),
  };
}

/** Lets the user pick one of a few stickers; resolves {packageId, stickerId} or null. */
export function askSticker() {
  const dialog = document.getElementById("sticker-dialog");
  const grid = document.getElementById("sticker-grid");
  let picked = null;
  grid.replaceChildren(...STICKERS.map((sticker) => {
    const tile = document.createElement("button");
    tile.type = "button";
    tile.className = "sticker-choice";
    tile.dataset.testid = "sticker-choice";
    tile.title = `${sticker.packageId}/${sticker.stickerId}`;
    tile.append(icon("sticker", "sticker-face"), `${sticker.packageId}/${sticker.stickerId}`);
    tile.addEventListener("click", () => {
      picked = { packageId: sticker.packageId, stickerId: sticker.stickerId };
      dialog.close("ok");
    });
    return tile;
  }));
  return ask(dialog).then(() => picked);
}
