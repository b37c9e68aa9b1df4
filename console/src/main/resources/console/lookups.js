// Lookups by id: each answer is shown as its fields, with links to what it names.
const lookupPage = (() => {
  const out = () => document.getElementById('lookup-result');

  const paths = {
    reservation: (id) => `/reservations/${id}`,
    // Waits (long-poll) until the order is CONFIRMED, i.e. its ticket is issued, for up to 25 s.
    order: (id, wait) => `/orders/${id}` + (wait ? '?waitFor=CONFIRMED&timeout=25s' : ''),
    customer: (id) => `/customers/${id}/tickets`,
    ticket: (id) => `/tickets/${id}`,
  };

  function field(dl, name, value) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return;
    const dt = document.createElement('dt');
    dt.textContent = name;
    const dd = document.createElement('dd');
    const link = linkFor(name, value);
    if (link) dd.append(...link); else dd.textContent = typeof value === 'object' ? JSON.stringify(value) : value;
    dl.append(dt, dd);
  }

  // Ids that can be looked up become links; a ticket gets its PDF too.
  function linkFor(name, value) {
    const kinds = { reservationId: 'reservation', orderId: 'order', ticketId: 'ticket', customerId: 'customer' };
    const ids = name === 'ticketIds' ? value : name === 'reservationIds' ? value : [value];
    const kind = name === 'ticketIds' ? 'ticket' : name === 'reservationIds' ? 'reservation' : kinds[name];
    if (!kind) return null;
    const parts = [];
    for (const id of ids) {
      const a = document.createElement('a');
      a.href = '#lookup';
      a.textContent = id;
      a.addEventListener('click', (e) => { e.preventDefault(); lookup(kind, id, false); });
      parts.push(a, ' ');
      if (kind === 'ticket') parts.push(pdfLink(id), ' ');
    }
    return parts;
  }

  function pdfLink(ticketId) {
    const pdf = document.createElement('a');
    pdf.href = `/tickets/${api.id(ticketId)}.pdf`;
    pdf.target = '_blank';
    pdf.className = 'pdf';
    pdf.textContent = 'PDF';
    return pdf;
  }

  function card(title, body) {
    const box = document.createElement('div');
    box.className = 'card';
    const h = document.createElement('h3');
    h.textContent = title;
    const dl = document.createElement('dl');
    for (const [name, value] of Object.entries(body)) {
      if (name !== 'tickets') field(dl, name, value);
    }
    box.append(h, dl);
    return box;
  }

  async function lookup(kind, rawId, wait) {
    const id = api.id(rawId);
    const target = out();
    target.className = 'result';
    target.textContent = kind === 'order' && wait ? 'Waiting for the order’s ticket…' : 'Looking up…';
    const answer = await api.get(paths[kind](id, wait));
    target.replaceChildren();
    if (!answer.ok) {
      target.className = 'result problem';
      target.textContent = `${answer.status}: ${answer.body.detail || answer.body.title || 'no answer'}`;
      return;
    }
    if (kind === 'customer') {
      target.append(...answer.body.tickets.map((t) => card(`Ticket ${t.ticketNumber}`, t)));
    } else {
      target.append(card(`${kind[0].toUpperCase()}${kind.slice(1)} ${rawId}`, answer.body));
      if (kind === 'ticket') target.append(pdfLink(answer.body.ticketId));
    }
    if (kind === 'order' && wait && answer.body.status !== 'CONFIRMED') {
      target.prepend(Object.assign(document.createElement('p'), { textContent: 'No ticket yet (waited 25 s).' }));
    }
  }

  function start() {
    document.querySelectorAll('form.lookup').forEach((form) => form.addEventListener('submit', (e) => {
      e.preventDefault();
      lookup(form.dataset.kind, form.elements.id.value, form.elements.wait ? form.elements.wait.checked : false);
    }));
  }

  return { start };
})();
