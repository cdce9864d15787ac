// Saves a draft conversation in the background while the practitioner types. Without JavaScript
// the "Save and continue" button does the same; nothing here is needed for the page to work.
const form = document.getElementById('conversation-form');
const status = document.getElementById('autosave-status');

if (form && form.dataset.autosave === 'true' && window.fetch && window.FormData) {
  let dirty = false;
  let submitting = false;
  let pending = null;
  form.addEventListener('input', () => { dirty = true; });
  form.addEventListener('change', () => { dirty = true; });
  form.addEventListener('submit', (event) => {
    dirty = false;
    if (pending && !submitting) {
      // A background save is on its way: wait for it (it renews the form's token), then send,
      // so the practitioner's own button never meets their own autosave as a conflict.
      event.preventDefault();
      submitting = true;
      const submitter = event.submitter;
      pending.finally(() => form.requestSubmit(submitter));
      return;
    }
    submitting = true;
  });

  const save = async () => {
    const response = await fetch(form.dataset.autosaveUrl, {
      method: 'POST',
      body: new FormData(form),
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
    });
    const result = await response.json();
    if (result.saved) {
      form.querySelector('input[name="Token"]').value = result.token;
      const stamp = form.querySelector('input[name="Stamp"]');
      if (stamp && result.stamp) stamp.value = result.stamp;
      status.textContent = `Draft saved automatically at ${result.at}.`;
    } else if (result.conflict) {
      status.textContent = 'Someone else has saved this conversation. Use "Save and continue" to see both versions; nothing you typed is lost.';
    } else {
      dirty = true;
      status.textContent = 'Not saved automatically: use "Save and continue" to see what needs changing.';
    }
  };

  setInterval(() => {
    if (!dirty || pending || submitting) return;
    dirty = false;
    pending = save()
      .catch(() => {
        dirty = true;
        status.textContent = 'Could not save automatically. Your words are still here; try "Save and continue".';
      })
      .finally(() => { pending = null; });
  }, 20000);
}
