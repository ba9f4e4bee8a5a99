// `soz users`: review accounts. Passwords come from stdin (`--password-stdin`, for scripts) or a prompt
// that does not echo; never from the command line, where they would land in shell history.
import { EXIT, inputError, usageError } from '../../core/index.ts';
import { checkPasswordStrength, hashPassword } from '../../pipeline/index.ts';
import { listUsers, saveUser, setUserDisabled, type UserRole } from '../../storage/index.ts';
import { type Command, type CommandContext, stringOption } from '../command.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(usageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(ctx: CommandContext): Promise<string> {
  if (ctx.values['password-stdin']) {
    const text = await readAll(ctx.stdin);
    const line = text.split(/\r?\n/)[0] ?? '';
    if (line === '') throw inputError('password: stdin was empty (give the password on the first line)');
    return line;
  }
  if (!process.stdin.isTTY) {
    throw usageError('no terminal to prompt for the password: pipe it in with --password-stdin');
  }
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Repeat password: ');
  if (first !== second) throw inputError('password: the two entries differ');
  return first;
}

const add: Command = {
  name: 'add',
  summary: 'add a review account (or reset its role and password)',
  help: `Usage: soz users add NAME [--role reviewer|editor] [--password-stdin]

  --role            reviewer (default) decides candidates; editor also undoes others' decisions and
                    edits confirmed entries
  --password-stdin  read the password from the first line of stdin instead of prompting`,
  options: { role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  allowPositionals: true,
  async run(ctx) {
    const name = ctx.positionals[0]?.trim();
    if (!name || ctx.positionals.length > 1)
      throw usageError('give exactly one account NAME (see soz users add --help)');
    if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(name)) {
      throw usageError(
        `NAME: "${name}" may hold only letters, digits, dot, dash and underscore (at most 64)`,
      );
    }
    const role = stringOption(ctx, 'role') ?? 'reviewer';
    if (role !== 'reviewer' && role !== 'editor')
      throw usageError(`--role: "${role}" is not reviewer or editor`);
    const password = await readPassword(ctx);
    checkPasswordStrength(password);
    const result = await saveUser(await ctx.openStore(), {
      name,
      role: role as UserRole,
      passwordHash: await hashPassword(password),
    });
    ctx.logger.info(`${result === 'created' ? 'added' : 'updated'} ${role} ${name}`);
    return EXIT.ok;
  },
};

const list: Command = {
  name: 'list',
  summary: 'list review accounts',
  help: 'Usage: soz users list [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const users = await listUsers(await ctx.openStore());
    for (const u of users) {
      if (ctx.values.json)
        ctx.out(JSON.stringify({ name: u.name, role: u.role, disabled: u.disabled, createdAt: u.createdAt }));
      else
        ctx.out(
          `${u.name.padEnd(20)} ${u.role.padEnd(9)} ${u.disabled ? 'disabled' : 'active'}  since ${u.createdAt.slice(0, 10)}`,
        );
    }
    return EXIT.ok;
  },
};

const disable: Command = {
  name: 'disable',
  summary: 'disable an account and end its sessions',
  help: 'Usage: soz users disable NAME',
  allowPositionals: true,
  async run(ctx) {
    const name = ctx.positionals[0];
    if (!name) throw usageError('give the account NAME');
    if (!(await setUserDisabled(await ctx.openStore(), name, true)))
      throw inputError(`no account named ${name}`);
    ctx.logger.info(`disabled ${name}`);
    return EXIT.ok;
  },
};

export const usersCommand: Command = {
  name: 'users',
  summary: 'review accounts: add, list, disable',
  help: 'Usage: soz [--db PATH] users <subcommand>',
  subcommands: [add, list, disable],
};
