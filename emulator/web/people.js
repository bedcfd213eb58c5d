/** Who is who on the page: role labels, avatars and names; the time labels under bubbles. */

export const ROLE_LABELS = {
  staff: "เจ้าหน้าที่",
  manager: "ผู้บังคับบัญชา",
  technician: "ช่างเทคนิค/เจ้าหน้าที่ IT",
  admin: "ผู้ดูแลระบบ",
};

export function roleLabel(role) {
  return ROLE_LABELS[role] ?? role ?? "";
}

// Thai leading vowels are written before the consonant they follow in speech; an avatar
// showing "เ" or "ไ" says nothing, so the initial is the first letter that is not one of them.
const LEADING_VOWELS = new Set(["เ", "แ", "โ", "ใ", "ไ"]);

export function initialOf(name) {
  const letters = Array.from((name ?? "").trim());
  const first = letters.find((letter) => !LEADING_VOWELS.has(letter) && letter.trim() !== "");
  return (first ?? "?").toUpperCase();
}

const AVATAR_COLOURS = [
  "#5b8def", "#f2994a", "#9b51e0", "#27ae60", "#eb5757", "#2d9cdb", "#b7791f",
];

/** A steady colour per id (FNV-1a), so a person keeps their colour across reloads. */
export function avatarColour(id) {
  let hash = 0x811c9dc5;
  for (const char of id ?? "") hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}

/** A round avatar: the picture when there is one, otherwise the coloured initial. */
export function avatarElement(id, name, pictureUrl, extraClass = "") {
  const avatar = document.createElement("span");
  avatar.className = `avatar ${extraClass}`.trim();
  avatar.setAttribute("aria-hidden", "true");
  if (pictureUrl) {
    const img = document.createElement("img");
    img.src = pictureUrl;
    img.alt = "";
    img.addEventListener("error", () => img.remove());
    avatar.append(img);
  }
  avatar.style.backgroundColor = avatarColour(id);
  avatar.append(initialOf(name));
  return avatar;
}

export const BOT_AVATAR_COLOUR = "#06c755";

export function botAvatarElement(botName) {
  const avatar = avatarElement("bot", botName, null, "bot-avatar");
  avatar.style.backgroundColor = BOT_AVATAR_COLOUR;
  return avatar;
}

// The help desk is in Thailand; show Bangkok time whatever the viewer's machine says.
const TIME_FORMAT = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Bangkok",
});
const DAY_FORMAT = new Intl.DateTimeFormat("th-TH", {
  weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "Asia/Bangkok",
});
const DAY_KEY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" });

function parseInstant(iso) {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** "14:30" in Bangkok time, or "" when the item carries no usable time. */
export function clockTime(iso) {
  const instant = parseInstant(iso);
  return instant ? TIME_FORMAT.format(instant) : "";
}

/** A key that changes when the Bangkok calendar day changes, for day separators. */
export function dayKey(iso) {
  const instant = parseInstant(iso);
  return instant ? DAY_KEY_FORMAT.format(instant) : "";
}

/** "วันนี้", or the Thai date with its Buddhist-era year. */
export function dayLabel(iso) {
  const instant = parseInstant(iso);
  if (!instant) return "";
  if (dayKey(iso) === DAY_KEY_FORMAT.format(new Date())) return "วันนี้";
  return DAY_FORMAT.format(instant);
}
