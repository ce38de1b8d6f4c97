import { error, warning, type Diagnostic, type SourceRef } from '../diagnostics/diagnostic.js';
import type { Catalogs } from '../load/locale/load-catalog.js';
import { createLocale, type Locale } from './locale.js';
import { missingKeys, type Messages } from './messages.js';

/** The catalog every language without one of its own falls back to. */
const LAST_RESORT = 'en';

/**
 * The locale of a deck's `lang`: the catalog of that tag, else of its language and script
 * (zh-HK → zh-TW, zh-SG → zh-CN, en-GB → en) with a warning, else English with a warning. A
 * catalog a key is missing from is an error naming the key, at the catalog (or at `lang`).
 */
export function resolveLocale(lang: string, catalogs: Catalogs, at: SourceRef): { locale?: Locale; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const exact = catalogs.byTag.get(lang.toLowerCase()) ?? [...catalogs.byTag.values()].find((c) => sameTag(c.layers.at(-1)?.words.intl, lang));
  const chosen = exact ?? closestCatalog(lang, catalogs) ?? catalogs.byTag.get(LAST_RESORT);
  if (!chosen) return { diagnostics: [error('TEMPLATE_MISSING_MESSAGE', `no locale catalog for '${lang}', and none for '${LAST_RESORT}'`, at, 'add templates/locales/en.yaml')] };
  if (!exact) {
    const known = [...catalogs.byTag.values()].map((c) => c.tag).join(', ');
    diagnostics.push(
      warning('OUTLINE_LANG_FALLBACK', `no catalog for '${lang}': its words come from '${chosen.tag}'`, at, `catalogs: ${known}; add templates/locales/${lang}.yaml for words of its own`),
    );
  }
  const words: Record<string, string> = {};
  for (const layer of [...chosen.layers].reverse()) Object.assign(words, layer.words);
  const missing = missingKeys(words);
  const top = chosen.layers[0];
  for (const key of missing) {
    diagnostics.push(
      error('TEMPLATE_MISSING_MESSAGE', `the ${chosen.tag} catalog has no '${key}'`, top ? { file: top.file } : at, `add \`${key}:\` to ${top ? top.file : `templates/locales/${chosen.tag}.yaml`}`),
    );
  }
  if (missing.length) return { diagnostics };
  const intl = exact && validTag(lang) ? lang : (words.intl as string);
  return { locale: createLocale(lang, chosen.tag, words as Messages, validTag(intl) ? intl : LAST_RESORT), diagnostics };
}

/** A catalog of the same language, of the same script where the language has several (zh-Hant, zh-Hans). */
function closestCatalog(lang: string, catalogs: Catalogs): Catalogs['byTag'] extends ReadonlyMap<string, infer C> ? C | undefined : never {
  const want = maximized(lang);
  if (!want) return undefined;
  const same = [...catalogs.byTag.values()].filter((c) => maximized(c.tag)?.language === want.language);
  return same.find((c) => maximized(c.tag)?.script === want.script) ?? same[0];
}

function maximized(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag).maximize();
  } catch {
    return undefined;
  }
}

function validTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function sameTag(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
