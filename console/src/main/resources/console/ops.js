// The ops view: every instance's state and rates, polled; the chart covers the last five minutes seen.
const opsPage = (() => {
  const EVERY_MS = 5000;
  const POINTS = 60;
  const history = new Map(); // instance -> [{ in, out }]

  function chart(points) {
    const w = 240, h = 60;
    const max = Math.max(1, ...points.flatMap((p) => [p.in, p.out]));
    const line = (key) => points.map((p, i) =>
      `${(i * w / (POINTS - 1)).toFixed(1)},${(h - p[key] * h / max).toFixed(1)}`).join(' ');
    return `<svg class="chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="records per second">
      <polyline class="in" points="${line('in')}"/><polyline class="out" points="${line('out')}"/>
      <text x="2" y="10">${max.toFixed(0)}/s</text></svg>`;
  }

  const text = (value) => String(value).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rate = (value) => (value || 0).toFixed(1);

  function card(i) {
    const points = history.get(i.instance) || [];
    const dead = Object.entries(i.deadLettered || {});
    return `<div class="card instance" data-instance="${text(i.instance)}">
      <h3>${text(i.instance)} <span class="badge state-${text(i.state)}">${text(i.state)}</span></h3>
      <dl>
        <dt>active tasks</dt><dd>${text((i.activePartitions || []).join(' ') || '–')}</dd>
        <dt>standby tasks</dt><dd>${text((i.standbyPartitions || []).join(' ') || '–')}</dd>
        <dt>records/s in</dt><dd class="in">${rate(i.recordsInPerSec)}</dd>
        <dt>records/s out</dt><dd class="out">${rate(i.recordsOutPerSec)}</dd>
        <dt>consumer lag</dt><dd>${i.consumerLag ?? '–'}</dd>
        <dt>dead-lettered</dt><dd>${dead.length ? dead.map(([t, n]) => `${text(t)}: ${n}`).join('<br>') : '0'}</dd>
      </dl>
      ${chart(points)}
    </div>`;
  }

  async function poll() {
    const answer = await api.get('/ops/instances').catch(() => null);
    const box = document.getElementById('ops-instances');
    if (!answer || !answer.ok) { box.textContent = 'No answer from the service.'; return; }
    for (const i of answer.body.instances) {
      const points = history.get(i.instance) || Array.from({ length: POINTS }, () => ({ in: 0, out: 0 }));
      points.push({ in: i.recordsInPerSec || 0, out: i.recordsOutPerSec || 0 });
      history.set(i.instance, points.slice(-POINTS));
    }
    box.innerHTML = answer.body.instances.map(card).join('');
  }

  function start() {
    poll();
    setInterval(poll, EVERY_MS);
  }

  return { start };
})();
