// HTML of the imitated portal: JSF-style pages with generated ids, a ViewState field, and a small client
// script that sends `Faces-Request: partial/ajax` and applies the XML partial response, so that search
// results exist only after the script ran (a plain fetch of the page never sees them).
import type { PortalAct, PortalCase, PortalData } from './portal-fixture.ts';
import { HISTORY_EVENTS, type PortalLang, UI_TEXT } from './ui-text.ts';

export type SearchKind = 'lawsuit' | 'acts' | 'schedule';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** dd.mm.yyyy, as the portal prints dates. */
export const dmy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** 5 000 000 (narrow grouping with plain spaces, as the portal prints sums). */
export const money = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** Generated JSF ids: `j_idtN` numbers shift with the seed, as they do between deployments. */
export class IdGen {
  constructor(private readonly seed: number) {}
  idt(n: number): string {
    return `j_idt${n + this.seed}`;
  }
  form(kind: SearchKind): string {
    return this.idt(kind === 'lawsuit' ? 45 : kind === 'acts' ? 52 : 61);
  }
  field(kind: SearchKind, name: string): string {
    return `${this.form(kind)}:${this.idt(46)}:edit-${name}`;
  }
}

export interface Ctx {
  readonly data: PortalData;
  readonly lang: PortalLang;
  readonly ids: IdGen;
  readonly path: string;
}

const CLIENT_SCRIPT = `
function sozForm(){return document.querySelector('form[data-jsf]');}
function jsfAjax(source, extra){
  var form=sozForm(); var p=new URLSearchParams(new FormData(form));
  p.set('javax.faces.source',source); p.set('javax.faces.partial.ajax','true');
  p.set('javax.faces.partial.execute','@form'); p.set('javax.faces.partial.render','@form');
  if(extra){for(var k in extra){p.set(k,extra[k]);}}
  return fetch(form.getAttribute('action'),{method:'POST',credentials:'same-origin',
    headers:{'Faces-Request':'partial/ajax','Content-Type':'application/x-www-form-urlencoded;charset=UTF-8'},body:p.toString()})
  .then(function(r){if(!r.ok){throw new Error('HTTP '+r.status);} return r.text();})
  .then(applyPartial)
  .catch(function(e){showError(String(e&&e.message||e));});
}
function showError(msg){var m=document.querySelector('[id$=":messages"]'); if(m){m.innerHTML='<span class="rf-msgs-err">'+msg.replace(/</g,'&lt;')+'</span>';}}
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
function jsfSearch(btn){jsfAjax(btn.id); return false;}
function jsfPage(pagerId, page){jsfAjax(pagerId,{[pagerId+':page']:page}); return false;}
function viewSelectedLawsuit(n){jsfAjax(sozForm().id+':view',{lawsuitId:String(n)});}
`;

export function layout(ctx: Ctx, title: string, body: string): string {
  const t = UI_TEXT[ctx.lang];
  const other: PortalLang = ctx.lang === 'ru' ? 'kk' : 'ru';
  const switchLabel = other === 'ru' ? 'Русский' : 'Қазақша';
  return `<!DOCTYPE html>
<html lang="${ctx.lang}" xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
<title>${esc(title)} — ${esc(t.cabinet)}</title></head><body>
<div class="header"><span class="logo">${esc(t.cabinet)}</span>
<nav><a href="/lawsuit/search.xhtml">${esc(t.caseSearch)}</a> | <a href="/acts/search.xhtml">${esc(t.actsBank)}</a> | <a href="/schedule/search.xhtml">${esc(t.schedule)}</a></nav>
<a id="${ctx.ids.idt(8)}:lang-${other}" class="lang-switch" href="/setlang.xhtml?lang=${other}&amp;from=${encodeURIComponent(ctx.path)}">${switchLabel}</a>
</div>
<div class="content"><h1>${esc(title)}</h1>${body}</div>
<script>${CLIENT_SCRIPT}</script></body></html>`;
}

function options(items: readonly { value: string; label: string }[], allLabel: string): string {
  return [`<option value="">${esc(allLabel)}</option>`]
    .concat(items.map((i) => `<option value="${esc(i.value)}">${esc(i.label)}</option>`))
    .join('');
}

function field(ctx: Ctx, kind: SearchKind, name: string, label: string, control: string): string {
  const id = ctx.ids.field(kind, name);
  return `<div class="field"><label for="${id}">${esc(label)}</label>${control.replace(/\$ID/g, id)}</div>`;
}

const input = (type = 'text') => `<input type="${type}" id="$ID" name="$ID" value=""/>`;
const select = (opts: string) => `<select id="$ID" name="$ID">${opts}</select>`;

/** A search page with its form and an empty result panel that only the AJAX round trip fills. */
export function searchPage(ctx: Ctx, kind: SearchKind, viewState: string): string {
  const t = UI_TEXT[ctx.lang];
  const d = ctx.data;
  const formId = ctx.ids.form(kind);
  const regions = options(
    d.regions.map((r) => ({ value: r.code, label: r.name[ctx.lang] })),
    t.all,
  );
  const courts = options(
    d.courts.map((c) => ({ value: c.code, label: c.name[ctx.lang] })),
    t.all,
  );
  const years = options(
    ['2023', '2022', '2021', '2020', '2019'].map((y) => ({ value: y, label: y })),
    t.all,
  );
  let fields = '';
  let title: string = t.caseSearch;
  if (kind === 'lawsuit') {
    fields =
      field(ctx, kind, 'district', t.region, select(regions)) +
      field(ctx, kind, 'court', t.court, select(courts)) +
      field(ctx, kind, 'year', t.year, select(years)) +
      field(ctx, kind, 'iin', t.iin, input()) +
      field(ctx, kind, 'num', t.num, input()) +
      field(ctx, kind, 'fio', t.fio, input());
  } else if (kind === 'acts') {
    title = t.actsBank;
    const cats = options(
      d.categories.map((c) => ({ value: c.code, label: c.name[ctx.lang] })),
      t.all,
    );
    const inst = options(
      (['first', 'appeal', 'cassation'] as const).map((i) => ({ value: i, label: t.instances[i] })),
      t.all,
    );
    fields =
      field(ctx, kind, 'year', t.year, select(years)) +
      field(ctx, kind, 'category', t.category, select(cats)) +
      field(ctx, kind, 'instance', t.instance, select(inst)) +
      field(ctx, kind, 'keyword', t.keyword, input()) +
      field(ctx, kind, 'district', t.region, select(regions)) +
      field(ctx, kind, 'court', t.court, select(courts));
  } else {
    title = t.schedule;
    fields =
      field(ctx, kind, 'date-from', t.dateFrom, input('date')) +
      field(ctx, kind, 'date-to', t.dateTo, input('date')) +
      field(ctx, kind, 'district', t.region, select(regions)) +
      field(ctx, kind, 'court', t.court, select(courts));
  }
  const btnId = `${formId}:${ctx.ids.idt(47)}:search-btn`;
  const body = `<form id="${formId}" name="${formId}" method="post" action="${esc(ctx.path)}" data-jsf="1" enctype="application/x-www-form-urlencoded" onsubmit="return false">
<input type="hidden" name="${formId}" value="${formId}"/>
${fields}
<button type="button" id="${btnId}" name="${btnId}" onclick="return jsfSearch(this)">${esc(t.search)}</button>
<div id="${formId}:messages" class="rf-msgs"></div>
${emptyPanel(ctx, kind)}
<input type="hidden" name="javax.faces.ViewState" id="j_id1:javax.faces.ViewState:0" value="${esc(viewState)}" autocomplete="off"/>
</form>`;
  return layout(ctx, title, body);
}

export function panelId(ctx: Ctx, kind: SearchKind): string {
  return `${ctx.ids.form(kind)}:${ctx.ids.idt(70)}:resultPanel`;
}

function emptyPanel(ctx: Ctx, kind: SearchKind): string {
  return `<div id="${panelId(ctx, kind)}" class="result-panel"></div>`;
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

function rowHtml(ctx: Ctx, row: ResultRow, index: number): string {
  const t = UI_TEXT[ctx.lang];
  const court = ctx.data.courts.find((x) => x.code === row.c.court);
  const category = ctx.data.categories.find((x) => x.code === row.c.category);
  if (row.kind === 'lawsuit') {
    const c = row.c;
    return `<tr class="rf-dt-r" onclick="viewSelectedLawsuit(${c.id})"><td class="rf-dt-c"><p>${esc(c.number)}</p><p>${dmy(c.registeredAt)}</p></td><td class="rf-dt-c">${partyLines(ctx, c)}</td><td class="rf-dt-c">${esc(c.judge)}</td><td class="rf-dt-c">${historyLines(ctx, c)}</td></tr>`;
  }
  if (row.kind === 'acts') {
    const linkId = `${ctx.ids.form('acts')}:${ctx.ids.idt(80)}:${index}:act-link`;
    return `<tr class="rf-dt-r"><td class="rf-dt-c"><p>${esc(row.c.number)}</p><p>${dmy(row.act.date)}</p></td><td class="rf-dt-c">${esc(court?.name[ctx.lang] ?? '')}</td><td class="rf-dt-c">${esc(category?.name[ctx.lang] ?? '')}</td><td class="rf-dt-c">${esc(ctx.data.actKinds[row.act.kind][ctx.lang])}</td><td class="rf-dt-c"><a id="${linkId}" href="/acts/act.xhtml?id=${row.act.id}">${esc(t.open)}</a></td></tr>`;
  }
  const h = row.h;
  return `<tr class="rf-dt-r"><td class="rf-dt-c">${dmy(h.date)}</td><td class="rf-dt-c">${esc(h.time)}</td><td class="rf-dt-c">${esc(h.hall)}</td><td class="rf-dt-c">${esc(row.c.number)}</td><td class="rf-dt-c">${partyLines(ctx, row.c)}</td><td class="rf-dt-c">${esc(category?.name[ctx.lang] ?? '')}</td><td class="rf-dt-c">${esc(row.c.judge)}</td><td class="rf-dt-c">${esc(h.closed ? t.closedHearing : t.openHearing)}</td></tr>`;
}

function headers(ctx: Ctx, kind: SearchKind): string[] {
  const t = UI_TEXT[ctx.lang];
  if (kind === 'lawsuit') return [t.num, t.parties, t.judge, t.history];
  if (kind === 'acts') return [t.num, t.court, t.category, t.actKind, ''];
  return [t.date, t.time, t.hall, t.num, t.parties, t.category, t.judge, t.hearingType];
}

/** The result panel as the partial response carries it: a table with a RichFaces-style data scroller. */
export function resultPanel(
  ctx: Ctx,
  kind: SearchKind,
  rows: readonly ResultRow[],
  page: number,
  pageSize: number,
): string {
  const t = UI_TEXT[ctx.lang];
  const id = panelId(ctx, kind);
  if (rows.length === 0) {
    return `<div id="${id}" class="result-panel"><div class="rf-msgs"><span class="rf-msgs-sum">${esc(t.nothingFound)}</span></div></div>`;
  }
  const pages = Math.ceil(rows.length / pageSize);
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  const pagerId = `${ctx.ids.form(kind)}:${ctx.ids.idt(90)}:pager`;
  const btn = (label: string, target: string, cls: string, disabled: boolean) =>
    disabled
      ? `<span class="rf-ds-btn ${cls} rf-ds-dis">${label}</span>`
      : `<a href="#" class="rf-ds-btn ${cls}" onclick="return jsfPage('${pagerId}','${target}')">${label}</a>`;
  const from = Math.max(1, page - 4);
  const to = Math.min(pages, from + 9);
  const numbers: string[] = [];
  for (let p = from; p <= to; p++) {
    numbers.push(
      p === page
        ? `<span class="rf-ds-nmb-btn rf-ds-act">${p}</span>`
        : `<a href="#" class="rf-ds-nmb-btn" onclick="return jsfPage('${pagerId}','${p}')">${p}</a>`,
    );
  }
  return `<div id="${id}" class="result-panel"><table class="rf-dt"><thead><tr>${headers(ctx, kind)
    .map((h) => `<th class="rf-dt-hdr-c">${esc(h)}</th>`)
    .join(
      '',
    )}</tr></thead><tbody class="rf-dt-b">${slice.map((r, i) => rowHtml(ctx, r, i)).join('')}</tbody></table>
<div id="${pagerId}" class="rf-ds">${btn('«', 'prev', 'rf-ds-btn-prev', page === 1)}${numbers.join('')}${btn('»', 'next', 'rf-ds-btn-next', page === pages)}</div>
<div class="rf-ds-summary">${esc(t.totalFound)}: ${rows.length}</div></div>`;
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

const dl = (pairs: readonly [string, string][]): string =>
  `<table class="case-info">${pairs
    .map(([k, v]) => `<tr><td class="label">${esc(k)}</td><td class="value">${v}</td></tr>`)
    .join('')}</table>`;

/** The case card: facts, the full event history, hearings and links to the case's acts. */
export function casePage(ctx: Ctx, c: PortalCase): string {
  const t = UI_TEXT[ctx.lang];
  const court = ctx.data.courts.find((x) => x.code === c.court);
  const category = ctx.data.categories.find((x) => x.code === c.category);
  const info = dl([
    [t.num, esc(c.number)],
    [t.registered, dmy(c.registeredAt)],
    [t.region, esc(court?.region[ctx.lang] ?? '')],
    [t.court, esc(court?.name[ctx.lang] ?? '')],
    [t.category, esc(category?.name[ctx.lang] ?? '')],
    [t.judge, esc(c.judge)],
    [t.claimAmount, c.claimedAmountKzt === null ? '—' : `${money(c.claimedAmountKzt)} ${t.tenge}`],
    [t.parties, partyLines(ctx, c)],
  ]);
  const history = `<h2>${esc(t.history)}</h2><table class="rf-dt history"><tbody>${c.history
    .map((h) => `<tr><td>${dmy(h.date)}</td><td>${esc(HISTORY_EVENTS[h.event][ctx.lang])}</td></tr>`)
    .join('')}</tbody></table>`;
  const hearings = `<h2>${esc(t.hearings)}</h2><table class="rf-dt hearings"><tbody>${c.hearings
    .map(
      (h) =>
        `<tr><td>${dmy(h.date)}</td><td>${esc(h.time)}</td><td>${esc(h.hall)}</td><td>${esc(h.closed ? t.closedHearing : t.openHearing)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
  const acts = `<h2>${esc(t.acts)}</h2><ul class="acts">${c.acts
    .map(
      (a) =>
        `<li><a href="/acts/act.xhtml?id=${a.id}">${esc(ctx.data.actKinds[a.kind][ctx.lang])} ${dmy(a.date)}</a></li>`,
    )
    .join('')}</ul>`;
  return layout(
    ctx,
    `${t.num} ${c.number}`,
    `<div class="case-card">${info}${history}${hearings}${acts}</div>`,
  );
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
  return layout(
    ctx,
    `${ctx.data.actKinds[act.kind][ctx.lang]} ${c.number}`,
    `<div class="act">${dl(pairs)}<div class="act-text" lang="${c.lang}">${text}</div></div>`,
  );
}

export function captchaPage(ctx: Ctx): string {
  const t = UI_TEXT[ctx.lang];
  return layout(
    ctx,
    t.captchaTitle,
    `<div class="captcha-gate"><div class="g-recaptcha" data-sitekey="6LdSozMonitorImitationKey000000000"></div>
<iframe title="reCAPTCHA" src="about:blank#recaptcha" width="304" height="78"></iframe></div>`,
  );
}

export function errorPage(ctx: Ctx): string {
  const t = UI_TEXT[ctx.lang];
  return layout(ctx, t.errorTitle, `<div class="error-page"><p>${esc(t.errorText)}</p></div>`);
}
