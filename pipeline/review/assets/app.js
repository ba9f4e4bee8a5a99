// Progressive enhancement for the review pages: keyboard shortcuts and the block mirror of the category.
// Everything works without it; served from /static so the Content-Security-Policy can forbid inline script.
(() => {
  const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const help = document.getElementById('shortcuts');
  const rows = Array.from(document.querySelectorAll('.queue-row'));
  let selected = -1;

  const select = (i) => {
    if (rows.length === 0) return;
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach((r, n) => {
      r.classList.toggle('selected', n === selected);
    });
    rows[selected].scrollIntoView({ block: 'nearest' });
    rows[selected].querySelector('a.open')?.focus({ preventScroll: true });
  };

  const focusField = (selector) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    el.focus();
    return true;
  };

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && help && !help.hidden) {
      help.hidden = true;
      return;
    }
    if (typing(event.target)) return;
    const go = (id) => {
      const link = document.getElementById(id);
      if (link) window.location.assign(link.href);
    };
    switch (event.key) {
      case 'j':
        if (rows.length) select(selected + 1);
        else go('next-link');
        break;
      case 'k':
        if (rows.length) select(selected - 1);
        else go('prev-link');
        break;
      case 'Enter':
        if (rows.length && selected >= 0) window.location.assign(rows[selected].dataset.href);
        else return;
        break;
      case 'c':
        if (!focusField('#confirm-category')) return;
        break;
      case 'r':
        if (!focusField('#reject-reason')) return;
        break;
      case 'd': {
        const form = document.getElementById('defer-form');
        if (!form) return;
        form.requestSubmit();
        break;
      }
      case '?':
        if (help) help.hidden = !help.hidden;
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // The block follows the category; keep the mirror select in step when the category changes. The block
  // is read from the option's data-block, not its text, which is in the reviewer's language.
  for (const cat of document.querySelectorAll('.category-select')) {
    cat.addEventListener('change', () => {
      const block = cat.form?.querySelector('.block-select');
      const value = cat.selectedOptions[0]?.dataset.block;
      if (block && value) block.value = value;
    });
  }
})();
