/** Draws LINE Flex messages (bubbles, carousels, their components) laid out the way LINE does. */

import { mediaUrl } from "./api.js";

// Keyword tables from LINE's Flex Message reference:
// https://developers.line.biz/en/reference/messaging-api/#flex-message
const SPACES = {
  none: "0px", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px",
};
const TEXT_SIZES = {
  xxs: "11px", xs: "13px", sm: "14px", md: "16px", lg: "19px", xl: "22px", xxl: "29px",
  "3xl": "35px", "4xl": "48px", "5xl": "74px",
};
const IMAGE_SIZES = {
  xxs: "40px", xs: "60px", sm: "80px", md: "100px", lg: "120px", xl: "140px", xxl: "160px",
  "3xl": "180px", "4xl": "200px", "5xl": "240px", full: "100%",
};
const BUBBLE_WIDTHS = {
  nano: "120px", micro: "160px", deca: "220px", hecto: "241px", kilo: "260px", mega: "300px",
  giga: "500px",
};
const RADII = { none: "0px", xs: "2px", sm: "4px", md: "8px", lg: "12px", xl: "16px", xxl: "20px" };
const BORDER_WIDTHS = {
  none: "0px", light: "0.5px", normal: "1px", medium: "2px", "semi-bold": "3px", bold: "4px",
};
const BUTTON_HEIGHTS = { sm: "40px", md: "52px" };
const BUTTON_COLOURS = { primary: "#17c950", secondary: "#dcdfe5", link: "#42659a" };
// A bubble's blocks get LINE's own padding unless the block's box sets its own.
const BLOCK_PADDING = { header: "20px", body: "20px", footer: "10px" };
const GRAVITY = { top: "flex-start", center: "center", bottom: "flex-end" };
const ALIGN = { start: "flex-start", center: "center", end: "flex-end" };

const LENGTH = /^-?\d+(\.\d+)?(px|%)$/;

/** A keyword from `table`, or a literal "12px" / "50%"; undefined for anything else. */
function length(value, table = SPACES) {
  if (value === undefined || value === null) return undefined;
  if (table && Object.hasOwn(table, value)) return table[value];
  return LENGTH.test(String(value)) ? String(value) : undefined;
}

function element(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function setStyle(node, property, value) {
  if (value !== undefined && value !== null && value !== "") node.style[property] = value;
}

/** Renders a Flex container (bubble or carousel); `onAction(action)` runs tapped actions. */
export function renderFlex(contents, onAction) {
  const ctx = { onAction };
  if (contents?.type === "carousel") return renderCarousel(contents, ctx);
  if (contents?.type === "bubble") return renderBubble(contents, ctx);
  const unknown = element("div", "flex-unknown");
  unknown.textContent = "[Flex ที่แสดงไม่ได้]";
  return unknown;
}

function renderCarousel(carousel, ctx) {
  const strip = element("div", "flex-carousel");
  strip.dataset.testid = "flex-carousel";
  for (const bubble of carousel.contents ?? []) strip.append(renderBubble(bubble, ctx));
  return strip;
}

function renderBubble(bubble, ctx) {
  const card = element("div", "flex-bubble");
  card.dataset.testid = "flex-bubble";
  card.style.setProperty("--bubble-width", BUBBLE_WIDTHS[bubble.size] ?? BUBBLE_WIDTHS.mega);
  if (bubble.direction === "rtl") card.dir = "rtl";
  let blocksDrawn = 0;
  for (const block of ["header", "hero", "body", "footer"]) {
    if (!bubble[block]) continue;
    card.append(renderBlock(block, bubble[block], bubble.styles?.[block] ?? {}, blocksDrawn, ctx));
    blocksDrawn += 1;
  }
  makeTappable(card, bubble.action, ctx);
  return card;
}

function renderBlock(block, component, style, blocksBefore, ctx) {
  const section = element("div", `flex-block flex-${block}`);
  setStyle(section, "backgroundColor", style.backgroundColor);
  if (style.separator && blocksBefore > 0) {
    section.style.borderTop = `1px solid ${style.separatorColor ?? "#d4d6da"}`;
  }
  const blockCtx = { ...ctx, parentLayout: "vertical", blockPadding: BLOCK_PADDING[block] };
  section.append(renderComponent(component, blockCtx, 0));
  return section;
}

const RENDERERS = {
  box: renderBox,
  text: renderText,
  image: renderImage,
  icon: renderIcon,
  button: renderButton,
  separator: renderSeparator,
  filler: renderFiller,
  spacer: renderSpacer,
  video: renderVideo,
};

function renderComponent(component, ctx, index) {
  const render = RENDERERS[component?.type];
  if (!render) return element("div", "flex-unsupported");
  const node = render(component, ctx);
  placeInParent(node, component, ctx, index);
  return node;
}

/** flex, margin / spacing, position and offsets: how a component sits in its parent box. */
function placeInParent(node, component, ctx, index) {
  const across = ctx.parentLayout === "horizontal" || ctx.parentLayout === "baseline";
  // LINE: children of horizontal and baseline boxes default to flex 1, of vertical boxes to 0.
  const grow = component.flex ?? (component.type === "filler" || across ? 1 : 0);
  if (component.type !== "separator") {
    node.style.flex = grow > 0 ? `${grow} 0 ${across ? "0px" : "auto"}` : "0 0 auto";
  }
  const absolute = component.position === "absolute";
  const spacing = index > 0 && !absolute ? length(ctx.spacing) : undefined;
  const gap = length(component.margin) ?? spacing;
  setStyle(node, across ? "marginInlineStart" : "marginTop", gap);
  if (absolute) node.style.position = "absolute";
  setStyle(node, "top", length(component.offsetTop));
  setStyle(node, "bottom", length(component.offsetBottom));
  setStyle(node, "insetInlineStart", length(component.offsetStart));
  setStyle(node, "insetInlineEnd", length(component.offsetEnd));
  if (across && component.gravity) setStyle(node, "alignSelf", GRAVITY[component.gravity]);
}

function makeTappable(node, action, ctx) {
  if (!action) return;
  node.classList.add("flex-tappable");
  node.tabIndex = 0;
  node.setAttribute("role", "button");
  if (action.label) node.setAttribute("aria-label", action.label);
  const run = (event) => {
    event.stopPropagation();
    ctx.onAction(action);
  };
  node.addEventListener("click", run);
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") run(event);
  });
}

function boxPadding(box, fallback) {
  const all = length(box.paddingAll) ?? fallback;
  return [box.paddingTop, box.paddingEnd, box.paddingBottom, box.paddingStart]
    .map((side) => length(side) ?? all ?? "0px");
}

function boxBackground(box) {
  const fill = box.background;
  if (fill?.type !== "linearGradient") return undefined;
  const middle = fill.centerColor ? `${fill.centerColor} ${fill.centerPosition ?? "50%"}, ` : "";
  return `linear-gradient(${fill.angle ?? "0deg"}, ${fill.startColor}, ${middle}${fill.endColor})`;
}

function renderBox(box, ctx) {
  const layout = box.layout ?? "vertical";
  const node = element("div", `flex-box flex-${layout}`);
  setStyle(node, "backgroundColor", box.backgroundColor);
  setStyle(node, "backgroundImage", boxBackground(box));
  const border = length(box.borderWidth, BORDER_WIDTHS);
  if (border) node.style.border = `${border} solid ${box.borderColor ?? "#000000"}`;
  const radius = length(box.cornerRadius, RADII);
  if (radius) {
    node.style.borderRadius = radius;
    // LINE clips a rounded box's children to its corners.
    node.style.overflow = "hidden";
  }
  for (const side of ["width", "maxWidth", "height", "maxHeight"]) {
    setStyle(node, side, length(box[side], null));
  }
  const [top, end, bottom, start] = boxPadding(box, ctx.blockPadding);
  node.style.padding = "0";
  Object.assign(node.style, {
    paddingTop: top, paddingInlineEnd: end, paddingBottom: bottom, paddingInlineStart: start,
  });
  setStyle(node, "justifyContent", box.justifyContent);
  setStyle(node, "alignItems", box.alignItems);
  const childCtx = { ...ctx, parentLayout: layout, spacing: box.spacing, blockPadding: undefined };
  (box.contents ?? []).forEach((child, index) => {
    node.append(renderComponent(child, childCtx, index));
  });
  makeTappable(node, box.action, ctx);
  return node;
}

function styleTextRun(node, run) {
  setStyle(node, "fontSize", length(run.size, TEXT_SIZES));
  if (run.weight === "bold") node.style.fontWeight = "700";
  setStyle(node, "color", run.color);
  if (run.style === "italic") node.style.fontStyle = "italic";
  if (run.decoration && run.decoration !== "none") node.style.textDecoration = run.decoration;
}

function renderText(text, ctx) {
  const node = element("div", `flex-text ${text.wrap ? "flex-wrap" : "flex-nowrap"}`);
  node.dataset.testid = "flex-text";
  styleTextRun(node, { size: text.size ?? "md", ...text });
  const spans = (text.contents ?? []).filter((span) => span?.type === "span");
  if (spans.length > 0) {
    for (const span of spans) {
      const piece = element("span");
      piece.textContent = span.text ?? "";
      styleTextRun(piece, span);
      node.append(piece);
    }
  } else {
    node.textContent = text.text ?? "";
  }
  setStyle(node, "textAlign", text.align);
  const lineGap = length(text.lineSpacing, null);
  if (lineGap) node.style.lineHeight = `calc(1.4em + ${lineGap})`;
  if (text.wrap && text.maxLines > 0) {
    node.classList.add("flex-clamped");
    node.style.webkitLineClamp = String(text.maxLines);
  }
  makeTappable(node, text.action, ctx);
  return node;
}

function aspectRatio(value, fallback) {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(value ?? "");
  return match ? `${match[1]} / ${match[2]}` : fallback;
}

function renderImage(image, ctx) {
  const holder = element("div", "flex-image");
  holder.style.justifyContent = ALIGN[image.align ?? "center"];
  const frame = element("div", "flex-image-frame");
  frame.style.width = length(image.size ?? "md", IMAGE_SIZES) ?? IMAGE_SIZES.md;
  frame.style.aspectRatio = aspectRatio(image.aspectRatio, "1 / 1");
  setStyle(frame, "backgroundColor", image.backgroundColor);
  const picture = element("img");
  picture.src = mediaUrl(image.url);
  picture.alt = "";
  picture.loading = "lazy";
  picture.style.objectFit = image.aspectMode === "cover" ? "cover" : "contain";
  frame.append(picture);
  holder.append(frame);
  makeTappable(holder, image.action, ctx);
  return holder;
}

function renderIcon(icon) {
  const node = element("img", "flex-icon");
  node.src = mediaUrl(icon.url);
  node.alt = "";
  const size = length(icon.size ?? "md", TEXT_SIZES) ?? TEXT_SIZES.md;
  const [wide, high] = (icon.aspectRatio ?? "1:1").split(":").map(Number);
  node.style.height = size;
  node.style.width = wide > 0 && high > 0 ? `calc(${size} * ${wide / high})` : size;
  node.style.flex = "0 0 auto";
  return node;
}

function renderButton(button, ctx) {
  const style = button.style ?? "link";
  const node = element("button", `flex-button flex-button-${style}`);
  node.type = "button";
  node.dataset.testid = "flex-button";
  node.textContent = button.action?.label ?? "";
  node.style.height = BUTTON_HEIGHTS[button.height] ?? BUTTON_HEIGHTS.md;
  const colour = button.color ?? BUTTON_COLOURS[style] ?? BUTTON_COLOURS.link;
  if (style === "link") node.style.color = colour;
  else node.style.backgroundColor = colour;
  if (button.action) {
    node.addEventListener("click", (event) => {
      event.stopPropagation();
      ctx.onAction(button.action);
    });
  }
  return node;
}

function renderSeparator(separator, ctx) {
  const across = ctx.parentLayout !== "vertical";
  const node = element("div", across ? "flex-separator flex-separator-vertical" : "flex-separator");
  node.style.borderColor = separator.color ?? "#d4d6da";
  return node;
}

function renderFiller() {
  return element("div", "flex-filler");
}

function renderSpacer(spacer, ctx) {
  const node = element("div", "flex-spacer");
  const size = length(spacer.size ?? "md") ?? SPACES.md;
  node.style[ctx.parentLayout === "vertical" ? "height" : "width"] = size;
  return node;
}

function renderVideo(video, ctx) {
  if (video.altContent) return renderComponent(video.altContent, ctx, 0);
  const node = element("div", "flex-video");
  node.textContent = "▶ วิดีโอ";
  node.style.aspectRatio = aspectRatio(video.aspectRatio, "16 / 9");
  return node;
}
