/**
 * Checking what a client sends before a handler reads it: a request with missing or malformed
 * parameters gets an InvalidParams error that says what is wrong, never an internal error.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as an object, or an InvalidParams error naming `what`. */
export function objectParam(value: unknown, what: string): Record<string, unknown> {
  if (!isObject(value)) throw invalidParams(`${what} must be an object`);
  return value;
}

export function stringField(object: Record<string, unknown>, key: string, what: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value === '') throw invalidParams(`${what}.${key} must be a non-empty string`);
  return value;
}

export function integerField(object: Record<string, unknown>, key: string, what: string): number {
  const value = object[key];
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw invalidParams(`${what}.${key} must be a whole number of 0 or more`);
  return value as number;
}

/** An optional integer: null when absent. */
export function optionalIntegerField(object: Record<string, unknown>, key: string, what: string): number | null {
  return object[key] === undefined || object[key] === null ? null : integerField(object, key, what);
}

/** The `uri` of a `{ textDocument: { uri } }` parameter object. */
export function textDocumentUri(params: unknown, what: string): string {
  const textDocument = objectParam(objectParam(params, what).textDocument, `${what}.textDocument`);
  return stringField(textDocument, 'uri', `${what}.textDocument`);
}

/** A `{ line, character }` position. */
export function positionParam(value: unknown, what: string): { line: number; character: number } {
  const position = objectParam(value, what);
  return { line: integerField(position, 'line', what), character: integerField(position, 'character', what) };
}

/** A `{ start, end }` range of positions. */
export function rangeParam(value: unknown, what: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const range = objectParam(value, what);
  return { start: positionParam(range.start, `${what}.start`), end: positionParam(range.end, `${what}.end`) };
}
