/** Scala's Option as Spark uses it (outer joins, updateStateByKey, mapWithState). */
import { errors } from './errors';
export interface Option<T> {
  readonly isDefined: boolean;
  readonly isEmpty: boolean;
  get(): T;
  getOrElse<U>(defaultValue: U): T | U;
  map<U>(f: (t: T) => U): Option<U>;
  toString(): string;
}

export class SomeImpl<T> implements Option<T> {
  readonly isDefined = true;
  readonly isEmpty = false;
  constructor(readonly value: T) {}
  get(): T { return this.value; }
  getOrElse<U>(_d: U): T { return this.value; }
  map<U>(f: (t: T) => U): Option<U> { return new SomeImpl(f(this.value)); }
  toString(): string { return `Some(${String(this.value)})`; }
}

export class NoneImpl implements Option<never> {
  readonly isDefined = false;
  readonly isEmpty = true;
  get(): never { throw errors.noneGet(); }
  getOrElse<U>(d: U): U { return d; }
  map<U>(_f: (t: never) => U): Option<U> { return this; }
  toString(): string { return 'None'; }
}

export function Some<T>(value: T): Option<T> { return new SomeImpl(value); }
export const None: Option<never> = new NoneImpl();

export function isOption(x: unknown): x is Option<unknown> { return x instanceof SomeImpl || x instanceof NoneImpl; }
/** Scala's Option(x): None for null/undefined. */
export function OptionOf<T>(x: T | null | undefined): Option<T> { return x === null || x === undefined ? None : Some(x); }
