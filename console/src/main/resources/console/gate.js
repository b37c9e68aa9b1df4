// The gate: a ticket's QR code in (pasted, typed by a scanner, or read by the camera), one big verdict out.
const gatePage = (() => {
  const $ = (id) => document.getElementById(id);

  const verdicts = {
    200: { css: 'genuine', text: 'GENUINE' },
    403: { css: 'forged', text: 'FORGED' },
    404: { css: 'not-issued', text: 'NOT ISSUED' },
  };

  async function check(code) {
    const box = $('gate-verdict');
    box.className = 'verdict';
    box.textContent = 'Checking…';
    const answer = await api.get(`/tickets/verify/${api.id(code)}`);
    const verdict = verdicts[answer.status] || { css: 'unknown', text: answer.status === 400 ? 'NOT A TICKET CODE' : 'TRY AGAIN' };
    box.className = 'verdict ' + verdict.css;
    box.dataset.verdict = verdict.css;
    const detail = answer.status === 200
      ? `${answer.body.ticketNumber} · ${answer.body.section} ${answer.body.seatNumber}`
      : (answer.body.detail || '');
    box.innerHTML = '<strong></strong><small></small>';
    box.firstChild.textContent = verdict.text;
    box.lastChild.textContent = detail;
    $('gate-code').select();
  }

  // Where the browser has a barcode detector (Chromium on Android, ChromeOS, macOS), the camera can scan.
  async function scan() {
    const video = $('gate-video');
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    const camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = camera;
    video.hidden = false;
    await video.play();
    const stop = () => { camera.getTracks().forEach((t) => t.stop()); video.hidden = true; };
    const tick = async () => {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length) { stop(); $('gate-code').value = codes[0].rawValue; check(codes[0].rawValue); return; }
      requestAnimationFrame(tick);
    };
    tick();
  }

  async function start() {
    $('gate-form').addEventListener('submit', (e) => { e.preventDefault(); check($('gate-code').value); });
    if ('BarcodeDetector' in window && navigator.mediaDevices) {
      const formats = await BarcodeDetector.getSupportedFormats().catch(() => []);
      if (formats.includes('qr_code')) {
        $('gate-camera').hidden = false;
        $('gate-camera').addEventListener('click', () => scan().catch(() => {}));
      }
    }
    $('gate-code').focus();
  }

  return { start, check };
})();
