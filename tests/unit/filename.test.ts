/**
 * Export file names (issue 16): a non-Latin helpdesk name must not vanish from the name (every
 * file became `deskpro-hardening-checklist-<date>.pdf`). Greek and Cyrillic are transliterated;
 * scripts without a letter-by-letter transliteration give the plan's short id.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, slug } from '../../src/lib/generators/filename';

const ID = '3f2a9c1d-77aa-4bbb-8ccc-0123456789ab';
const D = '2026-03-14';

describe('export file names', () => {
	it('keeps Latin names, without accents, and adds no id', () => {
		expect(exportFileName('pdf', 'Acme Support', D, ID)).toBe('deskpro-hardening-checklist-acme-support-2026-03-14.pdf');
		expect(exportFileName('markdown', 'Łódź Śródmieście', D, ID)).toBe('deskpro-hardening-checklist-lodz-srodmiescie-2026-03-14.md');
	});

	it('transliterates Greek and Cyrillic names', () => {
		expect(exportFileName('pdf', 'Υποστήριξη Πελατών', D, ID)).toBe('deskpro-hardening-checklist-ypostirixi-pelaton-2026-03-14.pdf');
		expect(exportFileName('pdf', 'Служба поддержки', D, ID)).toBe('deskpro-hardening-checklist-sluzhba-podderzhki-2026-03-14.pdf');
	});

	it("gives the plan's short id for Chinese, Japanese, Korean, Arabic and Hebrew names", () => {
		for (const name of ['客户支持中心', 'サポートセンター', '고객 지원', 'مكتب الدعم', 'תמיכה'])
			expect(exportFileName('pdf', name, D, ID), name).toBe('deskpro-hardening-checklist-3f2a9c1d-2026-03-14.pdf');
	});

	it('adds the short id when part of the name could not be written', () => {
		expect(exportFileName('bundle', 'Acme 支持', D, ID)).toBe('deskpro-config-bundle-acme-3f2a9c1d-2026-03-14.zip');
	});

	it('is always a safe ASCII file name with the date and extension', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 130 }), (name) => {
				const f = exportFileName('pdf', name, D, ID);
				expect(f).toMatch(/^deskpro-hardening-checklist-([a-z0-9]+(-[a-z0-9]+)*-)?2026-03-14\.pdf$/);
				expect(slug(name).length).toBeLessThanOrEqual(40);
			})
		);
	});
});
