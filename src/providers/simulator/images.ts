import { noise } from './insight-catalog.js';

// Placeholder pictures for media and avatars, served by the simulator itself
// (GET /__sim/img/<name>.svg), so the demo dashboard shows images without any network.

const PALETTE = ['#e8d5c4', '#c9d6c3', '#d8c3d9', '#c4d3e0', '#efd9a7', '#e3b5a4', '#b8c9b0', '#d4c5e2'];

export function placeholderSvg(name: string): string {
  const label = name
    .replace(/\.svg$/, '')
    .replace(/^(avatar|media)-/, '')
    .replace(/[-_.]+/g, ' ')
    .slice(0, 28);
  const bg = PALETTE[Math.floor(noise(name) * PALETTE.length)] ?? PALETTE[0];
  const avatar = name.startsWith('avatar-');
  const text = avatar ? label.charAt(0).toUpperCase() : label;
  const size = avatar ? 150 : 1080;
  const font = avatar ? 72 : 64;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<rect width="100%" height="100%" fill="${bg}"/>
<text x="50%" y="50%" dominant-baseline="middle" text-anchor="middle" font-family="Georgia, serif" font-size="${font}" fill="#3b3b3b">${escapeXml(text)}</text>
</svg>`;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
