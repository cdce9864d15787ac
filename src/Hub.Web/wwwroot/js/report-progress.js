// Progressive enhancement for a report being made: asks every few seconds whether it is ready and
// shows the page again when it is. Without JavaScript the "Check now" link does the same by hand;
// nothing refreshes the page on a timer the reader cannot stop.
const status = document.querySelector('[data-report-status]');
if (status) {
  const address = status.getAttribute('data-report-status');
  const check = async () => {
    try {
      const response = await fetch(address, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.ok && (await response.json()).finished) {
        window.location.reload();
        return;
      }
    } catch {
      // A dropped connection: try again at the next round.
    }
    window.setTimeout(check, 3000);
  };
  window.setTimeout(check, 3000);
}
