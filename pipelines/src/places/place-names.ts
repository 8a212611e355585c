import { TAIPEI_CITY, TAIPEI_DISTRICTS, type District } from './taipei-districts.js';

/**
 * Place names arrive as 台北市 or 臺北市, 萬華 or 萬華區, "Wanhua" or "Wanhua District".
 * Everything is folded to one key before lookup, so every spelling finds one record.
 */
export function foldPlaceName(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/台/g, '臺')
    .toLowerCase()
    .replace(/[’'`\-\s.]/g, '')
    .replace(/(district|dist|city)$/u, '');
}

/** Values the CDC file uses for "no value". */
const EMPTY_VALUES = new Set(['', '空值', '無', 'null', 'none', 'n/a', '-']);

export function isEmptyPlace(raw: string | undefined | null): boolean {
  return raw == null || EMPTY_VALUES.has(raw.trim().toLowerCase());
}

const COUNTY_ALIASES: Record<string, { code: string; name: string }> = {};
for (const [code, name, ...aliases] of [
  [TAIPEI_CITY.code, '臺北市', '臺北', 'taipei'],
  ['65000', '新北市', '新北', 'newtaipei'],
] as const) {
  for (const alias of [name, ...aliases]) COUNTY_ALIASES[foldPlaceName(alias)] = { code, name };
}

/** Canonical county name (臺 spelling, with 市/縣), or undefined when not recognised. */
export function normaliseCountyName(raw: string): string | undefined {
  const folded = foldPlaceName(raw);
  const known = COUNTY_ALIASES[folded];
  if (known) return known.name;
  // Other counties: canonical form is the 臺 spelling ending in 市 or 縣.
  const name = raw.normalize('NFKC').trim().replace(/台/g, '臺');
  return /^[\u4e00-\u9fff]{2,3}[市縣]$/u.test(name) ? name : undefined;
}

const TAIPEI_BY_ALIAS = new Map<string, District>();
for (const d of TAIPEI_DISTRICTS) {
  const bare = d.name.replace(/區$/u, '');
  const enBare = d.nameEn.replace(/ District$/, '');
  for (const alias of [d.name, bare, d.nameEn, enBare, d.code]) TAIPEI_BY_ALIAS.set(foldPlaceName(alias), d);
}

/** A Taipei district from any of its spellings (萬華區, 萬華, Wanhua, Wanhua District, 63000070). */
export function findTaipeiDistrict(raw: string): District | undefined {
  return TAIPEI_BY_ALIAS.get(foldPlaceName(raw));
}
