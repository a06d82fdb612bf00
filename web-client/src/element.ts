// Builds DOM nodes from data. Text only ever goes in through text nodes (textContent), never as
// markup, so whatever a user typed is shown as typed and cannot run.

type Attributes = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  refill(node, ...children);
  return node;
}

/** Replaces a node's children, skipping the empty ones as el() does. */
export function refill(node: Element, ...children: Child[]): void {
  node.replaceChildren(
    ...children.flatMap((child) =>
      child === null || child === undefined || child === false
        ? []
        : [typeof child === 'string' ? document.createTextNode(child) : child],
    ),
  );
}

/** Sets each attribute; false, null and undefined remove it, true sets it empty. */
export function setAttributes(node: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) node.removeAttribute(name);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}
