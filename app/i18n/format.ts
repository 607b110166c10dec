/** Filling a UI string's placeholders and plural forms (no dictionaries here: the browser tests import it in Node). */

/**
 * `{n, plural, one {# batch} other {# batches}}` picks the form `Intl.PluralRules` gives for n in `lang`
 * (`=0 {…}` matches an exact number first; `#` is the number as given). Chinese has one form, so its
 * strings need no plural; English ones must use it wherever a count meets a noun ("1 cores").
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();
export function pluralCategory(lang: string, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) { rules = new Intl.PluralRules(lang); pluralRules.set(lang, rules); }
  return rules.select(n);
}
function countOf(v: string | number): number {
  return typeof v === 'number' ? v : Number(v.replace(/[,\s\u00a0]/g, ''));
}
function pluralize(text: string, vars: Record<string, string | number>, lang: string): string {
  return text.replace(PLURAL, (m, name: string, forms: string) => {
    if (!(name in vars)) return m;
    const n = countOf(vars[name]);
    const byForm = new Map([...forms.matchAll(PLURAL_FORM)].map((f) => [f[1], f[2]]));
    const form = (Number.isFinite(n) ? byForm.get(`=${n}`) ?? byForm.get(pluralCategory(lang, n)) : undefined) ?? byForm.get('other') ?? m;
    return form.replace(/#/g, String(vars[name]));
  });
}

export function interpolate(text: string, vars?: Record<string, string | number>, lang: string = 'en'): string {
  if (!vars) return text;
  return pluralize(text, vars, lang).replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
