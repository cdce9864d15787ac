import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

// Progressive enhancement only: every page works without this file.
initAll();

// Details revealed under the radio chosen (the NHS.UK conditional radios pattern). NHS.UK's own script
// also puts aria-expanded on each radio, which is not allowed on a radio (axe: aria-allowed-attr), so
// groups marked data-hub-radios are shown and hidden here instead. Without JavaScript every box shows.
document.querySelectorAll('[data-hub-radios]').forEach((group) => {
  const radios = group.querySelectorAll('input[type="radio"][data-aria-controls]');
  const sync = () => radios.forEach((radio) => {
    const target = document.getElementById(radio.dataset.ariaControls);
    if (target) {
      radio.setAttribute('aria-controls', target.id);
      target.classList.toggle('nhsuk-radios__conditional--hidden', !radio.checked);
    }
  });
  group.querySelectorAll('input[type="radio"]').forEach((radio) => radio.addEventListener('change', sync));
  sync();
});
