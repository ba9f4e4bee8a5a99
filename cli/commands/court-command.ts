// `soz court session`: a person passes the court portal's check once; the nightly crawls reuse the saved
// session (cookies and origins) until the portal expires it, when the court source ends
// `blocked: session expired — run soz court session`.
import { createInterface } from 'node:readline';
import { EXIT, usageError } from '../../core/index.ts';
import {
  COURT_CONFIG_FILE,
  defaultCourtSessionPath,
  loadCourtConfig,
  NoVisibleBrowserError,
  openCourtSession,
} from '../../crawlers/index.ts';
import { resolveLocation } from '../../storage/index.ts';
import { type Command, type CommandContext, stringOption } from '../command.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** The default wait: Enter on the terminal, or the window closed by the person. */
function enterOrClose(ctx: CommandContext) {
  return (page: import('playwright').Page) =>
    new Promise<void>((resolve) => {
      const rl = createInterface({ input: ctx.stdin });
      const done = () => {
        rl.close();
        resolve();
      };
      ctx.logger.info(
        'pass the check in the window (search once to be sure), then press Enter here or close the window',
      );
      rl.once('line', done);
      rl.once('close', done);
      page.once('close', done);
      ctx.signal.addEventListener('abort', done, { once: true });
    });
}

const session: Command = {
  name: 'session',
  summary: "save a court-portal session that passed the portal's check",
  help: `Usage: soz [--db PATH] court session [--out FILE] [--source ID] [--court-config FILE]
                                   [--cookie HEADER | --cookie -] [--no-check]

Opens a visible Chromium window on the portal's acts bank: pass the check there (search once), then press
Enter (or close the window). The session (cookies and origins, a Playwright storage state) is saved, readable
by you only, and \`soz crawl\` uses it every night until the portal expires it.

Without a desktop browser (the Chromium that npm ci brings is headless only; set SOZ_CHROMIUM or install
Debian's chromium), pass the check in your own browser and paste its Cookie header instead:
  soz court session --cookie "JSESSIONID=…; other=…"     (or --cookie - to read it from standard input)

  --out FILE           where to save (default: court-session.json next to the database)
  --source ID          which court portal of the configuration (default: the first)
  --court-config FILE  the court configuration (default config/court.json)
  --no-check           do not open the acts bank with the saved session to see that the check is gone

Exit 0 when the saved session opens the acts bank without the check, 1 when it does not.`,
  options: {
    out: { type: 'string' },
    source: { type: 'string' },
    'court-config': { type: 'string' },
    cookie: { type: 'string' },
    'no-check': { type: 'boolean' },
  },
  async run(ctx) {
    const config = loadCourtConfig(stringOption(ctx, 'court-config') ?? COURT_CONFIG_FILE);
    const id = stringOption(ctx, 'source');
    const source = id ? config.sources.find((s) => s.id === id) : config.sources[0];
    if (!source)
      throw usageError(id ? `unknown court source "${id}"` : 'the court configuration lists no source');
    const location = resolveLocation({ path: ctx.dbPath });
    const out =
      stringOption(ctx, 'out') ?? defaultCourtSessionPath(location.kind === 'sqlite' ? location.path : null);
    const cookieOption = stringOption(ctx, 'cookie');
    const cookieHeader = cookieOption === '-' ? await readAll(ctx.stdin) : cookieOption;
    try {
      const result = await openCourtSession({
        portalUrl: source.url,
        config,
        out,
        cookieHeader,
        skipCheck: ctx.values['no-check'] === true,
        waitForPerson: enterOrClose(ctx),
      });
      ctx.out(`saved ${result.cookies} cookie(s) and ${result.origins} origin(s) to ${result.path}`);
      if (result.passes === null) return EXIT.ok;
      if (result.passes) {
        ctx.out(`checked: ${result.checkedUrl} opens without the check; soz crawl will use this session`);
        return EXIT.ok;
      }
      ctx.out(
        `checked: ${result.checkedUrl} still asks for the check with this session; pass it and save again`,
      );
      return EXIT.failure;
    } catch (error) {
      if (error instanceof NoVisibleBrowserError) {
        ctx.logger.error(error.message);
        return EXIT.failure;
      }
      throw error;
    }
  },
};

export const courtCommand: Command = {
  name: 'court',
  summary: 'court-portal session: pass the captcha once for the nightly crawls',
  help: `Usage: soz court session [options]   (see soz court session --help)`,
  subcommands: [session],
};
