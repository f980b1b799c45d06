// How many times each 32-bit hash was seen, in two typed arrays with open addressing: a Map of the same
// counts boxes nothing for small keys but chases a pointer per lookup, and over millions of features per
// corpus the table is two to three times as fast and holds no object per key.

/** The table grows past this share of its slots in use, so that a probe rarely runs long. */
const MAX_LOAD = 0.5;

export class CountTable {
	private keys = new Uint32Array(1 << 10);
	private counts = new Int32Array(1 << 10);
	private used = 0;

	/** Counts one more sighting of `key` (any 32-bit value, 0 included). */
	add(key: number): void {
		const mask = this.keys.length - 1;
		let i = slot(key, mask);
		for (;;) {
			if (this.counts[i] === 0) {
				this.keys[i] = key;
				this.counts[i] = 1;
				if (++this.used > this.keys.length * MAX_LOAD) this.grow();
				return;
			}
			if (this.keys[i] === key >>> 0) {
				this.counts[i]!++;
				return;
			}
			i = (i + 1) & mask;
		}
	}

	/** How many times `key` was added (0 if never). */
	get(key: number): number {
		const mask = this.keys.length - 1;
		for (let i = slot(key, mask); ; i = (i + 1) & mask) {
			if (this.counts[i] === 0) return 0;
			if (this.keys[i] === key >>> 0) return this.counts[i]!;
		}
	}

	/** How many distinct keys were added. */
	get size(): number {
		return this.used;
	}

	private grow(): void {
		const keys = this.keys;
		const counts = this.counts;
		this.keys = new Uint32Array(keys.length * 2);
		this.counts = new Int32Array(keys.length * 2);
		const mask = this.keys.length - 1;
		for (let j = 0; j < keys.length; j++) {
			if (counts[j] === 0) continue;
			let i = slot(keys[j]!, mask);
			while (this.counts[i] !== 0) i = (i + 1) & mask;
			this.keys[i] = keys[j]!;
			this.counts[i] = counts[j]!;
		}
	}
}

/** The key's bits mixed (Fibonacci hashing, then the high half folded in), so that any key spreads over the table. */
function slot(key: number, mask: number): number {
	const h = Math.imul(key, 0x9e3779b1);
	return (h ^ (h >>> 15)) & mask;
}
