/** Line icons drawn as inline SVG, because the machines that show this page have no emoji font. */

const PATHS = {
  image: '<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/>'
    + '<path d="M21 17l-5-5-9 8"/>',
  pin: '<path d="M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21z"/>'
    + '<circle cx="12" cy="9.5" r="2.5"/>',
  sticker: '<circle cx="12" cy="12" r="9"/><circle cx="9" cy="10" r="1"/>'
    + '<circle cx="15" cy="10" r="1"/><path d="M8 14.5c1 1.5 2.4 2.2 4 2.2s3-.7 4-2.2"/>',
  follow: '<circle cx="10" cy="8" r="4"/><path d="M3 20c0-3.9 3.1-7 7-7 1.3 0 2.5.3 3.5.9"/>'
    + '<path d="M18 14v6M15 17h6"/>',
  block: '<circle cx="12" cy="12" r="9"/><path d="M5.6 5.6l12.8 12.8"/>',
  join: '<rect x="5" y="8" width="14" height="11" rx="3"/><path d="M12 4v4M9 13h.01M15 13h.01"/>'
    + '<path d="M9.5 16h5"/>',
  leave: '<path d="M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4"/><path d="M10 16l-4-4 4-4M6 12h10"/>',
  file: '<path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z"/>'
    + '<path d="M14 3v5h5"/>',
};

/** An SVG icon by name, sized by CSS (1em by default). */
export function icon(name, className = "icon") {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", className);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("fill", "none");
  svg.setAttribute("stroke", "currentColor");
  svg.setAttribute("stroke-width", "1.8");
  svg.setAttribute("stroke-linecap", "round");
  svg.setAttribute("stroke-linejoin", "round");
  svg.innerHTML = PATHS[name] ?? "";
  return svg;
}

/** Replaces every <span data-icon="name"> under root with its SVG. */
export function drawIcons(root) {
  for (const holder of root.querySelectorAll("[data-icon]")) {
    holder.replaceChildren(icon(holder.dataset.icon));
  }
}
