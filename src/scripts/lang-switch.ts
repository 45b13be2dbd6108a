/**
 * The language switch keeps the reader's place: its link (a plain link to the same page in the other language, which
 * works without JavaScript) gets the page's query and #fragment as they are when it is followed, so a comparison, a
 * filter, a search or a section carries over. Pages change their address as readers filter (history.replaceState,
 * which fires no event), so the link is brought up to date whenever it may be followed, copied or previewed.
 */
for (const link of document.querySelectorAll<HTMLAnchorElement>('a.lang-switch')) {
  const target = link.href.replace(/[?#].*$/, '');
  const update = () => {
    link.href = target + location.search + location.hash;
  };
  for (const type of ['click', 'auxclick', 'contextmenu', 'focus', 'pointerenter', 'touchstart'])
    link.addEventListener(type, update, { passive: true });
  addEventListener('hashchange', update);
  addEventListener('popstate', update);
  update();
}
