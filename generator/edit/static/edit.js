/* plansite edit: a form built in the browser from the file's JSON Schema; the local server checks and saves.
 * No rule of the data is written here: every value goes to /_edit/api/check, which runs plansite's validator,
 * and its messages are put beside their fields. Unsaved input is kept in localStorage until saved or discarded. */
(function () {
  'use strict';

  var params = new URLSearchParams(location.search);
  var lang = params.get('lang') === 'en' ? 'en' : 'ko';
  var token = document.querySelector('meta[name="plansite-edit-token"]').getAttribute('content');
  var W = {};
  var doc = null; // what the server gave: kind, ids, file, data, version, schema, context
  var data = null; // the data as the form holds it
  var saved = ''; // the data on disk, as JSON text: the form has changes when it differs
  var fields = {}; // YAML path → {box, inputs}
  var lastCheck = null;
  var checkTimer = 0;
  var checkSeq = 0;
  var uid = 0;
  var MARKDOWN = { content: true, narrative: true, method: true };
  var ROOT_MODELS = { plan: 'PlanFile', project: 'ProjectFile', check: 'CheckFile', results: 'ProjectResults' };
  var TEXT_MODELS = { LocalizedText: 'text', UnitText: 'unit' };

  function $(id) { return document.getElementById(id); }

  function w(key, values) {
    var entry = W[key];
    var text = entry ? entry[lang] : key;
    if (values) {
      text = text.replace(/\{(\w+)(?::[^}]*)?\}/g, function (all, name) {
        return values[name] === undefined ? all : String(values[name]);
      });
    }
    return text;
  }

  function has(key) { return Object.prototype.hasOwnProperty.call(W, key) && W[key][lang] !== ''; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function nextId(prefix) { uid += 1; return prefix + '-' + uid; }

  function formatNumber(value) {
    return Number(value).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
  }

  // Talking to the server.

  function call(method, name, body) {
    var options = { method: method, headers: { 'X-Plansite-Token': token }, cache: 'no-store' };
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch('/_edit/api/' + name, options).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, body: json }; });
    });
  }

  function say(text, kind) {
    var status = $('edit-status');
    status.textContent = text;
    status.className = 'edit-status' + (kind ? ' ' + kind : '');
  }

  function failed(error) { say(w('edit_status_failed', { reason: String(error) }), 'invalid'); }

  // Paths: the form's place of a value, and the validator's YAML path (`indicators[0].targets.2024`).

  function yamlPath(path) {
    var text = '';
    path.forEach(function (part) {
      if (typeof part === 'number') text += '[' + part + ']';
      else text += (text ? '.' : '') + part;
    });
    return text;
  }

  function getAt(path) {
    var value = data;
    for (var i = 0; i < path.length; i += 1) {
      if (value === null || typeof value !== 'object') return undefined;
      value = value[path[i]];
    }
    return value;
  }

  function setAt(path, value) {
    var node = data;
    for (var i = 0; i < path.length - 1; i += 1) {
      if (node[path[i]] === null || typeof node[path[i]] !== 'object') {
        node[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
      }
      node = node[path[i]];
    }
    node[path[path.length - 1]] = value;
  }

  function deleteAt(path) {
    var parent = getAt(path.slice(0, -1));
    var last = path[path.length - 1];
    if (Array.isArray(parent)) parent.splice(last, 1);
    else if (parent && typeof parent === 'object') delete parent[last];
  }

  // What a schema asks for.

  function deref(schema) {
    var seen = 0;
    while (schema && schema.$ref && seen < 20) {
      schema = doc.schema.$defs[schema.$ref.split('/').pop()];
      seen += 1;
    }
    return schema || {};
  }

  function modelOf(schema) { return schema && schema.$ref ? schema.$ref.split('/').pop() : ''; }

  function shape(schema) {
    var model = modelOf(schema);
    if (TEXT_MODELS[model]) return { kind: TEXT_MODELS[model], model: model, nullable: false, schema: deref(schema) };
    var resolved = deref(schema);
    if (resolved.anyOf) {
      var options = resolved.anyOf.filter(function (option) { return option.type !== 'null'; });
      var nullable = options.length < resolved.anyOf.length;
      if (options.some(function (option) { return option.const !== undefined; })) {
        return { kind: 'budget', nullable: true, schema: resolved };
      }
      var textual = options.filter(function (option) { return TEXT_MODELS[modelOf(option)]; });
      if (textual.length && options.length === 2 && options.some(function (o) { return o.type === 'string'; })) {
        return { kind: TEXT_MODELS[modelOf(textual[0])], model: modelOf(textual[0]), nullable: nullable, schema: {} };
      }
      if (options.length === 1) {
        var inner = shape(options[0]);
        inner.nullable = inner.nullable || nullable;
        return inner;
      }
      return { kind: 'target', nullable: true, schema: resolved };
    }
    var types = [].concat(resolved.type || []);
    if (resolved.enum) return { kind: 'enum', nullable: types.indexOf('null') >= 0, schema: resolved };
    if (types.indexOf('boolean') >= 0) return { kind: 'bool', schema: resolved };
    if (types.indexOf('string') >= 0) return { kind: 'string', schema: resolved };
    if (types.indexOf('number') >= 0 || types.indexOf('integer') >= 0) {
      return { kind: 'number', nullable: types.indexOf('null') >= 0, schema: resolved };
    }
    if (types.indexOf('array') >= 0) return { kind: 'array', schema: resolved };
    if (resolved.properties) return { kind: 'object', model: modelOf(schema), schema: resolved };
    if (resolved.additionalProperties !== undefined) return { kind: 'map', schema: resolved };
    return { kind: 'json', schema: resolved };
  }

  function emptyValue(schema) {
    var found = shape(schema);
    if (found.kind === 'text' || found.kind === 'unit') return { ko: '' };
    if (found.kind === 'object') {
      var value = {};
      (found.schema.required || []).forEach(function (key) {
        value[key] = emptyValue(found.schema.properties[key]);
      });
      return value;
    }
    if (found.kind === 'array') return [];
    if (found.kind === 'map') return {};
    if (found.kind === 'string') return '';
    if (found.kind === 'enum') return found.schema.default !== undefined ? found.schema.default : found.schema.enum[0];
    if (found.kind === 'bool') return false;
    return null;
  }

  function newItem(itemSchema, path) {
    var item = emptyValue(itemSchema);
    var key = path[path.length - 1];
    if (key === 'indicators' && doc.kind === 'project' && item && typeof item === 'object') {
      var list = getAt(path) || [];
      var highest = 0;
      list.forEach(function (indicator) {
        var last = String(indicator && indicator.id || '').split('-').pop();
        highest = Math.max(highest, parseInt(last, 10) || 0);
      });
      item.id = data.id + '-' + (highest + 1);
    }
    return item;
  }

  // The words beside a field: its name, and its help (Korean from the catalogue, else the schema's description).

  function labelOf(key) { return has('edit_field_' + key) ? w('edit_field_' + key) : String(key); }

  function helpOf(model, key, schema) {
    if (lang === 'ko' && has('edit_help_' + model + '_' + key)) return { text: w('edit_help_' + model + '_' + key) };
    var description = schema && schema.description;
    return description ? { text: description, lang: 'en' } : null;
  }

  function unitWords(unit) {
    if (!unit) return '';
    if (typeof unit === 'string') return unit;
    var scale = unit.scale && unit.scale > 1 ? ' ' + w('edit_scale', { scale: formatNumber(unit.scale) }) : '';
    if (lang === 'en' && unit.en) return unit.en + scale;
    return unit.ko || '';
  }

  function unitFor(path) {
    var key = path[path.length - 1];
    var within = path.indexOf('indicators');
    if (/rate$/.test(String(key))) return '%';
    if (path[0] === 'budget' || key === 'budget' || key === 'committed' || key === 'spent') {
      return doc.context.budget_unit;
    }
    if (key !== 'actual' && key !== 'total' && path.indexOf('targets') < 0) return null;
    if (within >= 0 && doc.kind === 'project') return (getAt(path.slice(0, within + 2)) || {}).unit;
    if (within >= 0 && doc.kind === 'results') {
      var result = getAt(path.slice(0, within + 2)) || {};
      var found = (doc.context.indicators || []).filter(function (i) { return String(i.id) === String(result.indicator); });
      return found.length ? found[0].unit : null;
    }
    return null;
  }

  // A field: its box, label, help, control and the validator's messages.

  function fieldBox(container, path, label, helpText, control, describedBy) {
    var box = el('div', { 'class': 'edit-field', 'data-path': yamlPath(path) });
    var helpId = null;
    if (helpText) {
      helpId = nextId('help');
      control.setAttribute('aria-describedby', [helpId].concat(describedBy || []).join(' '));
    }
    if (label) box.appendChild(label);
    if (helpText) box.appendChild(el('span', { 'class': 'edit-help', id: helpId, lang: helpText.lang, text: helpText.text }));
    box.appendChild(control);
    container.appendChild(box);
    return box;
  }

  function register(path, box, input) {
    var key = yamlPath(path);
    fields[key] = fields[key] || { box: box, inputs: [] };
    fields[key].inputs.push(input);
  }

  function changed() {
    var now = JSON.stringify(data);
    var key = draftKey();
    try {
      if (now === saved) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify({ base: doc.version, data: data }));
    } catch (error) { /* a browser without storage still edits; the draft is only not kept */ }
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 250);
  }

  function rerender() { render(); changed(); }

  function parsed(text) {
    var trimmed = text.trim();
    if (trimmed === '') return null;
    // A figure as YAML writes it; anything else goes to the validator as typed, which says what is wrong.
    if (/^-?[0-9]+(\.[0-9]+)?$/.test(trimmed)) return Number(trimmed);
    return text;
  }

  function shown(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'object') return value.ko !== undefined ? String(value.ko) : JSON.stringify(value);
    return String(value);
  }

  function render() {
    fields = {};
    var form = $('edit-form');
    form.textContent = '';
    renderProperties(form, doc.schema, [], ROOT_MODELS[doc.kind]);
    showMessages(lastCheck);
  }

  function renderProperties(container, schema, path, model) {
    var resolved = deref(schema);
    var required = resolved.required || [];
    Object.keys(resolved.properties || {}).forEach(function (key) {
      renderField(container, key, resolved.properties[key], path.concat([key]), required.indexOf(key) >= 0, model);
    });
  }

  function renderField(container, key, schema, path, required, model) {
    var found = shape(schema);
    var help = helpOf(model, key, schema);
    var value = getAt(path);
    if (found.kind === 'text' || found.kind === 'unit') return renderText(container, key, found, path, required, help);
    if (found.kind === 'object') return renderObject(container, key, schema, path, required, help);
    if (found.kind === 'array') return renderArray(container, key, found.schema, path, help);
    if (found.kind === 'budget') return renderBudget(container, key, found.schema, path, help);
    if (found.kind === 'map' && (key === 'targets' || key === 'years')) return renderYears(container, key, path, help);
    if (found.kind === 'map' || found.kind === 'json' || (found.kind === 'target' && value && typeof value === 'object' && value.ko === undefined)) {
      return renderJson(container, key, path, required, help);
    }
    var id = nextId('f');
    var label = el('label', { 'for': id, text: labelOf(key) });
    var control;
    if (found.kind === 'enum') {
      control = el('select', { id: id });
      var defaulted = found.schema.default !== undefined;
      if (!required || found.nullable) control.appendChild(el('option', { value: '', text: defaulted ? labelOf(key) + ': ' + enumWords(found.schema.default) : w('edit_none') }));
      found.schema.enum.forEach(function (option, index) {
        control.appendChild(el('option', { value: String(index), text: enumWords(option), selected: value === option }));
      });
      control.addEventListener('change', function () {
        if (control.value === '') deleteAt(path);
        else setAt(path, found.schema.enum[Number(control.value)]);
        changed();
      });
    } else if (found.kind === 'bool') {
      control = el('input', { type: 'checkbox', id: id, checked: value === true });
      control.addEventListener('change', function () {
        if (control.checked) setAt(path, true);
        else if (required) setAt(path, false);
        else deleteAt(path);
        changed();
      });
    } else {
      var numeric = found.kind === 'number' || found.kind === 'target';
      control = el('input', { type: 'text', id: id, value: shown(value), 'class': numeric ? 'edit-number' : null, inputmode: numeric ? 'decimal' : null, autocomplete: 'off' });
      control.addEventListener('input', function () {
        var typed = numeric ? parsed(control.value) : control.value;
        if ((typed === null || typed === '') && !required) deleteAt(path);
        else setAt(path, typed === null ? null : typed);
        changed();
      });
    }
    var wrapper = control;
    var unit = found.kind === 'number' || found.kind === 'target' ? unitWords(unitFor(path)) : '';
    if (unit) wrapper = el('span', {}, [control, el('span', { 'class': 'edit-unit', text: unit })]);
    var box = fieldBox(container, path, label, help, wrapper);
    if (wrapper !== control && help) control.setAttribute('aria-describedby', box.querySelector('.edit-help').id);
    register(path, box, control);
  }

  function enumWords(value) {
    if (typeof value === 'number') return formatNumber(value);
    return has('edit_enum_' + value) ? w('edit_enum_' + value) : String(value);
  }

  function renderText(container, key, found, path, required, help) {
    var value = getAt(path);
    var legendText = labelOf(key);
    var set = el('fieldset', { 'class': 'edit-text', 'data-path': yamlPath(path) }, [el('legend', { text: legendText })]);
    if (help) set.appendChild(el('span', { 'class': 'edit-help', lang: help.lang, text: help.text }));
    var grid = el('div', { 'class': 'edit-pair' });
    var languages = found.kind === 'unit' ? ['ko', 'en', 'scale'] : ['ko', 'en'];
    languages.forEach(function (part) {
      var id = nextId('f');
      var current = value === null || value === undefined ? '' : typeof value === 'string' ? (part === 'ko' ? value : '') : value[part];
      var control;
      if (part === 'scale') {
        control = el('select', { id: id });
        (deref({ $ref: '#/$defs/UnitText' }).properties.scale.enum || []).forEach(function (option) {
          control.appendChild(el('option', { value: String(option), text: formatNumber(option), selected: (current || 1) === option }));
        });
      } else if (MARKDOWN[key]) {
        control = el('textarea', { id: id, rows: 8, lang: part, text: current === undefined || current === null ? '' : String(current) });
      } else {
        control = el('input', { type: 'text', id: id, lang: part, value: current === undefined || current === null ? '' : String(current), autocomplete: 'off' });
      }
      control.addEventListener(part === 'scale' ? 'change' : 'input', function () { textChanged(path, part, control.value, required, found.kind); });
      grid.appendChild(el('label', { 'for': id, text: labelOf(part) }));
      var cell = el('div', {}, [control]);
      if (MARKDOWN[key] && part !== 'scale') cell.appendChild(previewButton(control, legendText));
      grid.appendChild(cell);
      register(path.concat([part]), set, control);
      register(path, set, control);
    });
    set.appendChild(grid);
    container.appendChild(set);
    fields[yamlPath(path)].box = set;
  }

  function textChanged(path, part, typed, required, kind) {
    var value = getAt(path);
    var next = value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : { ko: typeof value === 'string' ? value : '' };
    if (part === 'scale') {
      if (Number(typed) === 1) delete next.scale;
      else next.scale = Number(typed);
    } else if (typed === '' && part === 'en') delete next.en;
    else next[part] = typed;
    var keys = Object.keys(next);
    if (!required && keys.every(function (k) { return next[k] === '' || next[k] === undefined; })) deleteAt(path);
    else if (keys.length === 1 && keys[0] === 'ko' && typeof value === 'string' && kind === 'text') setAt(path, next.ko);
    else setAt(path, next);
    changed();
  }

  function previewButton(control, caption) {
    var box = el('div', { 'class': 'edit-preview', hidden: true });
    var button = el('button', { type: 'button', text: w('edit_markdown_preview') });
    button.addEventListener('click', function () {
      call('POST', 'markdown', { text: control.value, caption: caption }).then(function (answer) {
        box.innerHTML = answer.body.html || ''; // rendered and sanitised by the site's own Markdown renderer
        box.hidden = false;
      }).catch(failed);
    });
    return el('div', {}, [button, box]);
  }

  function renderObject(container, key, schema, path, required, help) {
    var value = getAt(path);
    var found = shape(schema);
    if ((value === undefined || value === null) && !required) {
      container.appendChild(addButton(labelOf(key), function () { setAt(path, emptyValue(schema)); rerender(); }));
      return;
    }
    var set = el('fieldset', { 'data-path': yamlPath(path) }, [el('legend', { text: labelOf(key) })]);
    if (help) set.appendChild(el('span', { 'class': 'edit-help', lang: help.lang, text: help.text }));
    renderProperties(set, found.schema, path, found.model || modelOf(schema) || modelOf(deref(schema).anyOf ? deref(schema).anyOf[0] : null));
    if (!required) set.appendChild(removeButton(labelOf(key), function () { deleteAt(path); rerender(); }));
    container.appendChild(set);
    register(path, set, set);
  }

  function inSentence(text) {
    // "Add indicator", not "Add Indicator": an English name inside a sentence, unless it is an abbreviation (ID).
    if (lang !== 'en' || text.length < 2 || text.charAt(1) !== text.charAt(1).toLowerCase()) return text;
    return text.charAt(0).toLowerCase() + text.slice(1);
  }

  function itemWord(key) { return has('edit_item_' + key) ? w('edit_item_' + key) : labelOf(key); }

  function addButton(what, action) {
    return el('div', { 'class': 'edit-field' }, [el('button', { type: 'button', text: w('edit_add', { what: inSentence(what) }), onclick: action })]);
  }

  function removeButton(what, action) {
    return el('button', { type: 'button', 'class': 'edit-remove', text: w('edit_remove', { what: inSentence(what) }), onclick: action });
  }

  function itemTitle(key, item, index) {
    var title = w('edit_item', { what: itemWord(key), number: index + 1 });
    if (item && typeof item === 'object') {
      var id = item.id || item.indicator;
      var name = item.name || item.title;
      if (!name && item.indicator) {
        var known = (doc.context.indicators || []).filter(function (i) { return String(i.id) === String(item.indicator); });
        name = known.length ? known[0].name : null;
      }
      if (id) title += ': ' + id + (name ? ' ' + (typeof name === 'string' ? name : (lang === 'en' && name.en) || name.ko) : '');
    }
    return title;
  }

  function renderArray(container, key, schema, path, help) {
    var list = getAt(path);
    var set = el('fieldset', { 'data-path': yamlPath(path) }, [el('legend', { text: labelOf(key) })]);
    if (help) set.appendChild(el('span', { 'class': 'edit-help', lang: help.lang, text: help.text }));
    var itemSchema = schema.items || {};
    var itemShape = shape(itemSchema);
    (Array.isArray(list) ? list : []).forEach(function (item, index) {
      var itemPath = path.concat([index]);
      var title = itemTitle(key, item, index);
      if (itemShape.kind === 'object') {
        var inner = el('fieldset', { 'data-path': yamlPath(itemPath) }, [el('legend', { text: title })]);
        renderProperties(inner, itemSchema, itemPath, modelOf(itemSchema));
        inner.appendChild(removeButton(title, function () { deleteAt(itemPath); rerender(); }));
        set.appendChild(inner);
        register(itemPath, inner, inner);
      } else {
        var holder = el('div', { 'class': 'edit-item' });
        renderField(holder, index, itemSchema, itemPath, true, '');
        var legend = holder.querySelector('legend, label');
        if (legend) legend.textContent = title;
        holder.appendChild(removeButton(title, function () { deleteAt(itemPath); rerender(); }));
        set.appendChild(holder);
      }
    });
    set.appendChild(addButton(itemWord(key), function () {
      if (!Array.isArray(getAt(path))) setAt(path, []);
      getAt(path).push(newItem(itemSchema, path));
      rerender();
      var boxes = set.ownerDocument.querySelectorAll('[data-path="' + yamlPath(path.concat([getAt(path).length - 1])) + '"] input, [data-path^="' + yamlPath(path.concat([getAt(path).length - 1])) + '"] input');
      if (boxes.length) boxes[0].focus();
    }));
    container.appendChild(set);
    register(path, set, set);
  }

  function renderBudget(container, key, schema, path, help) {
    var value = getAt(path);
    var mode = value === undefined || value === null ? 'none' : typeof value === 'string' ? 'non_budget' : 'figures';
    var set = el('fieldset', { 'data-path': yamlPath(path) }, [el('legend', { text: labelOf(key) })]);
    if (help) set.appendChild(el('span', { 'class': 'edit-help', lang: help.lang, text: help.text }));
    var id = nextId('f');
    var select = el('select', { id: id });
    ['none', 'non_budget', 'figures'].forEach(function (option) {
      select.appendChild(el('option', { value: option, text: w('edit_budget_' + option), selected: option === mode }));
    });
    select.addEventListener('change', function () {
      if (select.value === 'none') deleteAt(path);
      else if (select.value === 'non_budget') setAt(path, 'non-budget');
      else setAt(path, { years: {} });
      rerender();
    });
    set.appendChild(el('div', { 'class': 'edit-field' }, [el('label', { 'for': id, text: w('edit_budget_mode') }), select]));
    if (mode === 'figures') {
      var figures = (schema.anyOf || []).filter(function (option) { return option.$ref; })[0];
      renderProperties(set, figures, path, 'Budget');
    }
    register(path, set, select);
    container.appendChild(set);
  }

  function renderYears(container, key, path, help) {
    var value = getAt(path) || {};
    // Targets are recorded for the plan's target years when it names them (the sources show only those).
    var recorded = key === 'targets' && doc.context.target_years ? doc.context.target_years : doc.context.years;
    var years = (recorded || []).map(String);
    Object.keys(value).forEach(function (year) { if (years.indexOf(year) < 0) years.push(year); });
    years.sort();
    var owner = getAt(path.slice(0, -1)) || {};
    var rows = [{ label: labelOf(key), measure: null, unit: unitWords(unitFor(path)) }];
    if (key === 'targets' && Array.isArray(owner.measures) && owner.measures.length) {
      rows = owner.measures.map(function (measure) {
        return { label: String(measure.id || ''), measure: measure.id, unit: unitWords(measure.unit) };
      });
    }
    var set = el('fieldset', { 'data-path': yamlPath(path) }, [el('legend', { text: labelOf(key) })]);
    if (help) set.appendChild(el('span', { 'class': 'edit-help', lang: help.lang, text: help.text }));
    var head = el('tr', {}, [el('th', { scope: 'col', text: w('edit_field_year') })].concat(years.map(function (year) {
      return el('th', { scope: 'col', text: year });
    })));
    var body = el('tbody');
    rows.forEach(function (row) {
      var cells = [el('th', { scope: 'row', text: row.label + (row.unit ? ' (' + row.unit + ')' : '') })];
      years.forEach(function (year) {
        var cellPath = path.concat([year]);
        var current = value[year];
        if (row.measure !== null) current = current && typeof current === 'object' ? current[row.measure] : undefined;
        var input = el('input', {
          type: 'text', id: nextId('f'), value: shown(current), 'class': owner.qualitative ? null : 'edit-number',
          inputmode: owner.qualitative ? null : 'decimal', autocomplete: 'off',
          'aria-label': w('edit_year_cell', { year: year, what: row.label }) + (row.unit ? ' (' + row.unit + ')' : '')
        });
        input.addEventListener('input', function () { yearChanged(path, year, row.measure, input.value, owner.qualitative); });
        cells.push(el('td', {}, [input]));
        register(cellPath, set, input);
        if (row.measure !== null) register(cellPath.concat([row.measure]), set, input);
      });
      body.appendChild(el('tr', {}, cells));
    });
    set.appendChild(el('table', { 'class': 'edit-years' }, [el('thead', {}, [head]), body]));
    container.appendChild(set);
    register(path, set, set);
  }

  function yearChanged(path, year, measure, typed, qualitative) {
    var holder = getAt(path);
    if (!holder || typeof holder !== 'object') { setAt(path, {}); holder = getAt(path); }
    var figure = qualitative ? (typed.trim() === '' ? null : typed) : parsed(typed);
    if (measure !== null) {
      var measures = holder[year] && typeof holder[year] === 'object' ? holder[year] : {};
      if (figure === null) delete measures[measure];
      else measures[measure] = figure;
      holder[year] = Object.keys(measures).length ? measures : null;
    } else if (figure === null) {
      if (Object.prototype.hasOwnProperty.call(holder, year)) holder[year] = null; // "-" in the source
    } else if (qualitative && holder[year] && typeof holder[year] === 'object') {
      holder[year].ko = figure;
    } else {
      holder[year] = figure;
    }
    changed();
  }

  function renderJson(container, key, path, required, help) {
    var id = nextId('f');
    var value = getAt(path);
    var control = el('textarea', { id: id, rows: 3, text: value === undefined ? '' : JSON.stringify(value) });
    control.addEventListener('input', function () {
      try {
        var parsedValue = control.value.trim() === '' ? undefined : JSON.parse(control.value);
        if (parsedValue === undefined && !required) deleteAt(path);
        else setAt(path, parsedValue === undefined ? null : parsedValue);
        control.removeAttribute('aria-invalid');
        changed();
      } catch (error) {
        control.setAttribute('aria-invalid', 'true'); // not JSON yet: nothing to check until it is
      }
    });
    var box = fieldBox(container, path, el('label', { 'for': id, text: w('edit_json_value', { what: labelOf(key) }) }), help, control);
    register(path, box, control);
  }

  // The validator's answer, beside each field and listed at the top.

  function placeOf(path) {
    var key = path;
    while (key && !fields[key]) {
      var cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
      key = cut > 0 ? key.slice(0, cut) : '';
    }
    return fields[key] || null;
  }

  function showMessages(result) {
    Array.prototype.forEach.call(document.querySelectorAll('.edit-message'), function (node) { node.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (node) {
      node.removeAttribute('aria-invalid');
      var described = (node.getAttribute('aria-describedby') || '').split(' ').filter(function (id) { return id && id.indexOf('msg-') !== 0; });
      if (described.length) node.setAttribute('aria-describedby', described.join(' '));
      else node.removeAttribute('aria-describedby');
    });
    var list = $('edit-problems-list');
    list.textContent = '';
    if (!result) { $('edit-problems').hidden = true; return; }
    result.here.forEach(function (problem) {
      var place = placeOf(problem.path);
      var id = nextId('msg');
      var message = el('p', { 'class': 'edit-message ' + problem.severity, id: id }, [
        document.createTextNode(problem.message[lang]),
        problem.hint ? el('span', { 'class': 'edit-hint', text: problem.hint[lang] }) : null
      ]);
      if (place) {
        place.box.appendChild(message);
        place.inputs.forEach(function (input) {
          if (problem.severity === 'error' && input.tagName !== 'FIELDSET') input.setAttribute('aria-invalid', 'true');
          if (input.tagName !== 'FIELDSET') {
            var described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
            input.setAttribute('aria-describedby', described.concat([id]).join(' '));
          }
        });
      }
      list.appendChild(el('li', { text: problem.line_text[lang] }));
    });
    var others = $('edit-problems-elsewhere');
    others.textContent = '';
    result.elsewhere.forEach(function (problem) {
      others.appendChild(el('li', { text: problem.line_text[lang] }));
    });
    $('edit-problems-elsewhere-heading').hidden = others.hidden = !result.elsewhere.length;
    $('edit-problems-here-heading').hidden = list.hidden = !result.here.length;
    $('edit-problems').hidden = !(result.here.length || result.elsewhere.length);
  }

  function check() {
    checkSeq += 1;
    var seq = checkSeq;
    say(w('edit_status_checking'));
    return call('POST', 'check', { kind: doc.kind, ids: doc.ids, data: data }).then(function (answer) {
      if (seq !== checkSeq) return;
      if (answer.status !== 200) { say(answer.body.message ? answer.body.message[lang] : String(answer.status), 'invalid'); return; }
      lastCheck = answer.body;
      showMessages(lastCheck);
      showDiff(answer.body.diff);
      report();
    }).catch(failed);
  }

  function errorsOf(result) {
    return result.here.concat(result.elsewhere).filter(function (p) { return p.severity === 'error'; }).length;
  }

  function report() {
    var unchanged = JSON.stringify(data) === saved;
    var errors = lastCheck ? errorsOf(lastCheck) : 0;
    $('edit-save').disabled = unchanged || errors > 0;
    $('edit-discard').disabled = unchanged;
    if (errors) say(w('edit_status_invalid', { count: errors }), 'invalid');
    else if (unchanged) say(w('edit_status_unchanged'));
    else say(w('edit_status_valid'), 'valid');
  }

  function showDiff(diff) {
    $('edit-diff-box').hidden = !diff;
    $('edit-diff').textContent = diff || '';
  }

  function save() {
    clearTimeout(checkTimer);
    say(w('edit_status_saving'));
    $('edit-save').disabled = true;
    call('POST', 'save', { kind: doc.kind, ids: doc.ids, data: data, version: doc.version }).then(function (answer) {
      if (answer.status === 200) {
        doc.version = answer.body.version;
        saved = JSON.stringify(data);
        try { localStorage.removeItem(draftKey()); } catch (error) { /* nothing kept */ }
        lastCheck = answer.body;
        showMessages(lastCheck);
        showDiff(answer.body.diff);
        $('edit-discard').disabled = true;
        say(w('edit_status_saved'), 'valid');
      } else if (answer.status === 409) {
        showConflict(answer.body);
      } else if (answer.status === 422) {
        lastCheck = answer.body;
        showMessages(lastCheck);
        report();
      } else {
        say(answer.body.message ? answer.body.message[lang] : String(answer.status), 'invalid');
      }
    }).catch(failed);
  }

  function showConflict(body) {
    $('edit-conflict').hidden = false;
    $('edit-conflict-message').textContent = body.message[lang];
    $('edit-conflict-disk').textContent = JSON.stringify(body.disk.data, null, 2);
    $('edit-conflict-yours').textContent = JSON.stringify(body.yours.data, null, 2);
    say(body.message[lang], 'invalid');
    $('edit-conflict').scrollIntoView();
  }

  function draftKey() { return 'plansite-edit:' + doc.kind + ':' + JSON.stringify(doc.ids); }

  function discard() {
    try { localStorage.removeItem(draftKey()); } catch (error) { /* nothing kept */ }
    data = JSON.parse(saved);
    lastCheck = null;
    render();
    showDiff('');
    report();
  }

  function reopen() {
    try { localStorage.removeItem(draftKey()); } catch (error) { /* nothing kept */ }
    $('edit-conflict').hidden = true;
    load();
  }

  // The page around the form.

  function pagePath() {
    var root = (lang === 'en' ? '/en' : '') + '/plans/' + doc.ids.plan + '/';
    if (doc.kind === 'project' || doc.kind === 'results') return root + 'projects/' + doc.ids.project + '.html';
    if (doc.kind === 'check') return root + 'reports/' + doc.ids.year + '.html';
    return root;
  }

  function navigation(back) {
    var nav = $('edit-nav');
    nav.setAttribute('aria-label', w('edit_page_title'));
    nav.textContent = '';
    var other = new URLSearchParams(location.search);
    other.set('lang', lang === 'ko' ? 'en' : 'ko');
    if (back) nav.appendChild(el('a', { href: back, text: w('edit_back') }));
    nav.appendChild(el('a', { href: '/_edit/?view=changes&lang=' + lang, text: w('edit_changes_link') }));
    nav.appendChild(el('a', { href: '?' + other.toString(), lang: lang === 'ko' ? 'en' : 'ko', text: w('edit_other_language') }));
  }

  function labelWords() {
    $('edit-save').textContent = w('edit_save');
    $('edit-discard').textContent = w('edit_discard');
    $('edit-problems-here-heading').textContent = w('edit_problems_here');
    $('edit-problems-elsewhere-heading').textContent = w('edit_problems_elsewhere');
    $('edit-conflict-heading').textContent = w('edit_conflict_heading');
    $('edit-conflict-disk-heading').textContent = w('edit_conflict_disk');
    $('edit-conflict-yours-heading').textContent = w('edit_conflict_yours');
    $('edit-conflict-reload').textContent = w('edit_conflict_reload');
    $('edit-diff-summary').textContent = w('edit_yaml_diff');
  }

  function textIn(value) {
    if (!value) return '';
    return typeof value === 'string' ? value : (lang === 'en' && value.en) || value.ko || '';
  }

  function headingOf() {
    var context = doc.context;
    var words = [w('edit_kind_' + doc.kind)];
    if (doc.kind === 'plan') words.push(textIn(context.plan_title) || doc.ids.plan);
    if (doc.kind === 'check' || doc.kind === 'results') words.push(doc.ids.year);
    if (doc.kind === 'project' || doc.kind === 'results') words.push(doc.ids.project, textIn(context.project_title));
    return words.filter(Boolean).join(' ');
  }

  function load() {
    var query = new URLSearchParams();
    ['kind', 'plan', 'project', 'year'].forEach(function (name) { if (params.get(name)) query.set(name, params.get(name)); });
    return call('GET', 'document?' + query.toString()).then(function (answer) {
      if (answer.status !== 200) { say(answer.body.message[lang], 'invalid'); $('edit-actions').hidden = true; return; }
      doc = answer.body;
      saved = JSON.stringify(doc.data);
      data = JSON.parse(saved);
      var draft = null;
      try { draft = JSON.parse(localStorage.getItem(draftKey()) || 'null'); } catch (error) { draft = null; }
      var heading = headingOf();
      document.title = heading + ' — ' + w('edit_page_title');
      $('edit-title').textContent = heading;
      $('edit-file').textContent = w('edit_file') + ': ' + doc.file;
      navigation(pagePath());
      if (draft && draft.data) {
        data = draft.data;
        doc.version = draft.base; // a draft is an edit of the file as it was: saving it over a newer file is refused
      }
      lastCheck = null;
      render();
      report();
      if (draft && draft.data) { say(w('edit_status_draft')); check(); }
    }).catch(failed);
  }

  // The changes view: what `plansite diff` shows against the last commit.

  function rowsTable(caption, rows) {
    var table = el('table', {}, [el('caption', { text: caption }), el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', text: w('edit_changes_what') }),
      el('th', { scope: 'col', text: w('edit_changes_before') }),
      el('th', { scope: 'col', text: w('edit_changes_after') })
    ])])]);
    var body = el('tbody');
    rows.forEach(function (row) {
      body.appendChild(el('tr', {}, [
        el('th', { scope: 'row', text: row.label }),
        el('td', { lang: row.lang || null, text: row.before }),
        el('td', { lang: row.lang || null, text: row.after })
      ]));
    });
    table.appendChild(body);
    return table;
  }

  function showChanges(answer) {
    var box = $('edit-changes');
    box.hidden = false;
    if (answer.unavailable) {
      box.appendChild(el('p', { 'class': 'edit-status invalid', text: w('edit_changes_unavailable', { reason: answer.unavailable[lang] }) }));
      return;
    }
    var view = answer.view;
    box.appendChild(el('p', { text: view.sides }));
    if (view.unchanged) { box.appendChild(el('p', { text: w('edit_changes_none') })); }
    if (view.summary.length) {
      box.appendChild(el('ul', {}, view.summary.map(function (item) { return el('li', { text: item[0] + ': ' + formatNumber(item[1]) }); })));
    }
    if (view.regraded.length) box.appendChild(rowsTable(w('edit_changes_regraded'), view.regraded));
    view.plans.forEach(function (plan) {
      box.appendChild(el('h2', { text: plan.heading }));
      if (plan.rows.length) box.appendChild(rowsTable(plan.heading, plan.rows));
      plan.groups.forEach(function (group) {
        box.appendChild(el('h3', { text: group.heading }));
        group.sections.forEach(function (section) { if (section.rows.length) box.appendChild(rowsTable(section.heading, section.rows)); });
      });
      plan.distributions.forEach(function (section) { if (section.rows.length) box.appendChild(rowsTable(section.heading, section.rows)); });
      if (plan.discrepancies.length) box.appendChild(rowsTable(plan.heading, plan.discrepancies));
    });
    [['edit_changes_introduced', view.introduced], ['edit_changes_fixed', view.fixed]].forEach(function (pair) {
      if (!pair[1].length) return;
      box.appendChild(el('h2', { text: w(pair[0]) }));
      box.appendChild(el('ul', {}, pair[1].map(function (line) { return el('li', { text: line }); })));
    });
    if (view.head_errors) box.appendChild(el('p', { 'class': 'edit-status invalid', text: view.head_errors }));
  }

  function changesView() {
    document.title = w('edit_changes_title') + ' — ' + w('edit_page_title');
    $('edit-title').textContent = w('edit_changes_title');
    $('edit-actions').hidden = true;
    $('edit-form').hidden = true;
    navigation(lang === 'en' ? '/en/' : '/');
    say(w('edit_status_checking'));
    return call('GET', 'changes?lang=' + lang).then(function (answer) {
      say('');
      showChanges(answer.body);
    }).catch(failed);
  }

  document.documentElement.lang = lang;
  call('GET', 'words').then(function (answer) {
    W = answer.body;
    labelWords();
    $('edit-form').addEventListener('submit', function (event) { event.preventDefault(); });
    $('edit-save').addEventListener('click', save);
    $('edit-discard').addEventListener('click', discard);
    $('edit-conflict-reload').addEventListener('click', reopen);
    return params.get('view') === 'changes' ? changesView() : load();
  }).catch(failed);
}());
