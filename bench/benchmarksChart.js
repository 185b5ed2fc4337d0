'use strict';
/** docs/images/benchmarks.svg: a bar per contender of each case, scaled per case. */
const { LABELS } = require('./summarise');

function chart(cases) {
	const kinds = ['suvvy', 'http', 'httpEncoded', 'bareSequential', 'bareConcurrent'];
	const colours = { suvvy: '#6d28d9', http: '#9ca3af', httpEncoded: '#6b7280', bareSequential: '#10b981', bareConcurrent: '#059669' };
	const rowHeight = 16;
	const width = 760;
	const labelWidth = 250;
	let y = 30;
	const parts = [];
	for (const entry of cases) {
		parts.push(`<text x="10" y="${y}" font-weight="bold">${entry.name}</text>`);
		y += 8;
		const values = kinds.map((kind) => [kind, entry.median_ms[LABELS[kind][0]]]).filter(([, value]) => value !== undefined);
		const max = Math.max(...values.map(([, value]) => value));
		for (const [kind, value] of values) {
			const barWidth = Math.max(1, ((width - labelWidth - 90) * value) / max);
			parts.push(`<text x="20" y="${y + 12}">${LABELS[kind][1]}</text>`);
			parts.push(`<rect x="${labelWidth}" y="${y + 2}" width="${barWidth.toFixed(1)}" height="${rowHeight - 4}" fill="${colours[kind]}"/>`);
			parts.push(`<text x="${labelWidth + barWidth + 6}" y="${y + 12}">${value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`}</text>`);
			y += rowHeight;
		}
		y += 18;
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="sans-serif" font-size="12"><rect width="100%" height="100%" fill="white"/><text x="10" y="16" font-size="13">Median time per case (shorter is better; bars scaled per case)</text>${parts.join('')}</svg>\n`;
}

module.exports = { chart };
