import { BUILT_IN_CATALOGS } from '../load/locale/load-catalog.js';
import type { Locale } from './locale.js';
import { resolveLocale } from './resolve-locale.js';

let zhTW: Locale | undefined;

/** The default deck's locale (zh-TW, briefdeck's own catalog), for callers that name none. */
export function defaultLocale(): Locale {
  zhTW ??= resolveLocale('zh-TW', BUILT_IN_CATALOGS, { file: 'templates/locales/zh-TW.yaml' }).locale as Locale;
  return zhTW;
}
