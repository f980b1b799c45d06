// Figures that belong to the page, not the story: publish and update stamps, the corpus's " date "
// prefix, bylines and headers before the lead, copyright years, share counts, reading times.

import type {Block} from '../text.js';
import type {Figure} from './types.js';

/** Words that open a stamp line before its date ("Publié le 2018-02-08", "Updated: 5 Feb"), in the languages we read. */
const STAMP =
	/^[\s|:·-]*(?:published|updated|posted|last modified|publicado|actualizado|atualizado|publié le|mis à jour|veröffentlicht|aktualisiert|опубликовано|обновлено|pubblicato|aggiornato|diperbarui|发布时间|發布時間|更新时间|更新時間|©|copyright)[\s:|-]*(?:on|le|am|el|il)?[\s:]*$/iu;
/** Counts of the page's own furniture after the number: "5 min read", "23 comments", "1.2K shares". */
const PAGE_COUNTS = /^\s*(?:min(?:ute)?s? read|comments?|shares?|likes?|views?|Kommentare|commentaires|comentarios|комментари)/iu;
/** A time of day right after a date: "2025-10-24 22:38:15", "2018-03-26/12:10", "2016 05:04 BJT", "à 16:15". */
const TIME_AFTER = /^(?:\s*(?:à|at|um|a las|в)?\s*|\/)\d{1,2}:\d{2}/u;
/** How far back on its line a stamp word is looked for. */
const LOOK_BACK = 80;
/** The corpus's own marker before a page: " date 2018-03". */
const DATE_PREFIX = /^\s*date\s*$/;

export function isFurnitureFigure(text: string, f: Figure, where: {block: Block; beforeLead: boolean}): boolean {
	// Only the line up to the figure, and at most LOOK_BACK characters of it: a 10 MB line stays linear.
	const from = Math.max(where.block.start, f.start - LOOK_BACK);
	const window = text.slice(from, f.start);
	const before = window.slice(window.lastIndexOf('\n') + 1);
	const after = text.slice(f.end, Math.min(text.length, f.end + 40));
	if (f.kind === 'date' || f.kind === 'period') {
		if (TIME_AFTER.test(after)) return true;
		if (STAMP.test(before)) return true;
		if (f.start < LOOK_BACK && DATE_PREFIX.test(text.slice(0, f.start))) return true;
	}
	if (PAGE_COUNTS.test(after)) return true;
	// A date without a year before the lead is a dateline ("Bakou, 13 janvier, AZERTAC"), which travels with the story.
	if (f.kind === 'date' && typeof f.value === 'string' && f.value.startsWith('--')) return false;
	return where.beforeLead;
}
