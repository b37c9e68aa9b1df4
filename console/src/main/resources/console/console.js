// Pages are sections shown by the URL's hash; each page module starts when first shown.
(() => {
  const pages = { seats: seatsPage, lookup: lookupPage, gate: gatePage, ops: opsPage };
  const started = new Set();

  function show() {
    const name = (location.hash.slice(1) || 'seats').split('/')[0];
    const page = pages[name] ? name : 'seats';
    document.querySelectorAll('.page').forEach((s) => { s.hidden = s.id !== 'page-' + page; });
    document.querySelectorAll('nav a[data-page]').forEach((a) => a.classList.toggle('current', a.dataset.page === page));
    if (!started.has(page)) {
      started.add(page);
      pages[page].start();
    }
  }

  window.addEventListener('hashchange', show);
  show();
})();
