// Writing a command's output: chunks gathered into blocks of about 64 KB and written with backpressure,
// so output of any size streams to a pipe or a file without being held whole in memory.

import type {Writable} from 'node:stream';

const BLOCK = 64 * 1024;

export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
	let block = '';
	const flush = async () => {
		if (!block) return;
		const data = block;
		block = '';
		if (!stream.write(data)) await new Promise<void>(resolve => stream.once('drain', resolve));
	};
	for (const chunk of chunks) {
		block += chunk;
		if (block.length >= BLOCK) await flush();
	}
	await flush();
}
