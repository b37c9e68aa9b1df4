// The live seat map: a show's seats by section and row, kept current by the show's seat stream.
const seatsPage = (() => {
  const STATUSES = ['AVAILABLE', 'HELD', 'SOLD'];
  const seats = new Map(); // seatId -> seat
  let eventId = null;
  let source = null;
  let summaryTimer = null;

  const $ = (id) => document.getElementById(id);

  // "A-1-2" -> row "A-1", number 2; anything else has no place on the map and is listed instead.
  function place(seatNumber) {
    const match = /^(.+)-(\d+)$/.exec(seatNumber || '');
    return match ? { row: match[1], number: Number(match[2]) } : null;
  }

  const natural = (a, b) => a.localeCompare(b, undefined, { numeric: true });

  function seatElement(seat) {
    const el = document.createElement('span');
    el.className = 'seat ' + seat.status;
    el.dataset.seatId = seat.seatId;
    el.dataset.status = seat.status;
    el.title = `${seat.section} ${seat.seatNumber}: ${seat.status}`;
    const spot = place(seat.seatNumber);
    el.textContent = spot ? spot.number : seat.seatNumber;
    return el;
  }

  function render() {
    const map = $('seat-map');
    map.replaceChildren();
    if (seats.size === 0) {
      map.textContent = eventId ? 'No seats known for this show yet.' : 'Pick a show.';
      return;
    }
    const sections = new Map();
    for (const seat of seats.values()) {
      if (!sections.has(seat.section)) sections.set(seat.section, { rows: new Map(), unplaced: [] });
      const section = sections.get(seat.section);
      const spot = place(seat.seatNumber);
      if (!spot) { section.unplaced.push(seat); continue; }
      if (!section.rows.has(spot.row)) section.rows.set(spot.row, []);
      section.rows.get(spot.row).push({ seat, number: spot.number });
    }
    for (const name of [...sections.keys()].sort(natural)) {
      const { rows, unplaced } = sections.get(name);
      const block = document.createElement('div');
      block.className = 'section';
      block.innerHTML = '<h3></h3>';
      block.firstChild.textContent = name;
      for (const row of [...rows.keys()].sort(natural)) {
        const line = document.createElement('div');
        line.className = 'row';
        const label = document.createElement('span');
        label.className = 'row-label';
        label.textContent = row;
        line.append(label, ...rows.get(row).sort((a, b) => a.number - b.number).map((s) => seatElement(s.seat)));
        block.append(line);
      }
      if (unplaced.length) {
        const list = document.createElement('div');
        list.className = 'row unplaced';
        list.append(...unplaced.sort((a, b) => natural(a.seatNumber, b.seatNumber)).map(seatElement));
        block.append(list);
      }
      map.append(block);
    }
  }

  // A changed seat repaints its own square; a seat new to the map redraws the map.
  function changed(seat) {
    if (seat.eventId !== eventId) return;
    const known = seats.has(seat.seatId);
    seats.set(seat.seatId, seat);
    const el = known && document.querySelector(`[data-seat-id="${CSS.escape(seat.seatId)}"]`);
    if (el) el.replaceWith(seatElement(seat)); else render();
    clearTimeout(summaryTimer);
    summaryTimer = setTimeout(loadSummary, 500);
  }

  async function loadSeats(forEvent) {
    const all = new Map();
    let cursor = '';
    do {
      const page = await api.get(`/events/${api.id(forEvent)}/seats?limit=1000${cursor && '&cursor=' + api.id(cursor)}`);
      if (!page.ok) break;
      page.body.seats.forEach((s) => all.set(s.seatId, s));
      cursor = page.body.nextCursor || '';
    } while (cursor);
    if (forEvent !== eventId) return;
    seats.clear();
    all.forEach((s, id) => seats.set(id, s));
    render();
  }

  async function loadSummary() {
    if (!eventId) return;
    const table = $('summary');
    const answer = await api.get(`/events/${api.id(eventId)}/summary`);
    if (!answer.ok) { table.replaceChildren(); return; }
    const head = '<tr><th>Section</th>' + STATUSES.map((s) => `<th>${s}</th>`).join('') + '<th>Total</th></tr>';
    const line = (name, c) => `<tr><td>${escape(name)}</td>` + STATUSES.map((s) => `<td data-status="${s}">${c[s]}</td>`).join('') + `<td>${c.total}</td></tr>`;
    const sections = Object.entries(answer.body.sections).map(([name, c]) => line(name, c)).join('');
    table.innerHTML = head + sections + line('All', answer.body.totals).replace('<tr>', '<tr class="total">');
  }

  function escape(text) {
    const span = document.createElement('span');
    span.textContent = text;
    return span.innerHTML;
  }

  function choose(id) {
    if (source) source.close();
    eventId = id;
    seats.clear();
    render();
    $('summary').replaceChildren();
    if (!id) return;
    history.replaceState(null, '', '#seats/' + encodeURIComponent(id));
    const badge = $('live-state');
    source = api.stream(`/events/${api.id(id)}/seats/live`);
    // On every (re)connect, read the whole show again: whatever changed while disconnected is in it.
    source.onopen = () => { badge.textContent = 'live'; badge.className = 'badge live'; loadSeats(id); loadSummary(); };
    source.onerror = () => { badge.textContent = 'reconnecting…'; badge.className = 'badge'; };
    source.addEventListener('seat', (e) => changed(JSON.parse(e.data)));
  }

  async function loadShows() {
    const picker = $('show-picker');
    const answer = await api.get('/shows');
    const shows = answer.ok ? answer.body.shows : [];
    const wanted = eventId || decodeURIComponent(location.hash.split('/')[1] || '') || (shows[0] && shows[0].eventId);
    picker.replaceChildren(...shows.map((s) => {
      const option = document.createElement('option');
      option.value = s.eventId;
      option.textContent = `${s.eventId} (${s.totals.SOLD}/${s.totals.total} sold)`;
      return option;
    }));
    if (!shows.length) picker.innerHTML = '<option value="">no shows yet</option>';
    if (wanted && !shows.some((s) => s.eventId === wanted)) {
      picker.prepend(new Option(wanted, wanted));
    }
    picker.value = wanted || '';
    if (wanted !== eventId) choose(wanted || null);
  }

  function start() {
    $('show-picker').addEventListener('change', (e) => choose(e.target.value || null));
    loadShows();
    setInterval(loadShows, 15000);
  }

  return { start, place };
})();
