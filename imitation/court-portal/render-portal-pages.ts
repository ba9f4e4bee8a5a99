// HTML of the imitated portal, in either variant (portal-variant.ts): JSF-style pages with generated ids, a
// ViewState field, and a small client script that posts through `RichFaces.ajax(…)` with
// `Faces-Request: partial/ajax` and applies the XML partial response, so that search results exist only
// after the script ran (a plain fetch of the page never sees them). Filters may be selectize-style widgets
// that hide the real input; the language switch calls selectLanguageRu/Kz(window.location).
import type { PortalAct, PortalCase, PortalData } from './portal-fixture.ts';
import type { PortalVariant } from './portal-variant.ts';
import { HISTORY_EVENTS, type PortalLang, UI_TEXT } from './ui-text.ts';

export type SearchKind = 'lawsuit' | 'acts' | 'schedule';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** dd.mm.yyyy, as the portal prints dates. */
export const dmy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** 5 000 000 (narrow grouping with plain spaces, as the portal prints sums). */
export const money = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

export interface Ctx {
  readonly data: PortalData;
  readonly lang: PortalLang;
  readonly v: PortalVariant;
  /** Shifts the generated ids, as a redeployment does. */
  readonly seed: number;
  readonly path: string;
}

const idt = (ctx: Ctx, n: number) => ctx.v.idt(n, ctx.seed);
export const formId = (ctx: Ctx, kind: SearchKind) =>
  ctx.v.name === 'documented'
    ? idt(ctx, kind === 'lawsuit' ? 45 : kind === 'acts' ? 52 : 61)
    : `${ctx.v.formPrefix}`;
export const panelId = (ctx: Ctx, kind: SearchKind) =>
  ctx.v.name === 'documented'
    ? `${formId(ctx, kind)}:${idt(ctx, 70)}:resultPanel`
    : `${formId(ctx, kind)}:${idt(ctx, 3)}:results`;
const pagerId = (ctx: Ctx, kind: SearchKind) => `${formId(ctx, kind)}:${idt(ctx, 90)}`;
const label = (ctx: Ctx, key: string, fallback: string) => ctx.v.labels[key]?.[ctx.lang] ?? fallback;

const CLIENT_SCRIPT = `
function sozForm(){return document.querySelector('form[data-jsf]');}
var RichFaces = { ajax: function(source, event, options){
  var form=sozForm(); var p=new URLSearchParams(new FormData(form));
  var id=typeof source==='string'?source:source.id;
  p.set('javax.faces.source',id); p.set('javax.faces.partial.ajax','true');
  p.set('javax.faces.partial.execute','@form'); p.set('javax.faces.partial.render','@form');
  var params=(options&&options.parameters)||{}; for(var k in params){p.set(k,String(params[k]));}
  return fetch(form.getAttribute('action'),{method:'POST',credentials:'same-origin',
    headers:{'Faces-Request':'partial/ajax','Content-Type':'application/x-www-form-urlencoded;charset=UTF-8'},body:p.toString()})
  .then(function(r){if(!r.ok){throw new Error('HTTP '+r.status);} return r.text();})
  .then(applyPartial)
  .catch(function(e){showError(String(e&&e.message||e));});
}};
function showError(msg){var m=document.querySelector('.rf-msgs, .messages'); if(m){m.innerHTML='<span class="rf-msgs-err">'+msg.replace(/</g,'&lt;')+'</span>';}}
function applyPartial(xml){
  var doc=new DOMParser().parseFromString(xml,'application/xml');
  var red=doc.querySelector('redirect'); if(red){location.href=red.getAttribute('url'); return;}
  var err=doc.querySelector('error'); if(err){var em=err.querySelector('error-message'); showError(em?em.textContent:'error'); return;}
  doc.querySelectorAll('update').forEach(function(u){
    var id=u.getAttribute('id');
    if(id.indexOf('javax.faces.ViewState')>=0){document.querySelectorAll('input[name="javax.faces.ViewState"]').forEach(function(i){i.value=u.textContent;}); return;}
    var el=document.getElementById(id); if(el){el.outerHTML=u.textContent;}
  });
}
function viewSelectedLawsuit(n){RichFaces.ajax(sozForm().id+':view',null,{parameters:{lawsuitId:String(n)}});}
function setLanguage(lang, loc){fetch('/language.xhtml?lang='+lang,{method:'POST',credentials:'same-origin'}).then(function(){loc.reload();});}
function selectLanguageRu(loc){setLanguage('ru', loc);}
function selectLanguageKz(loc){setLanguage('kk', loc);}
function passCaptcha(){fetch('/captcha/pass.xhtml',{method:'POST',credentials:'same-origin'}).then(function(){location.reload();});}
// selectize-style widgets: the real field (a select, or a hidden input with its options in data-options) is
// hidden; a text input and a dropdown of options stand in for it.
function sozSelectize(field){
  var opts=field.tagName==='SELECT'?Array.prototype.map.call(field.options,function(o){return {value:o.value,text:o.text};}):JSON.parse(field.getAttribute('data-options')||'[]');
  field.classList.add('selectized'); field.style.display='none';
  var ctl=document.createElement('div'); ctl.className='selectize-control single';
  ctl.innerHTML='<div class="selectize-input"><input type="text" autocomplete="off"></div><div class="selectize-dropdown" style="display:none"><div class="selectize-dropdown-content"></div></div>';
  field.parentNode.insertBefore(ctl, field.nextSibling);
  var input=ctl.querySelector('input'), dd=ctl.querySelector('.selectize-dropdown'), content=ctl.querySelector('.selectize-dropdown-content');
  function render(filter){content.innerHTML=''; opts.forEach(function(o){ if(o.value===''||(filter&&o.text.toLowerCase().indexOf(filter.toLowerCase())<0)) return;
    var d=document.createElement('div'); d.className='option'; d.setAttribute('data-value',o.value); d.textContent=o.text;
    d.addEventListener('mousedown',function(e){e.preventDefault(); field.value=o.value; if(field.tagName==='SELECT'){field.value=o.value;} input.value=o.text; dd.style.display='none'; field.dispatchEvent(new Event('change'));});
    content.appendChild(d);});}
  input.addEventListener('focus',function(){render(''); dd.style.display='block';});
  input.addEventListener('input',function(){render(input.value); dd.style.display='block';});
  input.addEventListener('blur',function(){dd.style.display='none';});
}
document.querySelectorAll('select.selectize, input.selectize-backed').forEach(sozSelectize);
`;

function menuHtml(ctx: Ctx): string {
  const href = (s: 'actsBank' | 'caseSearch' | 'schedule') => ctx.v.paths[s];
  const items = ctx.v.menu.map((m) => ({ href: href(m.service), text: m.text[ctx.lang] }));
  const cabinet = ctx.lang === 'ru' ? 'Мои дела' : 'Менің істерім';
  if (ctx.v.name === 'documented')
    return `<nav class="main-menu">${items.map((i) => `<a href="${i.href}">${esc(i.text)}</a>`).join(' | ')} | <a href="/form/cases/mycases.xhtml">${esc(cabinet)}</a></nav>`;
  return `<div class="sidebar"><ul class="menu"><li><a href="/form/proceedings/services.xhtml">${esc(cabinet)}</a></li>${items.map((i) => `<li><a href="${i.href}"><span>${esc(i.text)}</span></a></li>`).join('')}</ul></div>`;
}

function languageLinks(ctx: Ctx): string {
  if (ctx.v.name === 'documented')
    return `<div class="lang"><a href="javascript:void(0)" onclick="selectLanguageKz(window.location)">Қазақша</a> <a href="javascript:void(0)" onclick="selectLanguageRu(window.location)">Русский</a></div>`;
  return `<span class="langs"><a href="#" class="${ctx.lang === 'kk' ? 'on' : ''}" onclick="selectLanguageKz(window.location);return false;">Қаз</a>/<a href="#" class="${ctx.lang === 'ru' ? 'on' : ''}" onclick="selectLanguageRu(window.location);return false;">Рус</a></span>`;
}

export function layout(ctx: Ctx, title: string, body: string): string {
  const t = UI_TEXT[ctx.lang];
  const lang = ctx.v.htmlLang ? ` lang="${ctx.lang}"` : '';
  return `<!DOCTYPE html>
<html${lang} xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
<title>${esc(title)} — ${esc(t.cabinet)}</title></head><body>
<div class="header"><span class="logo">${esc(t.cabinet)}</span>${languageLinks(ctx)}${ctx.v.name === 'documented' ? menuHtml(ctx) : ''}</div>
${ctx.v.name === 'redesigned' ? menuHtml(ctx) : ''}
<div class="content"><h1>${esc(title)}</h1>${body}</div>
<script>${CLIENT_SCRIPT}</script></body></html>`;
}

export function homePage(ctx: Ctx): string {
  const t = UI_TEXT[ctx.lang];
  const welcome =
    ctx.lang === 'ru'
      ? 'Электронные сервисы судебных органов. Выберите услугу в меню.'
      : 'Сот органдарының электрондық қызметтері. Мәзірден қызметті таңдаңыз.';
  return layout(ctx, t.cabinet, `<p class="welcome">${esc(welcome)}</p>`);
}

function options(items: readonly { value: string; label: string }[], allLabel: string): string {
  return [`<option value="">${esc(allLabel)}</option>`]
    .concat(items.map((i) => `<option value="${esc(i.value)}">${esc(i.label)}</option>`))
    .join('');
}

/** The field's name ending in this variant (the first ending that sets the filter, or the given one). */
function ending(ctx: Ctx, filter: string, preferred?: string): string {
  if (preferred && ctx.v.fieldNames[preferred] === filter) return preferred;
  return Object.entries(ctx.v.fieldNames).find(([, f]) => f === filter)?.[0] ?? `edit-${filter}`;
}

function field(ctx: Ctx, kind: SearchKind, name: string, text: string, control: string): string {
  const id = `${formId(ctx, kind)}:${idt(ctx, 46)}:${name}`;
  const c = control.replace(/\$ID/g, id);
  if (ctx.v.name === 'documented')
    return `<div class="field"><label for="${id}">${esc(text)}</label>${c}</div>`;
  // Redesigned: a table of label cells and control cells, labels without `for`.
  return `<tr><th class="lbl">${esc(text)}:</th><td>${c}</td></tr>`;
}

const input = (type = 'text', placeholder = '') =>
  `<input type="${type}" id="$ID" name="$ID" value=""${placeholder ? ` placeholder="${placeholder}"` : ''}/>`;
const select = (opts: string, cls = '') =>
  `<select id="$ID" name="$ID"${cls ? ` class="${cls}"` : ''}>${opts}</select>`;
const hiddenBacked = (items: readonly { value: string; label: string }[]) =>
  `<input type="hidden" class="selectize-backed" id="$ID" name="$ID" value="" data-options="${esc(JSON.stringify(items.map((i) => ({ value: i.value, text: i.label }))))}"/>`;

/** A search page with its form and an empty result panel that only the AJAX round trip fills. */
export function searchPage(ctx: Ctx, kind: SearchKind, viewState: string, captcha: boolean): string {
  const t = UI_TEXT[ctx.lang];
  const d = ctx.data;
  const fid = formId(ctx, kind);
  const doc = ctx.v.name === 'documented';
  const regionItems = d.regions.map((r) => ({ value: r.code, label: r.name[ctx.lang] }));
  const regions = options(regionItems, t.all);
  const courts = options(
    d.courts.map((c) => ({ value: c.code, label: c.name[ctx.lang] })),
    t.all,
  );
  const yearItems = ['2023', '2022', '2021', '2020', '2019'].map((y) => ({ value: y, label: y }));
  const years = options(yearItems, t.all);
  let fields = '';
  let title: string = t.caseSearch;
  if (kind === 'lawsuit') {
    fields =
      field(ctx, kind, ending(ctx, 'district'), t.region, select(regions)) +
      (doc ? field(ctx, kind, 'edit-court', t.court, select(courts)) : '') +
      field(ctx, kind, ending(ctx, 'year', 'edit-year'), t.year, select(years)) +
      field(ctx, kind, ending(ctx, 'iin'), t.iin, input()) +
      field(ctx, kind, ending(ctx, 'num'), label(ctx, 'num', t.num), input()) +
      field(ctx, kind, ending(ctx, 'fio'), t.fio, input());
  } else if (kind === 'acts') {
    title = t.actsBank;
    const catItems = d.categories.map((c) => ({ value: c.code, label: c.name[ctx.lang] }));
    const inst = options(
      (['first', 'appeal', 'cassation'] as const).map((i) => ({ value: i, label: t.instances[i] })),
      t.all,
    );
    const keyword = field(ctx, kind, ending(ctx, 'keyword'), label(ctx, 'keyword', t.keyword), input());
    const category = field(
      ctx,
      kind,
      'edit-category',
      label(ctx, 'category', t.category),
      doc ? hiddenBacked(catItems) : select(options(catItems, t.all), 'selectize'),
    );
    const year = field(
      ctx,
      kind,
      'edit-period',
      label(ctx, 'year', t.year),
      doc ? select(years, 'selectize') : select(years),
    );
    fields = doc
      ? year +
        category +
        field(ctx, kind, 'edit-instance', t.instance, select(inst)) +
        keyword +
        field(ctx, kind, 'edit-district', t.region, select(regions)) +
        field(ctx, kind, 'edit-court', t.court, select(courts))
      : keyword + category + year + field(ctx, kind, 'edit-district', t.region, select(regions));
  } else {
    title = t.schedule;
    fields = doc
      ? field(ctx, kind, 'edit-date-from', t.dateFrom, input('date')) +
        field(ctx, kind, 'edit-date-to', t.dateTo, input('date')) +
        field(ctx, kind, 'edit-district', t.region, select(regions)) +
        field(ctx, kind, 'edit-court', t.court, select(courts))
      : field(ctx, kind, 'edit-district', t.region, select(regions)) +
        field(ctx, kind, 'dateBegin', label(ctx, 'dateFrom', t.dateFrom), input('text', 'дд.мм.гггг')) +
        field(ctx, kind, 'dateEnd', label(ctx, 'dateTo', t.dateTo), input('text', 'дд.мм.гггг'));
  }
  const btnId = `${fid}:${idt(ctx, 47)}`;
  const searchText = label(ctx, 'search', t.search);
  const button = doc
    ? `<button type="button" id="${btnId}" name="${btnId}" class="btn btn-primary" onclick="RichFaces.ajax(this,event,{});return false;">${esc(searchText)}</button>`
    : `<input type="submit" id="${btnId}" name="${btnId}" value="${esc(searchText)}" onclick="RichFaces.ajax(this,event,{});return false;"/>`;
  const gate = captcha
    ? `<div class="g-recaptcha" data-sitekey="6LdSozMonitorImitationKey000000000"></div><button type="button" id="captcha-pass" onclick="passCaptcha()">${esc(t.captchaTitle)}</button>`
    : '';
  const body = `<form id="${fid}" name="${fid}" method="post" action="${esc(ctx.path)}" data-jsf="1" enctype="application/x-www-form-urlencoded" onsubmit="return false">
<input type="hidden" name="${fid}" value="${fid}"/>
${doc ? fields : `<table class="form-grid">${fields}</table>`}
${gate}
${button}
<div id="${fid}:${doc ? 'messages' : 'msgs'}" class="${doc ? 'rf-msgs' : 'messages'}"></div>
<div id="${panelId(ctx, kind)}" class="result-panel"></div>
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="${esc(viewState)}" autocomplete="off"/>
</form>`;
  return layout(ctx, title, body);
}

const partyLines = (ctx: Ctx, c: PortalCase): string =>
  c.parties.map((p) => `<p>${esc(UI_TEXT[ctx.lang].roles[p.role])}: ${esc(p.name)}</p>`).join('');

const historyLines = (ctx: Ctx, c: PortalCase): string =>
  c.history.map((h) => `<p>${dmy(h.date)} - ${esc(HISTORY_EVENTS[h.event][ctx.lang])}</p>`).join('');

/** One row of results: a case (lawsuit search), an act (acts bank) or a hearing (schedule). */
export type ResultRow =
  | { readonly kind: 'lawsuit'; readonly c: PortalCase }
  | { readonly kind: 'acts'; readonly c: PortalCase; readonly act: PortalAct }
  | { readonly kind: 'schedule'; readonly c: PortalCase; readonly h: PortalCase['hearings'][number] };

const caseActsHref = (ctx: Ctx, c: PortalCase) => ctx.v.paths.caseActs.replace('{id}', String(c.id));

function rowHtml(ctx: Ctx, row: ResultRow): string {
  const t = UI_TEXT[ctx.lang];
  const court = ctx.data.courts.find((x) => x.code === row.c.court);
  const category = ctx.data.categories.find((x) => x.code === row.c.category);
  const doc = ctx.v.name === 'documented';
  const td = (s: string) => `<td class="rf-dt-c">${s}</td>`;
  if (row.kind === 'lawsuit') {
    // Documented in court-portal.md: the same in both variants.
    const c = row.c;
    return `<tr class="rf-dt-r" onclick="viewSelectedLawsuit(${c.id})">${td(`<p>${esc(c.number)}</p><p>${dmy(c.registeredAt)}</p>`)}${td(partyLines(ctx, c))}${td(esc(c.judge))}${td(historyLines(ctx, c))}</tr>`;
  }
  if (row.kind === 'acts') {
    const kind = esc(ctx.data.actKinds[row.act.kind][ctx.lang]);
    if (doc)
      return `<tr class="rf-dt-r" style="cursor:pointer" onclick="window.location.href='${caseActsHref(ctx, row.c)}'">${td(`<p>${esc(row.c.number)}</p><p>${dmy(row.act.date)}</p>`)}${td(esc(court?.name[ctx.lang] ?? ''))}${td(esc(category?.name[ctx.lang] ?? ''))}${td(kind)}</tr>`;
    return `<tr>${td(dmy(row.act.date))}${td(`<b>${esc(row.c.number)}</b>`)}${td(kind)}${td(esc(court?.name[ctx.lang] ?? ''))}${td(`<a href="${caseActsHref(ctx, row.c)}">${esc(ctx.lang === 'ru' ? 'Подробнее' : 'Толығырақ')}</a>`)}</tr>`;
  }
  const h = row.h;
  const type = esc(h.closed ? t.closedHearing : t.openHearing);
  if (doc)
    return `<tr class="rf-dt-r">${td(dmy(h.date))}${td(esc(h.time))}${td(esc(h.hall))}${td(esc(row.c.number))}${td(partyLines(ctx, row.c))}${td(esc(category?.name[ctx.lang] ?? ''))}${td(esc(row.c.judge))}${td(type)}</tr>`;
  return `<tr>${td(esc(row.c.number))}${td(`${dmy(h.date)} ${esc(h.time)}`)}${td(esc(category?.name[ctx.lang] ?? ''))}${td(partyLines(ctx, row.c))}${td(type)}${td(esc(row.c.judge))}${td(esc(h.hall))}</tr>`;
}

function headers(ctx: Ctx, kind: SearchKind): string[] {
  const t = UI_TEXT[ctx.lang];
  if (kind === 'lawsuit') return [t.num, t.parties, t.judge, t.history];
  if (ctx.v.name === 'redesigned') {
    if (kind === 'acts') return [t.actDate, t.num, t.actKind, t.court, ''];
    return [t.num, t.date, t.category, t.parties, t.hearingType, t.judge, t.hall];
  }
  if (kind === 'acts') return [t.num, t.court, t.category, t.actKind];
  return [t.date, t.time, t.hall, t.num, t.parties, t.category, t.judge, t.hearingType];
}

/** The result panel as the partial response carries it: a table with its data scroller (`thisPage` posts). */
export function resultPanel(
  ctx: Ctx,
  kind: SearchKind,
  rows: readonly ResultRow[],
  page: number,
  pageSize: number,
): string {
  const t = UI_TEXT[ctx.lang];
  const id = panelId(ctx, kind);
  const doc = ctx.v.name === 'documented';
  if (rows.length === 0) {
    return `<div id="${id}" class="result-panel"><div class="${doc ? 'rf-msgs' : 'notice'}"><span>${esc(t.nothingFound)}</span></div></div>`;
  }
  const pages = Math.ceil(rows.length / pageSize);
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  const pid = pagerId(ctx, kind);
  const post = (p: number) => `RichFaces.ajax('${pid}',event,{parameters:{'thisPage':${p}}});return false;`;
  const from = Math.max(1, page - 4);
  const to = Math.min(pages, from + 9);
  const numbers: string[] = [];
  for (let p = from; p <= to; p++) {
    if (doc)
      numbers.push(
        p === page
          ? `<span class="rf-ds-nmb-btn rf-ds-act">${p}</span>`
          : `<a href="javascript:void(0)" class="rf-ds-nmb-btn" onclick="${post(p)}">${p}</a>`,
      );
    else
      numbers.push(
        p === page
          ? `<li class="active"><span>${p}</span></li>`
          : `<li><a href="#" onclick="${post(p)}">${p}</a></li>`,
      );
  }
  const table = `<table class="${doc ? 'rf-dt' : 'results'}"><thead><tr>${headers(ctx, kind)
    .map((h) => `<th>${esc(h)}</th>`)
    .join('')}</tr></thead><tbody>${slice.map((r) => rowHtml(ctx, r)).join('')}</tbody></table>`;
  if (doc) {
    const btn = (text: string, target: number, cls: string, disabled: boolean) =>
      disabled
        ? `<span class="rf-ds-btn ${cls} rf-ds-dis">${text}</span>`
        : `<a href="javascript:void(0)" class="rf-ds-btn ${cls}" onclick="${post(target)}">${text}</a>`;
    return `<div id="${id}" class="result-panel">${table}
<span id="${pid}" class="rf-ds">${btn('«', page - 1, 'rf-ds-btn-prev', page === 1)}${numbers.join('')}${btn('»', page + 1, 'rf-ds-btn-next', page === pages)}</span>
<div class="rf-ds-summary">${esc(t.totalFound)}: ${rows.length}</div></div>`;
  }
  return `<div id="${id}" class="result-panel"><p class="total">${esc(t.totalFound)}: ${rows.length}</p>${table}<ul id="${pid}" class="pagination">${numbers.join('')}</ul></div>`;
}

/** A JSF partial response: updates by element id, the rotated ViewState last. */
export function partialResponse(updates: readonly { id: string; html: string }[], viewState: string): string {
  const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<partial-response id="j_id1"><changes>${updates.map((u) => `<update id="${u.id}">${cdata(u.html)}</update>`).join('')}<update id="j_id1:javax.faces.ViewState:0">${cdata(viewState)}</update></changes></partial-response>`;
}

export function partialError(name: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<partial-response id="j_id1"><error><error-name>${esc(name)}</error-name><error-message><![CDATA[${message}]]></error-message></error></partial-response>`;
}

export function partialRedirect(url: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<partial-response id="j_id1"><redirect url="${esc(url)}"></redirect></partial-response>`;
}

/** Label/value pairs: a two-column table (documented) or a definition list (redesigned). */
function facts(ctx: Ctx, pairs: readonly [string, string][]): string {
  if (ctx.v.name === 'documented')
    return `<table class="case-info">${pairs.map(([k, v]) => `<tr><td class="label">${esc(k)}</td><td class="value">${v}</td></tr>`).join('')}</table>`;
  return `<dl class="props">${pairs.map(([k, v]) => `<dt>${esc(k)}:</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** The case card's content: facts, the full event history, hearings and the link to the case's acts. */
export function caseCard(ctx: Ctx, c: PortalCase): string {
  const t = UI_TEXT[ctx.lang];
  const court = ctx.data.courts.find((x) => x.code === c.court);
  const category = ctx.data.categories.find((x) => x.code === c.category);
  const doc = ctx.v.name === 'documented';
  const info = facts(ctx, [
    [doc ? t.num : label(ctx, 'num', t.num), esc(c.number)],
    [t.registered, dmy(c.registeredAt)],
    [t.region, esc(court?.region[ctx.lang] ?? '')],
    [t.court, esc(court?.name[ctx.lang] ?? '')],
    [doc ? t.category : label(ctx, 'category', t.category), esc(category?.name[ctx.lang] ?? '')],
    [t.judge, esc(c.judge)],
    [t.claimAmount, c.claimedAmountKzt === null ? '—' : `${money(c.claimedAmountKzt)} ${t.tenge}`],
    [t.parties, partyLines(ctx, c)],
  ]);
  const history = doc
    ? `<h2>${esc(t.history)}</h2><table class="rf-dt history"><tbody>${c.history
        .map((h) => `<tr><td>${dmy(h.date)}</td><td>${esc(HISTORY_EVENTS[h.event][ctx.lang])}</td></tr>`)
        .join('')}</tbody></table>`
    : `<h3>${esc(t.history)}</h3><ul class="case-history">${c.history
        .map((h) => `<li>${dmy(h.date)} - ${esc(HISTORY_EVENTS[h.event][ctx.lang])}</li>`)
        .join('')}</ul>`;
  const hearings = doc
    ? `<h2>${esc(t.hearings)}</h2><table class="rf-dt hearings"><tbody>${c.hearings
        .map(
          (h) =>
            `<tr><td>${dmy(h.date)}</td><td>${esc(h.time)}</td><td>${esc(h.hall)}</td><td>${esc(h.closed ? t.closedHearing : t.openHearing)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<h3>${esc(t.hearings)}</h3><ul class="hearing-list">${c.hearings
        .map(
          (h) =>
            `<li>${dmy(h.date)} ${esc(h.time)}, ${esc(t.hall)} ${esc(h.hall)}: ${esc(h.closed ? t.closedHearing : t.openHearing)}</li>`,
        )
        .join('')}</ul>`;
  const actsText = doc ? t.acts : ctx.lang === 'ru' ? 'Акты по делу' : 'Іс бойынша актілер';
  const acts =
    c.acts.length > 0
      ? `<p class="acts-link"><a href="${caseActsHref(ctx, c)}">${esc(actsText)}</a></p>`
      : '';
  return `<div class="case-card">${info}${history}${hearings}${acts}</div>`;
}

export function casePage(ctx: Ctx, c: PortalCase): string {
  return layout(ctx, `${UI_TEXT[ctx.lang].num} ${c.number}`, caseCard(ctx, c));
}

/** A case's acts (`param1`): each act with its HTML view and/or downloads, as the fixture offers it. */
export function actsListPage(ctx: Ctx, c: PortalCase): string {
  const t = UI_TEXT[ctx.lang];
  const doc = ctx.v.name === 'documented';
  const viewText = doc ? (ctx.lang === 'ru' ? 'Просмотр' : 'Көру') : ctx.lang === 'ru' ? 'Открыть' : 'Ашу';
  const rows = c.acts.map((a) => {
    const formats = a.formats ?? ['html'];
    const kind = esc(ctx.data.actKinds[a.kind][ctx.lang]);
    const links = [
      formats.includes('html')
        ? `<a href="${ctx.v.paths.actView.replace('{id}', String(a.id))}">${esc(viewText)}</a>`
        : '',
      ...(['pdf', 'docx'] as const)
        .filter((f) => formats.includes(f))
        .map((f) => {
          const href = ctx.v.paths.download.replace('{id}', String(a.id)).replace('{type}', f);
          return doc
            ? `<a href="${href}" class="download">${f.toUpperCase()}</a>`
            : `<a href="${href}">${ctx.lang === 'ru' ? 'Скачать' : 'Жүктеу'} ${f.toUpperCase()}</a>`;
        }),
    ].filter(Boolean);
    return doc
      ? `<tr><td>${dmy(a.date)}</td><td>${kind}</td><td>${esc(t.instances[a.instance])}</td><td>${links.join(' ')}</td></tr>`
      : `<li><span class="kind">${kind}</span> ${dmy(a.date)} — ${links.join(', ')}</li>`;
  });
  const body = doc
    ? `<p>${esc(t.num)}: ${esc(c.number)}</p><table class="rf-dt acts-list"><thead><tr><th>${esc(t.actDate)}</th><th>${esc(t.actKind)}</th><th>${esc(t.instance)}</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p>${esc(label(ctx, 'num', t.num))} ${esc(c.number)}</p><ul class="docs">${rows.join('')}</ul>`;
  return layout(ctx, t.acts, body);
}

/** A judicial act: header facts, then the text in the case's own language. */
export function actPage(ctx: Ctx, c: PortalCase, act: PortalAct): string {
  const t = UI_TEXT[ctx.lang];
  const court = ctx.data.courts.find((x) => x.code === c.court);
  const category = ctx.data.categories.find((x) => x.code === c.category);
  const pairs: [string, string][] = [
    [t.court, esc(court?.name[ctx.lang] ?? '')],
    [t.num, esc(c.number)],
    [t.actDate, dmy(act.date)],
    [t.judge, esc(c.judge)],
    [t.actKind, esc(ctx.data.actKinds[act.kind][ctx.lang])],
    [t.instance, esc(t.instances[act.instance])],
    [t.category, esc(category?.name[ctx.lang] ?? '')],
    [t.parties, partyLines(ctx, c)],
    [t.hearingType, esc(act.closedHearing ? t.closedHearing : t.openHearing)],
    [t.outcome, esc(act.outcome)],
  ];
  if (act.awardedAmountKzt !== null) pairs.push([t.awarded, `${money(act.awardedAmountKzt)} ${t.tenge}`]);
  const text = act.text.map((p) => `<p>${esc(p)}</p>`).join('');
  const cls = ctx.v.name === 'documented' ? 'act-text' : 'act-body';
  return layout(
    ctx,
    `${ctx.data.actKinds[act.kind][ctx.lang]} ${c.number}`,
    `<div class="act">${facts(ctx, pairs)}<div class="${cls}" lang="${c.lang}">${text}</div></div>`,
  );
}

/** The reCAPTCHA gate page (the whole portal gated) and the image captcha before a download. */
export function captchaPage(ctx: Ctx): string {
  const t = UI_TEXT[ctx.lang];
  return layout(
    ctx,
    t.captchaTitle,
    `<div class="captcha-gate"><div class="g-recaptcha" data-sitekey="6LdSozMonitorImitationKey000000000"></div>
<iframe title="reCAPTCHA" src="about:blank#recaptcha" width="304" height="78"></iframe>
<button type="button" id="captcha-pass" onclick="passCaptcha()">${esc(t.captchaTitle)}</button></div>`,
  );
}

export function downloadCaptchaPage(ctx: Ctx): string {
  const t = UI_TEXT[ctx.lang];
  return layout(
    ctx,
    t.captchaTitle,
    `<form id="${idt(ctx, 9)}"><img id="${idt(ctx, 9)}:captcha-image" src="/captcha.png" alt="captcha"/><input type="text" name="${idt(ctx, 9)}:answer"/><button type="submit">OK</button></form>`,
  );
}

export function sessionExpiredPage(ctx: Ctx): string {
  const text =
    ctx.lang === 'ru' ? 'Сессия истекла. Войдите снова.' : 'Сессияның мерзімі өтті. Қайта кіріңіз.';
  return layout(
    ctx,
    text,
    `<div class="session-expired"><p>${esc(text)}</p><a href="${ctx.v.paths.home}">OK</a></div>`,
  );
}

export function errorPage(ctx: Ctx): string {
  const t = UI_TEXT[ctx.lang];
  return layout(ctx, t.errorTitle, `<div class="error-page"><p>${esc(t.errorText)}</p></div>`);
}
