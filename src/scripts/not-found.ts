/**
 * The 404 page: under /en/ the bilingual page shows its English half only (as a page in
 * English), and the search box starts with the last word of the missing address, which is
 * usually an entry id or a designation.
 */
const home = new URL((document.querySelector('a.brand') as HTMLAnchorElement).href);
// The brand link goes to the language home: its path is the base path, plus en/ on English pages.
const base = home.pathname.replace(/en\/$/, '');
// An address that does not decode (`/%zz/`) is shown as typed.
const decoded = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};
const path = location.pathname.startsWith(base) ? decoded(location.pathname.slice(base.length)) : '';
const english = path.startsWith('en/');
const zh = document.querySelector<HTMLElement>('[data-not-found=zh]');
const en = document.querySelector<HTMLElement>('[data-not-found=en]');
if (english && zh && en) {
  zh.hidden = true;
  const h2 = en.querySelector('h2');
  if (h2) {
    const h1 = document.createElement('h1');
    h1.textContent = h2.textContent;
    h2.replaceWith(h1);
  }
  document.documentElement.lang = 'en';
  document.title = `${h1Text(en)} · ${document.title.split(' · ').pop() ?? ''}`;
}
const word = path
  .split('/')
  .filter((s) => s && s !== 'en' && !s.endsWith('.html'))
  .pop();
if (word) {
  const query = word.replace(/[-_]+/g, ' ').slice(0, 80);
  for (const input of document.querySelectorAll<HTMLInputElement>('.not-found-search input[name=q]'))
    input.value = query;
}

function h1Text(section: HTMLElement): string {
  return section.querySelector('h1')?.textContent ?? '';
}
