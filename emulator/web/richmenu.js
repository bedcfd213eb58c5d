/** LINE's rich menu: the chat-bar text that opens a panel of tappable areas over the menu image. */

import { fetchRichMenu, fetchRichMenuAlias, mediaUrl } from "./api.js";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function actionLabel(action) {
  return action?.label ?? action?.text ?? action?.displayText ?? action?.type ?? "";
}

export class RichMenuPanel {
  /** runAction(action) performs a tapped area's action. */
  constructor(root, toggle, panel, runAction) {
    this.root = root;
    this.toggleButton = toggle;
    this.panel = panel;
    this.runAction = runAction;
    this.userId = null;
    this.linked = null;
    this.shown = null;
    this.openByUser = new Map();
    toggle.addEventListener("click", () => this.setOpen(this.panel.hidden));
  }

  /** Loads the menu LINE would show this user (their own, else the default) and draws it. */
  async showFor(userId) {
    if (this.userId !== userId) this.shown = null;
    this.userId = userId;
    let answer;
    try {
      answer = await fetchRichMenu(userId);
    } catch {
      return;
    }
    if (this.userId !== userId) return;
    const menuId = answer?.richMenu?.richMenuId ?? null;
    // A menu reached through an alias stays until the bot links a different menu.
    if (this.linked?.richMenu?.richMenuId !== menuId || !this.shown) this.shown = answer;
    this.linked = answer;
    this.draw();
  }

  /** Group chats have no rich menu. */
  hide() {
    this.userId = null;
    this.linked = null;
    this.shown = null;
    this.root.hidden = true;
  }

  open() {
    if (this.shown?.richMenu) this.setOpen(true);
  }

  close() {
    this.setOpen(false);
  }

  setOpen(open) {
    this.openByUser.set(this.userId, open);
    this.panel.hidden = !open;
    this.toggleButton.setAttribute("aria-expanded", String(open));
    this.toggleButton.classList.toggle("is-open", open);
  }

  /** Follows a richmenuswitch action; answers the status LINE puts in the postback params. */
  async switchTo(aliasId) {
    let target;
    try {
      target = await fetchRichMenuAlias(aliasId);
    } catch {
      return "FAILED";
    }
    if (!target?.richMenu) return "RICHMENU_ALIAS_ID_NOTFOUND";
    this.shown = target;
    this.draw();
    this.setOpen(true);
    return "SUCCESS";
  }

  draw() {
    const menu = this.shown?.richMenu;
    this.root.hidden = !menu;
    if (!menu) return;
    this.toggleButton.replaceChildren(
      element("span", "richmenu-bar-text", menu.chatBarText || "เมนู"),
      element("span", "richmenu-bar-arrow", "▾"),
    );
    this.panel.replaceChildren(this.canvas(menu, this.shown.imageUrl));
    const remembered = this.openByUser.get(this.userId);
    this.setOpen(remembered ?? Boolean(menu.selected));
  }

  canvas(menu, imageUrl) {
    const { width = 2500, height = 1686 } = menu.size ?? {};
    const canvas = element("div", imageUrl ? "richmenu-canvas" : "richmenu-canvas no-image");
    canvas.style.aspectRatio = `${width} / ${height}`;
    // Keep the chat readable on a wide window: the panel never takes more than 38% of the height.
    canvas.style.maxWidth = `calc(38vh * ${width} / ${height})`;
    if (imageUrl) {
      const picture = element("img", "richmenu-image");
      picture.src = mediaUrl(imageUrl);
      picture.alt = menu.name ?? "";
      canvas.append(picture);
    }
    for (const area of menu.areas ?? []) canvas.append(this.area(area, width, height, !imageUrl));
    return canvas;
  }

  area(area, width, height, labelled) {
    const spot = element("button", "richmenu-area", labelled ? actionLabel(area.action) : "");
    spot.type = "button";
    spot.dataset.testid = "richmenu-area";
    spot.setAttribute("aria-label", actionLabel(area.action));
    const { x = 0, y = 0, width: w = 0, height: h = 0 } = area.bounds ?? {};
    // Bounds are in the menu image's own pixels (2500 wide); percentages scale with the panel.
    Object.assign(spot.style, {
      left: `${(x / width) * 100}%`, top: `${(y / height) * 100}%`,
      width: `${(w / width) * 100}%`, height: `${(h / height) * 100}%`,
    });
    spot.addEventListener("click", () => this.runAction(area.action ?? {}));
    return spot;
  }
}
