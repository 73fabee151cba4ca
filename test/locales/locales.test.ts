import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLabels, type OnAirLabels } from '../../src/core/labels.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';

const packs: Record<string, OnAirLabels> = { ar, de, es, fr, ja, 'pt-BR': ptBR };
const english = defaultLabels as unknown as Record<string, unknown>;
/** Keys whose value is a record of strings by code (every code of the English defaults must be there). */
const records = Object.keys(english).filter((key) => typeof english[key] === 'object');
/** Sample arguments by arity for the function labels. */
const sample: Record<number, unknown[]> = { 0: [], 1: ['Ada'], 2: ['Ada', 'API'] };

describe.each(Object.entries(packs))('locale pack %s', (locale, pack) => {
  const labels = pack as unknown as Record<string, unknown>;

  it('has every key of the English defaults, and no other', () => {
    expect(Object.keys(labels).sort()).toEqual(Object.keys(english).sort());
  });

  it('has every code of each record label (status words, provider errors, reasons)', () => {
    for (const key of records) {
      expect(Object.keys(labels[key] as object).sort(), key).toEqual(Object.keys(english[key] as object).sort());
      for (const [code, text] of Object.entries(labels[key] as object)) expect(typeof text === 'string' && text.trim().length > 0, `${key}.${code}`).toBe(true);
    }
  });

  it('gives each key the kind of value the English default has, never an empty string', () => {
    for (const key of Object.keys(english)) {
      const value = labels[key];
      expect(typeof value, key).toBe(typeof english[key]);
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      if (typeof value === 'function') {
        const fn = value as (...args: unknown[]) => unknown;
        expect(fn.length, `${key} arity`).toBe((english[key] as (...args: unknown[]) => unknown).length);
        const numeric = /count|summary|pageOf|Participant\w*Recording$/i.test(key);
        const args = key === 'downloadParticipantRecording' ? ['Ada', 1] : numeric ? [3, 5] : (sample[fn.length] ?? []);
        const text = fn(...args);
        expect(typeof text === 'string' && text.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('is translated: most strings differ from English', () => {
    const strings = Object.keys(english).filter((key) => typeof english[key] === 'string');
    const same = strings.filter((key) => labels[key] === english[key]);
    expect(same.length, `untranslated: ${same.join(', ')}`).toBeLessThan(strings.length * 0.1);
  });

  it('is a package entry', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, { default: string }> };
    expect(pkg.exports[`./locales/${locale}`]?.default).toBe(`./dist/locales/${locale}.js`);
  });
});

describe('plural rules and numbers through Intl, in the pack\u2019s locale', () => {
  it('German: one and other, grouped digits', () => {
    expect(de.recordingsCount(1)).toBe('1 Aufnahme');
    expect(de.recordingsCount(2)).toBe('2 Aufnahmen');
    expect(de.recordingsCount(1234)).toBe('1.234 Aufnahmen');
    expect(de.pageOf(2, 1200)).toBe('Seite 2 von 1.200');
  });

  it('French: 0 and 1 are singular, a million takes "de"', () => {
    expect(fr.recordingsCount(0)).toBe('0 enregistrement');
    expect(fr.recordingsCount(1)).toBe('1 enregistrement');
    expect(fr.recordingsCount(2)).toBe('2 enregistrements');
    expect(fr.recordingsCount(1_000_000)).toBe(`${new Intl.NumberFormat('fr').format(1_000_000)} d’enregistrements`);
  });

  it('Spanish and Brazilian Portuguese: singular and plural', () => {
    expect(es.recordingsCount(1)).toBe('1 grabación');
    expect(es.recordingsCount(3)).toBe('3 grabaciones');
    expect(ptBR.recordingsCount(1)).toBe('1 gravação');
    expect(ptBR.recordingsCount(0)).toBe('0 gravação');
    expect(ptBR.recordingsCount(1500)).toBe('1.500 gravações');
  });

  it('Japanese: one form', () => {
    expect(ja.recordingsCount(1)).toBe('1 件の録画');
    expect(ja.recordingsCount(12_000)).toBe('12,000 件の録画');
  });

  it('Arabic: six forms and Arabic digits', () => {
    const digits = new Intl.NumberFormat('ar');
    expect(ar.recordingsCount(0)).toBe('لا توجد تسجيلات');
    expect(ar.recordingsCount(1)).toBe('تسجيل واحد');
    expect(ar.recordingsCount(2)).toBe('تسجيلان');
    expect(ar.recordingsCount(3)).toBe(`${digits.format(3)} تسجيلات`);
    expect(ar.recordingsCount(11)).toBe(`${digits.format(11)} تسجيلًا`);
    expect(ar.recordingsCount(100)).toBe(`${digits.format(100)} تسجيل`);
  });
});

describe('durations in the provider locale\u2019s digits', () => {
  it('formatElapsed writes its numbers through Intl for a locale, unchanged without one', async () => {
    const { formatElapsed } = await import('../../src/core/format.js');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
    expect(formatElapsed(65_000, 'de')).toBe('01:05');
    expect(formatElapsed(65_000, 'ar-EG')).toBe('٠١:٠٥');
    expect(formatElapsed(3_723_000, 'ar-EG')).toBe('١:٠٢:٠٣');
  });
});

/** Every string a pack shows, function labels called with sample arguments, records flattened. */
function allStrings(pack: OnAirLabels): string[] {
  return Object.values(pack as unknown as Record<string, unknown>).flatMap((value) =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'function'
        ? [String((value as (...args: unknown[]) => unknown)(...(sample[value.length] ?? [])))]
        : value && typeof value === 'object'
          ? Object.values(value as Record<string, unknown>).filter((v): v is string => typeof v === 'string')
          : [],
  );
}

describe('German speaks one register (issue 22.10)', () => {
  it('22.10: the German pack says "Sie" throughout, never "du"', () => {
    const informal = allStrings(de).filter((text) => /\b(du|dich|dir|dein\w*|hast|bist|kannst|wirst)\b|\b(Gib|Versuche|Tritt|wähle)\b/i.test(text.replace(/\bSie haben\b/g, '')));
    expect(informal).toEqual([]);
    expect(allStrings(de).some((text) => /\bSie\b/.test(text))).toBe(true);
  });
});
