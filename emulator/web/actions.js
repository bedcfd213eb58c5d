/** What tapping a LINE action does, for buttons, quick-reply chips and rich-menu areas alike. */

import { askDateTime, askLocation } from "./dialogs.js";

export class ActionRunner {
  /**
   * hooks: send(body) posts to the open chat as the current sender; pickImage() opens the picker;
   * richMenu {open(), close(), switchTo(aliasId) -> status}; fillInput(text); notify(text).
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.run = this.run.bind(this);
  }

  /** Runs one action; resolves true when it did something (false when the user cancelled). */
  async run(action) {
    const handler = this[`on_${action?.type}`];
    if (!handler) {
      this.hooks.notify(`หน้านี้ยังไม่รองรับปุ่มชนิด ${action?.type ?? "ไม่ระบุ"}`);
      return false;
    }
    return handler.call(this, action);
  }

  async on_message(action) {
    await this.hooks.send({ kind: "text", text: action.text ?? action.label ?? "" });
    return true;
  }

  async on_postback(action) {
    const displayText = action.displayText ?? action.text;
    await this.hooks.send({ kind: "postback", data: action.data ?? "", displayText });
    if (action.inputOption === "openKeyboard") this.hooks.fillInput(action.fillInText ?? "");
    if (action.inputOption === "openRichMenu") this.hooks.richMenu.open();
    if (action.inputOption === "closeRichMenu") this.hooks.richMenu.close();
    return true;
  }

  async on_datetimepicker(action) {
    const params = await askDateTime(action);
    if (!params) return false;
    await this.hooks.send({ kind: "postback", data: action.data ?? "", params });
    return true;
  }

  async on_uri(action) {
    // LINE on a desktop follows altUri.desktop when the bot gives one.
    const target = action.altUri?.desktop ?? action.uri;
    if (target) window.open(target, "_blank", "noopener");
    return Boolean(target);
  }

  async on_camera() {
    this.hooks.pickImage();
    return true;
  }

  async on_cameraRoll() {
    this.hooks.pickImage();
    return true;
  }

  async on_location() {
    const place = await askLocation();
    if (!place) return false;
    await this.hooks.send({ kind: "location", ...place });
    return true;
  }

  async on_richmenuswitch(action) {
    const status = await this.hooks.richMenu.switchTo(action.richMenuAliasId);
    if (status !== "SUCCESS") {
      this.hooks.notify(`สลับเมนูไป ${action.richMenuAliasId} ไม่ได้ (${status})`);
    }
    // LINE tells the bot the outcome in the postback params, whatever it was.
    const params = { newRichMenuAliasId: action.richMenuAliasId, status };
    await this.hooks.send({ kind: "postback", data: action.data ?? "", params });
    return true;
  }

  async on_clipboard(action) {
    await navigator.clipboard?.writeText(action.clipboardText ?? "");
    this.hooks.notify("คัดลอกข้อความแล้ว");
    return true;
  }
}
