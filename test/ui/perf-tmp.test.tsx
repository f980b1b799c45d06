import {it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {makeTheme} from '../../source/ui/theme.js';
import {big} from './fixtures.js';
import {renderSized} from './harness.js';
it('perf', async () => {
	const many = big(100_000);
	const size = {columns: 120, rows: 40};
	let t = performance.now();
	const app = renderSized(<App corpus={many.corpus} analysis={many.analysis} size={size} theme={makeTheme({NO_COLOR: '1'})} />, size);
	await app.waitFor(/SOURCES · 1\/100000/, 20000);
	const out: string[] = [`first ${performance.now() - t}`];
	for (let i = 2; i < 12; i++) {
		t = performance.now();
		app.stdin.write('j');
		await app.waitFor(new RegExp(` ${i}/100000`), 20000);
		out.push(`j ${(performance.now() - t).toFixed(1)}`);
	}
	process.stderr.write(out.join('\n') + '\n');
	app.unmount();
}, 60000);
