// Progress on stderr: a redrawn bar on a terminal, a plain line every tenth otherwise (logs, cron mail).

export interface Progress {
  /** Advances by `n` and optionally changes the total (discovery grows it as it goes). */
  tick(n?: number, note?: string): void;
  setTotal(total: number): void;
  done(summary?: string): void;
}

export function createProgress(
  label: string,
  total = 0,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const tty = Boolean(stream.isTTY) && process.env.CI !== 'true';
  let count = 0;
  let lastStep = -1;
  let lastDraw = 0;
  const draw = (note = '') => {
    if (tty) {
      const now = Date.now();
      if (now - lastDraw < 80 && count < total) return;
      lastDraw = now;
      const width = 28;
      const share = total > 0 ? Math.min(1, count / total) : 0;
      const filled = Math.round(share * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const counts = total > 0 ? `${count}/${total}` : `${count}`;
      stream.write(`\r\x1b[2K${label} ${bar} ${counts} ${note}`.slice(0, (stream.columns || 100) - 1));
    } else if (total > 0) {
      const step = Math.floor((count / total) * 10);
      if (step !== lastStep) {
        lastStep = step;
        stream.write(`${label}: ${count}/${total}${note ? ` ${note}` : ''}\n`);
      }
    }
  };
  return {
    tick(n = 1, note) {
      count += n;
      draw(note);
    },
    setTotal(t) {
      total = t;
      draw();
    },
    done(summary) {
      if (tty) stream.write('\r\x1b[2K');
      if (summary) stream.write(`${label}: ${summary}\n`);
    },
  };
}
