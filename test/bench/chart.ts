import { goalMet, ratioOf, type Row } from './lib.js';

/**
 * The headline ratios as a small SVG bar chart, written by hand (no charting dependency): one bar
 * per figure, its length the ratio to its baseline, a line at 1× (the baseline itself) and a
 * dashed mark at the goal. Green when the goal is met, orange when not, grey without a goal.
 */

const WIDTH = 900;
const LABEL_WIDTH = 420;
const BAR_HEIGHT = 22;
const GAP = 16;
const TOP = 40;
const BOTTOM = 34;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const goalOf = (row: Row) => row.goal?.ratioAtMost ?? row.goal?.ratioAtLeast;

export function renderChart(rows: Row[], caption: string): string {
  const bars = rows.filter((r) => ratioOf(r) !== null);
  const plotWidth = WIDTH - LABEL_WIDTH - 70;
  const max = Math.max(2, ...bars.map((r) => Math.max(ratioOf(r)!, goalOf(r) ?? 0))) * 1.05;
  const x = (ratio: number) => LABEL_WIDTH + (ratio / max) * plotWidth;
  const height = TOP + bars.length * (BAR_HEIGHT + GAP) + BOTTOM;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="15" font-weight="600">${escapeXml(caption)}</text>`,
  ];
  bars.forEach((row, i) => {
    const y = TOP + i * (BAR_HEIGHT + GAP);
    const ratio = ratioOf(row)!;
    const met = goalMet(row);
    const colour = met === null ? '#8c8c8c' : met ? '#2e9e4f' : '#e07b24';
    const goal = goalOf(row);
    const goalText = row.goal?.ratioAtMost !== undefined ? `goal ≤ ${goal}×` : row.goal?.ratioAtLeast !== undefined ? `goal ≥ ${goal}×` : '';
    out.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y + 10}" text-anchor="end">${escapeXml(row.figure)}</text>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + 25}" text-anchor="end" fill="#666" font-size="11">vs ${escapeXml(row.baseline!.name)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(1, x(ratio) - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour}"/>`,
      `<text x="${(x(ratio) + 6).toFixed(1)}" y="${y + 16}" font-weight="600">${ratio.toFixed(2)}×</text>`,
    );
    if (goal !== undefined) {
      out.push(
        `<line x1="${x(goal).toFixed(1)}" x2="${x(goal).toFixed(1)}" y1="${y - 4}" y2="${y + BAR_HEIGHT + 4}" stroke="#222" stroke-width="2" stroke-dasharray="4 3"/>`,
        `<text x="${(x(goal) + 4).toFixed(1)}" y="${y + BAR_HEIGHT + 13}" fill="#222" font-size="11">${goalText}</text>`,
      );
    }
  });
  const axisY = height - BOTTOM + 6;
  out.push(
    `<line x1="${x(1).toFixed(1)}" x2="${x(1).toFixed(1)}" y1="${TOP - 8}" y2="${axisY}" stroke="#444" stroke-width="1"/>`,
    `<text x="${x(1).toFixed(1)}" y="${axisY + 14}" text-anchor="middle" fill="#444" font-size="11">1× = baseline</text>`,
    `<text x="${LABEL_WIDTH}" y="${axisY + 14}" text-anchor="middle" fill="#444" font-size="11">0</text>`,
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
