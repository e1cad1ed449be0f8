/**
 * The scripted arguments of every command that takes an argument object, in one place: the
 * commands parse them with `parseScriptedArgs` (src/core/scriptArgs.ts) and the unit tests check
 * each spec against what VS Code passes from buttons and menus.
 */
import { ACTOR_TYPES } from './model';
import { META_KEYS } from './meta/articleMeta';
import { EXPORT_FORMATS } from './export/registry';
import type { ArgsSpec } from './scriptArgs';

/** The statement fields annotateSelection and editAnnotation accept besides label, comment, tags, speaker. */
export const STATEMENT_ARGS: ArgsSpec = {
  about: { type: 'strings' },
  stance: { type: 'string' },
  verdict: { type: 'string' },
  evidence: { type: 'strings' },
};

const ANNOTATE: ArgsSpec = {
  label: { type: 'string', required: true },
  comment: { type: 'string' },
  tags: { type: 'strings' },
  speaker: { type: 'string' },
  ...STATEMENT_ARGS,
};

export const COMMAND_ARGS = {
  /** `articleAnnotator.export`: everything the dialog asks, so a script is asked nothing. */
  export: {
    format: { type: 'string', required: true, oneOf: EXPORT_FORMATS },
    scope: { type: 'string', required: true, oneOf: ['article', 'workspace'] },
    output: { type: 'string', required: true },
    includeDetections: { type: 'boolean' },
    bom: { type: 'boolean' },
    rawCsv: { type: 'boolean' },
  },
  /** `articleAnnotator.filter`. */
  filter: { text: { type: 'string' }, label: { type: 'string' }, speaker: { type: 'string' } },
  /** `articleAnnotator.annotateSelection`. */
  annotateSelection: ANNOTATE,
  /** `articleAnnotator.editAnnotation`'s second argument (the patch): the same fields, none required. */
  editAnnotation: Object.fromEntries(Object.entries(ANNOTATE).map(([k, f]) => [k, { ...f, required: false }])) as ArgsSpec,
  /** `articleAnnotator.toggleActorType`. */
  toggleActorType: { type: { type: 'string', required: true, oneOf: ACTOR_TYPES } },
  /** `articleAnnotator.addToActors`. */
  addToActors: {
    name: { type: 'string', required: true },
    type: { type: 'string', required: true, oneOf: ACTOR_TYPES },
    aliasOf: { type: 'string' },
  },
  /** `articleAnnotator.ignoreActor`. */
  ignoreActor: { surface: { type: 'string', required: true } },
  /** `articleAnnotator.setTopic`'s fields. */
  setTopic: { about: { type: 'strings', required: true } },
  /** `articleAnnotator.setStance`'s fields. */
  setStance: { stance: { type: 'string', required: true } },
  /** `articleAnnotator.setVerdict`'s fields. */
  setVerdict: { verdict: { type: 'string', required: true }, evidence: { type: 'strings' } },
  /** `articleAnnotator.setArticleDetails`: the details, and `article` (a URI; default: the active editor's). */
  setArticleDetails: { article: { type: 'string' }, ...Object.fromEntries(META_KEYS.map((k) => [k, { type: 'string' as const }])) } as ArgsSpec,
} satisfies Record<string, ArgsSpec>;

export type CommandWithArgs = keyof typeof COMMAND_ARGS;
