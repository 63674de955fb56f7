// Following a background job (a plan, a pool) on its page: a progress bar with the job's message
// and a Cancel button, polled until the job is done or failed.

import {api, explain} from './api.js';
import {h, message, replaceChildren} from './dom.js';
import {statusName} from './format.js';

const POLL_MS = 500;

export function delay(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, {once: true});
  });
}

// The panel: `name` prefixes its test ids ("plan" -> plan-progress, plan-percent, plan-message,
// plan-running, plan-cancel). `cancel` ({path, label, question}) adds a Cancel button that POSTs
// to `path` after the question is confirmed; `hint` is the words under it.
export function progressPanel({name, heading, cancel, hint}) {
  const bar = h('progress', {id: `${name}-progress`, class: 'progress', max: '100', value: '0', testid: `${name}-progress`});
  const percent = h('span', {class: 'progress__percent', testid: `${name}-percent`}, '0%');
  const text = h('p', {class: 'progress__message', testid: `${name}-message`, 'aria-live': 'polite'});
  const problem = h('div', {});
  const button = cancel ? h('button', {type: 'button', class: 'button button--secondary', testid: `${name}-cancel`}, cancel.label) : null;
  button?.addEventListener('click', async () => {
    if (!window.confirm(cancel.question)) return;
    button.disabled = true;
    try {
      await api('POST', cancel.path);
      text.textContent = 'Cancelling…';
    } catch (error) {
      button.disabled = false;
      replaceChildren(problem, message('error', explain(error)));
    }
  });
  const element = h('section', {class: 'section progress-panel', testid: `${name}-running`, 'aria-labelledby': `${name}-progress-heading`},
    h('h2', {id: `${name}-progress-heading`}, heading),
    h('label', {for: `${name}-progress`, class: 'label'}, 'Progress ', percent),
    bar, text, problem,
    button ? h('div', {class: 'button-row'}, button) : null,
    h('p', {class: 'hint'}, hint));
  return {
    element,
    update(job) {
      const value = Math.round(Math.max(0, Math.min(1, Number(job.progress) || 0)) * 100);
      bar.value = value;
      bar.setAttribute('aria-valuetext', `${value}%`);
      percent.textContent = `${value}%`;
      text.textContent = job.message || statusName(job.status);
      replaceChildren(problem);
    },
    showError(words) {
      replaceChildren(problem, message('error', words));
    },
  };
}

// While `job` is queued or running: shows `panel` in `body` with the job's progress and asks
// `load()` again every 500 ms (more slowly after a failed request). The finished job, or null
// when the page was left (`signal` aborted).
export async function followProgress(body, panel, job, load, signal) {
  let current = job;
  while (current.status === 'queued' || current.status === 'running') {
    if (!body.contains(panel.element)) replaceChildren(body, panel.element);
    panel.update(current);
    await delay(POLL_MS, signal);
    if (signal.aborted) return null;
    try {
      current = await load();
    } catch (error) {
      if (signal.aborted) return null;
      panel.showError(explain(error));
      await delay(POLL_MS * 4, signal);  // a passing network fault: try again, more slowly
      if (signal.aborted) return null;
    }
  }
  return current;
}
