import { initAll } from '/nhsuk/nhsuk-frontend.min.js';

// Progressive enhancement only: every page works without this file.
initAll();
