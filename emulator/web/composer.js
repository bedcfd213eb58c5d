/** The input bar: text box, send button and the "+" menu (image, file, location, sticker…). */

import { askLocation, askSticker } from "./dialogs.js";

function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).split(",", 2)[1] ?? "");
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export class Composer {
  /** parts: {input, sendButton, plusButton, plusMenu, imageInput, fileInput}; send(body) posts. */
  constructor(parts, send) {
    Object.assign(this, parts);
    this.send = send;
    this.input.addEventListener("keydown", (event) => this.onKey(event));
    this.input.addEventListener("input", () => this.fitHeight());
    this.sendButton.addEventListener("click", () => this.submitText());
    this.plusButton.addEventListener("click", () => this.setMenuOpen(this.plusMenu.hidden));
    this.plusMenu.addEventListener("click", (event) => {
      const choice = event.target.closest("[data-menu]");
      if (choice) this.onMenu(choice.dataset.menu);
    });
    this.imageInput.addEventListener("change", () => this.sendChosenImage());
    this.fileInput.addEventListener("change", () => this.sendChosenFile());
  }

  /** Shows only the "+" entries that make sense in this kind of chat ("user" or "group"). */
  setChatType(chatType) {
    for (const entry of this.plusMenu.querySelectorAll("[data-only]")) {
      entry.hidden = entry.dataset.only !== chatType;
    }
    this.setMenuOpen(false);
  }

  setMenuOpen(open) {
    this.plusMenu.hidden = !open;
    this.plusButton.setAttribute("aria-expanded", String(open));
    this.plusButton.classList.toggle("is-open", open);
  }

  onKey(event) {
    // Thai input methods use Enter to commit a composition; that Enter must not send.
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.submitText();
  }

  fitHeight() {
    this.input.style.height = "auto";
    this.input.style.height = `${Math.min(this.input.scrollHeight, 120)}px`;
  }

  async submitText() {
    const text = this.input.value;
    if (text.trim() === "") return;
    this.input.value = "";
    this.fitHeight();
    this.input.focus();
    const sent = await this.send({ kind: "text", text });
    if (!sent && this.input.value === "") this.input.value = text;
  }

  /** Puts text in the box and the cursor after it (postback inputOption "openKeyboard"). */
  fill(text) {
    if (text) this.input.value = text;
    this.fitHeight();
    this.input.focus();
  }

  pickImage() {
    this.setMenuOpen(false);
    this.imageInput.click();
  }

  async sendChosenImage() {
    const file = this.imageInput.files?.[0];
    if (!file) return;
    const imageBase64 = await readAsBase64(file);
    this.imageInput.value = "";
    await this.send({ kind: "image", imageBase64, contentType: file.type || "image/jpeg" });
  }

  async sendChosenFile() {
    const file = this.fileInput.files?.[0];
    if (!file) return;
    const content = await readAsBase64(file);
    this.fileInput.value = "";
    // The page API carries any uploaded bytes in imageBase64, files included.
    await this.send({
      kind: "file", fileName: file.name, imageBase64: content,
      contentType: file.type || "application/octet-stream",
    });
  }

  async onMenu(choice) {
    this.setMenuOpen(false);
    if (choice === "image") return this.pickImage();
    if (choice === "file") return this.fileInput.click();
    if (choice === "location") {
      const place = await askLocation();
      if (place) await this.send({ kind: "location", ...place });
      return;
    }
    if (choice === "sticker") {
      const sticker = await askSticker();
      if (sticker) await this.send({ kind: "sticker", ...sticker });
      return;
    }
    await this.send({ kind: choice });
  }
}
