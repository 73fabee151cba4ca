/**
 * @internal Intl helpers of the locale packs: plural categories through `Intl.PluralRules` and
 * numbers through `Intl.NumberFormat`, in the pack's own locale. Formatters are cached per locale.
 */
type PluralForms = { readonly [K in Intl.LDMLPluralRule]?: string } & { readonly other: string };

const rules = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * @internal The number in the locale's digits and grouping.
 *
 * @example
 * ```ts
 * formatCount('de', 1234); // "1.234"
 * ```
 */
export function formatCount(locale: string, value: number): string {
  let format = numbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numbers.set(locale, format);
  }
  return format.format(value);
}

/**
 * @internal The form of `forms` that the locale's plural rules pick for `count`, with `#` replaced
 * by the formatted number. A category the pack does not list falls back to `other`.
 *
 * @example
 * ```ts
 * plural('de', 1, { one: '# Aufnahme', other: '# Aufnahmen' }); // "1 Aufnahme"
 * ```
 */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  const form = forms[rule.select(count)] ?? forms.other;
  return form.replace('#', formatCount(locale, count));
}
