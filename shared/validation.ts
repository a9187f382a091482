import './schemas/zod-config.ts';
import * as z from 'zod/mini';
import { ValidationError } from './errors.ts';

/** zod's issues, reduced to what a client needs: which field, and what is wrong with it. */
export function toIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(body)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function parseOrThrow<S extends z.core.$ZodType>(schema: S, value: unknown, what = 'request'): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  const fields = [...new Set(issues.map((issue) => issue.path))].join(', ');
  throw new ValidationError(`Invalid ${what}: ${fields}`, issues);
}
