// Enhancements only: every page works without this file.
import { initAll as initGovuk } from '/assets/govuk-frontend.min.js';
import { initAll as initMoj } from '/assets/moj-frontend.min.js';

initGovuk();
initMoj();

// Warn before the idle timeout signs the person out, and let them stay signed in.
const warning = document.querySelector('[data-idle-warning]');
if (warning) {
  const idleMs = Number(warning.getAttribute('data-idle-ms'));
  const warnBeforeMs = Number(warning.getAttribute('data-warn-before-ms'));
  let timer;
  const arm = () => {
    clearTimeout(timer);
    warning.hidden = true;
    timer = setTimeout(
      () => {
        warning.hidden = false;
        warning.querySelector('button')?.focus();
      },
      Math.max(idleMs - warnBeforeMs, 0),
    );
  };
  warning.querySelector('form')?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    const response = await fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin',
    });
    if (response.ok) arm();
    else window.location.assign('/sign-in');
  });
  arm();
}

// Ask once more before an action that cannot be undone is sent twice by a double click.
for (const form of document.querySelectorAll('form[data-prevent-double-submit]')) {
  form.addEventListener('submit', () => {
    for (const button of form.querySelectorAll('button[type="submit"], button:not([type])'))
      button.setAttribute('aria-disabled', 'true');
    form.addEventListener('submit', (again) => again.preventDefault());
  });
}

// A copy button for a read-only field (the calendar feed's address, shown only once).
if (navigator.clipboard) {
  for (const button of document.querySelectorAll('button[data-copy-from]')) {
    const id = button.getAttribute('data-copy-from');
    const field = document.getElementById(id);
    const status = document.querySelector(`[data-copy-status="${id}"]`);
    if (!field) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = 'Address copied. Paste it into your calendar app.';
      } catch {
        field.select();
        if (status)
          status.textContent = 'Your browser did not allow copying: the address is selected, copy it yourself.';
      }
    });
  }
}
