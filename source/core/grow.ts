// A growable array of 32-bit numbers in one typed array: a JS array of millions of numbers costs more memory
// and a copy, and a typed array per small list (a sentence's stems) is garbage for the collector.

export class GrowUint32 {
	/** The numbers are `a[0 .. n)`; past `n` the array is spare room. */
	a: Uint32Array;
	n = 0;

	constructor(size = 256) {
		this.a = new Uint32Array(size);
	}

	push(x: number): void {
		if (this.n === this.a.length) {
			const bigger = new Uint32Array(this.a.length * 2);
			bigger.set(this.a);
			this.a = bigger;
		}
		this.a[this.n++] = x;
	}

	/** Room for `n` numbers from the start (the contents are not kept). */
	room(n: number): Uint32Array {
		if (this.a.length < n) this.a = new Uint32Array(Math.max(n, this.a.length * 2));
		return this.a;
	}

	/** The numbers pushed, as a view of the array. */
	done(): Uint32Array {
		return this.a.subarray(0, this.n);
	}
}
