// The threads that read and analyse run at a lower priority than the one that draws: on a machine with as many
// busy threads as cores, the explorer's thread waited its turn behind them, and a held key paused for a
// quarter of a second while a corpus loaded. Lowered, they take every cycle the interface does not need,
// and the interface gets the core the moment it asks.

import {readlinkSync} from 'node:fs';
import {getPriority, setPriority} from 'node:os';

/** How much lower (a nice value, 0 to 19): any positive value puts the thread behind the interface's. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the priority of the calling thread alone. Linux gives each thread its own nice value, set through its
 * thread id (`/proc/thread-self`); elsewhere this does nothing rather than lower the whole process.
 */
export function lowerThreadPriority(nice = BACKGROUND_NICE): boolean {
	try {
		const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
		if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
		// Never raised: a process started nicer than this keeps its threads as nice (raising needs privileges).
		setPriority(tid, Math.max(getPriority(tid), nice));
		return true;
	} catch {
		return false;
	}
}
