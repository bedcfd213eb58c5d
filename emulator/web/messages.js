/** Draws one LINE message (text, image, sticker, location, template, Flex…) as LINE shows it. */

import { mediaUrl, userContentUrl } from "./api.js";
import { renderFlex } from "./flex.js";
import { icon } from "./icons.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g;

/** Plain text with newlines kept and web addresses made tappable, as LINE does. */
function appendLinkedText(parent, text) {
  for (const [index, piece] of String(text ?? "").split(URL_PATTERN).entries()) {
    if (index % 2 === 0) {
      if (piece) parent.append(piece);
      continue;
    }
    const link = element("a", "", piece);
    link.href = piece;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    parent.append(link);
  }
}

function renderText(message) {
  const bubble = element("div", "bubble bubble-text");
  appendLinkedText(bubble, message.text);
  return bubble;
}

/** textV2 carries {placeholders}; mentions become "@name", emojis a small marker. */
function renderTextV2(message, ctx) {
  const substitutions = message.substitution ?? {};
  const text = String(message.text ?? "").replace(/\{([A-Za-z0-9_]+)\}/g, (whole, key) => {
    const part = substitutions[key];
    if (!part) return whole;
    if (part.type === "emoji") return "(อีโมจิ)";
    const mentionee = part.mentionee ?? {};
    if (mentionee.type === "all") return "@ทุกคน";
    return `@${ctx.nameOf(mentionee.userId)}`;
  });
  return renderText({ text });
}

function pictureBubble(src, fullSize, className = "bubble-image") {
  const bubble = element("div", `bubble ${className}`);
  const picture = element("img");
  picture.src = src;
  picture.alt = "รูปภาพ";
  picture.dataset.testid = "msg-image";
  bubble.append(picture);
  if (fullSize) {
    bubble.classList.add("tappable");
    bubble.addEventListener("click", () => window.open(fullSize, "_blank", "noopener"));
  }
  return bubble;
}

/** Where the bytes of a user-sent or bot-sent image / video / audio message live. */
function contentSource(message, field = "originalContentUrl") {
  const provider = message.contentProvider;
  if (provider?.type === "external") return mediaUrl(provider[field]);
  if (message[field]) return mediaUrl(message[field]);
  return message.id ? userContentUrl(message.id) : "";
}

function renderImage(message) {
  const full = contentSource(message);
  const preview = message.previewImageUrl ? mediaUrl(message.previewImageUrl) : full;
  return pictureBubble(preview || full, full);
}

function renderMedia(message, tag) {
  const bubble = element("div", `bubble bubble-${tag}`);
  const player = element(tag);
  player.controls = true;
  player.src = contentSource(message);
  if (tag === "video" && message.previewImageUrl) player.poster = mediaUrl(message.previewImageUrl);
  bubble.append(player);
  return bubble;
}

function renderFile(message) {
  const bubble = element("div", "bubble bubble-file");
  bubble.append(icon("file", "file-icon"));
  const size = message.fileSize ? ` · ${Math.ceil(message.fileSize / 1024)} KB` : "";
  bubble.append(element("span", "file-name", `${message.fileName ?? "ไฟล์"}${size}`));
  return bubble;
}

function renderSticker(message) {
  const tile = element("div", "sticker-tile");
  tile.dataset.testid = "msg-sticker";
  tile.append(icon("sticker", "sticker-face"));
  const ids = `สติกเกอร์ ${message.packageId}/${message.stickerId}`;
  tile.append(element("span", "sticker-ids", ids));
  return tile;
}

function renderLocation(message) {
  const card = element("div", "bubble bubble-location");
  const map = element("div", "location-map");
  map.append(icon("pin"));
  card.append(map);
  const details = element("div", "location-details");
  details.append(element("div", "location-title", message.title || "ตำแหน่งที่ตั้ง"));
  if (message.address) details.append(element("div", "location-address", message.address));
  const lat = Number(message.latitude).toFixed(5);
  const lng = Number(message.longitude).toFixed(5);
  const link = element("a", "location-coords", `${lat}, ${lng}`);
  link.href = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  details.append(link);
  card.append(details);
  return card;
}

function renderImagemap(message, ctx) {
  const frame = element("div", "imagemap");
  const base = message.baseSize ?? { width: 1040, height: 1040 };
  frame.style.aspectRatio = `${base.width} / ${base.height}`;
  const picture = element("img");
  picture.src = mediaUrl(`${message.baseUrl}/1040`);
  picture.alt = message.altText ?? "";
  frame.append(picture);
  for (const area of message.actions ?? []) {
    const spot = element("button", "imagemap-area");
    spot.type = "button";
    const { x, y, width, height } = area.area ?? {};
    Object.assign(spot.style, {
      left: `${(x / base.width) * 100}%`, top: `${(y / base.height) * 100}%`,
      width: `${(width / base.width) * 100}%`, height: `${(height / base.height) * 100}%`,
    });
    spot.setAttribute("aria-label", area.label ?? area.text ?? area.linkUri ?? "");
    const action = area.type === "uri" ? { type: "uri", uri: area.linkUri } : area;
    spot.addEventListener("click", () => ctx.onAction(action));
    frame.append(spot);
  }
  return frame;
}

function templateButton(action, ctx) {
  const button = element("button", "template-button", action.label ?? "");
  button.type = "button";
  button.dataset.testid = "template-button";
  button.addEventListener("click", () => ctx.onAction(action));
  return button;
}

/** One buttons-template card (also one column of a carousel template). */
function templateCard(column, look, ctx) {
  const card = element("div", "template-card");
  if (column.thumbnailImageUrl) {
    const frame = element("div", "template-image");
    frame.style.aspectRatio = look.imageAspectRatio === "square" ? "1 / 1" : "1.51 / 1";
    if (column.imageBackgroundColor) frame.style.backgroundColor = column.imageBackgroundColor;
    const picture = element("img");
    picture.src = mediaUrl(column.thumbnailImageUrl);
    picture.alt = "";
    picture.style.objectFit = look.imageSize === "contain" ? "contain" : "cover";
    frame.append(picture);
    card.append(frame);
  }
  const body = element("div", "template-body");
  if (column.title) body.append(element("div", "template-title", column.title));
  body.append(element("div", "template-text", column.text ?? ""));
  card.append(body);
  if (column.defaultAction) {
    body.classList.add("tappable");
    body.addEventListener("click", () => ctx.onAction(column.defaultAction));
  }
  const actions = element("div", "template-actions");
  for (const action of column.actions ?? []) actions.append(templateButton(action, ctx));
  card.append(actions);
  return card;
}

function renderTemplate(message, ctx) {
  const template = message.template ?? {};
  if (template.type === "buttons") return templateCard(template, template, ctx);
  if (template.type === "confirm") {
    const card = templateCard({ text: template.text, actions: template.actions }, {}, ctx);
    card.classList.add("template-confirm");
    return card;
  }
  const strip = element("div", "template-carousel");
  for (const column of template.columns ?? []) {
    if (template.type === "image_carousel") {
      const tile = element("div", "template-card template-image-tile");
      tile.append(pictureBubble(mediaUrl(column.imageUrl), null, "image-tile"));
      if (column.action) tile.append(templateButton(column.action, ctx));
      strip.append(tile);
    } else {
      strip.append(templateCard(column, template, ctx));
    }
  }
  return strip;
}

function renderUnknown(message) {
  const notice = `[ข้อความชนิด ${message.type} ที่หน้านี้ยังแสดงไม่ได้]`;
  return element("div", "bubble bubble-text", notice);
}

const RENDERERS = {
  text: renderText,
  textV2: renderTextV2,
  image: renderImage,
  video: (message) => renderMedia(message, "video"),
  audio: (message) => renderMedia(message, "audio"),
  file: renderFile,
  sticker: renderSticker,
  location: renderLocation,
  imagemap: renderImagemap,
  template: renderTemplate,
  flex: (message, ctx) => renderFlex(message.contents, ctx.onAction),
};

/** The bubble for one LINE message; ctx = {onAction(action), nameOf(userId)}. */
export function renderMessage(message, ctx) {
  const render = RENDERERS[message?.type] ?? renderUnknown;
  return render(message, ctx);
}

/** One line for the chat list, like LINE's preview under a chat's name. */
export function describeMessage(message) {
  switch (message?.type) {
    case "text":
    case "textV2":
      return message.text ?? "";
    case "image":
      return "ส่งรูปภาพ";
    case "video":
      return "ส่งวิดีโอ";
    case "audio":
      return "ส่งข้อความเสียง";
    case "file":
      return `ส่งไฟล์ ${message.fileName ?? ""}`.trim();
    case "sticker":
      return "ส่งสติกเกอร์";
    case "location":
      return `ส่งตำแหน่งที่ตั้ง ${message.title ?? ""}`.trim();
    default:
      return message?.altText ?? "";
  }
}
