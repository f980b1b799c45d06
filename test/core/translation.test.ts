import {describe, expect, it} from 'vitest';
import {findReuse} from '../../source/core/reuse.js';
import {buildSource, type Source} from '../../source/core/source.js';

const src = (id: string, language: string, text: string, date: string): Source =>
	Object.assign(buildSource(id, Buffer.from(text), {date}), {language});

const english = [
	'A poll by CGTN and Tsinghua University found that 85 percent of 4,000 respondents in 20 countries back the idea.',
	'Some 94.2 percent of those asked praised the common values of peace, development, fairness and justice.',
	'The survey also showed that 78.4 percent agreed with the Global Development Initiative proposed in 2021.',
	'Researchers said the results reflected a growing interest in cooperation among developing economies.',
].join(' ');
const spanish = [
	'Una encuesta de CGTN y la Universidad Tsinghua reveló que el 85 por ciento de 4.000 encuestados de 20 países apoya la idea.',
	'Un 94,2 por ciento de los consultados elogió los valores comunes de paz, desarrollo, equidad y justicia.',
	'El sondeo mostró también que el 78,4 por ciento está de acuerdo con la Iniciativa para el Desarrollo Global propuesta en 2021.',
	'Los investigadores dijeron que los resultados reflejan un interés creciente en la cooperación entre economías en desarrollo.',
].join(' ');
const german = [
	'Der Hafen von Hamburg meldete für 2021 einen Rückgang des Umschlags um 85 Prozent in einem Monat.',
	'Die Stadt plant neue Investitionen in die Infrastruktur des Hafens und der Bahn.',
	'Gewerkschaften forderten höhere Löhne für die Beschäftigten im Hafen.',
].join(' ');

const pollEnglish = [
	'CGTN Think Tank released its online poll on 27 July, with 10,000 respondents taking part.',
	'CGTN Think Tank said 83 percent of Twitter users agreed with the statement.',
	'CGTN Think Tank found that 95 percent of those in Brazil saw the question as political.',
	'CGTN Think Tank added that 70 percent of Facebook users disagreed with the proposal.',
].join(' ');
const pollSpanish = [
	'El CGTN Think Tank publicó su encuesta en línea el 27 de julio, con 10.000 participantes.',
	'Según el CGTN Think Tank, el 83 por ciento de los usuarios de Twitter estuvo de acuerdo.',
	'El CGTN Think Tank destacó además la participación de los lectores de América Latina.',
	'El CGTN Think Tank añadió que el 70 por ciento de los usuarios de Facebook no estuvo de acuerdo.',
].join(' ');

describe('translated copies', () => {
	it('pairs a translation with its origin by the numbers and names it keeps, in order', () => {
		const {families} = findReuse([
			src('en.txt', 'en', english, '2022-12-08'),
			src('es.txt', 'es', spanish, '2022-12-09'),
			src('de.txt', 'de', german, '2022-12-09'),
		]);
		expect(families).toHaveLength(1);
		const f = families[0]!;
		expect(f.members.map(m => m.source)).toEqual(['en.txt', 'es.txt']);
		const es = f.members[1]!;
		expect(es.kind).toBe('translation');
		// The first three sentences carry numbers and names; the last carries none and is not guessed.
		expect(es.parts.map(p => [p.a, p.b, p.kind])).toEqual([
			[0, 0, 'translation'],
			[1, 1, 'translation'],
			[2, 2, 'translation'],
		]);
	});
	it('pairs a German translation, whose capitalised nouns are anchors no other language has', () => {
		// German capitalises every noun: a third of its anchors are words of German ("Umfrage", "Befragten").
		const deutsch = [
			'Eine Umfrage von CGTN und der Universität Tsinghua ergab, dass 85 Prozent der 4.000 Befragten in 20 Ländern die Idee unterstützen.',
			'Rund 94,2 Prozent der Teilnehmer lobten die gemeinsamen Werte Frieden, Entwicklung, Fairness und Gerechtigkeit der Staatengemeinschaft.',
			'Die Erhebung zeigte zudem, dass 78,4 Prozent der Befragten der Globalen Entwicklungsinitiative zustimmen, die Peking im Jahr 2021 vorschlug.',
			'Die Forscher sagten, die Ergebnisse spiegelten ein wachsendes Interesse an Zusammenarbeit unter Schwellenländern und Entwicklungsländern wider.',
			// What the German article adds: more nouns than the translation shares numbers and names.
			'Nach Angaben der Veranstalter fand die Befragung über Internetplattformen in Asien, Afrika, Europa und Lateinamerika statt.',
			'Experten aus Wirtschaft, Wissenschaft und Politik kommentierten die Zahlen in einer Pressekonferenz mit Journalisten und Diplomaten.',
			'Die Studie erscheint in einer Reihe von Berichten über Handel, Klimaschutz, Digitalisierung, Bildung und Gesundheit.',
			'Kritiker bemängelten allerdings die Methodik, die Auswahl der Stichprobe und die Formulierung der Fragen.',
			'Weitere Ergebnisse, Tabellen und Grafiken veröffentlicht das Institut auf seiner Webseite in deutscher Sprache.',
		].join(' ');
		const hafen = german.replace('85 Prozent', '12 Prozent');
		const {families} = findReuse([
			src('en.txt', 'en', english, '2022-12-08'),
			src('de.txt', 'de', deutsch, '2022-12-09'),
			src('hafen.txt', 'de', hafen, '2022-12-09'),
		]);
		// The sentences with two or more shared numbers and names line up; the one with a lone figure among
		// many German nouns does not, nor does the article on Hamburg's port.
		expect(families.map(f => f.members.map(m => [m.source, m.kind, m.sentences[0]]))).toEqual([
			[
				['en.txt', 'verbatim', 0],
				['de.txt', 'translation', 0],
			],
			[
				['en.txt', 'verbatim', 2],
				['de.txt', 'translation', 2],
			],
		]);
	});
	it('reads thousands set apart by a space ("25 050", as French writes them) as the number "25,050" is', () => {
		const en = [
			'Trade between China and Guinea reached 25,050 million dollars in ten months, with imports of 13,350 million.',
			'Exports of bauxite rose to 11,500 million dollars, while machinery accounted for 1,650 million.',
			'Officials in Conakry expect 2,750 new jobs from the projects announced in 2024.',
		].join(' ');
		// No-break and narrow no-break spaces, as French typography sets them, and a plain space.
		const fr = [
			"Les échanges entre la Chine et la Guinée ont atteint 25\u00a0050 millions de dollars en dix mois, dont 13\u202f350 millions d'importations.",
			'Les exportations de bauxite ont atteint 11 500 millions de dollars, et les machines 1\u00a0650 millions.',
			'À Conakry, les responsables attendent 2\u00a0750 nouveaux emplois des projets annoncés en 2024.',
		].join(' ');
		const {families} = findReuse([src('en.txt', 'en', en, '2024-11-20'), src('fr.txt', 'fr', fr, '2024-11-21')]);
		// All three sentences, one passage: each keeps two or more of the numbers (and Conakry, and 2024).
		expect(families.flatMap(f => f.members.filter(m => m.source === 'fr.txt').map(m => [m.kind, m.sentences]))).toEqual([
			['translation', [0, 2]],
		]);
	});
	it('does not pair texts in one language by their numbers alone', () => {
		const other = english.replace('A poll by CGTN', 'A different poll by CGTN').replace('back the idea', 'doubt the plan');
		const {families} = findReuse([src('a.txt', 'en', english, '2022-12-08'), src('b.txt', 'en', other, '2022-12-09')]);
		for (const f of families) for (const m of f.members) expect(m.kind).not.toBe('translation');
	});
	it('pairs nothing when the languages are not known', () => {
		const {families} = findReuse([
			src('en.txt', 'en', english, '2022-12-08'),
			Object.assign(src('es.txt', 'es', spanish, '2022-12-09'), {language: 'en'}),
		]);
		expect(families).toEqual([]);
	});
	it('pairs a headline a translation left in the original language, which alone would relate nothing', () => {
		const title = 'CGTN poll finds wide support for shared future';
		const {families} = findReuse([
			src('en.txt', 'en', `${title}\n${english}`, '2022-12-08'),
			src('es.txt', 'es', `${title}\n${spanish}`, '2022-12-09'),
		]);
		const es = families.flatMap(f => f.members).filter(m => m.source === 'es.txt');
		expect(es.some(m => m.text.includes(title))).toBe(true);
		// The same headline in two unrelated texts is nothing.
		const other = src('other.txt', 'en', `${title}\nThe weather stayed mild for most of the week in the mountains.`, '2022-12-09');
		expect(findReuse([src('en.txt', 'en', `${title}\n${english}`, '2022-12-08'), other]).families).toEqual([]);
	});

	it('does not line up two sentences by a name that most sentences of either text carry', () => {
		const {families} = findReuse([src('en.txt', 'en', pollEnglish, '2021-07-27'), src('es.txt', 'es', pollSpanish, '2021-07-28')]);
		const parts = families.flatMap(f => f.members.filter(m => m.source === 'es.txt').flatMap(m => m.parts.map(p => [p.a, p.b])));
		// The first, second and fourth sentences keep their numbers; the third keeps only "CGTN Think Tank".
		expect(parts.sort()).toEqual([
			[0, 0],
			[1, 1],
			[3, 3],
		]);
	});
});
