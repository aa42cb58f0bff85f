// Every sentence Harbor's emails say, in one place. Email is written on the server (it leaves
// without the web app, to an inbox), so its words live here, not in src/web/i18n; in-app
// notifications carry codes (reason, obligation kind) and the web words them in the reader's
// language. An email says no youth's name, no kind of duty, nothing about a case.

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The digest of missed deadlines (src/jobs/mark-missed-obligations.ts), in English. */
export const MISSED_DIGEST = {
  subject: (total: number) => `Harbor: ${plural(total, 'deadline', 'deadlines')} missed`,
  intro: (total: number) =>
    `${plural(total, 'deadline has', 'deadlines have')} passed in Harbor without being recorded as met.`,
  owned: (n: number) => `- ${plural(n, 'is', 'are')} yours.`,
  team: (n: number) => `- ${plural(n, 'belongs', 'belong')} to people you supervise.`,
  county: (n: number) => `- ${plural(n, 'is', 'are')} in your county (you are told as an administrator).`,
  openThem: 'Open them in Harbor (you will be asked to sign in):',
  more: (n: number) => `…and ${n} more on your work list.`,
  workList: (url: string) => `Your work list: ${url}`,
  signIn: (url: string) => `Sign in to Harbor to see them: ${url}`,
  /** The closing lines: the privacy promise, with one line in Spanish for Spanish readers. */
  closing: [
    'This email never contains a youth\u2019s name or case details. Do not reply with any.',
    'Este correo nunca contiene el nombre de un joven ni detalles del caso. Inicie sesión en Harbor para verlos.',
  ],
} as const;
