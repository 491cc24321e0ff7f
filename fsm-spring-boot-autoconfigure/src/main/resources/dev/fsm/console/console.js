/*
 * The workflow console: plain JavaScript over the workflow HTTP API, no framework, no build.
 * Views are chosen by the URL fragment:
 *   #/                       the workflows, each with its diagram and the count of entities per state
 *   #/w/{workflow}           one workflow: diagram, states, transitions
 *   #/w/{workflow}/s/{state} the entities in a state, how long each has been in it
 *   #/w/{workflow}/g/{group} the entities in the states of a state group
 *   #/w/{workflow}/e/{id}    one entity: what the user may fire now, its history and diagram
 * Everything from the server is put in the page as text, never as HTML.
 */
(() => {
  'use strict';

  const meta = (name) => {
    const element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : '';
  };
  // absolute, without any user:password@ of the page's URL, which fetch() refuses
  const API = location.origin + meta('fsm-api');
  const CSRF_HEADER = meta('fsm-csrf-header');
  const CSRF_TOKEN = meta('fsm-csrf-token');
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const STUCK_MS = 7 * 24 * 3600 * 1000;
  const PAGE_SIZE = 25;

  let main;
  let crumbs;
  let workflows = null;
  let flash = null;
  let renderCount = 0;

  /* ---------- DOM ---------- */

  function el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        element.textContent = String(value);
      } else if (name.startsWith('on')) {
        element.addEventListener(name.substring(2), value);
      } else if (value === true) {
        element.setAttribute(name, '');
      } else {
        element.setAttribute(name, String(value));
      }
    });
    append(element, children);
    return element;
  }

  function append(parent, children) {
    children.flat(Infinity).forEach((child) => {
      if (child === null || child === undefined || child === false) {
        return;
      }
      parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return parent;
  }

  function svgElement(tag, attributes) {
    const element = document.createElementNS(SVG_NS, tag);
    Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, String(value)));
    return element;
  }

  /* ---------- the API ---------- */

  async function api(path, options) {
    const settings = options || {};
    const headers = Object.assign({ Accept: 'application/json' }, settings.headers || {});
    const method = settings.method || 'GET';
    if (method !== 'GET' && CSRF_HEADER) {
      headers[CSRF_HEADER] = CSRF_TOKEN;
    }
    const response = await fetch(API + path, {
      method,
      headers,
      body: settings.body,
      credentials: 'same-origin',
      redirect: 'manual'
    });
    if (response.type === 'opaqueredirect' || !response.ok) {
      throw await problemOf(response);
    }
    return response;
  }

  async function json(path) {
    return (await api(path)).json();
  }

  async function problemOf(response) {
    let body = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        body = await response.json();
      } catch (ignored) {
        body = null;
      }
    }
    const status = response.type === 'opaqueredirect' ? 401 : response.status;
    const error = new Error((body && body.detail) || statusMessage(status));
    error.status = status;
    error.problem = body;
    error.title = (body && body.title) || statusTitle(status);
    return error;
  }

  function statusTitle(status) {
    return { 401: 'Not signed in', 403: 'Not allowed', 404: 'Not found', 409: 'Conflict', 412: 'Changed meanwhile' }[status]
      || 'Something went wrong';
  }

  function statusMessage(status) {
    if (status === 401) {
      return 'You are not signed in, or your session has ended. Reload the page to sign in again.';
    }
    if (status === 403) {
      return 'You may not do this. If you were idle for a while, reload the page and try again.';
    }
    if (status === 404) {
      return 'It does not exist (any more).';
    }
    return 'The server answered ' + status + '. Try again; if it persists, the server log says why.';
  }

  const segment = (value) => encodeURIComponent(value);

  /* ---------- formatting ---------- */

  function workflowNamed(name) {
    return (workflows || []).find((workflow) => workflow.name === name);
  }

  function stateBadge(workflowName, state) {
    const workflow = workflowNamed(workflowName);
    const index = workflow ? workflow.states.indexOf(state) : -1;
    const kind = index < 0 ? 'unknown' : 's' + (index % 8);
    return el('span', { class: 'badge ' + kind, text: state === null ? 'NULL' : state });
  }

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function when(instant) {
    return instant ? dateFormat.format(new Date(instant)) : '';
  }

  function duration(milliseconds) {
    const minutes = Math.floor(milliseconds / 60000);
    if (minutes < 1) {
      return 'less than a minute';
    }
    const days = Math.floor(minutes / 1440);
    const hours = Math.floor((minutes % 1440) / 60);
    if (days > 0) {
      return days + ' d' + (hours > 0 ? ' ' + hours + ' h' : '');
    }
    if (hours > 0) {
      return hours + ' h ' + (minutes % 60) + ' min';
    }
    return minutes + ' min';
  }

  function sentence(text) {
    return /[.!?]$/.test(text) ? text : text + '.';
  }

  function entities(count) {
    return count + (count === 1 ? ' entity' : ' entities');
  }

  /** The label the buttons and the diagram use, for a transition named in a record. */
  function transitionLabel(workflowName, name) {
    const workflow = workflowNamed(workflowName);
    const transition = workflow && workflow.transitions.find((candidate) => candidate.name === name);
    return transition ? transition.label : name;
  }

  /** Why not: the states it starts from, or the API's sentence (and, for operators, the expressions after it). */
  function reasonText(option) {
    const reasons = option.reasons || [];
    return option.status === 'WRONG_STATE' ? 'only from ' + reasons.join(', ') : reasons.join(' ');
  }

  /* ---------- page frame ---------- */

  function setCrumbs(items) {
    crumbs.replaceChildren();
    items.forEach((item, index) => {
      if (index > 0) {
        crumbs.appendChild(el('span', { class: 'sep', 'aria-hidden': 'true', text: '/' }));
      }
      crumbs.appendChild(item.href
        ? el('a', { href: item.href, text: item.text })
        : el('span', { 'aria-current': 'page', text: item.text }));
    });
  }

  /** What a view shows: the document title, the breadcrumbs and the content of main. */
  function page(title, trail, ...content) {
    return { title, trail, content };
  }

  function show(shown) {
    document.title = shown.title + ' · Workflows';
    setCrumbs(shown.trail);
    main.replaceChildren();
    append(main, shown.content);
  }

  function problemBox(error, onReload) {
    return el('div', { class: 'problem', role: 'alert' },
      el('strong', { text: error.title || 'Something went wrong' }),
      el('span', { text: error.message }),
      onReload ? el('div', {}, el('button', { type: 'button', class: 'secondary', onclick: onReload, text: 'Reload' })) : null);
  }

  function flashBox() {
    if (!flash) {
      return null;
    }
    const current = flash;
    flash = null;
    if (current.error) {
      return problemBox(current.error);
    }
    return el('div', { class: 'message', role: 'status' }, el('strong', { text: current.title }),
      current.text ? el('span', { text: current.text }) : null);
  }

  async function loadWorkflows() {
    if (!workflows) {
      workflows = await json('');
    }
    return workflows;
  }

  /* ---------- diagrams ---------- */

  async function diagram(path, workflowName, counts) {
    const holder = el('div', { class: 'diagram' });
    try {
      const text = await (await api(path, { headers: { Accept: 'image/svg+xml' } })).text();
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (parsed.getElementsByTagName('parsererror').length > 0) {
        throw new Error('The diagram could not be read.');
      }
      const svg = document.importNode(parsed.documentElement, true);
      // readable on a phone: the stylesheet keeps up to this width and scrolls sideways
      svg.style.setProperty('--natural', (parseFloat(svg.getAttribute('width')) || 0) + 'px');
      if (counts) {
        decorate(svg, workflowName, counts);
      }
      holder.appendChild(svg);
    } catch (error) {
      holder.appendChild(el('p', { class: 'empty', text: 'No diagram: ' + error.message }));
    }
    return holder;
  }

  /** Counts on the states, each state a link to its entities. */
  function decorate(svg, workflowName, counts) {
    const byState = new Map(counts.map((entry) => [entry.state, entry.count]));
    svg.querySelectorAll('g[data-state]').forEach((group) => {
      const state = group.getAttribute('data-state');
      const count = byState.has(state) ? byState.get(state) : 0;
      const box = group.querySelector('rect');
      if (box) {
        const x = parseFloat(box.getAttribute('x')) + parseFloat(box.getAttribute('width'));
        const y = parseFloat(box.getAttribute('y'));
        const badge = svgElement('g', { class: 'count-badge' + (count === 0 ? ' zero' : '') });
        const label = String(count);
        const radius = label.length > 2 ? 14 : 11;
        badge.appendChild(svgElement('circle', { cx: x - 2, cy: y + 2, r: radius }));
        const text = svgElement('text', { x: x - 2, y: y + 6, 'text-anchor': 'middle' });
        text.textContent = label;
        badge.appendChild(text);
        group.appendChild(badge);
      }
      const link = svgElement('a', {
        href: '#/w/' + segment(workflowName) + '/s/' + segment(state),
        'aria-label': state + ': ' + entities(count)
      });
      group.parentNode.insertBefore(link, group);
      link.appendChild(group);
    });
  }

  /* ---------- views ---------- */

  async function homeView() {
    const trail = [{ text: 'Workflows' }];
    const list = await loadWorkflows();
    if (list.length === 0) {
      return page('Workflows', trail, el('h1', { text: 'Workflows' }),
        el('p', { class: 'empty', text: 'No workflow is exposed to you.' }));
    }
    const cards = await Promise.all(list.map(async (workflow) => {
      const counts = await json('/' + segment(workflow.name) + '/states');
      const groups = await groupCounts(workflow);
      const total = counts.reduce((sum, entry) => sum + entry.count, 0);
      const unknown = counts.filter((entry) => !entry.known && entry.count > 0);
      return el('section', { class: 'card', 'aria-labelledby': 'wf-' + workflow.name },
        el('h2', { id: 'wf-' + workflow.name }, el('a', { href: '#/w/' + segment(workflow.name), text: workflow.name })),
        el('p', { class: 'sub', text: entities(total) + ' of ' + workflow.entity }),
        await diagram('/' + segment(workflow.name) + '/diagram', workflow.name, counts),
        unknown.length > 0 ? el('p', { class: 'problem', text: 'Stored values that are no state: '
          + unknown.map((entry) => entry.state + ' (' + entry.count + ')').join(', ') }) : null,
        stateTable(workflow.name, counts),
        groups.length > 0 ? groupTable(workflow.name, groups) : null);
    }));
    return page('Workflows', trail, el('h1', { text: 'Workflows' }),
      el('p', { class: 'sub', text: 'How many entities are in each state. Open a state to find the ones that are stuck.' }),
      el('div', { class: 'grid' }, cards));
  }

  function stateTable(workflowName, counts) {
    return el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'State' }), el('th', { scope: 'col', class: 'num', text: 'Entities' }))),
      el('tbody', {}, counts.map((entry) => el('tr', {},
        el('td', {}, el('a', { href: '#/w/' + segment(workflowName) + '/s/' + segment(entry.state) },
          stateBadge(workflowName, entry.state))),
        el('td', { class: 'num', text: entry.count }))))));
  }

  /* ---------- state groups ---------- */

  /** How many entities each state group holds; none for a workflow without groups. */
  async function groupCounts(workflow) {
    return workflow.groups && workflow.groups.length > 0 ? json('/' + segment(workflow.name) + '/groups') : [];
  }

  /** The groups, nested ones indented under their parent, each a link to its entities. */
  function groupTable(workflowName, groups) {
    const depth = (group) => (group.parent ? 1 + depth(groups.find((other) => other.group === group.parent) || {}) : 0);
    return el('div', { class: 'table-wrap' }, el('table', { class: 'groups' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Group' }), el('th', { scope: 'col', text: 'States' }),
        el('th', { scope: 'col', class: 'num', text: 'Entities' }))),
      el('tbody', {}, groups.map((group) => el('tr', { 'data-group': group.group },
        el('td', { class: 'depth-' + Math.min(depth(group), 3) },
          el('a', { href: '#/w/' + segment(workflowName) + '/g/' + segment(group.group), text: group.group })),
        el('td', {}, group.states.map((state) => [stateBadge(workflowName, state), ' '])),
        el('td', { class: 'num', text: group.count }))))));
  }

  async function workflowView(name) {
    const trail = [{ text: 'Workflows', href: '#/' }, { text: name }];
    await loadWorkflows();
    const workflow = workflowNamed(name);
    if (!workflow) {
      throw Object.assign(new Error('There is no workflow \'' + name + '\''), { status: 404, title: 'Unknown workflow' });
    }
    const counts = await json('/' + segment(name) + '/states');
    const groups = await groupCounts(workflow);
    const transitions = el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Transition', 'From', 'To', 'Input'].map((text) => el('th', { scope: 'col', text })))),
      el('tbody', {}, workflow.transitions.map((transition) => el('tr', {},
        el('td', {}, el('strong', { text: transition.label }),
          transition.description ? el('div', { class: 'sub', text: transition.description }) : null),
        el('td', {}, transition.sources.map((state) => [stateBadge(name, state), ' '])),
        el('td', {}, transition.targets.map((state) => [stateBadge(name, state), ' '])),
        el('td', { text: transition.needsInput ? Object.keys(transition.arguments.properties).join(', ') : '' }))))));
    return page(name, trail, el('h1', { text: name }),
      el('p', { class: 'sub', text: 'Entity ' + workflow.entity + ', initial state ' + workflow.initialState }),
      el('div', { class: 'columns' },
        el('section', { class: 'card' }, el('h2', { text: 'Diagram' }),
          await diagram('/' + segment(name) + '/diagram', name, counts)),
        el('section', { class: 'card' }, el('h2', { text: 'States' }), stateTable(name, counts),
          groups.length > 0 ? [el('h2', { text: 'Groups' }), groupTable(name, groups)] : null)),
      el('section', { class: 'card' }, el('h2', { text: 'Transitions' }), transitions));
  }

  /** The entities in a state or, with {@code kind} 'g', in the states of a group. */
  async function stateView(name, state, number, kind) {
    const trail = [{ text: 'Workflows', href: '#/' }, { text: name, href: '#/w/' + segment(name) }, { text: state }];
    await loadWorkflows();
    const group = kind === 'g';
    const result = await json('/' + segment(name) + (group ? '?group=' : '?state=') + segment(state) + '&page=' + number + '&size=' + PAGE_SIZE);
    const now = Date.now();
    const rows = result.content.map((entity) => {
      const waited = entity.since ? now - new Date(entity.since).getTime() : null;
      const stuck = waited !== null && waited > STUCK_MS;
      return el('tr', { class: stuck ? 'stuck' : null },
        el('td', {}, el('a', { href: '#/w/' + segment(name) + '/e/' + segment(entity.id), text: '#' + entity.id }),
          entity.label ? el('span', { class: 'label', text: entity.label }) : null),
        el('td', { class: 'num', text: entity.version === null || entity.version === undefined ? '' : entity.version }),
        el('td', { text: entity.since ? when(entity.since) : 'not recorded' }),
        el('td', { text: waited !== null ? duration(waited) + (stuck ? ' (stuck?)' : '') : '' }));
    });
    const pager = el('div', { class: 'pager' },
      number > 0 ? el('a', { class: 'button secondary', href: '#/w/' + segment(name) + '/' + (kind || 's') + '/' + segment(state) + '?page=' + (number - 1), text: 'Previous' }) : null,
      el('span', { text: 'Page ' + (result.totalPages === 0 ? 0 : number + 1) + ' of ' + result.totalPages }),
      number + 1 < result.totalPages ? el('a', { class: 'button secondary', href: '#/w/' + segment(name) + '/' + (kind || 's') + '/' + segment(state) + '?page=' + (number + 1), text: 'Next' }) : null);
    const entityName = workflowNamed(name) ? workflowNamed(name).entity : name;
    return page(state + ' · ' + name, trail, el('h1', {}, entityName + ' in ', group ? 'group ' + state : stateBadge(name, state)),
      el('p', { class: 'sub', text: entities(result.totalElements) + ' of ' + name
        + ' in ' + state + '. Highlighted: more than 7 days in this state.' }),
      el('section', { class: 'card' }, result.content.length === 0
        ? el('p', { class: 'empty', text: 'None.' })
        : el('div', { class: 'table-wrap' }, el('table', {},
          el('thead', {}, el('tr', {}, ['Entity', 'Version', 'In this state since', 'For'].map((text, index) =>
            el('th', { scope: 'col', class: index === 1 ? 'num' : null, text })))),
          el('tbody', {}, rows))),
      pager));
  }

  async function entityView(name, id) {
    const trail = [{ text: 'Workflows', href: '#/' }, { text: name, href: '#/w/' + segment(name) }, { text: '#' + id }];
    await loadWorkflows();
    const base = '/' + segment(name) + '/' + segment(id);
    const entity = await json(base);
    const message = flashBox();
    const offered = entity.transitions.filter((option) => option.allowed || option.status === 'NEEDS_INPUT');
    const others = entity.transitions.filter((option) => !(option.allowed || option.status === 'NEEDS_INPUT'));
    const actions = el('section', { class: 'card', 'aria-labelledby': 'actions' },
      el('h2', { id: 'actions', text: 'What you can do' }),
      offered.length === 0 ? el('p', { class: 'empty', text: 'Nothing: no transition is open to you in this state.' }) : null,
      el('div', { class: 'actions' }, offered.map((option) => action(name, id, entity, option))),
      others.length > 0 ? el('details', { class: 'why' }, el('summary', { text: 'Why not the others' }),
        el('ul', {}, others.map((option) => el('li', {}, el('strong', { text: option.label }), ': ' + reasonText(option))))) : null);
    const [picture, history] = await Promise.all([
      diagram(base + '/diagram', name, null),
      historyList(base)
    ]);
    return page('#' + id + ' · ' + name, trail,
      el('h1', {}, workflowNamed(name) ? workflowNamed(name).entity : name, ' #' + id, ' ', stateBadge(name, entity.state),
        entity.label ? el('span', { class: 'label', text: entity.label }) : null),
      el('dl', { class: 'facts' },
        el('div', {}, el('dt', { text: 'Workflow' }), el('dd', { text: name })),
        el('div', {}, el('dt', { text: 'State' }), el('dd', { text: entity.state })),
        entity.version !== null && entity.version !== undefined
          ? el('div', {}, el('dt', { text: 'Version' }), el('dd', { text: entity.version })) : null),
      message,
      el('div', { class: 'columns' },
        el('div', { class: 'stack' }, actions,
          el('section', { class: 'card' }, el('h2', { text: 'Diagram' }), picture)),
        el('section', { class: 'card', 'aria-labelledby': 'history' }, el('h2', { id: 'history', text: 'History' }), history)));
  }

  async function historyList(base) {
    try {
      const records = await json(base + '/history?size=50');
      if (records.content.length === 0) {
        return el('p', { class: 'empty', text: 'No transition yet.' });
      }
      return el('ol', { class: 'timeline' }, records.content.map((record) => el('li', {
        class: record.outcome === 'FAILED' ? 'failed' : (record.outcome === 'FORCED' ? 'forced' : null)
      },
      el('div', { class: 'what' }, transitionLabel(record.workflow, record.transition), ' ', record.sourceState !== null ? [stateBadge(record.workflow, record.sourceState), ' → '] : '→ ',
        stateBadge(record.workflow, record.targetState), record.outcome !== 'COMPLETED' ? ' (' + record.outcome.toLowerCase() + ')' : ''),
      el('div', { class: 'when', text: when(record.occurredAt) + ' by ' + record.actor }),
      record.description ? el('div', { class: 'note', text: record.description }) : null)));
    } catch (error) {
      return el('p', { class: 'empty', text: error.status === 404 ? 'The audit trail is off.' : error.message });
    }
  }

  /** A button, or a form when the transition takes arguments. */
  function action(name, id, entity, option) {
    const properties = (option.arguments && option.arguments.properties) || {};
    const required = (option.arguments && option.arguments.required) || [];
    const defaults = option.defaults || {};
    const fields = Object.entries(properties).map(([parameter, schema]) =>
      field(option.name, parameter, schema, required.includes(parameter), defaults[parameter]));
    const button = el('button', { type: 'submit', text: option.label });
    const form = el('form', { 'aria-label': option.label }, fields, el('div', {}, button));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      let body;
      try {
        body = argumentsOf(form, properties);
      } catch (error) {
        flash = { error: { title: 'Check the form', message: error.message } };
        render();
        return;
      }
      button.disabled = true;
      await fire(name, id, entity, option, body, form);
      button.disabled = false;
    });
    return el('div', { class: 'action' },
      option.description ? el('p', { text: option.description }) : null,
      form);
  }

  /** One input of a transition's form, started from the entity's current value when there is one. */
  function field(transition, parameter, schema, required, value) {
    const id = 'f-' + transition + '-' + parameter;
    const label = el('label', { for: id, text: parameter });
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'boolean') {
      return el('div', { class: 'field check' }, el('input', { type: 'checkbox', id, name: parameter, 'data-type': 'boolean',
        checked: value === true }), label);
    }
    if (schema.enum) {
      return el('div', { class: 'field' }, label, el('select', { id, name: parameter, required, 'data-type': 'string' },
        schema.enum.map((constant) => el('option', { value: constant, text: constant, selected: constant === value }))));
    }
    if (type === 'array' || type === 'object') {
      const area = el('textarea', { id, name: parameter, required, 'data-type': 'json', placeholder: type === 'array' ? '[ ]' : '{ }' });
      area.value = value === undefined ? '' : JSON.stringify(value, null, 2);
      return el('div', { class: 'field' }, label, area);
    }
    if (type === 'string' && !schema.format && typeof value === 'string' && (value.length > 60 || value.includes('\n'))) {
      const area = el('textarea', { id, name: parameter, 'data-type': 'string', rows: 6 });
      area.value = value;
      return el('div', { class: 'field' }, label, area);
    }
    const input = { type: 'text', step: null };
    if (type === 'integer') {
      Object.assign(input, { type: 'number', step: '1' });
    } else if (type === 'number') {
      Object.assign(input, { type: 'number', step: 'any' });
    } else if (schema.format === 'date') {
      input.type = 'date';
    } else if (schema.format === 'date-time') {
      input.type = 'datetime-local';
    }
    const element = el('input', {
      id, name: parameter, type: input.type, step: input.step, required: required && type !== 'string',
      'data-type': type, 'data-format': schema.format || null
    });
    if (value !== undefined && value !== null) {
      element.value = input.type === 'datetime-local' ? String(value).substring(0, 16) : String(value);
    }
    return el('div', { class: 'field' }, label, element);
  }

  /** The JSON body of a transition's form; numbers are sent as written, so that no digit is lost. */
  function argumentsOf(form, properties) {
    const parts = [];
    Object.keys(properties).forEach((parameter) => {
      const input = form.elements.namedItem(parameter);
      const type = input.getAttribute('data-type');
      let value;
      if (type === 'boolean') {
        value = input.checked ? 'true' : 'false';
      } else if (type === 'string' && input.getAttribute('data-format') === null) {
        value = JSON.stringify(input.value);
      } else if (input.value === '') {
        return;
      } else if (type === 'number' || type === 'integer') {
        if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(input.value.trim())) {
          throw new Error(parameter + ' is not a number');
        }
        value = input.value.trim();
      } else if (type === 'json') {
        try {
          value = JSON.stringify(JSON.parse(input.value));
        } catch (error) {
          throw new Error(parameter + ' is not valid JSON');
        }
      } else if (input.getAttribute('data-format') === 'date-time') {
        value = JSON.stringify(new Date(input.value).toISOString());
      } else {
        value = JSON.stringify(input.value);
      }
      parts.push(JSON.stringify(parameter) + ':' + value);
    });
    return '{' + parts.join(',') + '}';
  }

  /**
   * The server's field errors (a 400 invalid-arguments problem) next to the fields they are
   * about, the form kept as the user filled it; errors of no field above the button.
   */
  function showFieldErrors(form, option, errors) {
    const general = [];
    errors.forEach((error) => {
      const parameter = String(error.argument).split(/[.[]/)[0];
      const input = form.elements.namedItem(parameter);
      if (!input || !input.closest) {
        general.push(error.argument + ': ' + error.message);
        return;
      }
      const holder = input.closest('.field');
      const messageId = 'e-' + option.name + '-' + parameter;
      let message = document.getElementById(messageId);
      if (!message) {
        message = el('p', { class: 'field-error', id: messageId });
        holder.appendChild(message);
      }
      message.textContent = message.textContent ? message.textContent + ' ' + sentence(error.message)
        : sentence(error.message);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', messageId);
    });
    if (general.length > 0) {
      form.insertBefore(el('p', { class: 'field-error form-error', role: 'alert', text: general.join('; ') }),
        form.lastElementChild);
    }
    const first = form.querySelector('[aria-invalid="true"]');
    if (first) {
      first.focus();
    }
  }

  function clearFieldErrors(form) {
    form.querySelectorAll('.field-error').forEach((message) => message.remove());
    form.querySelectorAll('[aria-invalid]').forEach((input) => {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    });
  }

  async function fire(name, id, entity, option, body, form) {
    const headers = { 'Content-Type': 'application/json' };
    if (entity.version !== null && entity.version !== undefined) {
      headers['If-Match'] = '"' + entity.version + '"';
    }
    try {
      const response = await api('/' + segment(name) + '/' + segment(id) + '/transitions/' + segment(option.name), {
        method: 'POST', headers, body
      });
      const result = await response.json();
      const text = typeof result.result === 'string' ? result.result : null;
      flash = { title: option.label + ': now ' + result.state, text };
    } catch (error) {
      if (form && error.problem && Array.isArray(error.problem.errors)) {
        showFieldErrors(form, option, error.problem.errors);
        return;
      }
      if (error.status === 412 || (error.problem && error.problem.type === 'urn:fsm:problem:conflict')) {
        error.title = 'Someone else changed this meanwhile';
        error.message = sentence(error.message) + ' The page now shows it as it is.';
      }
      flash = { error };
    }
    await render();
  }

  /* ---------- routing ---------- */

  function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query] = hash.split('?');
    const parts = path.split('/').filter((part) => part.length > 0).map(decodeURIComponent);
    const number = Math.max(0, parseInt(new URLSearchParams(query || '').get('page') || '0', 10) || 0);
    if (parts.length === 0) {
      return homeView();
    }
    if (parts[0] === 'w' && parts.length === 2) {
      return workflowView(parts[1]);
    }
    if (parts[0] === 'w' && parts.length === 4 && (parts[2] === 's' || parts[2] === 'g')) {
      return stateView(parts[1], parts[3], number, parts[2]);
    }
    if (parts[0] === 'w' && parts.length === 4 && parts[2] === 'e') {
      return entityView(parts[1], parts[3]);
    }
    throw Object.assign(new Error('There is no page ' + hash), { status: 404, title: 'Not found' });
  }

  /** Shows the view of the fragment, unless another navigation started meanwhile. */
  async function render() {
    const current = ++renderCount;
    let shown;
    try {
      shown = await route();
    } catch (error) {
      shown = page('Problem', [{ text: 'Workflows', href: '#/' }], el('h1', { text: 'Workflows' }),
        problemBox(error, () => location.reload()));
    }
    if (current === renderCount) {
      show(shown);
    }
  }

  function start() {
    main = document.getElementById('main');
    crumbs = document.getElementById('crumbs');
    window.addEventListener('hashchange', async () => {
      flash = null;
      await render();
      main.focus({ preventScroll: false });
    });
    render();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
