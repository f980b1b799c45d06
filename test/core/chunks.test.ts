import {describe, expect, it} from 'vitest';
import {chunksOfBytes, jsonChunks, parseChunks} from '../../source/core/chunks.js';

describe('chunks of JSON between threads', () => {
	const items = Array.from({length: 500}, (_, i) => ({id: i, text: `第${i}条 — “quoted” café ${'x'.repeat(i % 50)}`, none: null}));

	it('give back every item, in order, across many chunks, non-ASCII text included', async () => {
		const chunks = jsonChunks(items, x => x, 2000);
		expect(chunks.length).toBeGreaterThan(10);
		expect(await parseChunks(chunks)).toEqual(items);
	});

	it('encode and decode each item with the functions given', async () => {
		const chunks = jsonChunks(items, x => [x.id, x.text], 5000);
		const back = await parseChunks<[number, string], string>(chunks, ([id, text]) => `${id}:${text}`);
		expect(back).toEqual(items.map(x => `${x.id}:${x.text}`));
		expect(await parseChunks(jsonChunks([]))).toEqual([]);
	});

	it('take items already in UTF-8 JSON as they are, the same items back as from their objects', async () => {
		const utf8 = new TextEncoder();
		const bytes = items.map(x => utf8.encode(JSON.stringify(x)));
		const chunks = chunksOfBytes(bytes, 2000);
		expect(chunks.length).toBeGreaterThan(10);
		// Each chunk is about the size asked for: a new one starts once an item takes it past the size.
		for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(2000);
		expect(await parseChunks(chunks)).toEqual(items);
		// Views into one buffer, as a file thread's batch sends them, are cut where they stand.
		const joined = new Uint8Array(bytes.reduce((t, b) => t + b.length, 0));
		let at = 0;
		const views = bytes.map(b => {
			joined.set(b, at);
			at += b.length;
			return joined.subarray(at - b.length, at);
		});
		expect(await parseChunks(chunksOfBytes(views, 1 << 20))).toEqual(items);
		expect(chunksOfBytes([])).toEqual([]);
	});

	it('let the event loop run between chunks', async () => {
		// A callback queued just after parsing starts runs before parsing ends: it is not held up until all
		// the chunks are parsed (as it would be by parsing them in one go, after a single wait).
		const chunks = jsonChunks(items, x => x, 2000);
		const seen: string[] = [];
		const order = parseChunks(chunks.slice(0, 3)).then(() => seen.push('parsed'));
		setImmediate(() => seen.push('other'));
		await order;
		expect(seen).toEqual(['other', 'parsed']);
	});
});
