// A list's cursor and scroll position, pure. The cursor stops at the ends (no wrap-around); the window
// follows the cursor only when it would leave the screen, so moving one row does not shift the whole
// list (as in tig and lazygit). Work per key is constant: nothing here looks at the rows themselves.

export type ListPos = {cursor: number; top: number};

export const listStart: ListPos = {cursor: 0, top: 0};

export type Motion = 'up' | 'down' | 'pageUp' | 'pageDown' | 'halfUp' | 'halfDown' | 'top' | 'bottom';

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** The first row to draw so that `cursor` is visible in `rows` rows of a list of `length`, moving `top` as little as possible. */
export function follow(top: number, cursor: number, rows: number, length: number): number {
	const r = Math.max(1, rows);
	let t = clamp(top, 0, Math.max(0, length - r));
	if (cursor < t) t = cursor;
	else if (cursor >= t + r) t = cursor - r + 1;
	return clamp(t, 0, Math.max(0, length - r));
}

/** The list position after a motion, in a list of `length` rows of which `rows` are on screen. */
export function moveList(pos: ListPos, motion: Motion, length: number, rows: number): ListPos {
	if (length <= 0) return listStart;
	const page = Math.max(1, rows - 1);
	const half = Math.max(1, Math.floor(rows / 2));
	const last = length - 1;
	const cursor = clamp(pos.cursor, 0, last);
	let next = cursor;
	let top = pos.top;
	switch (motion) {
		case 'up':
			next = cursor - 1;
			break;
		case 'down':
			next = cursor + 1;
			break;
		case 'pageDown':
			// The page scrolls with the cursor, as in less: the row under the cursor keeps its place.
			next = cursor + page;
			top += page;
			break;
		case 'pageUp':
			next = cursor - page;
			top -= page;
			break;
		case 'halfDown':
			next = cursor + half;
			top += half;
			break;
		case 'halfUp':
			next = cursor - half;
			top -= half;
			break;
		case 'top':
			next = 0;
			break;
		case 'bottom':
			next = last;
			break;
	}
	next = clamp(next, 0, last);
	return {cursor: next, top: follow(top, next, rows, length)};
}

/** The position clamped to a list that changed length (filtered, or the analysis arrived). */
export function clampList(pos: ListPos, length: number, rows: number): ListPos {
	if (length <= 0) return listStart;
	const cursor = clamp(pos.cursor, 0, length - 1);
	return {cursor, top: follow(pos.top, cursor, rows, length)};
}
