// Large results cross from the analysis thread to the main thread as UTF-8 JSON in chunks of about
// 256 KB, not as objects: a structured clone of 10,000 articles took 1.7 s to arrive, in one piece,
// on the main thread, and froze the interface (as strings, 0.2 s). The chunks' buffers are transferred,
// not copied, so they arrive at once; the receiver parses a chunk at a time and yields between chunks,
// so keys and frames go on.

const CHUNK_BYTES = 1 << 18;

/** Items as UTF-8 JSON arrays of about `chunkBytes` bytes each (an item is never split). */
export function jsonChunks<T, E = T>(items: T[], encode: (item: T) => E = x => x as unknown as E, chunkBytes = CHUNK_BYTES): Uint8Array[] {
	const utf8 = new TextEncoder();
	return chunksOfBytes(
		items.map(item => utf8.encode(JSON.stringify(encode(item)))),
		chunkBytes,
	);
}

/**
 * Items already in UTF-8 JSON as JSON arrays of about `chunkBytes` bytes each (an item is never split): copied
 * into each chunk with the brackets and commas, never decoded and encoded again.
 */
export function chunksOfBytes(items: Uint8Array[], chunkBytes = CHUNK_BYTES): Uint8Array[] {
	const chunks: Uint8Array[] = [];
	let from = 0;
	while (from < items.length) {
		let to = from;
		let size = 0;
		while (to < items.length && size < chunkBytes) size += items[to++]!.length;
		const chunk = new Uint8Array(size + (to - from) + 1);
		let at = 0;
		for (let i = from; i < to; i++) {
			chunk[at++] = i === from ? BRACKET_OPEN : COMMA;
			chunk.set(items[i]!, at);
			at += items[i]!.length;
		}
		chunk[at] = BRACKET_CLOSE;
		chunks.push(chunk);
		from = to;
	}
	return chunks;
}

const BRACKET_OPEN = 0x5b;
const COMMA = 0x2c;
const BRACKET_CLOSE = 0x5d;

/** The items back, in order, decoded a chunk at a time with the event loop free in between. */
export async function parseChunks<E, T = E>(chunks: Uint8Array[], decode: (item: E) => T = x => x as unknown as T): Promise<T[]> {
	const utf8 = new TextDecoder();
	const out: T[] = [];
	for (const chunk of chunks) {
		await new Promise<void>(resolve => setImmediate(resolve));
		for (const item of JSON.parse(utf8.decode(chunk)) as E[]) out.push(decode(item));
	}
	return out;
}

/** The buffers to transfer (not copy) with a message holding these chunks. */
export function buffers(chunks: Uint8Array[]): ArrayBuffer[] {
	return chunks.map(c => c.buffer as ArrayBuffer);
}
