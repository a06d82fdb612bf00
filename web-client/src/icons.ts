// The four navigation icons, drawn here as simple strokes (no icon font: the machines that run
// the browser tests have no emoji font either). Built with createElementNS, never from markup.

const SVG = 'http://www.w3.org/2000/svg';

export type IconName = 'chats' | 'friends' | 'groups' | 'profile';

type Shape = ['path', string] | ['circle', number, number, number];

const SHAPES: Record<IconName, Shape[]> = {
  chats: [['path', 'M5 5h14a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8l-4.5 3.5V17H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z']],
  friends: [
    ['circle', 9, 8, 3.5],
    ['path', 'M2.5 20c.8-3.7 3.4-6 6.5-6s5.7 2.3 6.5 6'],
    ['circle', 17, 9, 2.7],
    ['path', 'M16.8 14.2c2.5.1 4.1 2 4.7 4.8'],
  ],
  groups: [
    ['circle', 12, 7.5, 3],
    ['circle', 5, 10, 2.2],
    ['circle', 19, 10, 2.2],
    ['path', 'M6.5 20c.6-3.4 2.8-5.5 5.5-5.5s4.9 2.1 5.5 5.5'],
    ['path', 'M1.5 18.5c.4-2.3 1.7-3.7 3.5-3.9'],
    ['path', 'M22.5 18.5c-.4-2.3-1.7-3.7-3.5-3.9'],
  ],
  profile: [
    ['circle', 12, 8, 4],
    ['path', 'M4 20.5c1.3-4.2 4.3-6.5 8-6.5s6.7 2.3 8 6.5'],
  ],
};

export function icon(name: IconName): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [key, value] of Object.entries({
    viewBox: '0 0 24 24',
    width: '22',
    height: '22',
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '1.8',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    class: 'icon',
  })) {
    svg.setAttribute(key, value);
  }
  for (const shape of SHAPES[name]) {
    const node = document.createElementNS(SVG, shape[0]);
    if (shape[0] === 'path') node.setAttribute('d', shape[1]);
    else {
      node.setAttribute('cx', String(shape[1]));
      node.setAttribute('cy', String(shape[2]));
      node.setAttribute('r', String(shape[3]));
    }
    svg.append(node);
  }
  return svg;
}
