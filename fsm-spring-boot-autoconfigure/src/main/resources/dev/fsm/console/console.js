/*
 * The workflow console: plain JavaScript over the workflow HTTP API, no framework, no build.
 * Views are chosen by the URL fragment:
 *   #/                       the workflows, each with its diagram and the count of entities per state
 *   #/w/{workflow}           one workflow: diagram, states, transitions
 *   #/w/{workflow}/s/{state} the entities in a state, how long each has been in it, bulk actions
 *   #/w/{workflow}/g/{group} the entities in the states of a state group
 *   #/w/{workflow}/a         all its entities
 *   (each list takes ?page=n and ?filter.{attribute}=value for the workflow's searchable attributes)
 *   #/w/{workflow}/e/{id}    one entity: its fields, what the user may fire now, its history and diagram
 * Words come from the API's label, description, message, confirm and help fields when it has
 * them; otherwise names are humanised ("ADMIN_REVIEW" reads "Admin review").
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
  const DEFAULT_STUCK_MS = 7 * 24 * 3600 * 1000;
  const PAGE_SIZE = 25;
  const ENTITY_URLS = (() => {
    try {
      return JSON.parse(meta('fsm-entity-urls') || '{}');
    } catch (ignored) {
      return {};
    }
  })();

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
    const error = new Error((body && (body.message || body.detail)) || statusMessage(status));
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

  /** "ADMIN_REVIEW", "adminReview" and "admin-review" read "Admin review". */
  function humanise(name) {
    const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_\-.]+/g, ' ').trim().toLowerCase();
    return words.charAt(0).toUpperCase() + words.substring(1);
  }

  /** The state names of a workflow, whether the API lists them as names or as objects with a name. */
  function stateNames(workflow) {
    return (workflow.states || []).map((state) => (typeof state === 'string' ? state : state.name));
  }

  /** What the API says of a state (label, description), wherever it says it; {} when nothing. */
  function stateInfo(workflowName, state) {
    const workflow = workflowNamed(workflowName);
    if (!workflow) {
      return {};
    }
    const listed = (workflow.states || []).find((entry) => typeof entry === 'object' && entry && entry.name === state);
    const details = (workflow.stateDetails || []).find((entry) => entry.name === state);
    const labels = workflow.stateLabels || {};
    return Object.assign({}, details || {}, listed || {}, labels[state] ? { label: labels[state] } : {});
  }

  function stateLabel(workflowName, state) {
    if (state === null || state === undefined) {
      return 'NULL';
    }
    return stateInfo(workflowName, state).label || humanise(state);
  }

  function stateBadge(workflowName, state) {
    const workflow = workflowNamed(workflowName);
    const index = workflow ? stateNames(workflow).indexOf(state) : -1;
    const kind = index < 0 ? 'unknown' : 's' + (index % 8);
    const known = index >= 0;
    return el('span', { class: 'badge ' + kind, 'data-state': state, title: known ? state : null,
      text: known ? stateLabel(workflowName, state) : (state === null ? 'NULL' : state) });
  }

  function transitionText(transition) {
    return transition.label || humanise(transition.name);
  }

  /** The question to ask before firing (@Transition(confirm)); null for none. */
  function confirmation(transition) {
    return transition.confirm || null;
  }

  /** How long an entity may stay in a state before it counts as stuck: the API's ISO-8601 duration, else 7 days. */
  function stuckAfterMs(workflowName, state) {
    const workflow = workflowNamed(workflowName);
    const declared = workflow && workflow.stuckAfter ? workflow.stuckAfter[state] : null;
    const parsed = declared ? isoDuration(declared) : null;
    return parsed === null ? DEFAULT_STUCK_MS : parsed;
  }

  /** PnDTnHnMn.nS in milliseconds; null for anything else. */
  function isoDuration(text) {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (!match) {
      return null;
    }
    const [, days, hours, minutes, seconds] = match.map((part) => Number(part || 0));
    return (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
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

  /** A count of /states: beyond 10,000 the API stops counting ({@code exact: false}), shown as "10000+". */
  function countText(entry) {
    return entry ? (entry.exact === false ? entry.count + '+' : entry.count) : 0;
  }

  /** The label the buttons and the diagram use, for a transition named in a record. */
  function transitionLabel(workflowName, name) {
    const workflow = workflowNamed(workflowName);
    const transition = workflow && workflow.transitions.find((candidate) => candidate.name === name);
    return transition ? transitionText(transition) : humanise(name);
  }

  /** Why not: the API's message, else the states it starts from, or the API's sentence. */
  function reasonText(workflowName, option) {
    if (option.message) {
      return option.message;
    }
    const reasons = option.reasons || [];
    return option.status === 'WRONG_STATE' ? 'only from ' + reasons.map((state) => stateLabel(workflowName, state)).join(', ')
      : reasons.join(' ');
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
    // "Author review · CaseReport.state · Workflows · Case reports"; never a dangling separator
    document.title = [shown.title === 'Workflows' ? null : shown.title, 'Workflows', meta('fsm-app')]
      .filter((part) => part).join(' · ');
    setCrumbs(shown.trail);
    main.replaceChildren();
    append(main, shown.content);
    keyboardScrolling();
  }

  /** A box that scrolls sideways (a wide table or diagram on a phone) can be scrolled from the keyboard. */
  function keyboardScrolling() {
    main.querySelectorAll('.table-wrap, .diagram').forEach((box) => {
      if (box.scrollWidth > box.clientWidth + 1) {
        const heading = box.closest('section') && box.closest('section').querySelector('h2');
        box.setAttribute('tabindex', '0');
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', (heading ? heading.textContent + ', ' : '') + 'scrolls sideways');
      } else if (box.getAttribute('role') === 'region') {
        box.removeAttribute('tabindex');
        box.removeAttribute('role');
        box.removeAttribute('aria-label');
      }
    });
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
    if (current.bulk) {
      return bulkResults(current.bulk);
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
    // links inside: a group of controls, no longer one image (an image may not hold controls)
    svg.setAttribute('role', 'group');
    const byState = new Map(counts.map((entry) => [entry.state, entry]));
    svg.querySelectorAll('g[data-state]').forEach((group) => {
      const state = group.getAttribute('data-state');
      const count = byState.has(state) ? byState.get(state).count : 0;
      const box = group.querySelector('rect');
      if (box) {
        const x = parseFloat(box.getAttribute('x')) + parseFloat(box.getAttribute('width'));
        const y = parseFloat(box.getAttribute('y'));
        const badge = svgElement('g', { class: 'count-badge' + (count === 0 ? ' zero' : '') });
        const label = String(countText(byState.get(state)));
        const radius = label.length > 2 ? 14 : 11;
        badge.appendChild(svgElement('circle', { cx: x - 2, cy: y + 2, r: radius }));
        const text = svgElement('text', { x: x - 2, y: y + 6, 'text-anchor': 'middle' });
        text.textContent = label;
        badge.appendChild(text);
        group.appendChild(badge);
      }
      const link = svgElement('a', {
        href: '#/w/' + segment(workflowName) + '/s/' + segment(state),
        'aria-label': stateLabel(workflowName, state) + ': ' + entities(countText(byState.get(state)))
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
      const total = counts.reduce((sum, entry) => sum + entry.count, 0) + (counts.some((entry) => entry.exact === false) ? '+' : '');
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
        el('td', { class: 'num', text: countText(entry) }))))));
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
        el('td', {}, el('strong', { text: transitionText(transition) }),
          transition.description ? el('div', { class: 'sub', text: transition.description }) : null),
        el('td', {}, transition.sources.map((state) => [stateBadge(name, state), ' '])),
        el('td', {}, transition.targets.map((state) => [stateBadge(name, state), ' '])),
        el('td', { text: transition.needsInput ? Object.keys(transition.arguments.properties).join(', ') : '' }))))));
    return page(name, trail, el('h1', { text: name }),
      el('p', { class: 'sub' }, 'Entity ' + workflow.entity + ', initial state ' + stateLabel(name, workflow.initialState) + '. ',
        el('a', { href: '#/w/' + segment(name) + '/a', text: 'All its entities' })),
      el('div', { class: 'tools' }, findById(name), filterForm(name, '#/w/' + segment(name) + '/a', {})),
      el('div', { class: 'columns' },
        el('section', { class: 'card' }, el('h2', { text: 'Diagram' }),
          await diagram('/' + segment(name) + '/diagram', name, counts)),
        el('section', { class: 'card' }, el('h2', { text: 'States' }), stateTable(name, counts),
          groups.length > 0 ? [el('h2', { text: 'Groups' }), groupTable(name, groups)] : null)),
      el('section', { class: 'card' }, el('h2', { text: 'Transitions' }), transitions));
  }

  /* ---------- finding entities ---------- */

  /** A form that opens an entity by its id; the API answers one the user may not read as missing. */
  function findById(name) {
    const input = el('input', { id: 'find-id', name: 'id', type: 'search', required: true, autocomplete: 'off',
      inputmode: 'text', 'aria-describedby': 'find-id-help' });
    const form = el('form', { class: 'find', role: 'search', 'aria-label': 'Find by id' },
      el('div', { class: 'field' }, el('label', { for: 'find-id', text: 'Find by id' }), input,
        el('p', { class: 'help', id: 'find-id-help', text: 'Opens the entity with this id, if you may read it.' })),
      el('div', {}, el('button', { type: 'submit', class: 'secondary', text: 'Open' })));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const id = input.value.trim();
      if (id) {
        location.hash = '#/w/' + segment(name) + '/e/' + segment(id);
      }
    });
    return form;
  }

  /** A form that filters a list by the workflow's searchable attributes, kept in the URL. */
  function filterForm(name, path, filters) {
    const workflow = workflowNamed(name);
    const searchable = (workflow && workflow.searchable) || [];
    if (searchable.length === 0) {
      return null;
    }
    const inputs = searchable.map((attribute) => el('div', { class: 'field' },
      el('label', { for: 'filter-' + attribute, text: humanise(attribute) }),
      el('input', { id: 'filter-' + attribute, name: attribute, type: 'search', value: filters[attribute] || '',
        maxlength: 200, autocomplete: 'off' })));
    const form = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter' }, inputs,
      el('div', { class: 'filter-buttons' }, el('button', { type: 'submit', text: 'Filter' }),
        Object.keys(filters).length > 0 ? el('a', { class: 'button secondary', href: path, text: 'Clear' }) : null));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      searchable.forEach((attribute) => {
        const value = form.elements.namedItem(attribute).value.trim();
        if (value) {
          query.set('filter.' + attribute, value);
        }
      });
      const text = query.toString();
      location.hash = path + (text ? '?' + text : '');
    });
    return form;
  }

  /* ---------- lists ---------- */

  /**
   * The entities in a state, with {@code kind} 'g' in the states of a group, with 'a' all of
   * them; filtered, a page at a time, the ones there too long marked, with bulk actions.
   */
  async function stateView(name, state, number, kind, filters) {
    await loadWorkflows();
    const workflow = workflowNamed(name);
    const all = kind === 'a';
    const group = kind === 'g';
    const shown = all ? 'All entities' : (group ? 'Group ' + state : stateLabel(name, state));
    const trail = [{ text: 'Workflows', href: '#/' }, { text: name, href: '#/w/' + segment(name) }, { text: shown }];
    const path = '#/w/' + segment(name) + (all ? '/a' : '/' + kind + '/' + segment(state));
    const query = new URLSearchParams();
    if (!all) {
      query.set(group ? 'group' : 'state', state);
    }
    query.set('page', number);
    query.set('size', PAGE_SIZE);
    Object.entries(filters).forEach(([attribute, value]) => query.set('filter.' + attribute, value));
    const result = await json('/' + segment(name) + '?' + query.toString());
    const now = Date.now();
    const rows = result.content.map((entity) => {
      const waited = entity.since ? now - new Date(entity.since).getTime() : null;
      const stuck = typeof entity.stuck === 'boolean' ? entity.stuck
        : (waited !== null && waited > stuckAfterMs(name, entity.state));
      const select = el('input', { type: 'checkbox', class: 'pick', value: entity.id, 'data-version': entity.version,
        'data-state': entity.state, 'aria-label': 'Select #' + entity.id });
      return el('tr', { class: stuck ? 'stuck' : null },
        el('td', { class: 'pick-cell' }, select),
        el('td', {}, el('a', { href: '#/w/' + segment(name) + '/e/' + segment(entity.id), text: '#' + entity.id }),
          entity.label ? el('span', { class: 'label', text: entity.label }) : null),
        el('td', {}, stateBadge(name, entity.state)),
        el('td', { text: entity.since ? when(entity.since) : 'not recorded' }),
        el('td', {}, waited !== null ? duration(waited) : '', stuck ? el('span', { class: 'stuck-flag', text: 'stuck' }) : null));
    });
    const filterQuery = Object.entries(filters).map(([attribute, value]) => '&filter.' + attribute + '=' + encodeURIComponent(value)).join('');
    const pager = el('nav', { class: 'pager', 'aria-label': 'Pages' },
      number > 0 ? el('a', { class: 'button secondary', href: path + '?page=' + (number - 1) + filterQuery, text: 'Previous' }) : null,
      el('span', { text: 'Page ' + (result.totalPages === 0 ? 0 : number + 1) + ' of ' + result.totalPages }),
      number + 1 < result.totalPages ? el('a', { class: 'button secondary', href: path + '?page=' + (number + 1) + filterQuery, text: 'Next' }) : null);
    const entityName = workflow ? workflow.entity : name;
    const stuckNote = all || group ? 'Marked "stuck": longer in their state than it allows.'
      : 'Marked "stuck": more than ' + duration(stuckAfterMs(name, state)) + ' in this state.';
    const filtered = Object.keys(filters).length > 0 ? ', filtered' : '';
    const table = result.content.length === 0
      ? el('p', { class: 'empty', text: filtered ? 'None matches the filter.' : 'None.' })
      : el('div', { class: 'table-wrap' }, el('table', { class: 'entities' },
        el('caption', { class: 'visually-hidden', text: entityName + ' in ' + shown }),
        el('thead', {}, el('tr', {},
          el('td', { class: 'pick-cell' }, el('input', { type: 'checkbox', class: 'pick-all', 'aria-label': 'Select all on this page',
            onchange: (event) => main.querySelectorAll('input.pick').forEach((box) => { box.checked = event.target.checked; }) })),
          ['Entity', 'State', 'In its state since', 'For'].map((text) => el('th', { scope: 'col', text })))),
        el('tbody', {}, rows)));
    const bulk = result.content.length > 0 ? bulkForm(name, all || group ? null : state) : null;
    return page(shown + ' · ' + name, trail,
      el('h1', {}, entityName + ' ', all ? '' : 'in ', all ? 'entities' : (group ? 'group ' + state : stateBadge(name, state))),
      el('p', { class: 'sub', text: entities(result.totalElements) + filtered + '. ' + stuckNote }),
      flashBox(),
      el('div', { class: 'tools' }, findById(name), filterForm(name, path, filters)),
      el('section', { class: 'card', 'aria-label': 'Entities' }, bulk, table, pager));
  }

  /* ---------- bulk actions ---------- */

  /** The transitions that take no input, which may be fired on the selected rows at once. */
  function bulkForm(name, state) {
    const workflow = workflowNamed(name);
    const candidates = [];
    (workflow ? workflow.transitions : []).forEach((transition) => {
      const fromHere = state === null || transition.sources.includes(state) || transition.sources.includes('*')
        || transition.sources.includes('+');
      if (!transition.needsInput && fromHere && !candidates.some((known) => known.name === transition.name)) {
        candidates.push(transition);
      }
    });
    if (candidates.length === 0) {
      return null;
    }
    const choice = el('select', { id: 'bulk-transition', name: 'transition' },
      candidates.map((transition) => el('option', { value: transition.name, text: transitionText(transition) })));
    const form = el('form', { class: 'bulk', 'aria-label': 'Bulk action' },
      el('div', { class: 'field' }, el('label', { for: 'bulk-transition', text: 'With the selected' }), choice),
      el('div', {}, el('button', { type: 'submit', text: 'Apply' })));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const picked = Array.from(main.querySelectorAll('input.pick:checked'));
      if (picked.length === 0) {
        flash = { error: { title: 'Nothing selected', message: 'Select the entities to apply it to.' } };
        await render();
        return;
      }
      const transition = candidates.find((candidate) => candidate.name === choice.value);
      const question = confirmation(transition)
        ? confirmation(transition) + ' (' + entities(picked.length) + ')'
        : null;
      const go = async () => {
        await fireAll(name, transition, picked.map((box) => ({ id: box.value, version: box.getAttribute('data-version') })));
      };
      if (question) {
        askFirst(form, question, transitionText(transition), go);
      } else {
        await go();
      }
    });
    return form;
  }

  async function fireAll(name, transition, rows) {
    const query = new URLSearchParams();
    const versioned = rows.every((row) => row.version !== null && row.version !== '');
    rows.forEach((row) => {
      query.append('id', row.id);
      if (versioned) {
        query.append('version', row.version);
      }
    });
    try {
      const response = await api('/' + segment(name) + '/transitions/' + segment(transition.name) + '?' + query.toString(), {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}'
      });
      const answer = await response.json();
      flash = { bulk: { workflow: name, transition, answer } };
    } catch (error) {
      flash = { error };
    }
    await render();
  }

  /** The result of each row of a bulk action, refusals with their reason; nothing left out. */
  function bulkResults(result) {
    const { workflow, transition, answer } = result;
    const parts = [answer.fired + ' fired'];
    if (answer.refused > 0) {
      parts.push(answer.refused + ' refused');
    }
    if (answer.failed > 0) {
      parts.push(answer.failed + ' failed');
    }
    const clean = answer.refused === 0 && answer.failed === 0;
    return el('div', { class: clean ? 'message' : 'problem', role: clean ? 'status' : 'alert' },
      el('strong', { text: transitionText(transition) + ': ' + parts.join(', ') }),
      el('ul', { class: 'results' }, answer.results.map((row) => el('li', { 'data-outcome': row.outcome },
        el('a', { href: '#/w/' + segment(workflow) + '/e/' + segment(row.id), text: '#' + row.id }), ': ',
        row.outcome === 'FIRED' ? ['now ', stateLabel(workflow, row.state)]
          : (row.outcome === 'REFUSED' ? 'refused. ' : 'failed. ') + (row.message || row.detail || row.title)))));
  }

  /** An inline question before something that asks to be confirmed; the answer goes on, or not. */
  function askFirst(anchor, question, label, onYes) {
    const existing = anchor.parentNode.querySelector('.confirm');
    if (existing) {
      existing.remove();
    }
    const yes = el('button', { type: 'button', class: 'danger', text: 'Yes, ' + label.charAt(0).toLowerCase() + label.substring(1) });
    const no = el('button', { type: 'button', class: 'secondary', text: 'Cancel' });
    const box = el('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'confirm-question', 'aria-modal': 'false' },
      el('p', { id: 'confirm-question', text: question }), el('div', { class: 'confirm-buttons' }, yes, no));
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      box.remove();
      await onYes();
    });
    no.addEventListener('click', () => {
      box.remove();
      const button = anchor.querySelector('button[type=submit]');
      if (button) {
        button.focus();
      }
    });
    anchor.parentNode.insertBefore(box, anchor.nextSibling);
    yes.focus();
  }

  /** The application's own page of the entity, from fsm.console.entity-url(s); null without one. */
  function entityUrl(name, id) {
    const template = ENTITY_URLS[name] || ENTITY_URLS[''];
    if (!template) {
      return null;
    }
    return template.replace(/\{id\}/g, encodeURIComponent(id)).replace(/\{workflow\}/g, encodeURIComponent(name));
  }

  async function entityView(name, id) {
    const trail = [{ text: 'Workflows', href: '#/' }, { text: name, href: '#/w/' + segment(name) }, { text: '#' + id }];
    await loadWorkflows();
    const base = '/' + segment(name) + '/' + segment(id);
    const entity = await json(base + '?fields=true');
    const message = flashBox();
    const offered = entity.transitions.filter((option) => option.allowed || option.status === 'NEEDS_INPUT');
    const others = entity.transitions.filter((option) => !(option.allowed || option.status === 'NEEDS_INPUT'));
    const actions = el('section', { class: 'card', 'aria-labelledby': 'actions' },
      el('h2', { id: 'actions', text: 'What you can do' }),
      offered.length === 0 ? el('p', { class: 'empty', text: 'Nothing: no transition is open to you in this state.' }) : null,
      el('div', { class: 'actions' }, offered.map((option) => action(name, id, entity, option))),
      others.length > 0 ? el('details', { class: 'why' }, el('summary', { text: 'Why not the others' }),
        el('ul', {}, others.map((option) => el('li', {}, el('strong', { text: transitionText(option) }), ': ' + reasonText(name, option))))) : null);
    const [picture, history] = await Promise.all([
      diagram(base + '/diagram', name, null),
      historyList(base)
    ]);
    const own = entityUrl(name, id);
    const info = stateInfo(name, entity.state);
    const fields = entity.fields || [];
    return page('#' + id + ' · ' + name, trail,
      el('h1', {}, workflowNamed(name) ? workflowNamed(name).entity : name, ' #' + id, ' ', stateBadge(name, entity.state),
        entity.label ? el('span', { class: 'label', text: entity.label }) : null),
      el('dl', { class: 'facts' },
        el('div', {}, el('dt', { text: 'Workflow' }), el('dd', { text: name })),
        el('div', {}, el('dt', { text: 'State' }), el('dd', { text: entity.state })),
        entity.version !== null && entity.version !== undefined
          ? el('div', {}, el('dt', { text: 'Version' }), el('dd', { text: entity.version })) : null,
        own ? el('div', {}, el('dt', { text: 'In the application' }), el('dd', {}, el('a', { class: 'own-page', href: own, text: 'Open its page' }))) : null),
      info.description ? el('p', { class: 'sub', text: info.description }) : null,
      message,
      el('div', { class: 'columns' },
        el('div', { class: 'stack' }, actions,
          fields.length > 0 ? el('section', { class: 'card', 'aria-labelledby': 'fields' }, el('h2', { id: 'fields', text: 'Fields' }),
            el('dl', { class: 'fields' }, fields.map((entry) => el('div', {},
              el('dt', { text: entry.label || humanise(entry.name) }),
              el('dd', { class: entry.value === null ? 'empty' : null, text: entry.value === null ? 'none' : String(entry.value) }))))) : null),
        el('section', { class: 'card', 'aria-labelledby': 'history' }, el('h2', { id: 'history', text: 'History' }), history)),
      el('section', { class: 'card diagram-card', 'aria-labelledby': 'diagram-title' },
        el('div', { class: 'card-head' }, el('h2', { id: 'diagram-title', text: 'Diagram' }), enlargeButton(picture)),
        picture));
  }

  /** A button that shows the diagram at one and a half times its size in a dialog, scrolling. */
  function enlargeButton(picture) {
    const svg = picture.querySelector('svg');
    if (!svg || typeof HTMLDialogElement === 'undefined') {
      return null;
    }
    return el('button', { type: 'button', class: 'secondary enlarge', text: 'Enlarge', onclick: () => {
      const large = svg.cloneNode(true);
      large.removeAttribute('style');
      const natural = parseFloat(svg.getAttribute('width')) || 800;
      large.style.width = (natural * 1.5) + 'px';
      large.style.maxWidth = 'none';
      const close = el('button', { type: 'button', class: 'secondary', text: 'Close' });
      const dialog = el('dialog', { class: 'zoom', 'aria-label': 'Diagram, enlarged' },
        el('div', { class: 'zoom-head' }, el('h2', { text: 'Diagram' }), close),
        el('div', { class: 'zoom-body', tabindex: '0', role: 'region', 'aria-label': 'Diagram, scrollable' }, large));
      close.addEventListener('click', () => dialog.close());
      dialog.addEventListener('close', () => dialog.remove());
      document.body.appendChild(dialog);
      dialog.showModal();
    } });
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
      field(option, parameter, schema, required.includes(parameter), defaults[parameter]));
    const label = transitionText(option);
    const button = el('button', { type: 'submit', text: label });
    const form = el('form', { 'aria-label': label }, fields, el('div', {}, button));
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
      const go = async () => {
        button.disabled = true;
        await fire(name, id, entity, option, body, form);
        button.disabled = false;
      };
      if (confirmation(option)) {
        askFirst(form, confirmation(option), label, go);
      } else {
        await go();
      }
    });
    return el('div', { class: 'action' },
      option.description ? el('p', { text: option.description }) : null,
      form);
  }

  /** What the API says of a parameter (label, help), wherever it says it. */
  function parameterInfo(option, parameter, schema) {
    const listed = (option.parameters || []).find((entry) => entry && entry.name === parameter) || {};
    return {
      label: listed.label || schema.title || humanise(parameter),
      help: listed.help || schema.description || null
    };
  }

  /** One input of a transition's form, started from the entity's current value when there is one. */
  function field(option, parameter, schema, required, value) {
    const id = 'f-' + option.name + '-' + parameter;
    const info = parameterInfo(option, parameter, schema);
    const label = el('label', { for: id, text: info.label });
    const help = info.help ? el('p', { class: 'help', id: id + '-help', text: info.help }) : null;
    const described = (element) => {
      if (help) {
        element.setAttribute('aria-describedby', id + '-help');
      }
      return element;
    };
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'boolean') {
      return el('div', { class: 'field check' }, described(el('input', { type: 'checkbox', id, name: parameter, 'data-type': 'boolean',
        checked: value === true })), label, help);
    }
    if (schema.enum) {
      return el('div', { class: 'field' }, label, described(el('select', { id, name: parameter, required, 'data-type': 'string' },
        schema.enum.map((constant) => el('option', { value: constant, text: constant, selected: constant === value })))), help);
    }
    if (type === 'array' || type === 'object') {
      const area = el('textarea', { id, name: parameter, required, 'data-type': 'json', placeholder: type === 'array' ? '[ ]' : '{ }' });
      area.value = value === undefined ? '' : JSON.stringify(value, null, 2);
      return el('div', { class: 'field' }, label, described(area), help);
    }
    if (type === 'string' && !schema.format && typeof value === 'string' && (value.length > 60 || value.includes('\n'))) {
      const area = el('textarea', { id, name: parameter, 'data-type': 'string', rows: 6 });
      area.value = value;
      return el('div', { class: 'field' }, label, described(area), help);
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
    return el('div', { class: 'field' }, label, described(element), help);
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
      const help = document.getElementById(input.id + '-help');
      input.setAttribute('aria-describedby', help ? messageId + ' ' + help.id : messageId);
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
      const help = document.getElementById(input.id + '-help');
      if (help) {
        input.setAttribute('aria-describedby', help.id);
      } else {
        input.removeAttribute('aria-describedby');
      }
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
      flash = { title: transitionText(option) + ': now ' + stateLabel(name, result.state), text };
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
    const filters = {};
    new URLSearchParams(query || '').forEach((value, key) => {
      if (key.startsWith('filter.') && value) {
        filters[key.substring('filter.'.length)] = value;
      }
    });
    if (parts[0] === 'w' && parts.length === 4 && (parts[2] === 's' || parts[2] === 'g')) {
      return stateView(parts[1], parts[3], number, parts[2], filters);
    }
    if (parts[0] === 'w' && parts.length === 3 && parts[2] === 'a') {
      return stateView(parts[1], null, number, 'a', filters);
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
    window.addEventListener('resize', keyboardScrolling);
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
