// Building the page safely: every piece of text goes in as a text node (never as HTML), so
// nothing a file, a user or the server sends can become markup or script.

// h('p', {class: 'hint', testid: 'x'}, 'text', child, ...): a new element.
// - props: `class`, `testid` (data-testid), `dataset` (object), `on<event>` (function),
//   `text` is not special; booleans set or omit an attribute; other values are set as
//   attributes (their text is never parsed as HTML).
// - children: strings and numbers become text nodes; null/undefined/false are skipped; arrays
//   are flattened.
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') {
      element.className = value;
    } else if (key === 'testid') {
      element.dataset.testid = value;
    } else if (key === 'dataset') {
      for (const [name, v] of Object.entries(value)) element.dataset[name] = String(v);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  appendChildren(element, children);
  return element;
}

export function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

// Replaces an element's content with the given children.
export function replaceChildren(element, ...children) {
  element.replaceChildren();
  return appendChildren(element, children);
}

// A simple data table: columns [{label, className?}], rows of cell values (text or nodes).
export function table({caption, columns, rows, testid, rowProps}) {
  return h('table', {class: 'table', testid},
    caption ? h('caption', {class: 'table__caption'}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {scope: 'col', class: c.className}, c.label)))),
    h('tbody', {}, rows.map((cells, i) =>
      h('tr', rowProps ? rowProps(i) : {}, cells.map((cell, j) =>
        h('td', {class: columns[j].className, dataset: columns[j].field ? {field: columns[j].field} : undefined}, cell))))));
}

// A message box: kind 'error' | 'success' | 'info'. Errors are announced (role=alert).
export function message(kind, ...children) {
  return h('div', {class: `message message--${kind}`, role: kind === 'error' ? 'alert' : 'status'}, ...children);
}

// A page's own navigation: `pages` [[href, label, testid]], `current` the href of this page.
export function subNav(label, testid, pages, current) {
  return h('nav', {class: 'sub-nav', 'aria-label': label, testid},
    h('ul', {class: 'sub-nav__list'}, pages.map(([href, text, linkTestid]) => h('li', {},
      h('a', {href, class: 'sub-nav__link', testid: linkTestid, 'aria-current': href === current ? 'page' : false}, text)))));
}
