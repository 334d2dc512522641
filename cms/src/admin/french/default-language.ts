/** Where Strapi's admin keeps the interface language (its reducer's LANGUAGE_LOCAL_STORAGE_KEY). */
const LANGUAGE_KEY = 'strapi-admin-language';

/**
 * Before anyone logs in, Strapi's admin speaks the language stored in this browser, else English,
 * whatever the browser asks for: the account creation and login screens said "Welcome to Strapi!".
 * A browser with no stored choice starts in French; a choice made in the profile is kept.
 * Runs in `register`, before Strapi reads the key to render.
 */
export function defaultToFrench(): void {
  try {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'fr');
  } catch {
    // Storage refused (private mode settings): Strapi falls back to English.
  }
}
