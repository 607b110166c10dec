import { describe, expect, it } from 'vitest';
import { codeOf, errors, failureCodeOf, ShippedSyntaxError, type CatalogueCode, type ErrorCode } from './errors';

/**
 * Every constructor called once with placeholder arguments: a one-element array reads as text in a template
 * ("x"), and has the length, map and join that list arguments need.
 */
function everyError(): [string, Error][] {
  return Object.entries(errors).map(([name, make]) => {
    const args = Array.from({ length: make.length }, () => ['x']);
    return [name, (make as (...a: unknown[]) => Error)(...args)];
  });
}

describe('error codes', () => {
  it('every constructor of the catalogue gives its error a code, and no two share one', () => {
    const byCode = new Map<string, string[]>();
    for (const [name, e] of everyError()) {
      const code = codeOf(e);
      expect(code, name).toMatch(/^[A-Z][A-Z0-9_]+$/);
      byCode.set(code!, [...(byCode.get(code!) ?? []), name]);
    }
    const shared = [...byCode].filter(([, names]) => names.length > 1);
    expect(shared).toEqual([]);
    expect(byCode.size).toBe(Object.keys(errors).length);
  });

  it('the code is the error\'s own and does not show when it is printed or serialised', () => {
    const e = errors.noOutputOperations();
    expect(e.code).toBe('NO_OUTPUT_OPERATIONS');
    expect(Object.keys(e)).not.toContain('code');
    expect(JSON.stringify(e)).not.toContain('NO_OUTPUT_OPERATIONS');
    expect(e.message).toBe('requirement failed: No output operations registered, so nothing to execute');
  });

  it('a syntax error in shipped source has its code too', () => {
    expect(codeOf(new ShippedSyntaxError('Unexpected token', 1, 5, 4, 'map'))).toBe('SHIPPED_SYNTAX_ERROR');
  });

  it('only catalogue errors have a catalogue code; anything else thrown by user code is a user function error', () => {
    const nodeStyle = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' });
    expect(codeOf(nodeStyle)).toBeUndefined();
    expect(codeOf(new TypeError('f is not a function'))).toBeUndefined();
    expect(codeOf('a string')).toBeUndefined();
    expect(failureCodeOf(new TypeError('x.foo is not a function'))).toBe('USER_FUNCTION_ERROR');
    expect(failureCodeOf(errors.taskTimeout(2000, 'map at pairs'))).toBe('TASK_TIMEOUT');
  });

  it('codes are a typed union: a misspelt code does not compile', () => {
    const ok: CatalogueCode = 'JOB_ABORTED';
    const user: ErrorCode = 'USER_FUNCTION_ERROR';
    // @ts-expect-error not a code of the catalogue
    const wrong: CatalogueCode = 'JOB_ABORTD';
    expect([ok, user, wrong]).toHaveLength(3);
  });
});
