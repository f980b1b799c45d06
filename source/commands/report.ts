// `churnscope report [--format md|html] [--out FILE]`: the whole corpus as one report to send to an
// editor: sources, families (or reused passages) side by side with their word differences and figure
// tables. Markdown by default; HTML is one page that opens offline, with no script.

import type {Analysis} from '../core/analysis.js';
import {report, type ReportFormat} from '../core/report.js';
import type {Output} from './output.js';

export const REPORT_FORMATS: ReportFormat[] = ['md', 'html'];

export function validReportFormat(format: string | undefined): boolean {
	return format === undefined || (REPORT_FORMATS as string[]).includes(format);
}

export function reportCommand(analysis: Analysis, format: ReportFormat = 'md'): Output {
	return {code: 0, chunks: report(analysis.corpus, analysis, {kind: 'corpus'}, {format})};
}
