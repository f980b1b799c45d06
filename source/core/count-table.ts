// A number for each 32-bit hash (a count, a stem's hash), in typed arrays with open addressing: a Map of the
// same keys chases a pointer per lookup, and over millions of features per corpus the table is two to three
// times as fast and holds no object per key.

/** The table grows past this share of its slots in use, so that a probe rarely runs long. */
const MAX_LOAD = 0.5;

/**
 * A value for each 32-bit key. The features stage looks up every word of the corpus in one (a Map was a
 * fifth of the text pipeline); the weights count each feature's sentences in one.
 */
export class ValueTable {
	private keys = new Uint32Array(1 << 10);
	private values = new Float64Array(1 << 10);
	private full = new Uint8Array(1 << 10);
	private used = 0;

	/** The value of `key`, or `missing` if it has none. */
	get(key: number, missing: number): number {
		const mask = this.keys.length - 1;
		for (let i = slot(key, mask); ; i = (i + 1) & mask) {
			if (this.full[i] === 0) return missing;
			if (this.keys[i] === key >>> 0) return this.values[i]!;
		}
	}

	/** Sets the value of `key` (any number). */
	set(key: number, value: number): void {
		this.put(key, value, false);
	}

	/** Adds `by` to the value of `key` (0 when it has none): a count, in one probe. */
	add(key: number, by = 1): void {
		this.put(key, by, true);
	}

	private put(key: number, value: number, add: boolean): void {
		const mask = this.keys.length - 1;
		let i = slot(key, mask);
		while (this.full[i] === 1 && this.keys[i] !== key >>> 0) i = (i + 1) & mask;
		if (this.full[i] === 1) {
			this.values[i] = add ? this.values[i]! + value : value;
			return;
		}
		this.values[i] = value;
		this.keys[i] = key;
		this.full[i] = 1;
		if (++this.used > this.keys.length * MAX_LOAD) this.grow();
	}

	/** How many keys have a value. */
	get size(): number {
		return this.used;
	}

	/** Forgets every key (the table keeps its size). */
	clear(): void {
		this.full.fill(0);
		this.used = 0;
	}

	private grow(): void {
		const {keys, values, full} = this;
		this.keys = new Uint32Array(keys.length * 2);
		this.values = new Float64Array(keys.length * 2);
		this.full = new Uint8Array(keys.length * 2);
		this.used = 0;
		for (let j = 0; j < keys.length; j++) if (full[j] === 1) this.set(keys[j]!, values[j]!);
	}
}

/** The key's bits mixed (Fibonacci hashing, then the high half folded in), so that any key spreads over the table. */
function slot(key: number, mask: number): number {
	const h = Math.imul(key, 0x9e3779b1);
	return (h ^ (h >>> 15)) & mask;
}
