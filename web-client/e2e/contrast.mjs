// WCAG contrast of the text a page really renders (issue #14): every visible text node in the
// viewport, its computed colour (with the opacity of it and its ancestors) over the background
// composed from its ancestors' background colours. Disabled controls are exempt (WCAG 1.4.3).
// Over a gradient, the text must pass against every colour stop of it (the worst one counts);
// text over an image is skipped.

/** Texts under `minimum` (4.5 by default) on the page as shown now, worst first. */
export async function lowContrast(page, minimum = 4.5) {
  return page.evaluate((min) => {
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const lum = ({ r, g, b }) => {
      const f = (v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    // The backgrounds the text may stand on: one per colour stop of the nearest gradient.
    const backgrounds = (element) => {
      const layers = [];
      let stops = null;
      for (let e = element; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage.includes('url(')) return [];
        if (stops === null && style.backgroundImage.includes('gradient')) {
          stops = (style.backgroundImage.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter((c) => c.a > 0.5);
          if (stops.length > 0) break;
          stops = null;
        }
        const bg = parse(style.backgroundColor);
        if (bg && bg.a > 0) layers.push(bg);
        if (bg && bg.a >= 1) break;
      }
      const base = (stops ?? [{ r: 255, g: 255, b: 255, a: 1 }]).map((c) => over(c, { r: 255, g: 255, b: 255, a: 1 }));
      const upward = layers.reverse();
      return base.map((bottom) => upward.reduce((below, layer) => over(layer, below), bottom));
    };
    const failures = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('[hidden], :disabled, [aria-hidden="true"]')) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || style.display === 'none') continue;
      const rects = [...element.getClientRects()].filter(
        (r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      );
      if (rects.length === 0) continue;
      let opacity = 1;
      for (let e = element; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      if (opacity < 0.05) continue;
      const fg = parse(style.color);
      if (!fg) continue;
      let r = Infinity;
      let bg = null;
      for (const candidate of backgrounds(element)) {
        const c = ratio(over({ ...fg, a: fg.a * opacity }, candidate), candidate);
        if (c < r) [r, bg] = [c, candidate];
      }
      if (bg !== null && r < min) {
        failures.push({
          text: text.slice(0, 40),
          ratio: Math.round(r * 100) / 100,
          color: style.color,
          opacity: Math.round(opacity * 100) / 100,
          background: `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`,
          element: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
        });
      }
    }
    return failures.sort((x, y) => x.ratio - y.ratio);
  }, minimum);
}

/**
 * Checks the page in both colour schemes, adding a line for every text under 4.5:1 to
 * `problems` (a script reports them all at its end, so one run shows every screen's).
 */
export async function checkContrast(page, where, problems, shoot) {
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    // Colours change with a short transition: switched off, the new scheme shows at the next frame.
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (shoot) await shoot(colorScheme);
    for (const f of await lowContrast(page)) problems.push(`${colorScheme} ${where}: ${JSON.stringify(f)}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

export function assertNoContrastProblems(problems) {
  if (problems.length > 0) throw new Error(`text under 4.5:1\n  ${problems.join('\n  ')}`);
}
