/**
 * Scripted command arguments. A command that takes an argument object (tests, keybindings,
 * other extensions) is also run from title-bar and context-menu buttons, where VS Code passes the
 * selected tree element or a Uri instead. One parser for every such command: UI arguments give
 * `undefined` (the command asks), a plain object is checked against the command's fields (an
 * unknown field, a missing required one or a wrong type is an error, never a silent prompt).
 */

export type FieldType = 'string' | 'boolean' | 'strings';

export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Allowed values of a string field. */
  oneOf?: readonly string[];
}

export type ArgsSpec = Record<string, FieldSpec>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * True when `arg` is what VS Code passes from a button or menu: nothing, a class instance (a Uri),
 * or a tree element (a plain object carrying a `ref`, or with a string `id` and `kind` and no
 * `article`: an item ref `{ kind, article, id }` passed by a script is not a UI argument).
 */
export function isUiArgument(arg: unknown): boolean {
  if (!isPlainObject(arg)) return true;
  if ('ref' in arg) return true;
  return typeof arg.id === 'string' && typeof arg.kind === 'string' && typeof arg.article !== 'string';
}

function typeOk(v: unknown, t: FieldType): boolean {
  if (t === 'strings') return Array.isArray(v) && v.every((x) => typeof x === 'string');
  return typeof v === t;
}

const typeName: Record<FieldType, string> = { string: 'a text', boolean: 'true or false', strings: 'a list of texts' };

/**
 * The scripted arguments of `command`, or undefined when it was called from the UI. Throws a
 * message naming the field when a plain object does not fit `spec`.
 */
export function parseScriptedArgs<T>(command: string, arg: unknown, spec: ArgsSpec): T | undefined {
  if (isUiArgument(arg)) return undefined;
  const obj = arg as Record<string, unknown>;
  const fields = Object.keys(spec);
  for (const k of Object.keys(obj)) {
    if (!(k in spec)) throw new Error(`${command}: unknown argument "${k}" (expected ${fields.join(', ')})`);
  }
  for (const [k, f] of Object.entries(spec)) {
    const v = obj[k];
    if (v === undefined) {
      if (f.required) throw new Error(`${command}: missing argument "${k}"`);
      continue;
    }
    if (!typeOk(v, f.type)) throw new Error(`${command}: argument "${k}" must be ${typeName[f.type]}`);
    if (f.oneOf && !f.oneOf.includes(v as string)) throw new Error(`${command}: unknown ${k} "${String(v)}" (one of ${f.oneOf.join(', ')})`);
  }
  return obj as T;
}
